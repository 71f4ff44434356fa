/**
 * The benchmark's database: generated once with the demo cohort generator and reused while its key matches.
 * The key covers the size, the seed, the generator's source and the migrations, so any change to either
 * regenerates it (a stale dataset would benchmark a different product).
 *
 * - PGlite: bench/.data/pglite-p<patients>-s<seed>/ (git-ignored), meta.json written last (an interrupted
 *   generation is never reused), guarded by the same lock file as the server.
 * - PostgreSQL: BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/fbss_bench, created when missing; the
 *   key lives in the database's COMMENT. Only a database this harness created (or an empty one) is ever dropped.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import ts from 'typescript';
import { applyClinicSettings, MIGRATIONS_FOLDER, openDatabase, runMigrations, type Database } from '../src/server/db/client';
import { lockDataDir, type DataDirLock } from '../src/server/db/lock';
import { seedDemoCohort, todayUtc } from '../src/server/db/seed/cohort';
import { seedDemoUsers } from '../src/server/db/seed/demo-users';

export const BENCH_DATA_DIR = fileURLToPath(new URL('./.data', import.meta.url));
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/fbss_bench';
const COMMENT_PREFIX = 'fbss-bench ';

export interface DatasetMeta {
  key: string;
  patients: number;
  seed: number;
  /** The generator's "today" (the data's history ends the day before). */
  today: string;
  generatedAt: string;
  generationMs: number;
  rows: Record<string, number>;
}

export interface Dataset {
  database: Database;
  meta: DatasetMeta;
  /** True when this run generated the data (false: reused). */
  generated: boolean;
  /** Directory (PGlite) or URL (PostgreSQL) of the data. */
  location: string;
  close(): Promise<void>;
}

export interface DatasetOptions {
  engine: 'pglite' | 'postgres';
  patients: number;
  seed: number;
  fresh: boolean;
  clinicTimeZone: string;
  log: (line: string) => void;
}

/** The source's tokens without comments and whitespace: editing a comment does not invalidate a dataset. */
function codeTokens(file: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, readFileSync(file, 'utf8'));
  const out: string[] = [];
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) out.push(scanner.getTokenText());
  return out.join(' ');
}

/** Changes whenever the size, the seed, the generator's code or the schema changes. */
function datasetKey(patients: number, seed: number): string {
  const h = createHash('sha256');
  h.update(`patients=${patients};seed=${seed};`);
  for (const f of ['../src/server/db/seed/cohort.ts', '../src/server/db/seed/demo-users.ts'])
    h.update(codeTokens(fileURLToPath(new URL(f, import.meta.url))));
  for (const f of readdirSync(MIGRATIONS_FOLDER)
    .filter((x) => x.endsWith('.sql'))
    .sort())
    h.update(readFileSync(join(MIGRATIONS_FOLDER, f)));
  return h.digest('hex').slice(0, 16);
}

async function generate(database: Database, opts: DatasetOptions, key: string): Promise<DatasetMeta> {
  await runMigrations(database);
  await applyClinicSettings(database, { timeZone: opts.clinicTimeZone });
  const users = [...(await seedDemoUsers(database.db)).values()];
  const today = todayUtc();
  opts.log(
    `Generating ${opts.patients.toLocaleString('en-GB')} patients (seed ${opts.seed}, today ${today}) with the demo cohort generator...`,
  );
  const tty = process.stdout.isTTY;
  let lastTenth = -1;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await seedDemoCohort(database, {
    patients: opts.patients,
    seed: opts.seed,
    today,
    clinicians: {
      specialists: users.filter((u) => u.role === 'specialist').map((u) => u.id),
      nurses: users.filter((u) => u.role === 'nurse').map((u) => u.id),
    },
    onProgress: (done, total) => {
      const secs = ((performance.now() - t0) / 1000).toFixed(0);
      if (tty)
        process.stdout.write(
          `\r  ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} patients, ${secs} s   ${done === total ? '\n' : ''}`,
        );
      else if (Math.floor((done / total) * 10) > lastTenth) {
        lastTenth = Math.floor((done / total) * 10);
        opts.log(`  ${done} / ${total} patients, ${secs} s`);
      }
    },
  });
  const cpu = process.cpuUsage(cpu0);
  opts.log(
    `Generated in ${(result.ms / 1000).toFixed(1)} s (${result.assessments.toLocaleString('en-GB')} assessments, including VACUUM (ANALYZE)); ` +
      `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s in this process${opts.engine === 'postgres' ? ' (the PostgreSQL server not counted)' : ''}, load average ${(loadavg()[0] ?? 0).toFixed(1)}.`,
  );
  return {
    key,
    patients: opts.patients,
    seed: opts.seed,
    today,
    generatedAt: new Date().toISOString(),
    generationMs: result.ms,
    rows: result.rows,
  };
}

