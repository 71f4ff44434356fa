import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { aUser } from '../../testing/fixtures';
import { AuthPageActions } from '../state/auth-page.actions';
import { authFeature } from '../state/auth.feature';
import { ChangePasswordPage } from './change-password-page';

describe('ChangePasswordPage', () => {
  let fixture: ComponentFixture<ChangePasswordPage>;
  let loader: HarnessLoader;
  let store: MockStore;

  async function fill(label: string, value: string): Promise<void> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: new RegExp(`^${label}`) }));
    const input = await field.getControl(MatInputHarness);
    if (!input) throw new Error(`No input in ${label}`);
    await input.setValue(value);
    await input.blur();
  }

  async function submit(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Change password' }))).click();
  }

  async function render(mustChangePassword = false): Promise<void> {
    store.overrideSelector(authFeature.selectUser, aUser({ mustChangePassword }));
    fixture = TestBed.createComponent(ChangePasswordPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ChangePasswordPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          selectors: [
            { selector: authFeature.selectPending, value: false },
            { selector: authFeature.selectError, value: null },
          ],
        }),
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('submits a valid change', async () => {
    await render();
    await fill('Current password', 'old password 1');
    await fill('New password', 'a much longer passphrase');
    await fill('Confirm new password', 'a much longer passphrase');
    await submit();
    expect(store.dispatch).toHaveBeenCalledOnceWith(
      AuthPageActions.changePasswordSubmitted({
        body: { currentPassword: 'old password 1', newPassword: 'a much longer passphrase' },
      }),
    );
  });

  it('applies the shared password rule (at least 12 characters)', async () => {
    await render();
    await fill('Current password', 'old password 1');
    await fill('New password', 'too short');
    await fill('Confirm new password', 'too short');
    await submit();
    expect(store.dispatch).not.toHaveBeenCalled();
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /^New password/ }));
    expect(await field.getTextErrors()).toEqual(['Use at least 12 characters']);
  });

  it('refuses mismatched confirmation', async () => {
    await render();
    await fill('Current password', 'old password 1');
    await fill('New password', 'a much longer passphrase');
    await fill('Confirm new password', 'a much longer passphrasf');
    await submit();
    expect(store.dispatch).not.toHaveBeenCalled();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('The new passwords do not match.');
  });

  it('refuses the current password as the new one', async () => {
    await render();
    await fill('Current password', 'the same passphrase');
    await fill('New password', 'the same passphrase');
    await fill('Confirm new password', 'the same passphrase');
    await submit();
    expect(store.dispatch).not.toHaveBeenCalled();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Choose a password different from the current one.');
  });

  it('says why when the change is required, and offers no way around it but signing out', async () => {
    await render(true);
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Choose a new password before you continue.');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Cancel' }))).toEqual([]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign out' }))).click();
    expect(store.dispatch).toHaveBeenCalledOnceWith(AuthPageActions.signOutClicked());
  });

  it('offers Cancel when the change is by choice', async () => {
    await render(false);
    expect((await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Cancel' }))).length).toBe(1);
  });
});
