/**
 * A PostgreSQL database for the server specs' second run (TEST_DATABASE_URL), when none was given: a throwaway
 * database on a local server (PGHOST/PGPORT/PGUSER, default postgres@127.0.0.1:5432), created here and dropped
 * afterwards. Without a reachable server the PostgreSQL copies of the specs report as pending, with that reason.
 */
import pg from 'pg';

export interface TestPostgres {
  url: string;
  drop(): Promise<void>;
}

function adminUrl(database: string): string {
  const host = process.env['PGHOST'] ?? '127.0.0.1';
  const port = process.env['PGPORT'] ?? '5432';
  const user = process.env['PGUSER'] ?? 'postgres';
  const password = process.env['PGPASSWORD'] ? `:${encodeURIComponent(process.env['PGPASSWORD'])}` : '';
  return `postgres://${encodeURIComponent(user)}${password}@${host}:${port}/${database}`;
}

export async function localTestPostgres(): Promise<TestPostgres | { reason: string }> {
  const name = `fbss_test_${String(process.pid)}_${String(Date.now())}`;
  const admin = new pg.Client({ connectionString: adminUrl('postgres'), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (e) {
    await admin.end().catch(() => undefined);
    return { reason: e instanceof Error ? e.message : String(e) };
  }
  await admin.end();
  return {
    url: adminUrl(name),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl('postgres'), connectionTimeoutMillis: 3000 });
      try {
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end().catch(() => undefined);
      }
    },
  };
}