async function pgliteDataset(opts: DatasetOptions): Promise<Dataset> {
  const key = datasetKey(opts.patients, opts.seed);
  const dir = join(BENCH_DATA_DIR, `pglite-p${opts.patients}-s${opts.seed}`);
  const metaFile = join(dir, 'meta.json');
  let meta: DatasetMeta | null = null;
  if (!opts.fresh && existsSync(metaFile)) {
    try {
      const m = JSON.parse(readFileSync(metaFile, 'utf8')) as DatasetMeta;
      if (m.key === key) meta = m;
      else opts.log(`The dataset in ${dir} was made by another generator or schema version: regenerating.`);
    } catch {
      meta = null;
    }
  }
  let lock: DataDirLock | null = null;
  if (meta === null) {
    // Take the lock of the old directory before wiping it, so a running bench is never pulled from under.
    if (existsSync(dir)) {
      lockDataDir(dir).release();
      rmSync(dir, { recursive: true, force: true });
    }
    mkdirSync(dir, { recursive: true });
  }
  lock = lockDataDir(dir);
  let database: Database | null = null;
  try {
    database = await openDatabase({ dataDir: dir });
    let generated = false;
    if (meta === null) {
      meta = await generate(database, opts, key);
      writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
      generated = true;
    } else {
      await runMigrations(database);
      opts.log(`Reusing ${dir} (generated ${meta.generatedAt} in ${(meta.generationMs / 1000).toFixed(1)} s).`);
    }
    const db = database;
    const held = lock;
    return {
      database: db,
      meta,
      generated,
      location: dir,
      async close() {
        await db.close();
        held.release();
      },
    };
  } catch (e) {
    await database?.close().catch(() => undefined);
    lock.release();
    throw e;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function postgresDataset(opts: DatasetOptions): Promise<Dataset> {
  const url = process.env['BENCH_DATABASE_URL'] ?? DEFAULT_BENCH_DATABASE_URL;
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`The benchmark database name must be a plain identifier; got "${name}".`);
  const key = datasetKey(opts.patients, opts.seed);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  let meta: DatasetMeta | null = null;
  try {
    const found = await admin.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [name],
    );
    let create = found.rowCount === 0;
    if (!create) {
      const comment = found.rows[0]?.comment ?? '';
      if (comment.startsWith(COMMENT_PREFIX)) {
        const m = JSON.parse(comment.slice(COMMENT_PREFIX.length)) as DatasetMeta;
        if (!opts.fresh && m.key === key) meta = m;
        else create = true;
      } else {
        // Not ours: only an empty database (no patients) may be replaced.
        const probe = new pg.Client({ connectionString: url });
        await probe.connect();
        try {
          const t = await probe.query<{ n: number | null }>(`select case when to_regclass('patients') is null then 0 else null end as n`);
          const n =
            t.rows[0]?.n === 0 ? 0 : Number((await probe.query<{ n: string }>('select count(*) as n from patients')).rows[0]?.n ?? 0);
          if (n > 0)
            throw new Error(
              `The database "${name}" holds ${n} patients and was not made by the benchmark; set BENCH_DATABASE_URL to another database.`,
            );
        } finally {
          await probe.end();
        }
        create = true;
      }
      if (create) {
        opts.log(`Recreating the benchmark database "${name}"...`);
        await admin.query(`drop database ${name} with (force)`);
      }
    }
    if (create) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    let generated = false;
    if (meta === null) {
      meta = await generate(database, opts, key);
      await database.query(`comment on database ${name} is ${pgLiteral(COMMENT_PREFIX + JSON.stringify(meta))}`);
      generated = true;
    } else {
      await runMigrations(database);
      opts.log(`Reusing PostgreSQL database "${name}" (generated ${meta.generatedAt} in ${(meta.generationMs / 1000).toFixed(1)} s).`);
    }
    return { database, meta, generated, location: url.replace(/\/\/[^@/]*@/, '//'), close: () => database.close() };
  } catch (e) {
    await database.close().catch(() => undefined);
    throw e;
  }
}

function pgLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export function openDataset(opts: DatasetOptions): Promise<Dataset> {
  return opts.engine === 'postgres' ? postgresDataset(opts) : pgliteDataset(opts);
}
