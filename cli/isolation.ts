/**
 * The isolated forms of `inspect`, `call` and `run`: the same exported functions, run in a child
 * process (runtime/isolate.ts) so a crashing or hanging plug-in becomes an error report. Commands
 * add the flags with `isolationOptions(cmd)` and pick the form with `opts.isolate`.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { KitError, isKitError } from '../runtime/errors.js';
import type { LoadError } from '../runtime/host.js';
import { runIsolated } from '../runtime/isolate.js';
import { defaultPluginPaths, pluginCandidates } from '../runtime/search-paths.js';
import type { InspectReport } from './inspect.js';
import type { CallReport } from './call.js';
import type { RunCommandOptions, RunOutcome } from './run.js';

export interface IsolationFlags {
  /** commander's `--no-isolate` gives isolate: false. */
  isolate?: boolean;
  timeout?: string;
}

/** Loading and listing takes milliseconds for a sane plug-in; a single host call may legitimately take longer. */
export const DEFAULT_TIMEOUT_S = 30;
export const INSPECT_TIMEOUT_S = 10;

export function isolationOptions(cmd: Command, defaultTimeout: number | undefined = DEFAULT_TIMEOUT_S): Command {
  return cmd
    .option('--no-isolate', 'run plug-in code in this process (faster; a crashing plug-in takes the CLI down)')
    .option('--timeout <seconds>', `kill plug-in code that runs this long without progress (default: ${defaultTimeout ?? 'none'}; 0 = none)`);
}

/** --timeout in ms (undefined = no limit); exit 2 for a malformed value. */
export function timeoutMs(flags: IsolationFlags, defaultSeconds: number | undefined = DEFAULT_TIMEOUT_S): number | undefined {
  if (flags.timeout === undefined) return defaultSeconds ? defaultSeconds * 1000 : undefined;
  const s = Number(flags.timeout);
  if (flags.timeout.trim() === '' || !Number.isFinite(s) || s < 0) {
    throw new KitError('E_USAGE', `--timeout ${flags.timeout}: expected a number of seconds`, { hint: 'e.g. --timeout 10 (0 disables the limit)' });
  }
  return s === 0 ? undefined : s * 1000;
}

const INSPECT = new URL('./inspect.js', import.meta.url).href;
const CALL = new URL('./call.js', import.meta.url).href;
const RUN = new URL('./run.js', import.meta.url).href;

/** Directories expanded to their plug-in files here (no plug-in code runs), so a crash names one file. */
function expand(paths: string[]): { files: string[]; searched: string[] } {
  const roots = paths.length ? paths : defaultPluginPaths().filter((p) => existsSync(p));
  const files: string[] = [];
  for (const r of roots) {
    if (existsSync(r) && statSync(r).isDirectory()) files.push(...pluginCandidates(r).map((c) => c.path));
    else files.push(r); // a file, or a missing path: the child reports it as inspect would
  }
  return { files, searched: (paths.length ? paths : defaultPluginPaths()).map((p) => resolve(p)) };
}

/**
 * `inspect` in a child. When plug-in code kills the child, the culprit is listed as an error and the
 * others are inspected again without it: good plug-ins in the same directory are still reported.
 */
export async function inspectIsolated(paths: string[], timeout: number | undefined): Promise<InspectReport> {
  const { files, searched } = expand(paths);
  const crashed: LoadError[] = [];
  let remaining = files;
  for (;;) {
    try {
      const report = await runIsolated<InspectReport>({ module: INSPECT, fn: 'inspectPaths', args: [remaining] }, { timeoutMs: timeout, stdout: 'stderr', forwardStderr: true });
      // Keep the order of the files for the errors, as an in-process inspect would.
      const errors = [...report.errors, ...crashed].sort((a, b) => files.indexOf(a.path) - files.indexOf(b.path));
      return { ...report, errors, searched };
    } catch (e) {
      const path = isKitError(e) && (e.code === 'E_CRASH' || e.code === 'E_TIMEOUT') ? e.path : undefined;
      const culprit = path && remaining.find((f) => resolve(f) === resolve(path));
      if (!culprit || !isKitError(e)) throw e;
      crashed.push({ path: resolve(culprit), code: e.code, message: e.message, hint: e.hint });
      remaining = remaining.filter((f) => f !== culprit);
      if (remaining.length === 0) return { plugins: [], errors: crashed, searched };
    }
  }
}

export function callIsolated(pluginPath: string, target: string, args: string[], opts: string[], timeout: number | undefined): Promise<CallReport> {
  return runIsolated<CallReport>({ module: CALL, fn: 'callFunction', args: [pluginPath, target, args, opts] }, { timeoutMs: timeout, stdout: 'stderr', forwardStderr: true });
}

/** `run` in a child: the guest's stdin/stdout/stderr stream through; its exit code comes back. */
export function runIsolatedFile(file: string, args: string[], o: RunCommandOptions, timeout: number | undefined): Promise<RunOutcome> {
  const { isolate: _i, timeout: _t, ...plain } = o as RunCommandOptions & IsolationFlags;
  return runIsolated<RunOutcome>({ module: RUN, fn: 'runFile', args: [file, args, plain] }, { timeoutMs: timeout, stdout: 'inherit', stdin: 'inherit', forwardStderr: true });
}
