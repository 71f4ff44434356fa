import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { PROBLEM_TYPES, type Problem } from '@shared/contracts/problem';
import { SessionActions } from '../../auth/state/session.actions';
import { authFeature } from '../../auth/state/auth.feature';
import { ApiError, NETWORK_ERROR_MESSAGE, SERVER_ERROR_MESSAGE } from './api-error';
import { problemInterceptor } from './problem-interceptor';

describe('problemInterceptor', () => {
  let http: HttpClient;
  let controller: HttpTestingController;
  let store: MockStore;

  const unauthenticated: Problem = {
    type: PROBLEM_TYPES[401],
    title: 'Not signed in',
    status: 401,
    detail: 'Sign in to continue.',
  };

  function request(url: string): { error: () => unknown } {
    let caught: unknown;
    http.get(url).subscribe({ error: (e: unknown) => (caught = e) });
    return { error: () => caught };
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideMockStore({ selectors: [{ selector: authFeature.selectStatus, value: 'signed-in' }] }),
      ],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    controller.verify();
    store.resetSelectors();
  });

  it('turns a problem+json answer into an ApiError carrying the problem', () => {
    const problem: Problem = {
      type: PROBLEM_TYPES[409],
      title: 'Stale version',
      status: 409,
      detail: 'Someone else changed this record.',
    };
    const result = request('/api/patients/1');
    controller.expectOne('/api/patients/1').flush(problem, { status: 409, statusText: 'Conflict' });
    const error = result.error();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).problem).toEqual(problem);
    expect((error as ApiError).message).toBe('Someone else changed this record.');
  });

  it('keeps 5xx messages generic even if the body says more', () => {
    const result = request('/api/patients');
    controller
      .expectOne('/api/patients')
      .flush({ type: 'x', title: 'Internal', status: 500, detail: 'TypeError at repo.ts:12' }, { status: 500, statusText: 'Error' });
    expect((result.error() as ApiError).message).toBe(SERVER_ERROR_MESSAGE);
  });

  it('explains network failures', () => {
    const result = request('/api/patients');
    controller.expectOne('/api/patients').error(new ProgressEvent('error'), { status: 0, statusText: '' });
    expect((result.error() as ApiError).message).toBe(NETWORK_ERROR_MESSAGE);
  });

  it('ends the session on a 401 from an ordinary API call, returning to the current page', async () => {
    await TestBed.inject(Router).navigateByUrl('/');
    const result = request('/api/patients');
    controller.expectOne('/api/patients').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
    expect(result.error()).toBeInstanceOf(ApiError);
    expect(store.dispatch).toHaveBeenCalledOnceWith(SessionActions.expired({ returnUrl: '/' }));
  });

  for (const url of ['/api/auth/login', '/api/auth/me', '/api/auth/logout']) {
    it(`does not treat a 401 from ${url} as an expired session`, () => {
      const result = request(url);
      controller.expectOne(url).flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
      expect(result.error()).toBeInstanceOf(ApiError);
      expect(store.dispatch).not.toHaveBeenCalled();
    });
  }

  it('does not end a session that is not signed in', () => {
    store.overrideSelector(authFeature.selectStatus, 'signed-out');
    store.refreshState();
    request('/api/patients');
    controller.expectOne('/api/patients').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });
    expect(store.dispatch).not.toHaveBeenCalled();
  });
});
