/** Small timing helpers shared by the benchmark sections. */
import { spawnSync } from 'node:child_process';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds since an arbitrary origin, sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Wall time of one synchronous call, in microseconds. */
export function timeUs(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e3;
}

/** Runs a program to completion and returns its wall time in ms; throws unless it exits 0. */
export function timeProcessMs(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stderr}`);
  return ms;
}

/** Rounds a figure for display and JSON (3 significant digits is plenty for noisy timings). */
export function round(x: number, digits = 3): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const p = Math.pow(10, Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x)))));
  return Math.round(x * p) / p;
}
