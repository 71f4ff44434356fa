/**
 * Seeds the deterministic demo cohort into an empty clinic database:
 *
 *   npm run seed -- --patients 1000 [--seed 1] [--data-dir ./data] [--today YYYY-MM-DD]
 *
 * Uses DATABASE_URL (PostgreSQL) or the embedded database under DATA_DIR (or --data-dir), takes the data
 * directory's lock (PGlite: a running server on the same directory makes this refuse), applies migrations,
 * creates the demo accounts when missing, and refuses to touch a clinic that already has patients.
 */
import { loadConfig } from '../../config';
import { applyClinicSettings, openDatabase, pgliteDataPath, runMigrations, type Database } from '../client';
import { DataDirLockedError, lockDataDir, type DataDirLock } from '../lock';
import { seedDemoCohort, todayUtc } from './cohort';
import { seedDemoUsers } from './demo-users';

const USAGE = `Usage: npm run seed -- --patients N [--seed S] [--data-dir DIR] [--today YYYY-MM-DD]

  --patients N     number of patients to generate (1 to 200000)
  --seed S         PRNG seed (default 1); the same seed and --today give the same data
  --data-dir DIR   embedded database directory (default: DATA_DIR, ./data); ignored with DATABASE_URL
  --today DATE     the clinic's "today" for the generated history (default: today, UTC)

Environment: DATABASE_URL (PostgreSQL) or DATA_DIR, CLINIC_TZ.`;

class UsageError extends Error {}

interface Args {
  patients: number;
  seed: number;
  dataDir: string | null;
  today: string | null;
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const out: Args = { patients: NaN, seed: 1, dataDir: null, today: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--patients':
        out.patients = Number(value());
        break;
      case '--seed':
        out.seed = Number(value());
        break;
      case '--data-dir':
        out.dataDir = value();
        break;
      case '--today':
        out.today = value();
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (!Number.isInteger(out.patients) || out.patients < 1 || out.patients > 200_000)
    throw new UsageError('--patients must be a whole number from 1 to 200000');
  if (!Number.isInteger(out.seed) || out.seed < 0 || out.seed > 0xffffffff)
    throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  if (out.today !== null && !(/^\d{4}-\d{2}-\d{2}$/.test(out.today) && !Number.isNaN(Date.parse(`${out.today}T00:00:00Z`)))) {
    throw new UsageError('--today must be a date written YYYY-MM-DD');
  }
  return out;
}

function progressPrinter(): (done: number, total: number) => void {
  const tty = process.stdout.isTTY;
  const started = performance.now();
  let lastPct = -1;
  return (done, total) => {
    const pct = Math.floor((done / total) * 100);
    const secs = ((performance.now() - started) / 1000).toFixed(0);
    if (tty) {
      process.stdout.write(`\r  ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} patients (${pct}%), ${secs} s   `);
      if (done === total) process.stdout.write('\n');
    } else if (pct >= lastPct + 10 || done === total) {
      lastPct = pct;
      console.log(`  ${done} / ${total} patients (${pct}%), ${secs} s`);
    }
  };
}

async function main(): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`seed: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig(process.env, args.dataDir ? { DATA_DIR: args.dataDir } : {});
  if (config.NODE_ENV === 'production') {
    console.error('seed: refusing to create demo accounts and a demo cohort with NODE_ENV=production.');
    return 1;
  }
  const where = config.db === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded database at ${pgliteDataPath(config.DATA_DIR)}`;
  let lock: DataDirLock | null = null;
  let database: Database | null = null;
  try {
    if (config.db === 'pglite' && !config.DATA_DIR.startsWith('memory://')) lock = lockDataDir(config.DATA_DIR);
    database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    await runMigrations(database);
    await applyClinicSettings(database, { timeZone: config.CLINIC_TZ });
    const existing = await database.query<{ n: number }>('select count(*)::int as n from patients');
    const n = existing[0]?.n ?? 0;
    if (n > 0) {
      console.error(
        `seed: ${where} already holds ${n.toLocaleString('en-GB')} patient${n === 1 ? '' : 's'}; the demo cohort is only generated into an empty clinic.\n` +
          (config.db === 'pglite'
            ? '      Use another --data-dir (or delete this one) to start afresh.'
            : '      Point DATABASE_URL at an empty database.'),
      );
      return 1;
    }
    const users = await seedDemoUsers(database.db);
    const clinicians = [...users.values()];
    const today = args.today ?? todayUtc();
    console.log(`Seeding ${args.patients.toLocaleString('en-GB')} patients (seed ${args.seed}, today ${today}) into ${where}...`);
    const result = await seedDemoCohort(database, {
      patients: args.patients,
      seed: args.seed,
      today,
      clinicians: {
        specialists: clinicians.filter((c) => c.role === 'specialist').map((c) => c.id),
        nurses: clinicians.filter((c) => c.role === 'nurse').map((c) => c.id),
      },
      onProgress: progressPrinter(),
    });
    const size = await database.query<{ size: string }>('select pg_size_pretty(pg_database_size(current_database())) as size');
    console.log(`Done in ${(result.ms / 1000).toFixed(1)} s (including VACUUM (ANALYZE)); database size ${size[0]?.size ?? '?'}.`);
    const width = Math.max(...Object.keys(result.rows).map((k) => k.length));
    for (const [table, count] of Object.entries(result.rows))
      console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en-GB').padStart(11)}`);
    return 0;
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`seed: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database?.close().catch(() => undefined);
    lock?.release();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error('seed failed:', e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  },
);
