import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { AuthPageActions } from '../state/auth-page.actions';
import { authFeature } from '../state/auth.feature';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let loader: HarnessLoader;
  let store: MockStore;

  function element(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function render(inputs: { returnUrl?: string; reason?: string } = {}): Promise<void> {
    fixture = TestBed.createComponent(LoginPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
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

  it('has labelled Username and Password fields and a Sign in button', async () => {
    await render();
    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    const labels = await Promise.all(fields.map((field) => field.getLabel()));
    expect(labels.map((label) => label?.replace('*', '').trim())).toEqual(['Username', 'Password']);
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).isDisabled()).toBeFalse();
    const password = await loader.getHarness(MatInputHarness.with({ selector: '[autocomplete="current-password"]' }));
    expect(await password.getType()).toBe('password');
  });

  it('signs in with the credentials and the return URL', async () => {
    await render({ returnUrl: '/worklist?page=3' });
    await (await loader.getHarness(MatInputHarness.with({ selector: '[autocomplete="username"]' }))).setValue('nurse.jones');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[autocomplete="current-password"]' }))
    ).setValue('correct horse battery');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();
    expect(store.dispatch).toHaveBeenCalledOnceWith(
      AuthPageActions.signInSubmitted({
        credentials: { username: 'nurse.jones', password: 'correct horse battery' },
        returnUrl: '/worklist?page=3',
      }),
    );
  });

  it('asks for missing fields instead of submitting', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();
    expect(store.dispatch).not.toHaveBeenCalled();
    const username = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /Username/ }));
    expect(await username.getTextErrors()).toEqual(['Enter your username']);
    expect(document.activeElement?.getAttribute('autocomplete')).toBe('username');
  });

  it("shows the server's message in an alert", async () => {
    store.overrideSelector(authFeature.selectError, 'Wrong username or password.');
    await render();
    expect(element().querySelector('[role="alert"]')?.textContent.trim()).toBe('Wrong username or password.');
  });

  it('explains a sign-out after inactivity', async () => {
    await render({ reason: 'idle', returnUrl: '/worklist' });
    expect(element().querySelector('[role="status"]')?.textContent.trim()).toBe('You were signed out after a period of inactivity.');
  });

  it('confirms a password change', async () => {
    await render({ reason: 'password-changed' });
    expect(element().querySelector('[role="status"]')?.textContent.trim()).toBe('Password changed. Sign in with your new password.');
  });

  it('ignores an unknown reason', async () => {
    await render({ reason: 'toString' });
    expect(element().querySelector('[role="status"]')).toBeNull();
  });

  it('disables the button while signing in', async () => {
    store.overrideSelector(authFeature.selectPending, true);
    await render();
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).isDisabled()).toBeTrue();
  });
});
