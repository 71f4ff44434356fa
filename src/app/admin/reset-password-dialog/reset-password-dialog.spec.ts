import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { aUserSummary } from '../admin-fixtures';
import { UsersPageActions } from '../state/users-page.actions';
import { usersFeature } from '../state/users.feature';
import { ResetPasswordDialog } from './reset-password-dialog';

describe('ResetPasswordDialog', () => {
  let fixture: ComponentFixture<ResetPasswordDialog>;
  let loader: HarnessLoader;
  let store: MockStore;
  const zoe = aUserSummary({ username: 'zoe', displayName: 'Zoe Park', version: 7 });

  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: new RegExp(`^${label}`) }));

  async function fill(label: string, value: string): Promise<void> {
    const input = await (await field(label)).getControl(MatInputHarness);
    await input?.setValue(value);
    await input?.blur();
  }

  const submit = async () => (await loader.getHarness(MatButtonHarness.with({ text: 'Reset password' }))).click();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ResetPasswordDialog],
      providers: [
        provideMockStore({
          selectors: [
            { selector: usersFeature.selectPending, value: null },
            { selector: usersFeature.selectCompleted, value: null },
            { selector: usersFeature.selectFailure, value: null },
          ],
        }),
        { provide: MatDialogRef, useValue: jasmine.createSpyObj('MatDialogRef', ['close']) },
        { provide: MAT_DIALOG_DATA, useValue: { user: zoe } },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
    fixture = TestBed.createComponent(ResetPasswordDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('sends the new password with the version seen', async () => {
    await fill('New password', 'a new long password');
    await fill('Confirm new password', 'a new long password');
    await submit();
    const action = (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as ReturnType<typeof UsersPageActions.passwordResetSubmitted>;
    expect(action).toEqual(
      UsersPageActions.passwordResetSubmitted({ requestId: action.requestId, user: zoe, password: 'a new long password' }),
    );
  });

  it('applies the shared password rule', async () => {
    await fill('New password', 'short');
    await fill('Confirm new password', 'short');
    await submit();
    expect(store.dispatch).not.toHaveBeenCalled();
    expect(await (await field('New password')).getTextErrors()).toEqual(['Use at least 12 characters']);
  });

  it('asks for the same password twice', async () => {
    await fill('New password', 'a new long password');
    await submit();
    expect(await (await field('Confirm new password')).getTextErrors()).toEqual(['Enter the password again']);
    await fill('Confirm new password', 'a new long passworf');
    await submit();
    expect(store.dispatch).not.toHaveBeenCalled();
    expect(await (await field('Confirm new password')).getTextErrors()).toEqual(['The passwords do not match']);
  });

  it('shows a 400 on the password next to the field', async () => {
    await fill('New password', 'a new long password');
    await fill('Confirm new password', 'a new long password');
    await submit();
    const action = (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as ReturnType<typeof UsersPageActions.passwordResetSubmitted>;
    store.overrideSelector(usersFeature.selectFailure, {
      requestId: action.requestId,
      status: 400,
      message: 'Check the highlighted fields.',
      fieldErrors: [{ path: 'password', message: 'Use at most 256 characters' }],
      current: null,
      changedBy: null,
    });
    store.refreshState();
    await fixture.whenStable();
    expect(await (await field('New password')).getTextErrors()).toEqual(['Use at most 256 characters']);
  });
});
