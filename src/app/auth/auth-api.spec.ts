import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SessionInfo } from '@shared/contracts/auth';
import { aSession } from '../testing/fixtures';
import { AuthApi } from './auth-api';

describe('AuthApi', () => {
  let api: AuthApi;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AuthApi);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    controller.verify();
  });

  it('GET /api/auth/me parses the session', () => {
    let session: SessionInfo | undefined;
    api.me().subscribe((s) => (session = s));
    const req = controller.expectOne('/api/auth/me');
    expect(req.request.method).toBe('GET');
    req.flush(aSession());
    expect(session).toEqual(aSession());
  });

  it('rejects a response that breaks the contract', () => {
    let failed = false;
    api.me().subscribe({ error: () => (failed = true) });
    controller.expectOne('/api/auth/me').flush({ user: { id: 'x' } });
    expect(failed).toBeTrue();
  });

  it('POST /api/auth/login sends the trimmed credentials', () => {
    api.login({ username: '  nurse.jones ', password: 'secret' }).subscribe();
    const req = controller.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ username: 'nurse.jones', password: 'secret' });
    req.flush(aSession());
  });

  it('POST /api/auth/logout completes on 204', () => {
    let done = false;
    api.logout().subscribe({ complete: () => (done = true) });
    const req = controller.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    req.flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBeTrue();
  });

  it('POST /api/auth/touch returns the refreshed session', () => {
    let session: SessionInfo | undefined;
    api.touch().subscribe((s) => (session = s));
    const req = controller.expectOne('/api/auth/touch');
    expect(req.request.method).toBe('POST');
    req.flush(aSession({}, { idleTimeoutSeconds: 600 }));
    expect(session?.idleTimeoutSeconds).toBe(600);
  });

  it('POST /api/auth/password sends the change', () => {
    api.changePassword({ currentPassword: 'old password 1', newPassword: 'a much longer passphrase' }).subscribe();
    const req = controller.expectOne('/api/auth/password');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ currentPassword: 'old password 1', newPassword: 'a much longer passphrase' });
    req.flush(null, { status: 204, statusText: 'No Content' });
  });
});
