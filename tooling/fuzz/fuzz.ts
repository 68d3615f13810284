/**
 * `wasmedge-plugin fuzz`: coverage-guided fuzzing of host functions with libFuzzer when clang's
 * fuzzer runtime is installed, else seeded random calls in the isolation child. Each finding is
 * minimised and saved under fuzz/findings/ as a reproducer (reproducer.ts). docs/fuzzing.md.
 */
import { existsSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { isKitError } from '../../runtime/errors.js';
import { detectLanguage } from '../build.js';
import { runIsolated } from '../isolation/parent.js';
import { ToolError } from '../errors.js';
import type { FuzzFunction as FunctionRef } from './target-function.js';
import { buildHarness, buildInstrumentedPlugin } from './harness.js';
import { decodeInput, randomInput } from './input.js';
import { describe, fuzzFunction, listFunctions, minimise, type HarnessTarget } from './libfuzzer.js';
import { REPRODUCER_FORMAT, saveReproducer, type Reproducer } from './reproducer.js';
import { fuzzToolchain, FUZZ_INSTALL_HINT } from './toolchain.js';

export type FuzzMode = 'libfuzzer' | 'random';

export interface FuzzOptions {
  /** "module.function"; default: every host function. */
  function?: string;
  /** Time budget per function in seconds (default 60). */
  seconds?: number;
  /** Input budget per function. */
  runs?: number;
  seed?: number;
  /** libFuzzer worker processes (-fork=N). */
  jobs?: number;
  /** A single input running longer than this is a finding (default 5 s). */
  timeoutS?: number;
  /** Force the random mode even when libFuzzer is available. */
  mode?: FuzzMode;
  progress?: boolean;
  /** Called when a function starts and when it is done. */
  onFunction?: (r: FunctionStart | FuzzFunctionResult) => void;
}

export interface FunctionStart { module: string; function: string; started: true }

export interface FuzzFunctionResult {
  module: string;
  function: string;
  seconds: number;
  runs?: number;
  finding?: { file: string; reproducer: Reproducer };
}

export interface FuzzReport {
  target: string;
  library: string;
  mode: FuzzMode;
  /** Whether the plug-in's own code was instrumented (coverage guidance and ASan inside it). */
  instrumented: boolean;
  /** What this mode cannot do, in one sentence. */
  note?: string;
  findingsDir: string;
  results: FuzzFunctionResult[];
  ok: boolean;
}

interface Resolved { library: string; dir?: string; instrumented: boolean; harness?: HarnessTarget; workDir: string }

export async function resolveTarget(target: string, mode: FuzzMode, progress: boolean): Promise<Resolved> {
  const abs = resolve(target);
  if (!existsSync(abs)) throw new ToolError('E_NOT_FOUND', `no such file or directory: ${target}`, { path: abs });
  const dir = statSync(abs).isDirectory() ? abs : undefined;
  const workDir = dir ? join(dir, 'build', 'fuzz') : join(tmpdir(), `wpk-fuzz-${userInfo().uid}`);
  const tc = mode === 'libfuzzer' ? fuzzToolchain() : undefined;
  if (dir && tc && detectLanguage(dir) !== 'rust') {
    const library = await buildInstrumentedPlugin(tc, dir, progress);
    return { library, dir, instrumented: true, workDir, harness: { harness: await buildHarness(tc, join(workDir, 'harness'), progress), library } };
  }
  let library = abs;
  if (dir) {
    const { buildProject } = await import('../build.js');
    library = (await buildProject({ dir, progress })).artifact;
  }
  return { library, dir, instrumented: false, workDir, harness: tc ? { harness: await buildHarness(tc, join(workDir, 'harness'), progress), library } : undefined };
}

function pickFunctions(all: FunctionRef[], wanted: string | undefined): FunctionRef[] {
  if (!wanted) return all;
  const hit = all.filter((f) => `${f.module}.${f.function}` === wanted || (!wanted.includes('.') && f.function === wanted));
  if (!hit.length) {
    throw new ToolError('E_USAGE', `--function ${wanted}: the plug-in has no such host function`, { hint: `functions: ${all.map((f) => `${f.module}.${f.function}`).join(', ') || 'none'}` });
  }
  return hit;
}

async function libFuzzerFunction(h: HarnessTarget, fn: FunctionRef, o: FuzzOptions, workDir: string, findingsDir: string): Promise<FuzzFunctionResult> {
  const timeoutS = o.timeoutS ?? 5;
  const run = await fuzzFunction(h, fn, { seconds: o.seconds ?? 60, runs: o.runs, seed: o.seed, jobs: o.jobs, timeoutS, corpus: join(workDir, 'corpus', `${fn.module}.${fn.function}`) });
  const base = { module: fn.module, function: fn.function, seconds: run.seconds, runs: run.runs };
  if (!('kind' in run)) return base;
  const input = run.kind === 'crash' || run.kind === 'leak' ? await minimise(h, fn, run.input) : run.input;
  const d = await describe(h, fn, input, timeoutS);
  const reproducer: Reproducer = {
    format: REPRODUCER_FORMAT, module: fn.module, function: fn.function, kind: run.kind,
    summary: d.summary || `${run.kind} (libFuzzer)`, call: d.call ?? decodeInput(fn.params, input), stack: d.stack,
    input: Buffer.from(input).toString('base64'), foundBy: 'libfuzzer', seconds: run.seconds,
  };
  return { ...base, finding: { file: saveReproducer(findingsDir, reproducer), reproducer } };
}

async function randomFunction(library: string, fn: FunctionRef, o: FuzzOptions, findingsDir: string): Promise<FuzzFunctionResult> {
  const seed = o.seed ?? 1;
  let last = -1;
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) / 10) / 100;
  try {
    const r = await runIsolated('fuzzRandom', [library, fn.module, fn.function, seed, o.runs ?? Number.MAX_SAFE_INTEGER, o.seconds ?? 60], {
      timeoutMs: (o.timeoutS ?? 5) * 1000, stdout: 'ignore', onProgress: (i) => { last = i as number; },
    });
    return { module: fn.module, function: fn.function, seconds: elapsed(), runs: r.runs };
  } catch (e) {
    if (!isKitError(e) || !['E_CRASH', 'E_TIMEOUT'].includes(e.code) || last < 0) throw e;
    const input = randomInput(fn.params, seed, last);
    const kind = e.code === 'E_TIMEOUT' ? 'timeout' : 'crash';
    const signal = typeof e.details.signal === 'string' ? e.details.signal : undefined;
    const reproducer: Reproducer = {
      format: REPRODUCER_FORMAT, module: fn.module, function: fn.function, kind,
      summary: kind === 'timeout' ? 'no progress within the timeout (hang?)' : `crashed${signal ? ` (${signal})` : ''} in the kit's runtime`,
      call: decodeInput(fn.params, input), stack: [], input: Buffer.from(input).toString('base64'), foundBy: 'random', seconds: elapsed(),
    };
    return { module: fn.module, function: fn.function, seconds: elapsed(), runs: last + 1, finding: { file: saveReproducer(findingsDir, reproducer), reproducer } };
  }
}

