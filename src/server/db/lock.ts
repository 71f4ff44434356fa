import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * PGlite does not lock its data directory and two processes on one directory corrupt it, so the server
 * takes an exclusive lock file (O_EXCL) holding its pid. A lock left by a dead process is taken over;
 * a live one makes the second server refuse to start.
 */
export class DataDirLockedError extends Error {}

/** Locks held by this process (a lock file naming our pid but not in here was left by an earlier process with the same pid). */
const heldHere = new Set<string>();

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }));
      closeSync(fd);
      heldHere.add(path);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(path);
          try {
            const held = JSON.parse(readFileSync(path, 'utf8')) as { pid: number };
            if (held.pid === process.pid) unlinkSync(path);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number; host?: string; startedAt?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
      } catch {
        /* unreadable or half-written lock: treat as stale */
      }
      const sameHost = !holder.host || holder.host === hostname();
      const heldByUs = holder.pid === process.pid && heldHere.has(path);
      const heldByOther = holder.pid !== undefined && holder.pid !== process.pid && (!sameHost || alive(holder.pid));
      if (heldByUs || heldByOther) {
        throw new DataDirLockedError(
          `The data directory ${dir} is in use by another FBSS Dashboard server (pid ${holder.pid}${sameHost ? '' : ` on ${holder.host}`}, started ${holder.startedAt ?? 'at an unknown time'}). ` +
            'Stop that server first, or start this one with a different DATA_DIR. Two servers on one embedded database would corrupt it.',
        );
      }
      // Stale lock from a process that is gone: take it over.
      try {
        unlinkSync(path);
      } catch {
        /* someone else took it over first; the next openSync decides */
      }
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dir}: another server is starting on it.`);
}
