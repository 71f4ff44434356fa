import { describeOnDatabases, useTestApp } from '../../test/helper';

describeOnDatabases('health and readiness', (kind) => {
  const t = useTestApp(kind);

  it('GET /api/health answers without a session and names the database', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: kind, version: jasmine.any(String) });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('GET /api/ready is 200 when the database is reachable and migrated', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(jasmine.objectContaining({ status: 'ready', db: kind }));
  });

  it('an unknown API route is a 404 problem', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toEqual(jasmine.objectContaining({ status: 404, title: 'Not found' }));
  });

  it('sends security headers with a strict script policy', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});
