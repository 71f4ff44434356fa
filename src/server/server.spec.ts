import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config';
import { DataDirLockedError, lockDataDir } from './db/lock';
import { startServer, type RunningServer } from './server';

describe('server start, lock and restart on the embedded database', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fbss-server-spec-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const config = () =>
    loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO: 'true', DEMO_PATIENTS: '0', STATIC_DIR: join(dir, 'no-spa') } as NodeJS.ProcessEnv);

  it('serves health over HTTP, refuses a second server on the same directory, and keeps every row across a restart', async () => {
    const quiet = () => undefined;
    const first: RunningServer = await startServer(config(), quiet);
    try {
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual(jasmine.objectContaining({ status: 'ok', db: 'pglite' }));
      await first.database.query(`insert into patients (mrn, family_name, given_name, date_of_birth, sex) values ('KEEP-1', 'Kept', 'Row', '1970-01-01', 'male')`);
      await expectAsync(startServer(config(), quiet)).toBeRejectedWithError(DataDirLockedError, /in use by another FBSS Dashboard server/);
    } finally {
      await first.stop();
    }
    const second = await startServer(config(), quiet);
    try {
      const rows = await second.database.query<{ n: number }>(`select count(*)::int as n from patients where mrn = 'KEEP-1'`);
      expect(rows[0]!.n).toBe(1);
      // Demo accounts are not added twice.
      const users = await second.database.query<{ n: number }>(`select count(*)::int as n from users where username = 'nurse'`);
      expect(users[0]!.n).toBe(1);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('takes over a lock left by a process that is gone', () => {
    const d = mkdtempSync(join(tmpdir(), 'fbss-lock-spec-'));
    try {
      writeFileSync(join(d, 'server.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: '2020-01-01T00:00:00Z' }));
      const lock = lockDataDir(d);
      expect(lock.path).toContain('server.lock');
      lock.release();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
