import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { ChangeFailure } from '../state/change-failure';
import { UsersPageActions } from '../state/users-page.actions';
import { usersFeature } from '../state/users.feature';
import { NewUserDialog } from './new-user-dialog';

describe('NewUserDialog', () => {
  let fixture: ComponentFixture<NewUserDialog>;
  let loader: HarnessLoader;
  let store: MockStore;
  let dialogRef: jasmine.SpyObj<MatDialogRef<NewUserDialog, boolean>>;

  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: new RegExp(`^${label}`) }));

  async function fill(label: string, value: string): Promise<void> {
    const input = await (await field(label)).getControl(MatInputHarness);
    if (!input) throw new Error(`No input in ${label}`);
    await input.setValue(value);
    await input.blur();
  }

  async function chooseRole(role: string): Promise<void> {
    const select = await (await field('Role')).getControl(MatSelectHarness);
    await select?.open();
    await select?.clickOptions({ text: role });
  }

  async function fillValid(): Promise<void> {
    await fill('Username', '  J.Smith ');
    await fill('Display name', 'Jo Smith');
    await chooseRole('Pain specialist');
    await fill('Initial password', 'a long initial password');
  }

  async function submit(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create user' }))).click();
  }

  function submitted(): ReturnType<typeof UsersPageActions.createSubmitted> {
    const action = (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as ReturnType<typeof UsersPageActions.createSubmitted>;
    expect(action.type).toBe(UsersPageActions.createSubmitted.type);
    return action;
  }

  beforeEach(async () => {
    dialogRef = jasmine.createSpyObj<MatDialogRef<NewUserDialog, boolean>>('MatDialogRef', ['close']);
    TestBed.configureTestingModule({
      imports: [NewUserDialog],
      providers: [
        provideMockStore({
          selectors: [
            { selector: usersFeature.selectPending, value: null },
            { selector: usersFeature.selectCompleted, value: null },
            { selector: usersFeature.selectFailure, value: null },
          ],
        }),
        { provide: MatDialogRef, useValue: dialogRef },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
    fixture = TestBed.createComponent(NewUserDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('has a labelled field for each part of the account', async () => {
    for (const label of ['Username', 'Display name', 'Role', 'Initial password']) {
      expect(await (await field(label)).getLabel()).toContain(label);
    }
  });

  it('creates the user with the username as the server stores it', async () => {
    await fillValid();
    await submit();
    expect(submitted().body).toEqual({
      username: 'j.smith',
      displayName: 'Jo Smith',
      role: 'specialist',
      password: 'a long initial password',
    });
  });

  it('applies the shared rules before sending anything', async () => {
    await fill('Username', 'j smith');
    await fill('Initial password', 'too short');
    await submit();
    expect(store.dispatch).not.toHaveBeenCalled();
    expect(await (await field('Username')).getTextErrors()).toEqual(['Use letters, digits, dot, dash or underscore']);
    expect(await (await field('Display name')).getTextErrors()).toEqual(['Use at least 2 characters']);
    expect(await (await field('Role')).getTextErrors()).toEqual(['Choose a role']);
    expect(await (await field('Initial password')).getTextErrors()).toEqual(['Use at least 12 characters']);
  });

  it('shows a taken username next to the field', async () => {
    await fillValid();
    await submit();
    const failure: ChangeFailure = {
      requestId: submitted().requestId,
      status: 400,
      message: 'That username is taken.',
      fieldErrors: [{ path: 'username', message: 'That username is taken' }],
      current: null,
      changedBy: null,
    };
    store.overrideSelector(usersFeature.selectFailure, failure);
    store.refreshState();
    await fixture.whenStable();
    expect(await (await field('Username')).getTextErrors()).toEqual(['That username is taken']);
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain('That username is taken.');
    expect(dialogRef.close).not.toHaveBeenCalled();
  });

  it('ignores the failure of another request', async () => {
    store.overrideSelector(usersFeature.selectFailure, {
      requestId: 'someone-else',
      status: 400,
      message: 'That username is taken.',
      fieldErrors: [{ path: 'username', message: 'That username is taken' }],
      current: null,
      changedBy: null,
    });
    store.refreshState();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')).toBeNull();
  });

  it('shows progress while creating, then closes', async () => {
    await fillValid();
    await submit();
    const { requestId } = submitted();
    store.overrideSelector(usersFeature.selectPending, requestId);
    store.refreshState();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('mat-progress-bar')).not.toBeNull();
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Create user' }))).isDisabled()).toBeTrue();
    store.overrideSelector(usersFeature.selectPending, null);
    store.overrideSelector(usersFeature.selectCompleted, requestId);
    store.refreshState();
    await fixture.whenStable();
    expect(dialogRef.close).toHaveBeenCalledOnceWith(true);
  });
});
