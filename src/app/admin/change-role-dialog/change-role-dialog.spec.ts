import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { aUserSummary } from '../admin-fixtures';
import { UsersPageActions } from '../state/users-page.actions';
import { usersFeature } from '../state/users.feature';
import { type ChangeRoleData, ChangeRoleDialog } from './change-role-dialog';

describe('ChangeRoleDialog', () => {
  let fixture: ComponentFixture<ChangeRoleDialog>;
  let loader: HarnessLoader;
  let store: MockStore;
  const zoe = aUserSummary({ username: 'zoe', displayName: 'Zoe Park', role: 'nurse', version: 5 });

  let data: ChangeRoleData;

  async function render(view: ChangeRoleData): Promise<void> {
    data = view;
    fixture = TestBed.createComponent(ChangeRoleDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const submitButton = () => loader.getHarness(MatButtonHarness.with({ text: 'Change role' }));

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ChangeRoleDialog],
      providers: [
        provideMockStore({
          selectors: [
            { selector: usersFeature.selectPending, value: null },
            { selector: usersFeature.selectCompleted, value: null },
            { selector: usersFeature.selectFailure, value: null },
          ],
        }),
        { provide: MatDialogRef, useValue: jasmine.createSpyObj('MatDialogRef', ['close']) },
        { provide: MAT_DIALOG_DATA, useFactory: () => data },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('starts at the current role and asks for a different one', async () => {
    await render({ user: zoe, lastAdmin: false, isSelf: false });
    const select = await loader.getHarness(MatSelectHarness);
    expect(await select.getValueText()).toBe('Nurse');
    expect(await (await submitButton()).isDisabled()).toBeTrue();
  });

  it('sends the new role with the version seen', async () => {
    await render({ user: zoe, lastAdmin: false, isSelf: false });
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: 'Manager' });
    await (await submitButton()).click();
    const action = (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as ReturnType<typeof UsersPageActions.roleChangeConfirmed>;
    expect(action).toEqual(UsersPageActions.roleChangeConfirmed({ requestId: action.requestId, user: zoe, role: 'manager' }));
  });

  it('explains why the only active administrator keeps the role', async () => {
    const admin = aUserSummary({ username: 'admin', role: 'admin' });
    await render({ user: admin, lastAdmin: true, isSelf: true });
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('This is the only active administrator');
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: 'Nurse' });
    expect(await (await submitButton()).isDisabled()).toBeTrue();
  });

  it('warns administrators changing their own role', async () => {
    await render({ user: aUserSummary({ username: 'admin', role: 'admin' }), lastAdmin: false, isSelf: true });
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('This is your own account');
  });
});
