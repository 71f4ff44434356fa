import { eq, sql } from 'drizzle-orm';
import { execRows } from '../../db/client';
import { sessions } from '../../db/schema/users';
import { STATE_HEADERS, describeOnDatabases, sessionCookie, useTestApp } from '../../test/helper';

describeOnDatabases('sign-in and sessions', (kind) => {
  const t = useTestApp(kind);

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t().app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...STATE_HEADERS, ...headers }, payload: { username, password } });

  async function auditRows(subtype: string, username: string) {
    return execRows<{ outcome: string; detail: Record<string, unknown> | null }>(
      t().database.db,
      sql`select outcome, detail from audit_events where subtype = ${subtype} and username = ${username} order by recorded_at`,
    );
  }

  it('a correct password gets a session in an HttpOnly SameSite=Strict cookie and the user, never a hash or session id', async () => {
    const res = await login('nurse', 'fbss-demo-nurse');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'fbss_session');
    expect(cookie?.httpOnly).toBeTrue();
    expect(cookie?.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user).toEqual(jasmine.objectContaining({ username: 'nurse', role: 'nurse', mustChangePassword: false }));
    expect(body.idleTimeoutSeconds).toBe(15 * 60);
    expect(res.body).not.toContain('scrypt$');
    expect(res.body).not.toContain(cookie!.value);
    expect((await auditRows('login', 'nurse')).some((r) => r.outcome === 'success')).toBeTrue();
  });

  it('a wrong password gets 401 with a clear message and an audited failure', async () => {
    const res = await login('specialist', 'not-the-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('The username or password is not correct.');
    expect(res.cookies.length).toBe(0);
    expect((await auditRows('login', 'specialist')).some((r) => r.outcome === 'failed')).toBeTrue();
  });

  it('an unknown user gets the same answer as a wrong password', async () => {
    const res = await login('nobody-here', 'whatever-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('The username or password is not correct.');
  });

  it('after 5 failed attempts within 15 minutes the account is locked with 429, even for the right password, and it is audited', async () => {
    for (let i = 0; i < 5; i++) expect((await login('manager', `wrong-${i}-password`)).statusCode).toBe(401);
    const locked = await login('manager', 'fbss-demo-manager');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toContain('Too many failed sign-in attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const rows = await auditRows('login', 'manager');
    expect(rows.some((r) => r.outcome === 'denied' && r.detail?.['reason'] === 'locked-out')).toBeTrue();
  });

  it('GET /api/auth/me returns the session; without a cookie it is 401 problem+json', async () => {
    const cookie = await t().login('admin');
    const me = await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.role).toBe('admin');
    const anon = await t().app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
  });

  it('sign-out ends the session', async () => {
    const cookie = await t().login('nurse');
    const out = await t().app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, ...STATE_HEADERS } });
    expect(out.statusCode).toBe(204);
    const after = await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('a session idle longer than the timeout ends with 401 and an audited expiry', async () => {
    const cookie = await t().login('specialist');
    const token = cookie.split('=')[1]!;
    // Age the session's last activity past the 15-minute idle timeout.
    await t().database.db.execute(sql`update sessions set last_seen_at = now() - interval '16 minutes' where ended_at is null and user_id = ${t().users.get('specialist')!.id}`);
    const res = await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toContain('inactivity');
    expect(token.length).toBeGreaterThan(20);
    const ended = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from audit_events where subtype = 'session-ended' and username = 'specialist'`);
    expect(ended[0]!.n).toBeGreaterThan(0);
  });

  it('a session past its absolute lifetime ends even when active', async () => {
    const cookie = await t().login('nurse');
    await t().database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, t().users.get('nurse')!.id));
    const res = await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('changing the password ends all of the user’s sessions', async () => {
    const a = await t().login('dr.chen');
    const b = await t().login('dr.chen');
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: a, ...STATE_HEADERS },
      payload: { currentPassword: 'fbss-demo-drchen', newPassword: 'a-much-longer-passphrase-2026' },
    });
    expect(res.statusCode).toBe(204);
    for (const cookie of [a, b]) {
      expect((await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    }
    expect((await login('dr.chen', 'a-much-longer-passphrase-2026')).statusCode).toBe(200);
  });

  it('a new password shorter than 12 characters is a 400 naming the field', async () => {
    const cookie = await t().login('nurse.jones');
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie, ...STATE_HEADERS },
      payload: { currentPassword: 'fbss-demo-nursejones', newPassword: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContain(jasmine.objectContaining({ path: 'newPassword' }));
  });

  it('bad sign-in input is a 400 naming the field', async () => {
    const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', headers: STATE_HEADERS, payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toContain('username');
    expect(paths).toContain('password');
  });

  it('malformed JSON is a 400 problem', async () => {
    const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...STATE_HEADERS, 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  describe('CSRF', () => {
    it('a state-changing request without X-Requested-With is refused with 403', async () => {
      const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nurse', password: 'fbss-demo-nurse' } });
      expect(res.statusCode).toBe(403);
    });

    it('a cross-site request is refused even with the header', async () => {
      const cross = await login('nurse', 'fbss-demo-nurse', { 'sec-fetch-site': 'cross-site' });
      expect(cross.statusCode).toBe(403);
      const origin = await login('nurse', 'fbss-demo-nurse', { origin: 'https://evil.example', host: 'localhost:4200' });
      expect(origin.statusCode).toBe(403);
    });

    it('a same-origin request with the header is accepted', async () => {
      const res = await login('nurse', 'fbss-demo-nurse', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:4200', host: 'localhost:4200' });
      expect(res.statusCode).toBe(200);
      expect(sessionCookie(res)).toContain('fbss_session=');
    });
  });
});
