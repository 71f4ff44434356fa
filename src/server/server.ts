import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { applyClinicSettings, execRows, openDatabase, pgliteDataPath, runMigrations, vacuumAnalyze, type Database } from './db/client';
import { lockDataDir, type DataDirLock } from './db/lock';
import { seedDemoUsers, DEMO_USERS, demoPassword } from './db/seed/demo-users';
import { sql } from 'drizzle-orm';
import { purgeIdempotencyKeys } from './plugins/idempotency';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(signal?: string): Promise<void>;
}

/**
 * Starts the product: lock the embedded data directory, open and migrate the database, seed demo data
 * into an empty database in demo mode, serve SPA + API, and vacuum PGlite periodically.
 */
export async function startServer(config: Config, log: (msg: string) => void = console.log): Promise<RunningServer> {
  let lock: DataDirLock | null = null;
  if (config.db === 'pglite' && !config.DATA_DIR.startsWith('memory://')) lock = lockDataDir(config.DATA_DIR);
  let database: Database | null = null;
  try {
    const t0 = Date.now();
    database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    await runMigrations(database);
    await applyClinicSettings(database, { timeZone: config.CLINIC_TZ });
    log(`Database ready (${database.kind}${database.kind === 'pglite' ? ` at ${pgliteDataPath(config.DATA_DIR)}` : ''}) in ${Date.now() - t0} ms`);

    if (config.demo) await seedDemo(database, config, log);

    const app = await buildApp({ config, database });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://${config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST}:${port}`;

    let vacuumTimer: NodeJS.Timeout | null = null;
    if (config.VACUUM_INTERVAL_MINUTES > 0) {
      // Housekeeping off the request path: expired idempotency keys, and on PGlite, which never
      // autovacuums (performance-notes.md item 6), VACUUM (ANALYZE).
      const db = database;
      vacuumTimer = setInterval(() => {
        void (async () => {
          await purgeIdempotencyKeys(app);
          if (db.kind === 'pglite') await vacuumAnalyze(db);
        })().catch((e: unknown) => app.log.warn({ err: e }, 'housekeeping failed'));
      }, config.VACUUM_INTERVAL_MINUTES * 60_000);
      vacuumTimer.unref();
    }

    let stopping: Promise<void> | null = null;
    const stop = (signal?: string): Promise<void> => {
      stopping ??= (async () => {
        if (signal) log(`${signal} received: finishing requests in flight and closing the database...`);
        if (vacuumTimer) clearInterval(vacuumTimer);
        // app.close() stops accepting connections, waits for in-flight requests, then closes the database (onClose).
        await app.close();
        lock?.release();
        log('Stopped cleanly.');
      })();
      return stopping;
    };
    return { app, database, url, stop };
  } catch (e) {
    await database?.close().catch(() => undefined);
    lock?.release();
    throw e;
  }
}

async function seedDemo(database: Database, config: Config, log: (msg: string) => void): Promise<void> {
  const clinicians = await seedDemoUsers(database.db);
  const [row] = await execRows<{ n: number }>(database.db, sql`select count(*)::int as n from patients`);
  const n = row?.n ?? 0;
  if (n === 0 && config.DEMO_PATIENTS > 0) {
    const { seedDemoCohort } = await import('./db/seed/cohort');
    log(`Seeding a demo cohort of ${config.DEMO_PATIENTS} patients (first start only)...`);
    const ids = [...clinicians.values()];
    const result = await seedDemoCohort(database, {
      patients: config.DEMO_PATIENTS,
      clinicians: { specialists: ids.filter((c) => c.role === 'specialist').map((c) => c.id), nurses: ids.filter((c) => c.role === 'nurse').map((c) => c.id) },
    });
    log(`Demo cohort: ${result.patients} patients, ${result.assessments} assessments in ${(result.ms / 1000).toFixed(1)} s`);
  }
}

export function demoLoginsText(): string {
  return DEMO_USERS.map((u) => `  ${u.role.padEnd(11)} ${u.username.padEnd(11)} ${demoPassword(u.username)}`).join('\n');
}
