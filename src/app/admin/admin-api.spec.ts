import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AuditEventPage, UserSummary } from '@shared/contracts/admin';
import { AdminApi } from './admin-api';
import { aUserSummary, anAuditEvent, anAuditPage } from './admin-fixtures';
import { DEFAULT_AUDIT_QUERY } from './audit-query';

describe('AdminApi', () => {
  let api: AdminApi;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AdminApi);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    controller.verify();
  });

  it('GET /api/admin/users returns the items', () => {
    const users = [aUserSummary(), aUserSummary({ role: 'admin' })];
    let result: UserSummary[] | undefined;
    api.listUsers().subscribe((r) => (result = r));
    const req = controller.expectOne('/api/admin/users');
    expect(req.request.method).toBe('GET');
    req.flush({ items: users });
    expect(result).toEqual(users);
  });

  it('POST /api/admin/users with the body', () => {
    const user = aUserSummary({ mustChangePassword: true });
    let result: UserSummary | undefined;
    const body = { username: 'j.smith', displayName: 'Jo Smith', role: 'nurse' as const, password: 'a long initial password' };
    api.createUser(body).subscribe((r) => (result = r));
    const req = controller.expectOne('/api/admin/users');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(body);
    req.flush(user, { status: 201, statusText: 'Created' });
    expect(result).toEqual(user);
  });

  it('PATCH /api/admin/users/:id with the version', () => {
    const user = aUserSummary();
    api.updateUser(user.id, { version: 3, active: false }).subscribe();
    const req = controller.expectOne(`/api/admin/users/${user.id}`);
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 3, active: false });
    req.flush({ ...user, active: false, version: 4 });
  });

  it('POST /api/admin/users/:id/password with the version', () => {
    const user = aUserSummary();
    api.resetPassword(user.id, { version: 2, password: 'reset by the admin' }).subscribe();
    const req = controller.expectOne(`/api/admin/users/${user.id}/password`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ version: 2, password: 'reset by the admin' });
    req.flush({ ...user, mustChangePassword: true, version: 3 });
  });

  it('GET /api/admin/audit-events with the filters and explicit paging', () => {
    const page = anAuditPage([anAuditEvent()], { total: 30, page: 2, pageSize: 25 });
    let result: AuditEventPage | undefined;
    api
      .auditEvents({ ...DEFAULT_AUDIT_QUERY, page: 2, username: 'nurse', outcome: 'denied', from: '2025-05-01' })
      .subscribe((r) => (result = r));
    const req = controller.expectOne((r) => r.url === '/api/admin/audit-events');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('pageSize')).toBe('25');
    expect(req.request.params.get('username')).toBe('nurse');
    expect(req.request.params.get('outcome')).toBe('denied');
    expect(req.request.params.get('from')).toBe('2025-05-01');
    expect(req.request.params.has('to')).toBeFalse();
    req.flush(page);
    expect(result).toEqual(page);
  });

  it('rejects a response that breaks the contract', () => {
    let failed = false;
    api.listUsers().subscribe({ error: () => (failed = true) });
    controller.expectOne('/api/admin/users').flush({ items: [{ id: 'x', passwordHash: 'scrypt$...' }] });
    expect(failed).toBeTrue();
  });
});
