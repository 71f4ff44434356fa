/**
 * Jasmine on Node for the server and the isomorphic code: `node --import tsx scripts/jasmine-node.ts`.
 *
 *   [spec files or globs...]  run only these (default: src/server/**\/*.spec.ts and src/shared/**\/*.spec.ts)
 *   --filter=REGEX            run only specs whose full name matches
 *   --seed=N                  replay a random order (the seed is printed at the end of each run)
 *
 * Writes `.tmp/jasmine-summary.json` ({ passed, failed, skipped }) for scripts/test.ts. Specs run in random
 * order with a 30 s default timeout (specs open real PGlite databases). `pending()` and `xit` count as skipped.
 */
import Jasmine from 'jasmine';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const summaryFile = join(root, '.tmp', 'jasmine-summary.json');
const DEFAULT_SPECS = ['src/server/**/*.spec.ts', 'src/shared/**/*.spec.ts'];
const DEFAULT_TIMEOUT_MS = 30_000;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const files = args.filter((a) => !a.startsWith('--')).map((f) => relative(root, resolve(f)) || f);
const filter = option('filter');
const seed = option('seed') ?? process.env.JASMINE_SEED;
const colors = !process.env.CI && !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0' && process.stdout.isTTY;

interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}
const summary: Summary = { passed: 0, failed: 0, skipped: 0 };
const slowest: { name: string; ms: number }[] = [];

rmSync(summaryFile, { force: true });

const runner = new Jasmine({ projectBaseDir: root });
runner.exitOnCompletion = false;
runner.loadConfig({
  spec_dir: '',
  spec_files: files.length > 0 ? files : DEFAULT_SPECS,
  jsLoader: 'import',
});
runner.randomizeTests(true);
// The global `jasmine` (set up by the runner above) is the one the specs see.
jasmine.DEFAULT_TIMEOUT_INTERVAL = DEFAULT_TIMEOUT_MS;
runner.showColors(colors);
if (seed !== undefined) runner.seed(Number(seed));

runner.addReporter({
  specDone(result) {
    switch (result.status) {
      case 'passed':
        summary.passed++;
        break;
      case 'failed':
        summary.failed++;
        break;
      case 'excluded':
        // Specs left out by --filter are not "skipped"; those excluded by xdescribe/xit are.
        if (filter === undefined) summary.skipped++;
        break;
      default: // 'pending': pending(), xit, or a spec without a body
        summary.skipped++;
    }
    slowest.push({ name: result.fullName, ms: result.duration ?? 0 });
  },
  suiteDone(result) {
    // An afterAll/beforeAll that throws fails the suite without failing a spec: count it.
    if (result.status === 'failed') summary.failed++;
  },
  jasmineDone(result) {
    // Load errors (a spec file that does not import) and errors outside any suite.
    if (result.failedExpectations.length > 0) summary.failed++;
    // fit/fdescribe would hide the rest of the suite: never a pass.
    // (@types/jasmine 6.0 lacks `incompleteCode`, which jasmine-core 6 reports.)
    const { incompleteCode } = result as jasmine.JasmineDoneInfo & { incompleteCode?: string };
    if (result.overallStatus === 'incomplete' && incompleteCode === 'focused') summary.failed++;
  },
});

function writeSummary(): void {
  mkdirSync(dirname(summaryFile), { recursive: true });
  writeFileSync(summaryFile, `${JSON.stringify(summary)}\n`);
}

let done: Awaited<ReturnType<typeof runner.execute>>;
try {
  done = await runner.execute(undefined, filter);
} catch (e) {
  // A spec file that cannot be imported (missing module, syntax error) stops Jasmine before it reports.
  console.error('\nJasmine could not load the specs:');
  console.error(e);
  summary.failed++;
  writeSummary();
  process.exit(1);
}
writeSummary();

const slow = slowest.sort((a, b) => b.ms - a.ms).filter((s) => s.ms >= 1000);
if (slow.length > 0) {
  console.log('Slowest specs:');
  for (const s of slow.slice(0, 5)) console.log(`  ${(s.ms / 1000).toFixed(1)} s  ${s.name}`);
}
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`Jasmine on Node: max RSS ${maxRssMb} MB${done.incompleteReason ? `; ${done.incompleteReason}` : ''}`);

// Exit explicitly: an unclosed database or timer must not keep CI waiting (and is reported by the specs' own checks).
process.exit(summary.failed > 0 || done.overallStatus === 'failed' ? 1 : 0);
