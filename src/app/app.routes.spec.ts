import { type HttpRequest, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideEffects } from '@ngrx/effects';
import { provideRouterStore, routerReducer } from '@ngrx/router-store';
import { Store, provideStore } from '@ngrx/store';
import { PROBLEM_TYPES } from '@shared/contracts/problem';
import type { Role } from '@shared/domain/permissions';
import { routes, shellRoutes } from './app.routes';
import * as authEffects from './auth/state/auth.effects';
import { AuthApiActions } from './auth/state/auth-api.actions';
import { type AuthState, authFeature } from './auth/state/auth.feature';
import { clearStateOnSessionEnd } from './auth/state/clear-state.metareducer';
import { csrfInterceptor } from './core/http/csrf-interceptor';
import { problemInterceptor } from './core/http/problem-interceptor';
import { IdleService } from './core/idle/idle';
import { NAV_SECTIONS, routedSections } from './core/shell/nav-sections';
import { aPage, aPatient, aSession } from './testing/fixtures';

/** The real routes, store, effects and interceptors, with a fake server. */
describe('app routes', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  function signIn(role: Role): void {
    TestBed.inject(Store).dispatch(AuthApiActions.sessionLoaded({ session: aSession({ role, displayName: 'Alex Jones' }) }));
  }

  async function open(url: string): Promise<string> {
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
    return TestBed.inject(Router).url;
  }

  /** The list request (not the clinic-wide overdue count the worklist also asks for when it opens). */
  const isList = (r: HttpRequest<unknown>): boolean => r.url === '/api/patients' && r.params.get('overdue') !== 'true';
  const isOverdueCount = (r: HttpRequest<unknown>): boolean => r.url === '/api/patients' && r.params.get('overdue') === 'true';

  function text(): string {
    return (harness.routeNativeElement?.ownerDocument.body.textContent ?? '').replace(/\s+/g, ' ');
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        provideHttpClient(withInterceptors([csrfInterceptor, problemInterceptor])),
        provideHttpClientTesting(),
        provideStore({ router: routerReducer, [authFeature.name]: authFeature.reducer }, { metaReducers: [clearStateOnSessionEnd] }),
        provideEffects(authEffects),
        provideRouterStore(),
        { provide: NAV_SECTIONS, useValue: routedSections(shellRoutes) },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    TestBed.inject(IdleService).stop();
  });

  it('sends a signed-out user to sign in, and back afterwards', async () => {
    TestBed.inject(Store).dispatch(AuthApiActions.sessionMissing());
    expect(await open('/worklist?page=2')).toBe('/login?returnUrl=%2Fworklist%3Fpage%3D2');
    expect(text()).toContain('Sign in to FBSS Dashboard');
  });

  it("takes a nurse from / to the worklist and loads it from the URL's query", async () => {
    signIn('nurse');
    expect(await open('/')).toBe('/worklist');
    const req = http.expectOne(isList);
    http.expectOne(isOverdueCount).flush(aPage([], { total: 3 }));
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('sort')).toBe('priority');
    expect(req.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    req.flush(aPage([aPatient({ familyName: 'Okafor', givenName: 'Ada' })]));
    await harness.fixture.whenStable();
    expect(text()).toContain('Okafor, Ada');
    expect(text()).toContain('Alex Jones');
    const nav = harness.routeNativeElement?.ownerDocument.querySelector('nav[aria-label="Main"]');
    expect(nav?.textContent).toContain('Worklist');
    // A nurse's sections only: never the managers' or administrators' pages.
    expect(nav?.textContent).toContain('Follow-ups due');
    expect(nav?.textContent).not.toContain('Outcomes');
    expect(nav?.textContent).not.toContain('Audit log');
  });

  it('reloads when the URL query changes (bookmarks, back and forward)', async () => {
    signIn('nurse');
    await open('/worklist?sort=-name');
    http.expectOne((r) => isList(r) && r.params.get('sort') === '-name').flush(aPage([]));
    http.expectOne(isOverdueCount).flush(aPage([], { total: 3 }));
    await open('/worklist?sort=-name&page=2');
    // The list follows the URL; the overdue count is not asked for again.
    http.expectOne((r) => isList(r) && r.params.get('page') === '2').flush(aPage([], { page: 2 }));
    http.verify();
  });

  it('shows "Not permitted" to a role without the permission (manager on the worklist)', async () => {
    signIn('manager');
    expect(await open('/worklist')).toBe('/forbidden');
    expect(text()).toContain('Your role (Manager) may not open that page.');
  });

  it('shows "Page not found" for unknown addresses', async () => {
    signIn('nurse');
    expect(await open('/no/such/page')).toBe('/no/such/page');
    expect(text()).toContain('Page not found');
  });

  it('returns to sign-in when the session ends on the server (401), and forgets the patients', async () => {
    signIn('specialist');
    await open('/worklist?q=oka');
    http.expectOne(isOverdueCount).flush(aPage([], { total: 3 }));
    http
      .expectOne(isList)
      .flush({ type: PROBLEM_TYPES[401], title: 'Not signed in', status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await harness.fixture.whenStable();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fworklist%3Fq%3Doka&reason=expired');
    expect(text()).toContain('Your session has ended. Sign in again to continue.');
    const state = TestBed.inject(Store).selectSignal((s: { worklist: { ids: unknown[] }; auth: AuthState }) => s)();
    expect(state.worklist.ids).toEqual([]);
    expect(state.auth.user).toBeNull();
  });
});