export const RANDOM_MODE_NOTE = 'random mode: no coverage guidance (inputs do not evolve towards new code), no AddressSanitizer (only faults, e.g. past the end of guest memory, and hangs are found), no minimisation';

export async function fuzzPlugin(target: string, o: FuzzOptions = {}): Promise<FuzzReport> {
  const mode: FuzzMode = o.mode ?? (fuzzToolchain() ? 'libfuzzer' : 'random');
  const r = await resolveTarget(target, mode, o.progress ?? false);
  const findingsDir = join(r.dir ?? process.cwd(), 'fuzz', 'findings');
  const all = r.harness ? await listFunctions(r.harness) : await runIsolated('fuzzList', [r.library], { timeoutMs: 30_000, stdout: 'ignore' });
  const results: FuzzFunctionResult[] = [];
  for (const fn of pickFunctions(all, o.function)) {
    o.onFunction?.({ module: fn.module, function: fn.function, started: true });
    const res = r.harness ? await libFuzzerFunction(r.harness, fn, o, r.workDir, findingsDir) : await randomFunction(r.library, fn, o, findingsDir);
    results.push(res);
    o.onFunction?.(res);
  }
  const note = mode === 'random' ? RANDOM_MODE_NOTE
    : !r.instrumented ? 'the plug-in itself is not instrumented (a Rust project or a prebuilt library): coverage guidance comes from the shim only, and AddressSanitizer sees only what the shim and libc touch; faults past the end of guest memory are still found'
    : undefined;
  return { target: resolve(target), library: r.library, mode, instrumented: r.instrumented, ...(note ? { note } : {}), findingsDir, results, ok: results.every((x) => !x.finding) };
}

export { FUZZ_INSTALL_HINT };
