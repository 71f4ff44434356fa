/**
 * `npm run bench`: times worklist and chart scenarios on a 100,000-patient clinic, through the real API
 * (buildApp + app.inject with a signed-in session) and at the repository/SQL level for comparison.
 *
 *   npm run bench -- [--patients N] [--seed S] [--postgres] [--runs 50] [--warmup 5] [--fresh] [--only TEXT]
 *
 * The dataset is generated once by the demo cohort generator and reused (bench/dataset.ts). A benchmark, not a
 * test: it prints a table and exits 0 whatever the timings (non-zero only when it could not run at all).
 */
import { cpus, loadavg } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { PatientsRepository } from '../src/server/repositories/patients-repository';
import { todayInZone } from '../src/shared/domain/follow-up';
import { DEMO_USERS, demoPassword } from '../src/server/db/seed/demo-users';
import { BENCH_DATA_DIR, openDataset, type Dataset } from './dataset';
import { scenarios, type BenchContext, type Scenario } from './scenarios';

interface Options {
  patients: number;
  seed: number;
  postgres: boolean;
  runs: number;
  warmup: number;
  fresh: boolean;
  only: string | null;
}

const USAGE = `Usage: npm run bench -- [--patients N] [--seed S] [--postgres] [--runs N] [--warmup N] [--fresh] [--only TEXT]

  --patients N   clinic size (default 100000)
  --seed S       generator seed (default 1)
  --postgres     run on PostgreSQL: BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/fbss_bench (created if needed)
  --runs N       timed runs per scenario (default 50), after --warmup N untimed ones (default 5)
  --fresh        regenerate the dataset even if a matching one exists
  --only TEXT    run only scenarios whose name contains TEXT`;

