import { sql } from 'drizzle-orm';
import { ROLES, can, type Role } from '../../shared/domain/permissions';
import { execRows } from '../db/client';
import { STATE_HEADERS, describeOnDatabases, useTestApp } from '../test/helper';
import { isProtectedPath } from './access-control';

/** The only routes under /api and /fhir that answer without a session (issue 3). */
const OPEN_ROUTES = ['GET /api/health', 'GET /api/ready', 'POST /api/auth/login', 'GET /fhir/metadata'];
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const DEMO_USER: Record<Role, string> = { nurse: 'nurse', specialist: 'specialist', manager: 'manager', admin: 'admin' };

function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z]+/g, SAMPLE_ID);
}

describeOnDatabases('access control (deny by default)', (kind) => {
  const t = useTestApp(kind);
  const protectedRoutes = () => t().app.routeAccess.filter((r) => isProtectedPath(r.url));

  it('every route under /api and /fhir declares what it requires', () => {
    const undeclared = protectedRoutes().filter((r) => r.access === undefined);
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(protectedRoutes().length).toBeGreaterThan(8);
  });

  it('only health, readiness, sign-in and FHIR metadata are open', () => {
    const open = protectedRoutes()
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`);
    for (const route of open) expect(OPEN_ROUTES).toContain(route);
  });

  it('every non-open route answers 401 problem+json without a session', async () => {
    for (const r of protectedRoutes().filter((x) => x.access !== 'public')) {
      const res = await t().app.inject({ method: r.method as 'GET', url: concreteUrl(r.url), headers: STATE_HEADERS, payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode).withContext(`${r.method} ${r.url}`).toBe(401);
      // /api answers problem+json; /fhir answers a FHIR OperationOutcome.
      expect(res.headers['content-type'])
        .withContext(`${r.method} ${r.url}`)
        .toContain(r.url.startsWith('/fhir') ? 'application/fhir+json' : 'application/problem+json');
    }
  });

  for (const role of ROLES) {
    it(`${role}: every route needing a permission the ${role} lacks answers 403 and is audited as denied`, async () => {
      const cookie = await t().login(DEMO_USER[role]);
      const countDenied = async () => {
        const [row] = await execRows<{ n: number }>(
          t().database.db,
          sql`select count(*)::int as n from audit_events where subtype = 'access-denied' and outcome = 'denied' and username = ${DEMO_USER[role]}`,
        );
        return row!.n;
      };
      const before = await countDenied();
      const denied = protectedRoutes().filter((r) => r.access !== undefined && r.access !== 'public' && r.access !== 'authenticated' && !can(role, r.access));
      for (const r of denied) {
        const res = await t().app.inject({ method: r.method as 'GET', url: concreteUrl(r.url), headers: { cookie, ...STATE_HEADERS }, payload: r.method === 'GET' ? undefined : {} });
        expect(res.statusCode).withContext(`${role} ${r.method} ${r.url}`).toBe(403);
      }
      expect((await countDenied()) - before).toBe(denied.length);
    });
  }

  it('manager cannot read the worklist (403, audited as denied)', async () => {
    const cookie = await t().login('manager');
    const res = await t().app.inject({ method: 'GET', url: '/api/patients', headers: { cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('admin cannot open a patient record', async () => {
    const cookie = await t().login('admin');
    const res = await t().app.inject({ method: 'GET', url: `/api/patients/${SAMPLE_ID}`, headers: { cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('nurse cannot manage users or read the audit log', async () => {
    const cookie = await t().login('nurse');
    expect((await t().app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie } })).statusCode).toBe(403);
    expect((await t().app.inject({ method: 'GET', url: '/api/admin/audit-events', headers: { cookie } })).statusCode).toBe(403);
  });

  it('API responses are never cached', async () => {
    const cookie = await t().login('nurse');
    const res = await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describeOnDatabases('audit trail', (kind) => {
  const t = useTestApp(kind);

  it('the database refuses UPDATE and DELETE on audit events', async () => {
    await t().login('nurse');
    const db = t().database;
    await expectAsync(db.query(`update audit_events set outcome = 'success'`)).toBeRejectedWithError(/append-only/);
    await expectAsync(db.query(`delete from audit_events`)).toBeRejectedWithError(/append-only/);
    await expectAsync(db.query(`truncate audit_events`)).toBeRejectedWithError(/append-only/);
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from audit_events`);
    expect(row!.n).toBeGreaterThan(0);
  });
});
