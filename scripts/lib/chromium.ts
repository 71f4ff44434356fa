/**
 * Finds a Chromium for Karma and Playwright, installing Debian's package when that is possible.
 *
 * Order: CHROME_BIN (if executable), then `chromium`, `chromium-browser`, `google-chrome` on the PATH,
 * then (Debian, as root) `apt-get install chromium`. Test tools' own browser downloads do not work on
 * this project's machines, so this never runs `playwright install`.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

/** The browser's version line, or null when it does not start (e.g. a snap stub). */
export function chromiumVersion(bin: string): string | null {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) return null;
  // Debian's wrapper script may print a harmless "[: ... unexpected operator" line first.
  const line = r.stdout
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /chrom/i.test(l));
  return line ?? null;
}

export function findChromium(): string | null {
  const fromEnv = process.env.CHROME_BIN;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.warn(`CHROME_BIN=${fromEnv} is not an executable file; looking for Chromium elsewhere.`);
  }
  for (const name of CANDIDATES) {
    const found = onPath(name);
    if (found && chromiumVersion(found)) return found;
  }
  return null;
}

function isDebian(): boolean {
  return existsSync('/etc/debian_version') && onPath('apt-get') !== null;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function aptGet(args: string[]): boolean {
  console.log(`$ apt-get ${args.join(' ')}`);
  const r = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 20 * 60_000,
  });
  return r.status === 0;
}

const INSTRUCTIONS = `Chromium is needed for the Karma and Playwright suites and was not found.
Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium   (Ubuntu: chromium-browser)
  elsewhere:      install Chromium or Google Chrome and set CHROME_BIN=/path/to/chrome
(Test tools' own browser downloads do not work here: do not run "npx playwright install".)`;

/**
 * Returns the path of a working Chromium, installing Debian's `chromium` when run as root on Debian.
 * Throws with instructions when none can be had.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (isDebian() && isRoot()) {
    console.log('Chromium not found: installing Debian package "chromium" (apt-get)...');
    const lock = ['-o', 'DPkg::Lock::Timeout=300'];
    if (aptGet([...lock, 'update']) && aptGet([...lock, 'install', '-y', 'chromium'])) {
      const installed = findChromium();
      if (installed) return installed;
    }
    throw new Error(`apt-get could not install a working Chromium.\n${INSTRUCTIONS}`);
  }
  throw new Error(INSTRUCTIONS);
}
