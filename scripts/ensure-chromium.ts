/**
 * `node --import tsx scripts/ensure-chromium.ts`: finds (or on Debian as root installs) Chromium and prints
 * its path on the last line, e.g. `export CHROME_BIN=$(node --import tsx scripts/ensure-chromium.ts | tail -n 1)`.
 */
import { chromiumVersion, ensureChromium } from './lib/chromium';

try {
  const bin = ensureChromium();
  console.error(`Chromium: ${bin} (${chromiumVersion(bin) ?? 'version unknown'})`);
  console.log(bin);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
