// The tests' one way to run a program asynchronously and collect what it printed.
import { spawn } from 'node:child_process';
import type { RunResult } from './cbuild.js';

export interface CollectOptions {
  cwd?: string;
  /** The whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Killed with SIGKILL after this long (default: no limit). */
  timeoutMs?: number;
  /** What the program reads on stdin (default: stdin closed). */
  input?: string;
}

/** Runs `cmd args…` with stdin closed (or given `input`); resolves with its status, signal and output (a non-zero exit is not a rejection; failing to start is). */
export function collectOutput(cmd: string, args: string[], opts: CollectOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}
