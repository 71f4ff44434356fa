/**
 * `npm test`: every suite of the project, in order, each in its own child process with its output streamed:
 *
 *   lint     eslint --max-warnings 0 .                                  1 test
 *   types    tsc --noEmit for tsconfig.app, tsconfig.server, tsconfig.spec  1 test each
 *   jasmine  Jasmine on Node, src/server + src/shared specs              .tmp/jasmine-summary.json
 *   karma    ng test (Karma + headless Chromium), src/app specs          .tmp/karma-summary.json
 *   build    ng build (production)                                       1 test
 *   e2e      playwright test against the production build                .tmp/playwright-results.json
 *
 * Options: --only=lint,types,jasmine,karma,build,e2e (e2e builds first unless --skip-build).
 * A suite that ends without its summary, or exits non-zero with no failure reported, counts one failure.
 * The last line is `P passed, F failed` (`, S skipped` when S > 0): the sum of all suites. Exit 1 on any failure.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumVersion, ensureChromium } from './lib/chromium';
import { type TestPostgres, localTestPostgres } from './lib/postgres';
import { localBin, run, type RunResult } from './lib/run';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp');
const CI = Boolean(process.env.CI) && process.env.CI !== 'false';

const SUITES = ['lint', 'types', 'jasmine', 'karma', 'build', 'e2e'] as const;
type SuiteName = (typeof SUITES)[number];

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const MINUTE = 60_000;
/** Generous ceilings: a hung tool (e.g. a build waiting on the network) must not eat CI's 90 minutes. */
const TIMEOUTS: Record<SuiteName, number> = {
  lint: 15 * MINUTE,
  types: 10 * MINUTE,
  jasmine: 20 * MINUTE,
  karma: 15 * MINUTE,
  build: 10 * MINUTE,
  e2e: 30 * MINUTE,
};

// ---------------------------------------------------------------------------------------------- options

function parseArgs(argv: readonly string[]): { only: Set<SuiteName>; skipBuild: boolean } {
  let only: string[] | null = null;
  let skipBuild = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',');
    else if (arg === '--only') only = (argv[++i] ?? '').split(',');
    else if (arg === '--skip-build') skipBuild = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(`Usage: npm test -- [--only=${SUITES.join(',')}] [--skip-build]`);
      process.exit(0);
    } else {
      console.error(`Unknown option: ${arg} (try --help)`);
      process.exit(2);
    }
  }
  const names = (only ?? [...SUITES]).map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(SUITES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    console.error(`Unknown suite(s): ${unknown.join(', ')}; choose from ${SUITES.join(', ')}`);
    process.exit(2);
  }
  const selected = new Set(names as SuiteName[]);
  if (selected.has('e2e') && !skipBuild) selected.add('build'); // e2e serves the production build
  return { only: selected, skipBuild };
}

// ---------------------------------------------------------------------------------------------- output

const useColor = !CI && !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0' && process.stdout.isTTY;
const paint = (code: string) => (s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = paint('1');
const red = paint('31');
const green = paint('32');
const dim = paint('2');

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function banner(title: string): void {
  console.log(`\n${bold(`=== ${title} ===`)}`);
}

/** A per-suite line. Deliberately not "N passed, N failed": only the closing line may have that shape. */
function suiteLine(name: string, c: Counts, ms: number, note = ''): string {
  const text = `[${name}] ${c.passed} passed / ${c.failed} failed / ${c.skipped} skipped (${seconds(ms)})${note ? ` ${note}` : ''}`;
  return c.failed > 0 ? red(text) : green(text);
}

// ---------------------------------------------------------------------------------------------- environment for the suites

function childEnv(chromeBin: string | null): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NG_CLI_ANALYTICS: 'false' };
  if (chromeBin) env.CHROME_BIN = chromeBin;
  if (CI) {
    // No colours in CI logs. Only FORCE_COLOR: Node warns when NO_COLOR and FORCE_COLOR are both set.
    env.FORCE_COLOR = '0';
    delete env.NO_COLOR;
  }
  return env;
}

// ---------------------------------------------------------------------------------------------- counting

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);

/** A summary (or none), reconciled with the exit status: a crash or a silent non-zero exit is at least one failure. */
function reconcile(name: string, summary: Counts | null, result: RunResult, crashed = false): Counts {
  const c = summary ?? { passed: 0, failed: 0, skipped: 0 };
  if (summary === null) {
    console.log(red(`[${name}] ended without writing its summary (exit ${describeExit(result)}): counted as a failure`));
    c.failed = Math.max(c.failed, 1);
  } else if ((result.code !== 0 || crashed) && c.failed === 0) {
    console.log(red(`[${name}] exited ${describeExit(result)} with no failing test reported: counted as a failure`));
    c.failed = 1;
  }
  return c;
}

