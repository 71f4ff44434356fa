import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { applyClinicSettings, openDatabase, runMigrations, type Database } from '../db/client';
import type { PGlite } from '@electric-sql/pglite';
import { seedDemoUsers } from '../db/seed/demo-users';
import type { Role } from '../../shared/domain/permissions';

/** Cheap password hashing for specs only (the stored hash records its cost; production uses 2^17). */
export const TEST_LOG_N = 10;

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  users: Map<string, { id: string; role: Role }>;
  /** Signs in a demo user and returns the session cookie header value. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export const STATE_HEADERS = { 'x-requested-with': 'XMLHttpRequest' } as const;

let pgliteTemplate: Promise<Blob> | null = null;

/** A migrated PGlite database as a tarball, made once per process; each spec file loads it (~0.7 s instead of initdb + migrate). */
function migratedPgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const d = await openDatabase({ dataDir: 'memory://' });
    await runMigrations(d);
    const client = (d.db as unknown as { $client: PGlite }).$client;
    const blob = await client.dumpDataDir('none');
    await d.close();
    return blob;
  })();
  return pgliteTemplate;
}

function testDatabaseUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

let pgTemplateName: Promise<string> | null = null;

function adminUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = testDatabaseUrl();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh PostgreSQL database per spec file, cloned from a migrated template made once per process. */
async function freshPostgres(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const base = testDatabaseUrl();
  pgTemplateName ??= (async () => {
    const name = `fbss_tpl_${process.pid}_${Date.now().toString(36)}`;
    await withAdmin((c) => c.query(`create database ${name}`));
    const d = await openDatabase({ databaseUrl: adminUrl(base, name), poolSize: 2 });
    await runMigrations(d);
    await d.close();
    process.once('beforeExit', () => {
      void withAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).catch(() => undefined);
    });
    return name;
  })();
  const template = await pgTemplateName;
  const name = `fbss_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((c) => c.query(`create database ${name} template ${template}`));
  const database = await openDatabase({ databaseUrl: adminUrl(base, name), poolSize: 4 });
  return {
    database,
    drop: async () => {
      await database.close();
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export async function openTestDatabase(kind: DatabaseKind): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'postgres') {
    const { database, drop } = await freshPostgres();
    return { database, dispose: drop };
  }
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: await migratedPgliteTemplate() });
  return { database, dispose: () => database.close() };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: 'memory://', STATIC_DIR: '.tmp/no-spa', CLINIC_TZ: 'Europe/London' } as NodeJS.ProcessEnv, overrides);
}

export async function startTestApp(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, dispose } = await openTestDatabase(kind);
  const config = testConfig({ ...overrides, db: kind });
  await applyClinicSettings(database, { timeZone: config.CLINIC_TZ });
  const users = await seedDemoUsers(database.db, TEST_LOG_N);
  const app = await buildApp({ config, database, closeDatabase: false });
  await app.ready();
  return {
    app,
    database,
    config,
    users,
    async login(username: string) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: STATE_HEADERS, payload: { username, password: `fbss-demo-${username.replace(/[^a-z]/g, '')}` } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return sessionCookie(res);
    },
    async close() {
      await app.close();
      await dispose();
    },
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'fbss_session');
  if (!c) throw new Error('no session cookie');
  return `fbss_session=${c.value}`;
}

/**
 * Defines the suite once per database: always on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set
 * (without it the PostgreSQL copies report as pending, never as passed).
 */
export function describeOnDatabases(name: string, body: (kind: DatabaseKind) => void): void {
  describe(`${name} [pglite]`, () => body('pglite'));
  describe(`${name} [postgres]`, () => {
    if (!process.env['TEST_DATABASE_URL']) {
      // Pending, never passed, when there is no PostgreSQL to run on: `npm test` sets TEST_DATABASE_URL itself
      // when a local server answers (scripts/lib/postgres.ts), and .ci/run always provides one.
      beforeEach(() => pending('TEST_DATABASE_URL is not set'));
    }
    body('postgres');
  });
}

export const hasPostgres = (kind: DatabaseKind): boolean => kind === 'pglite' || !!process.env['TEST_DATABASE_URL'];

/** Starts one app per suite (beforeAll) and closes it (afterAll); returns a getter for the specs. */
export function useTestApp(kind: DatabaseKind, overrides: Partial<Config> = {}): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    if (hasPostgres(kind)) t = await startTestApp(kind, overrides);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  }, 60_000);
  return () => {
    if (!t) throw new Error('test app not started');
    return t;
  };
}
