/** Child processes for the test script: output streamed, a time limit, and the whole process group ended on timeout or Ctrl-C. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface RunResult {
  /** Exit code, or null when ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  cwd?: string;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the child leads its own process group (detached)
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

let handlersInstalled = false;
function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      for (const child of running) killGroup(child, 'SIGTERM');
      setTimeout(() => {
        for (const child of running) killGroup(child, 'SIGKILL');
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }, 5_000).unref();
      if (running.size === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Runs `command args` with inherited stdout/stderr (no stdin) and resolves when it ends. Never rejects. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  installSignalHandlers();
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true, // own process group, so a timeout ends the grandchildren (browsers, servers, esbuild) too
    });
    running.add(child);
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        console.error(`\n${command} ${args.join(' ')}: still running after ${Math.round((options.timeoutMs ?? 0) / 1000)} s, stopping it.`);
        killGroup(child, 'SIGTERM');
        setTimeout(() => {
          killGroup(child, 'SIGKILL');
        }, 10_000).unref();
      }, options.timeoutMs);
    }
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (timer) clearTimeout(timer);
      running.delete(child);
      resolve({ code, signal, timedOut, durationMs: performance.now() - started });
    };
    child.on('error', (err) => {
      console.error(`Could not start ${command}: ${err.message}`);
      finish(127, null);
    });
    child.on('exit', (code, signal) => {
      finish(code, signal);
    });
  });
}

/** The path of a project-local CLI (node_modules/.bin/NAME); throws when dependencies are not installed. */
export function localBin(root: string, name: string): string {
  const file = join(root, 'node_modules', '.bin', name);
  if (!existsSync(file)) throw new Error(`${file} is missing: install dependencies first (npm ci).`);
  return file;
}
