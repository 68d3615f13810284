/**
 * The isolated forms of `inspect`, `call` and `run`: the same engines, run as tasks in a child
 * process (tooling/isolation) so a crashing or hanging plug-in becomes an error report.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { isKitError, type KitError } from '../../runtime/errors.js';
import type { StageEvent } from '../../runtime/stages.js';
import { formatWarning } from '../messages.js';
import type { LoadError } from '../../runtime/host.js';
import { runIsolated } from '../isolation/parent.js';
import { probePath } from '../isolation/probe.js';
import { inspectWithProbe } from './inspect-probe.js';
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
 * `inspect` in a child: the native probe when it was built (a few milliseconds to start), else the
 * Node child. When plug-in code kills the child, the culprit is listed as an error and the others
 * are inspected again without it: good plug-ins in the same directory are still reported.
 * `env`: extra environment for the child (the sanitizer runtime, to read an ASan build).
 */
export async function inspectIsolated(paths: string[], timeout: number | undefined, env?: Record<string, string>): Promise<InspectReport> {
  const { files, searched } = expand(paths);
  const o = { ...ISOLATED_STDIO.inspect, timeoutMs: timeout, forwardStderr: true, env };
  const probe = probePath();
  const attempt = (remaining: string[]) => (probe ? inspectWithProbe(probe, remaining, o) : runIsolated('inspect', [remaining], o));
  const crashed: LoadError[] = [];
  let remaining = files;
  for (;;) {
    try {
      const report = await attempt(remaining);
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

/** Stages of loading a library: a crash there comes before any module, call or guest code ran. */
const LOAD_STAGES: ReadonlySet<string> = new Set(['constructor', 'GetDescriptor', 'descriptor']);

/**
 * The file to skip when `e` is a crash (or hang) while loading a plug-in found in one of the
 * directories of `pluginPaths`; undefined when the crash is fatal (a file the user named, or later
 * than loading).
 */
function crashedInDirectory(e: unknown, pluginPaths: string[]): string | undefined {
  if (!isKitError(e) || (e.code !== 'E_CRASH' && e.code !== 'E_TIMEOUT')) return undefined;
  const st = e.details.stage as StageEvent | undefined;
  if (!st?.path || !LOAD_STAGES.has(st.stage)) return undefined;
  const file = resolve(st.path);
  if (pluginPaths.some((p) => resolve(p) === file)) return undefined;
  const inDirectory = pluginPaths.some((p) => existsSync(p) && statSync(p).isDirectory() && file.startsWith(resolve(p) + sep));
  return inDirectory ? file : undefined;
}

/**
 * Runs `attempt` again without each plug-in of a --plugin directory whose loading killed the child,
 * after a warning: such a plug-in is skipped like the directory's other bad files.
 */
async function skippingCrashedPlugins<T>(pluginPaths: string[], attempt: (skip: string[]) => Promise<T>): Promise<T> {
  const skip: string[] = [];
  for (;;) {
    try {
      return await attempt([...skip]);
    } catch (e) {
      const file = crashedInDirectory(e, pluginPaths);
      if (!file || skip.includes(file)) throw e;
      const err = e as KitError<string>;
      process.stderr.write(formatWarning(err.code, `skipped ${file}: ${err.message}`, err.hint) + '\n');
      skip.push(file);
    }
  }
}

export function callIsolated(pluginPath: string, target: string, args: string[], opts: string[], timeout: number | undefined): Promise<CallReport> {
  return skippingCrashedPlugins([pluginPath], (skip) =>
    runIsolated('call', [pluginPath, target, args, opts, skip], { ...ISOLATED_STDIO.call, timeoutMs: timeout, forwardStderr: true }));
}

/** `run` in a child: the guest's stdin/stdout/stderr stream through; its exit code comes back. */
export function runIsolatedFile(file: string, args: string[], o: RunCommandOptions, timeout: number | undefined): Promise<RunOutcome> {
  // A retry is safe: a crash while loading plug-ins comes before the guest has run.
  return skippingCrashedPlugins(o.plugin, (skip) =>
    runIsolated('run', [file, args, { ...o, skip }], { ...ISOLATED_STDIO.run, timeoutMs: timeout, forwardStderr: true }));
}
