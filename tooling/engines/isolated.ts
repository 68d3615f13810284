/**
 * The isolated forms of `inspect`, `call` and `run`: the same engines, run as tasks in a child
 * process (tooling/isolation) so a crashing or hanging plug-in becomes an error report.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isKitError } from '../../runtime/errors.js';
import type { LoadError } from '../../runtime/host.js';
import { runIsolated } from '../isolation/parent.js';
import { defaultPluginPaths, pluginCandidates } from '../../runtime/search-paths.js';
import type { InspectReport } from './inspect.js';
import type { CallReport } from './call.js';
import type { RunCommandOptions, RunOutcome } from './run.js';
import { ISOLATED_STDIO } from './stdio.js';

export { ISOLATED_STDIO } from './stdio.js';

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
      const report = await runIsolated('inspect', [remaining], { ...ISOLATED_STDIO.inspect, timeoutMs: timeout, forwardStderr: true });
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
  return runIsolated('call', [pluginPath, target, args, opts], { ...ISOLATED_STDIO.call, timeoutMs: timeout, forwardStderr: true });
}

/** `run` in a child: the guest's stdin/stdout/stderr stream through; its exit code comes back. */
export function runIsolatedFile(file: string, args: string[], o: RunCommandOptions, timeout: number | undefined): Promise<RunOutcome> {
  return runIsolated('run', [file, args, o], { ...ISOLATED_STDIO.run, timeoutMs: timeout, forwardStderr: true });
}
