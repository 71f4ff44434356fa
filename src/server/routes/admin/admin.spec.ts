import { sql } from 'drizzle-orm';
import { execRows } from '../../db/client';
import { STATE_HEADERS, describeOnDatabases, useTestApp } from '../../test/helper';

describeOnDatabases('user administration and the audit viewer', (kind) => {
  const t = useTestApp(kind);
  let admin = '';
  beforeEach(async () => {
    admin = await t().login('admin');
  });
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t().app.inject({ method, url, headers: { cookie: admin, ...STATE_HEADERS }, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('lists users without password hashes', async () => {
    const res = await call('GET', '/api/admin/users');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { username: string }) => u.username)).toContain('nurse');
    expect(res.body).not.toContain('scrypt');
    expect(res.body).not.toContain('passwordHash');
  });

  it('creates a user who must change the password at first sign-in; duplicate usernames are refused', async () => {
    const res = await call('POST', '/api/admin/users', { username: 'new.nurse', displayName: 'New Nurse', role: 'nurse', password: 'initial-password-123' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual(jasmine.objectContaining({ username: 'new.nurse', role: 'nurse', mustChangePassword: true, active: true }));
    const dup = await call('POST', '/api/admin/users', { username: 'New.Nurse', displayName: 'Again', role: 'nurse', password: 'initial-password-123' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0].path).toBe('username');

    // Until the password is changed, the new user reaches nothing but the session routes.
    const login = await t().app.inject({ method: 'POST', url: '/api/auth/login', headers: STATE_HEADERS, payload: { username: 'new.nurse', password: 'initial-password-123' } });
    expect(login.json().user.mustChangePassword).toBeTrue();
    const cookie = `fbss_session=${login.cookies.find((c) => c.name === 'fbss_session')!.value}`;
    expect((await t().app.inject({ method: 'GET', url: '/api/patients', headers: { cookie } })).statusCode).toBe(403);
    expect((await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('a short password or an unknown role is a 400 naming the field', async () => {
    const res = await call('POST', '/api/admin/users', { username: 'x.y', displayName: 'X Y', role: 'surgeon', password: 'short' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(jasmine.arrayContaining(['role', 'password']));
  });

  it('deactivating a user ends their sessions; reactivating lets them back in', async () => {
    const nurseCookie = await t().login('nurse.jones');
    const users = (await call('GET', '/api/admin/users')).json().items as { id: string; username: string; version: number }[];
    const target = users.find((u) => u.username === 'nurse.jones')!;
    const off = await call('PATCH', `/api/admin/users/${target.id}`, { version: target.version, active: false });
    expect(off.statusCode).toBe(200);
    expect((await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: nurseCookie } })).statusCode).toBe(401);
    const denied = await t().app.inject({ method: 'POST', url: '/api/auth/login', headers: STATE_HEADERS, payload: { username: 'nurse.jones', password: 'fbss-demo-nursejones' } });
    expect(denied.statusCode).toBe(401);
    const on = await call('PATCH', `/api/admin/users/${target.id}`, { version: off.json().version, active: true });
    expect(on.statusCode).toBe(200);
    expect(await t().login('nurse.jones')).toContain('fbss_session=');
  });

  it('a stale version gets 409 with the current record and changes nothing', async () => {
    const users = (await call('GET', '/api/admin/users')).json().items as { id: string; username: string; version: number; displayName: string }[];
    const target = users.find((u) => u.username === 'dr.patel')!;
    const first = await call('PATCH', `/api/admin/users/${target.id}`, { version: target.version, displayName: 'Dr Priya Patel-Shah' });
    expect(first.statusCode).toBe(200);
    const second = await call('PATCH', `/api/admin/users/${target.id}`, { version: target.version, displayName: 'Overwritten' });
    expect(second.statusCode).toBe(409);
    expect(second.json().current.displayName).toBe('Dr Priya Patel-Shah');
  });

  it('an admin cannot deactivate their own account or remove the last admin', async () => {
    const users = (await call('GET', '/api/admin/users')).json().items as { id: string; username: string; version: number }[];
    const self = users.find((u) => u.username === 'admin')!;
    const res = await call('PATCH', `/api/admin/users/${self.id}`, { version: self.version, active: false });
    expect(res.statusCode).toBe(422);
    const demote = await call('PATCH', `/api/admin/users/${self.id}`, { version: self.version, role: 'nurse' });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().detail).toContain('last active administrator');
  });

  it('a password reset forces a change at next sign-in and ends the user’s sessions', async () => {
    const cookie = await t().login('dr.chen');
    const users = (await call('GET', '/api/admin/users')).json().items as { id: string; username: string; version: number }[];
    const target = users.find((u) => u.username === 'dr.chen')!;
    const res = await call('POST', `/api/admin/users/${target.id}/password`, { version: target.version, password: 'reset-by-admin-2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBeTrue();
    expect((await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('the audit viewer filters and pages on the server', async () => {
    await t().login('specialist');
    const res = await call('GET', '/api/admin/audit-events?username=specialist&action=execute&pageSize=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.pageSize).toBe(5);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e: { username: string; action: string }) => e.username === 'specialist' && e.action === 'execute')).toBeTrue();
    const bad = await call('GET', '/api/admin/audit-events?pageSize=1000&outcome=maybe');
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as { path: string }[]).map((e) => e.path)).toEqual(jasmine.arrayContaining(['pageSize', 'outcome']));
  });

  it("the audit viewer's from/to are the clinic's calendar days (Europe/London in the specs), not UTC days", async () => {
    // 23:30 UTC on 30 June 2026 is 00:30 on 1 July in London (BST).
    await t().database.query(
      `insert into audit_events (recorded_at, username, action, subtype, outcome) values ('2026-06-30T23:30:00Z', 'tz-probe', 'read', 'read', 'success')`,
    );
    const day = async (d: string) => (await call('GET', `/api/admin/audit-events?username=tz-probe&from=${d}&to=${d}`)).json().total as number;
    expect(await day('2026-07-01')).toBe(1);
    expect(await day('2026-06-30')).toBe(0);
  });

  it('the audit CSV export is itself audited', async () => {
    const res = await call('GET', '/api/admin/audit-events/export?action=execute');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\r\n')[0]).toContain('recordedAt,username,role,action');
    const [row] = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from audit_events where subtype = 'export' and entity_type = 'AuditEvent' and username = 'admin'`);
    expect(row!.n).toBeGreaterThan(0);
  });
});