function describeExit(r: RunResult): string {
  if (r.timedOut) return 'on timeout';
  if (r.signal) return `by ${r.signal}`;
  return String(r.code);
}

function passFail(result: RunResult): Counts {
  return result.code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

function jasmineCounts(file: string): Counts | null {
  const j = readJson(file);
  if (j === null || typeof j !== 'object') return null;
  const o = j as Record<string, unknown>;
  return { passed: num(o.passed), failed: num(o.failed), skipped: num(o.skipped) };
}

function karmaCounts(file: string): { counts: Counts; error: boolean } | null {
  const j = readJson(file);
  if (j === null || typeof j !== 'object') return null;
  const o = j as Record<string, unknown>;
  return { counts: { passed: num(o.passed), failed: num(o.failed), skipped: num(o.skipped) }, error: o.error === true };
}

/** Playwright's JSON reporter: stats.expected/unexpected/flaky/skipped, plus errors[] outside tests (e.g. a web server that never came up). */
function playwrightCounts(file: string): { counts: Counts; flaky: number; errors: number } | null {
  const j = readJson(file);
  if (j === null || typeof j !== 'object') return null;
  const o = j as Record<string, unknown>;
  const stats = (o.stats ?? {}) as Record<string, unknown>;
  const flaky = num(stats.flaky);
  return {
    // A flaky test failed, then passed on CI's retry: it counts as passed, and is named in the suite line.
    counts: { passed: num(stats.expected) + flaky, failed: num(stats.unexpected), skipped: num(stats.skipped) },
    flaky,
    errors: Array.isArray(o.errors) ? o.errors.length : 0,
  };
}

// ---------------------------------------------------------------------------------------------- suites

type Outcome = { name: string; counts: Counts; ms: number; note?: string };

async function main(): Promise<number> {
  const { only, skipBuild } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const outcomes: Outcome[] = [];
  mkdirSync(tmp, { recursive: true });

  console.log(
    dim(
      `Node ${process.version}, ${CI ? 'CI' : 'local'} run, suites: ${SUITES.filter((s) => only.has(s)).join(', ')}${skipBuild ? ' (build skipped)' : ''}`,
    ),
  );

  // 1. Chromium, for Karma and Playwright.
  let chromeBin: string | null = null;
  if (only.has('karma') || only.has('e2e')) {
    banner('Chromium');
    try {
      chromeBin = ensureChromium();
      console.log(`CHROME_BIN=${chromeBin} (${chromiumVersion(chromeBin) ?? 'version unknown'})`);
    } catch (e) {
      console.error(red(e instanceof Error ? e.message : String(e)));
      outcomes.push({ name: 'chromium', counts: { passed: 0, failed: 1, skipped: 0 }, ms: 0 });
    }
  }
  const env = childEnv(chromeBin);
  const bin = (name: string): string => localBin(root, name);
  const record = (o: Outcome): void => {
    outcomes.push(o);
    console.log(suiteLine(o.name, o.counts, o.ms, o.note));
  };

  // 2a. Lint.
  if (only.has('lint')) {
    banner('lint: eslint --max-warnings 0 .');
    const r = await run(bin('eslint'), ['--max-warnings', '0', '.'], { env, timeoutMs: TIMEOUTS.lint });
    record({ name: 'lint', counts: passFail(r), ms: r.durationMs });
  }

  // 2b/c. Type-check each layer.
  if (only.has('types')) {
    for (const project of ['tsconfig.app.json', 'tsconfig.server.json', 'tsconfig.spec.json']) {
      const name = `types:${project.replace(/^tsconfig\.|\.json$/g, '')}`;
      if (!existsSync(join(root, project))) {
        console.log(dim(`[${name}] ${project} does not exist: not run`));
        continue;
      }
      banner(`${name}: tsc -p ${project} --noEmit`);
      const args = ['-p', project, '--noEmit', ...(CI ? ['--pretty', 'false'] : [])];
      const r = await run(bin('tsc'), args, { env, timeoutMs: TIMEOUTS.types });
      record({ name, counts: passFail(r), ms: r.durationMs });
    }
  }

  // 2d. Jasmine on Node.
  if (only.has('jasmine')) {
    banner('jasmine: src/server and src/shared specs on Node');
    const file = join(tmp, 'jasmine-summary.json');
    rmSync(file, { force: true });
    // Every server spec runs on PGlite and on PostgreSQL: TEST_DATABASE_URL if given, else a throwaway
    // database on a local server; only without any server do the PostgreSQL copies stay pending.
    let localPg: TestPostgres | null = null;
    const jasmineEnv = { ...env };
    if (!jasmineEnv['TEST_DATABASE_URL']) {
      const found = await localTestPostgres();
      if ('url' in found) {
        localPg = found;
        jasmineEnv['TEST_DATABASE_URL'] = found.url;
        console.log(`TEST_DATABASE_URL not set: using a throwaway database on the local PostgreSQL (${found.url.replace(/^.*@/, '')})`);
      } else {
        console.log(red(`TEST_DATABASE_URL not set and no local PostgreSQL (${found.reason}): the PostgreSQL copies of the server specs will be pending`));
      }
    }
    try {
      const r = await run(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'jasmine-node.ts')], {
        env: jasmineEnv,
        timeoutMs: TIMEOUTS.jasmine,
      });
      record({ name: 'jasmine', counts: reconcile('jasmine', jasmineCounts(file), r), ms: r.durationMs });
    } finally {
      await localPg?.drop().catch((e: unknown) => console.log(dim(`could not drop the throwaway database: ${String(e)}`)));
    }
  }

  // 2e. Karma.
  if (only.has('karma')) {
    banner('karma: ng test --no-watch --no-progress');
    const file = join(tmp, 'karma-summary.json');
    rmSync(file, { force: true });
    if (chromeBin === null) {
      console.log(red('[karma] not run: no Chromium'));
    } else {
      const r = await run(bin('ng'), ['test', '--no-watch', '--no-progress'], { env, timeoutMs: TIMEOUTS.karma });
      const k = karmaCounts(file);
      if (k?.error) console.log(red('[karma] reported an error outside the specs (e.g. a compile error or a browser crash)'));
      record({ name: 'karma', counts: reconcile('karma', k?.counts ?? null, r, k?.error ?? false), ms: r.durationMs });
    }
  }

  // 2f. Production build, then Playwright against it.
  let buildOk = skipBuild;
  if (only.has('build')) {
    banner('build: ng build');
    const r = await run(bin('ng'), ['build', ...(CI ? ['--no-progress'] : [])], { env, timeoutMs: TIMEOUTS.build });
    buildOk = r.code === 0;
    record({ name: 'build', counts: passFail(r), ms: r.durationMs, note: r.timedOut ? '(timed out)' : '' });
  }
  if (only.has('e2e')) {
    banner('e2e: playwright test');
    const file = join(tmp, 'playwright-results.json');
    rmSync(file, { force: true });
    if (chromeBin === null) {
      console.log(red('[e2e] not run: no Chromium'));
    } else if (!buildOk) {
      console.log(red('[e2e] not run: the production build failed'));
    } else {
      const runId = String(Date.now());
      const r = await run(bin('playwright'), ['test'], { env: { ...env, FBSS_E2E_RUN_ID: runId }, timeoutMs: TIMEOUTS.e2e });
      // The servers' throwaway databases (see playwright.config.ts).
      rmSync(join(tmp, `e2e-data-${runId}`), { recursive: true, force: true });
      const p = playwrightCounts(file);
      let note = '';
      if (p && p.flaky > 0) note = `(${p.flaky} flaky: passed on retry)`;
      if (p && p.errors > 0) {
        console.log(red(`[e2e] ${p.errors} error(s) outside the tests (see above)`));
        if (p.counts.failed === 0) p.counts.failed = 1;
      }
      record({ name: 'e2e', counts: reconcile('e2e', p?.counts ?? null, r), ms: r.durationMs, note });
    }
  }

  // Totals. The closing line must stay the last line printed.
  const total = outcomes.reduce<Counts>(
    (t, o) => ({ passed: t.passed + o.counts.passed, failed: t.failed + o.counts.failed, skipped: t.skipped + o.counts.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  banner('summary');
  for (const o of outcomes) console.log(suiteLine(o.name, o.counts, o.ms, o.note));
  console.log(dim(`total time ${seconds(performance.now() - started)}`));
  const closing = `${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`;
  console.log(closing); // never coloured: CI reads this line as it is
  return total.failed > 0 || outcomes.length === 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
