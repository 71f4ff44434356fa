/**
 * End-to-end journeys (`npx playwright test`, or `npm test -- --only=e2e`) against the production build
 * (`ng build` first), served by the real server on throwaway embedded databases.
 *
 * Browsers: the system Chromium (CHROME_BIN, default /usr/bin/chromium); never `npx playwright install`.
 * Projects: `setup` signs each role in once and saves `.tmp/auth/<role>.json`; `chromium` runs the journeys.
 * Counts for scripts/test.ts come from the JSON reporter (`.tmp/playwright-results.json`).
 */
import { defineConfig } from '@playwright/test';
import { IDLE_PORT, IDLE_TIMEOUT_SECONDS, MAIN_PORT, MAIN_URL, freshDataDir, pruneOldDataDirs } from './e2e/support/env';

const CI = Boolean(process.env.CI) && process.env.CI !== 'false';
// This file is evaluated by the runner and again by each worker; only the runner starts servers.
const isRunner = process.env.TEST_WORKER_INDEX === undefined;
if (isRunner) pruneOldDataDirs();

const CHROMIUM_ARGS = [
  '--no-sandbox', // Chromium refuses to run as root without it (CI runs as root)
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function serverEnv(port: number, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    DEMO: 'true',
    DEMO_PATIENTS: '200',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000', // every journey signs in
    // E2E_STATIC_DIR lets parallel runs serve their own build (`ng build --output-path .tmp/dist-x`).
    STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist/fbss-dashboard/browser',
    // Never the developer's own database (the server treats an empty value as unset).
    DATABASE_URL: '',
    SESSION_SECRET: 'e2e-only-session-pepper-not-used-anywhere-else',
    ...extra,
  };
}

function server(name: string, port: number, extra: Record<string, string> = {}) {
  return {
    name,
    command: 'node --import tsx src/server/main.ts',
    env: serverEnv(port, isRunner ? freshDataDir(name) : '', extra),
    url: `http://127.0.0.1:${port}/api/ready`,
    timeout: 180_000, // first start: initdb, migrations and the demo cohort
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    // SIGTERM lets the server close PGlite and release its data-dir lock.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
  };
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: '.tmp/e2e-results',
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2, // 2 cores; files run in parallel, the tests of one file in order
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-results.json' }]],
  use: {
    baseURL: MAIN_URL,
    headless: true,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    { name: 'chromium', dependencies: ['setup'] },
  ],
  webServer: [server('main', MAIN_PORT), server('idle', IDLE_PORT, { IDLE_TIMEOUT_SECONDS: String(IDLE_TIMEOUT_SECONDS) })],
});
