import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { aUserSummary } from '../admin-fixtures';
import type { ChangeFailure } from '../state/change-failure';
import { UsersPageActions } from '../state/users-page.actions';
import { usersFeature } from '../state/users.feature';
import { type SetActiveData, SetActiveDialog } from './set-active-dialog';

describe('SetActiveDialog', () => {
  let fixture: ComponentFixture<SetActiveDialog>;
  let loader: HarnessLoader;
  let store: MockStore;
  let dialogRef: jasmine.SpyObj<MatDialogRef<SetActiveDialog, boolean>>;
  const zoe = aUserSummary({ username: 'zoe', displayName: 'Zoe Park', role: 'nurse', version: 2 });

  let data: SetActiveData;

  async function render(view: SetActiveData): Promise<void> {
    data = view;
    fixture = TestBed.createComponent(SetActiveDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;

  function requestId(): string {
    const action = (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as ReturnType<typeof UsersPageActions.activeChangeConfirmed>;
    return action.requestId;
  }

  async function fail(failure: Omit<ChangeFailure, 'requestId'>): Promise<void> {
    store.overrideSelector(usersFeature.selectFailure, { ...failure, requestId: requestId() });
    store.refreshState();
    await fixture.whenStable();
  }

  beforeEach(() => {
    dialogRef = jasmine.createSpyObj<MatDialogRef<SetActiveDialog, boolean>>('MatDialogRef', ['close']);
    TestBed.configureTestingModule({
      imports: [SetActiveDialog],
      providers: [
        provideMockStore({
          selectors: [
            { selector: usersFeature.selectPending, value: null },
            { selector: usersFeature.selectCompleted, value: null },
            { selector: usersFeature.selectFailure, value: null },
          ],
        }),
        { provide: MatDialogRef, useValue: dialogRef },
        { provide: MAT_DIALOG_DATA, useFactory: () => data },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('explains a deactivation and sends it with the version seen', async () => {
    await render({ user: zoe, active: false });
    expect(element().textContent).toContain('Zoe Park will be signed out everywhere');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Deactivate' }))).click();
    expect(store.dispatch).toHaveBeenCalledOnceWith(
      UsersPageActions.activeChangeConfirmed({ requestId: requestId(), user: zoe, active: false }),
    );
  });

  it('reactivates', async () => {
    await render({ user: { ...zoe, active: false }, active: true });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Reactivate' }))).click();
    expect(store.dispatch).toHaveBeenCalledOnceWith(
      UsersPageActions.activeChangeConfirmed({ requestId: requestId(), user: { ...zoe, active: false }, active: true }),
    );
  });

  it('closes once the change succeeded', async () => {
    await render({ user: zoe, active: false });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Deactivate' }))).click();
    store.overrideSelector(usersFeature.selectCompleted, requestId());
    store.refreshState();
    await fixture.whenStable();
    expect(dialogRef.close).toHaveBeenCalledOnceWith(true);
  });

  it("shows the server's rule (422) and stays open", async () => {
    await render({ user: zoe, active: false });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Deactivate' }))).click();
    await fail({ status: 422, message: 'You cannot deactivate your own account.', fieldErrors: [], current: null, changedBy: null });
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('You cannot deactivate your own account.');
    expect(dialogRef.close).not.toHaveBeenCalled();
  });

  it('shows what changed and by whom after a 409, and reloads instead of overwriting', async () => {
    await render({ user: zoe, active: false });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Deactivate' }))).click();
    const current = { ...zoe, role: 'specialist' as const, version: 3 };
    await fail({
      status: 409,
      message: 'This record was changed by someone else since you opened it.',
      fieldErrors: [],
      current,
      changedBy: { username: 'admin2', recordedAt: '2025-05-02T09:15:00.000Z' },
    });
    const alert = element().querySelector('[role="alert"]')?.textContent.replace(/\s+/g, ' ') ?? '';
    expect(alert).toContain('zoe was changed since you opened the list');
    expect(alert).toContain('Changed by admin2 on 2 May 2025');
    expect(alert).toContain('RoleNursePain specialist');
    // Sending the same stale change again is not offered.
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Deactivate' }))).isDisabled()).toBeTrue();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Reload zoe' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(UsersPageActions.conflictReloadClicked({ current }));
    expect(dialogRef.close).toHaveBeenCalledOnceWith(false);
  });
});
