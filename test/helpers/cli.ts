// Runs the built CLI (bin/wasmedge-plugin.js → dist/) as a real process, the way users run it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, type RunResult } from './cbuild.js';
import { collectOutput } from './spawn.js';

export const BIN = path.join(REPO_ROOT, 'bin', 'wasmedge-plugin.js');

export type CliResult = RunResult;

/** Compiles dist/ when it is missing or older than a source file we depend on. */
export function ensureBuilt(): void {
  const stale = (src: string, out: string) => !fs.existsSync(out) || fs.statSync(out).mtimeMs < fs.statSync(src).mtimeMs;
  const pairs = ['cli/main.ts', 'cli/test.ts', 'cli/doctor.ts', 'tooling/isolation/parent.ts', 'tooling/isolation/child.ts', 'tooling/check/test-runner.ts', 'tooling/check/conformance.ts']
    .filter((f) => fs.existsSync(path.join(REPO_ROOT, f)))
    .map((f) => [path.join(REPO_ROOT, f), path.join(REPO_ROOT, 'dist', f.replace(/\.ts$/, '.js'))]);
  if (pairs.some(([s, o]) => stale(s, o))) {
    const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}\n${r.stderr}`);
  }
}

/** Runs `wasmedge-plugin args…`; never rejects for a non-zero exit. */
export function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {}): Promise<CliResult> {
  return collectOutput(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    timeoutMs: opts.timeoutMs ?? 60_000,
    input: opts.input,
  });
}
