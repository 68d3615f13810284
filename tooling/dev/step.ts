/**
 * One step of a `dev` cycle (build, test, run) as a `wasmedge-plugin` child process in its own
 * process group, so that stopping it — a newer change, a hang, Ctrl-C — kills everything it
 * started (compilers, isolation children) and never the watcher.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../runtime/paths.js';

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Stopped by abort() or by the time limit. */
  killed?: 'aborted' | 'timeout';
}

export interface Step {
  done: Promise<StepResult>;
  abort(): void;
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Runs `wasmedge-plugin args…`; the process group is killed after limitMs. */
export function startStep(args: string[], limitMs: number): Step {
  const started = performance.now();
  const child = spawn(process.execPath, [join(packageRoot, 'bin', 'wasmedge-plugin.js'), ...args], {
    detached: true, // own process group: killGroup reaches its descendants
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  live.add(child);
  let killed: StepResult['killed'];
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const timer = setTimeout(() => { killed = 'timeout'; killGroup(child, 'SIGKILL'); }, limitMs);
  const done = new Promise<StepResult>((resolvePromise) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      live.delete(child);
      // The leader is gone; anything it left in its group goes too.
      killGroup(child, 'SIGKILL');
      resolvePromise({ code, stdout, stderr, seconds: Math.round((performance.now() - started) / 100) / 10, ...(killed ? { killed } : {}) });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      live.delete(child);
      resolvePromise({ code: null, stdout, stderr: stderr + e.message, seconds: 0 });
    });
  });
  return { done, abort: () => { killed = 'aborted'; killGroup(child, 'SIGKILL'); } };
}

/** Kills every running step's process group (shutdown). */
export function killAllSteps(): void {
  for (const c of live) killGroup(c, 'SIGKILL');
}