function parseArgs(argv: readonly string[]): Options | null {
  const o: Options = { patients: 100_000, seed: 1, postgres: false, runs: 50, warmup: 5, fresh: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a whole number`);
      return v;
    };
    switch (a) {
      case '--patients':
        o.patients = Math.max(1, num());
        break;
      case '--seed':
        o.seed = num();
        break;
      case '--runs':
        o.runs = Math.max(1, num());
        break;
      case '--warmup':
        o.warmup = num();
        break;
      case '--postgres':
        o.postgres = true;
        break;
      case '--fresh':
        o.fresh = true;
        break;
      case '--only':
        o.only = argv[++i] ?? '';
        break;
      case '--help':
      case '-h':
        return null;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  return o;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

interface Result {
  scenario: Scenario;
  p50: number;
  p95: number;
  rows: number | null;
  error: string | null;
}

async function time(s: Scenario, warmup: number, runs: number): Promise<Result> {
  try {
    let rows = 0;
    for (let i = 0; i < warmup; i++) rows = await s.run();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      rows = await s.run();
      ms.push(performance.now() - t0);
    }
    ms.sort((x, y) => x - y);
    return { scenario: s, p50: percentile(ms, 50), p95: percentile(ms, 95), rows, error: null };
  } catch (e) {
    return { scenario: s, p50: NaN, p95: NaN, rows: null, error: e instanceof Error ? e.message : String(e) };
  }
}

function table(results: readonly Result[]): string {
  const head = ['scenario', 'layer', 'p50 ms', 'p95 ms', 'rows'];
  const body = results.map((r) => [
    r.scenario.name,
    r.scenario.layer,
    r.error ? '-' : r.p50.toFixed(1),
    r.error ? '-' : r.p95.toFixed(1),
    r.error ? `error: ${r.error}` : String(r.rows),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
  const right = [false, false, true, true, true];
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

async function signIn(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-requested-with': 'XMLHttpRequest' },
    payload: { username, password: demoPassword(username) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const cookie = res.cookies.find((c) => c.name === 'fbss_session');
  if (!cookie) throw new Error(`sign-in as ${username} set no fbss_session cookie`);
  return `fbss_session=${cookie.value}`;
}

async function main(): Promise<number> {
  let opts: Options | null;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (opts === null) {
    console.log(USAGE);
    return 0;
  }
  const engine = opts.postgres ? 'postgres' : 'pglite';
  const loadStart = loadavg()[0] ?? 0;
  const base = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: undefined,
    DATA_DIR: BENCH_DATA_DIR,
    STATIC_DIR: `${BENCH_DATA_DIR}/no-spa`,
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    IDLE_TIMEOUT_SECONDS: String(24 * 3600),
    VACUUM_INTERVAL_MINUTES: '0',
  });
  const dataset: Dataset = await openDataset({
    engine,
    patients: opts.patients,
    seed: opts.seed,
    fresh: opts.fresh,
    clinicTimeZone: base.CLINIC_TZ,
    log: (l) => console.log(l),
  });
  let app: FastifyInstance | null = null;
  try {
    const { database } = dataset;
    const config = { ...base, db: engine } as const;
    app = await buildApp({ config, database, closeDatabase: false });
    await app.ready();
    const cookies: Record<string, string> = {};
    for (const u of ['specialist', 'manager']) {
      if (!DEMO_USERS.some((d) => d.username === u)) continue;
      try {
        cookies[u] = await signIn(app, u);
      } catch (e) {
        console.warn(`bench: ${(e as Error).message} (API scenarios as ${u} will report errors)`);
      }
    }
    const [me] = await database.query<{ id: string }>(`select id from users where username = 'specialist'`);
    const repo = new PatientsRepository(database.db, () => todayInZone(config.CLINIC_TZ));
    const ids = await database.query<{ id: string }>('select id from patients order by md5(id::text) limit 200');
    const b: BenchContext = {
      app,
      database,
      repo,
      ctx: {
        userId: me?.id ?? '00000000-0000-4000-8000-000000000000',
        username: 'specialist',
        role: 'specialist',
        sessionId: 'bench',
        clientAddress: null,
        userAgent: null,
      },
      cookies,
      patientIds: ids.map((r) => r.id),
    };
    const [counts] = await database.query<{ patients: number; assessments: number; size: string }>(
      `select (select count(*) from patients)::int as patients, (select count(*) from assessments)::int as assessments,
              pg_size_pretty(pg_database_size(current_database())) as size`,
    );
    const only = opts.only;
    const list = scenarios(b).filter((s) => only === null || s.name.includes(only));
    console.log(
      `\n${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'} at ${dataset.location}: ${(counts?.patients ?? 0).toLocaleString('en-GB')} patients, ` +
        `${(counts?.assessments ?? 0).toLocaleString('en-GB')} assessments, ${counts?.size ?? '?'}` +
        `${dataset.generated ? `, generated in ${(dataset.meta.generationMs / 1000).toFixed(1)} s` : ''}.`,
    );
    console.log(
      `${list.length} scenarios, ${opts.warmup} warm-ups + ${opts.runs} timed runs each; Node ${process.version}, ${cpus().length} CPUs, load average ${loadStart.toFixed(1)} at start.\n`,
    );
    const results: Result[] = [];
    for (const s of list) {
      const r = await time(s, opts.warmup, opts.runs);
      results.push(r);
      if (process.stdout.isTTY) process.stdout.write(`\r  ${results.length}/${list.length} ${s.name} (${s.layer})`.padEnd(90));
      else
        console.error(
          `  ${results.length}/${list.length} ${s.name} (${s.layer}): ${r.error ? `error: ${r.error}` : `p50 ${r.p50.toFixed(1)} ms`}`,
        );
    }
    if (process.stdout.isTTY) process.stdout.write(`\r${' '.repeat(90)}\r`);
    console.log(table(results));
    console.log(`\nload average ${(loadavg()[0] ?? 0).toFixed(1)} at the end (timings on a busy machine are inflated).`);
    return 0;
  } finally {
    await app?.close().catch(() => undefined);
    await dataset.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error('bench failed:', e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  },
);
