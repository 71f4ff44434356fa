/**
 * Where the e2e servers listen and keep their throwaway databases. Shared by playwright.config.ts and the journeys.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** E2E_PORT lets several runs share one machine (each run uses this port and the next). */
export const MAIN_PORT = Number(process.env.E2E_PORT ?? 4310);
/** A second server with a 15 s idle timeout, for the idle sign-out journey. */
export const IDLE_PORT = MAIN_PORT + 1;
export const IDLE_TIMEOUT_SECONDS = 15;

export const MAIN_URL = `http://127.0.0.1:${MAIN_PORT}`;
export const IDLE_URL = `http://127.0.0.1:${IDLE_PORT}`;

const TMP = '.tmp';
const PRUNE_AFTER_MS = 3 * 3600_000;

/**
 * One id per `playwright test` run, fixed in the runner's process and inherited by its workers through the
 * environment (playwright.config.ts is evaluated in every worker too). scripts/test.ts passes its own.
 */
export function e2eRunId(): string {
  const id = (process.env.FBSS_E2E_RUN_ID ??= String(Date.now()));
  return id;
}

/** `.tmp/e2e-data-<run>/<name>`, created empty: the server runs initdb and seeds demo data into it. */
export function freshDataDir(name: string): string {
  const dir = join(TMP, `e2e-data-${e2eRunId()}`, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Removes data dirs of earlier runs (older than 3 h, so a run in progress elsewhere keeps its own). */
export function pruneOldDataDirs(): void {
  let entries: string[];
  try {
    entries = readdirSync(TMP);
  } catch {
    return;
  }
  const now = Date.now();
  for (const entry of entries) {
    const m = /^e2e-data-(\d+)$/.exec(entry);
    if (m && now - Number(m[1]) > PRUNE_AFTER_MS) rmSync(join(TMP, entry), { recursive: true, force: true });
  }
}
