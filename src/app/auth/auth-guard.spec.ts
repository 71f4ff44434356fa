import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { aUser } from '../testing/fixtures';
import { authGuard, permissionGuard, signedInGuard, signedOutGuard } from './auth-guard';
import { type AuthState, authFeature, initialAuthState } from './state/auth.feature';

@Component({ template: 'page', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

describe('auth guards', () => {
  let store: MockStore;

  function setAuth(auth: Partial<AuthState>): void {
    store.overrideSelector(authFeature.selectAuthState, { ...initialAuthState, ...auth });
    store.refreshState();
  }

  async function open(url: string): Promise<string> {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return TestBed.inject(Router).url;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideMockStore(),
        provideRouter([
          { path: 'login', component: Page, canActivate: [signedOutGuard] },
          { path: 'change-password', component: Page, canActivate: [signedInGuard] },
          { path: 'forbidden', component: Page },
          { path: 'worklist', component: Page, canActivate: [authGuard] },
          { path: 'admin/users', component: Page, canActivate: [authGuard, permissionGuard('user.manage')] },
        ]),
      ],
    });
    store = TestBed.inject(MockStore);
  });

  afterEach(() => {
    store.resetSelectors();
  });

  describe('authGuard', () => {
    it('lets a signed-in user in', async () => {
      setAuth({ status: 'signed-in', user: aUser() });
      expect(await open('/worklist?page=2')).toBe('/worklist?page=2');
    });

    it('sends a signed-out user to sign in, with the way back', async () => {
      setAuth({ status: 'signed-out' });
      expect(await open('/worklist?page=2')).toBe('/login?returnUrl=%2Fworklist%3Fpage%3D2');
    });

    it('sends a user who must change the password to that page first', async () => {
      setAuth({ status: 'signed-in', user: aUser({ mustChangePassword: true }) });
      expect(await open('/worklist')).toBe('/change-password?returnUrl=%2Fworklist');
    });

    it('waits for the start-up session check', async () => {
      setAuth({ status: 'unknown' });
      const harness = await RouterTestingHarness.create();
      const navigation = harness.navigateByUrl('/worklist');
      setAuth({ status: 'signed-in', user: aUser() });
      await navigation;
      expect(TestBed.inject(Router).url).toBe('/worklist');
    });
  });

  describe('permissionGuard', () => {
    it('lets a role with the permission in', async () => {
      setAuth({ status: 'signed-in', user: aUser({ role: 'admin' }) });
      expect(await open('/admin/users')).toBe('/admin/users');
    });

    it('nurse cannot open user administration: Not permitted', async () => {
      setAuth({ status: 'signed-in', user: aUser({ role: 'nurse' }) });
      expect(await open('/admin/users')).toBe('/forbidden');
    });
  });

  describe('signedInGuard', () => {
    it('lets a user who must change the password open the password page', async () => {
      setAuth({ status: 'signed-in', user: aUser({ mustChangePassword: true }) });
      expect(await open('/change-password')).toBe('/change-password');
    });

    it('sends a signed-out user to sign in', async () => {
      setAuth({ status: 'signed-out' });
      expect(await open('/change-password')).toBe('/login?returnUrl=%2Fchange-password');
    });
  });

  describe('signedOutGuard', () => {
    it('shows the sign-in page when signed out', async () => {
      setAuth({ status: 'signed-out' });
      expect(await open('/login')).toBe('/login');
    });

    it("sends a signed-in user to the role's home page", async () => {
      setAuth({ status: 'signed-in', user: aUser({ role: 'nurse' }) });
      expect(await open('/login')).toBe('/worklist');
    });
  });
});
