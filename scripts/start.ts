/**
 * `npm start`: build the SPA when the build is missing or older than its sources, then run the server
 * (migrate, seed demo data into an empty database, serve SPA + API on http://localhost:4200).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_INDEX = join(process.env['STATIC_DIR'] ?? 'dist/fbss-dashboard/browser', 'index.html');
const SOURCES = ['src/app', 'src/shared', 'src/main.ts', 'src/index.html', 'src/styles.scss', 'angular.json', 'tsconfig.app.json', 'package-lock.json', 'public'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry.endsWith('.spec.ts')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIsCurrent(): boolean {
  if (!existsSync(BUILD_INDEX)) return false;
  const built = statSync(BUILD_INDEX).mtimeMs;
  return SOURCES.every((s) => newestMtime(s) <= built);
}

// Refuse early (before any build) when another server holds the embedded data directory.
if (!process.env['DATABASE_URL']) {
  const { DataDirLockedError, lockDataDir } = await import('../src/server/db/lock');
  try {
    lockDataDir(process.env['DATA_DIR'] ?? './data').release();
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`\nCannot start: ${e.message}\n`);
      process.exit(3);
    }
    throw e;
  }
}

if (!buildIsCurrent()) {
  console.log('Building the web app (first start, or its sources changed)...');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['node_modules/@angular/cli/bin/ng.js', 'build', '--configuration', 'production'], {
    stdio: 'inherit',
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
    timeout: 15 * 60_000,
  });
  if (r.status !== 0) {
    console.error('The web app build failed; see the output above.');
    process.exit(r.status ?? 1);
  }
  console.log(`Built in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
}

await import('../src/server/main');
