import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type the repositories see: the same drizzle API over PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs raw SQL and returns the rows (used by migrations checks, VACUUM, benchmarks). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** PGlite keeps its cluster under DATA_DIR/pgdata; DATA_DIR also holds the server's lock file. */
export function pgliteDataPath(dataDir: string): string {
  return dataDir.startsWith('memory://') ? dataDir : join(dataDir, 'pgdata');
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** A tarball of a migrated database to start from (tests: ~0.7 s instead of initdb + migrations). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, application_name: 'fbss-dashboard' });
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      async query<T>(text: string, params: unknown[] = []) {
        const r = await pool.query(text, params);
        return r.rows as T[];
      },
      close: () => pool.end(),
    };
  }
  const dataDir = opts.dataDir ?? './data';
  const path = pgliteDataPath(dataDir);
  if (!path.startsWith('memory://')) mkdirSync(path, { recursive: true });
  const client = await PGlite.create({
    dataDir: path,
    extensions: { pg_trgm },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query<T>(text: string, params: unknown[] = []) {
      const r = await client.query<T>(text, params);
      return r.rows;
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** True when the database answers and every committed migration has been applied. */
export async function isMigrated(database: Database): Promise<boolean> {
  try {
    const rows = await database.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    return (rows[0]?.n ?? 0) >= expectedMigrationCount();
  } catch {
    return false;
  }
}

let migrationCount: number | null = null;
function expectedMigrationCount(): number {
  if (migrationCount === null) {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    migrationCount = journal.entries.length;
  }
  return migrationCount;
}

/** The row a statement must return (INSERT ... RETURNING, or a lookup just checked); throws rather than pass `undefined` on. */
export function one<T>(rows: readonly T[], what = 'row'): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`Expected a ${what}, got none`);
  return row;
}

/** A value that must be present (e.g. the record just written, found again in a fresh list). */
export function present<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what} to be present`);
  return value;
}

/** Runs a drizzle SQL statement and returns its rows (both drivers answer with `{ rows }`). */
export async function execRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}

/** Settings the database functions read (the clinic's time zone for outcome baselines); written at every start. */
export async function applyClinicSettings(database: Database, settings: { timeZone: string }): Promise<void> {
  await database.query(`insert into clinic_settings (key, value) values ('time_zone', $1) on conflict (key) do update set value = excluded.value`, [settings.timeZone]);
}

export async function vacuumAnalyze(database: Database): Promise<void> {
  await database.db.execute(sql`VACUUM (ANALYZE)`);
}
