/**
 * Drives the libFuzzer harness: lists the plug-in's functions, fuzzes one function until the first
 * finding (or the time/run budget), minimises the input, and reruns it once to describe the call
 * and capture the sanitizer's report. Children are spawned without a shell and killed on abort.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ToolError } from '../errors.js';
import type { DecodedCall } from './input.js';
import type { FuzzFunction as FunctionRef } from './target-function.js';

export interface HarnessTarget {
  harness: string;
  library: string;
}

interface Ran { code: number | null; signal: string | null; stdout: string; stderr: string }

/** Keeps the children of a run so an interrupted `fuzz` leaves none behind. */
const running = new Set<ReturnType<typeof spawn>>();
export function killFuzzers(): void {
  for (const c of running) c.kill('SIGKILL');
}

function runHarness(t: HarnessTarget, args: string[], env: Record<string, string>, limitMs: number): Promise<Ran> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(t.harness, args, {
      env: { ...process.env, WPK_FUZZ_PLUGIN: t.library, ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=0:symbolize=1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    // Keep the head (the decoded call) and the tail (the report), not megabytes of progress lines.
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); if (stderr.length > 400_000) stderr = stderr.slice(0, 50_000) + stderr.slice(-200_000); });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', (e) => { clearTimeout(timer); running.delete(child); reject(e); });
    child.on('close', (code, signal) => { clearTimeout(timer); running.delete(child); resolvePromise({ code, signal, stdout, stderr }); });
  });
}

/** Every function of every module, with parameter types (the harness's list mode). */
export async function listFunctions(t: HarnessTarget): Promise<FunctionRef[]> {
  const r = await runHarness(t, [], { WPK_FUZZ_LIST: '1' }, 60_000);
  if (r.code !== 0) throw new ToolError('E_LOAD_FAILED', `the fuzz harness could not load ${t.library}:\n${r.stderr.trim().split('\n').slice(-10).join('\n')}`, { path: t.library });
  return r.stdout.trim().split('\n').filter(Boolean).map((l) => ({ ...(JSON.parse(l) as { module: string; function: string; params: string[] }), results: [] }));
}

export interface RunBudget { seconds: number; runs?: number; seed?: number; jobs?: number; timeoutS: number; corpus: string }

export interface RawFinding { kind: string; input: Uint8Array; seconds: number; runs?: number }
export interface CleanRun { runs?: number; seconds: number }

const ARTIFACT = /^(crash|leak|timeout|oom|slow-unit)-/;

/** Fuzzes one function; the first artifact libFuzzer writes is the finding. */
export async function fuzzFunction(t: HarnessTarget, fn: FunctionRef, b: RunBudget): Promise<RawFinding | CleanRun> {
  mkdirSync(b.corpus, { recursive: true });
  const artifacts = mkdtempSync(join(tmpdir(), 'wpk-fuzz-artifacts-'));
  const args = [
    `-artifact_prefix=${artifacts}/`, `-max_total_time=${b.seconds}`, `-timeout=${b.timeoutS}`,
    '-print_final_stats=1', '-rss_limit_mb=2048', '-max_len=1024',
    ...(b.runs !== undefined ? [`-runs=${b.runs}`] : []), ...(b.seed !== undefined ? [`-seed=${b.seed}`] : []),
    ...(b.jobs && b.jobs > 1 ? [`-fork=${b.jobs}`] : []), b.corpus,
  ];
  const started = performance.now();
  try {
    const r = await runHarness(t, args, { WPK_FUZZ_MODULE: fn.module, WPK_FUZZ_FUNCTION: fn.function }, (b.seconds + b.timeoutS + 60) * 1000);
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    const runs = Number(/stat::number_of_executed_units:\s*(\d+)/.exec(r.stderr)?.[1] ?? NaN);
    const found = readdirSync(artifacts).filter((f) => ARTIFACT.test(f) && !f.startsWith('slow-unit'));
    if (found.length) {
      const kind = found[0].split('-')[0];
      return { kind, input: readFileSync(join(artifacts, found[0])), seconds, runs: Number.isNaN(runs) ? undefined : runs };
    }
    if (r.code !== 0 && !/Done \d+ runs|max_total_time/.test(r.stderr)) {
      throw new ToolError('E_CRASH', `the fuzz harness failed without a finding (exit ${r.code ?? r.signal}):\n${r.stderr.trim().split('\n').slice(-10).join('\n')}`);
    }
    return { seconds, runs: Number.isNaN(runs) ? undefined : runs };
  } finally {
    rmSync(artifacts, { recursive: true, force: true });
  }
}

/** libFuzzer's -minimize_crash: a smaller input with the same crash (kept as is when it fails). */
export async function minimise(t: HarnessTarget, fn: FunctionRef, input: Uint8Array, seconds = 10): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'wpk-fuzz-min-'));
  try {
    const file = join(dir, 'input');
    const out = join(dir, 'minimised');
    writeFileSync(file, input);
    await runHarness(t, ['-minimize_crash=1', `-max_total_time=${seconds}`, `-exact_artifact_path=${out}`, file], { WPK_FUZZ_MODULE: fn.module, WPK_FUZZ_FUNCTION: fn.function }, (seconds + 30) * 1000);
    return existsSync(out) && readFileSync(out).length <= input.length ? readFileSync(out) : input;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Described { call?: DecodedCall; reproduced: boolean; summary: string; stack: string[]; report: string }

/** Where the faulting address lies relative to guest memory, when it is near it. */
function guestOffset(stderr: string, call: DecodedCall | undefined): string {
  const base = /^WPK_FUZZ_MEMORY_BASE (0x[0-9a-f]+)$/m.exec(stderr)?.[1];
  const address = /(?:on unknown address|on address) (0x[0-9a-f]+)/.exec(stderr)?.[1];
  if (!base || !address || !call) return '';
  const offset = Number(BigInt(address) - BigInt(base));
  if (offset < -4096 || offset > call.memoryBytes + 4096) return '';
  if (offset >= call.memoryBytes) return ` at guest memory offset ${offset}, ${offset - call.memoryBytes + 1} byte(s) past its end (${call.memoryBytes} bytes)`;
  return ` at guest memory offset ${offset}`;
}

/** Runs one input through the harness: the decoded call, whether it failed, and the report. */
export async function describe(t: HarnessTarget, fn: FunctionRef, input: Uint8Array, timeoutS: number): Promise<Described> {
  const dir = mkdtempSync(join(tmpdir(), 'wpk-fuzz-run-'));
  try {
    const file = join(dir, 'input');
    writeFileSync(file, input);
    const r = await runHarness(t, [`-timeout=${timeoutS}`, file], { WPK_FUZZ_MODULE: fn.module, WPK_FUZZ_FUNCTION: fn.function, WPK_FUZZ_DESCRIBE: '1' }, (timeoutS + 30) * 1000);
    const line = /^WPK_FUZZ_CALL (.*)$/m.exec(r.stderr)?.[1];
    const call = line ? (JSON.parse(line) as DecodedCall) : undefined;
    const error = /==\d+==\s*ERROR: (.*)|ERROR: (libFuzzer: .*)/.exec(r.stderr);
    const cause = /The signal is caused by a (\w+) memory access|(READ|WRITE) of size \d+[^\n]*/.exec(r.stderr)?.[0];
    const summary = error ? `${(error[1] ?? error[2]).replace(/ \(pc 0x.*$/, '').replace(/ on unknown address 0x[0-9a-f]+/, '')}${cause ? `; ${cause.replace('The signal is caused by a ', '')}` : ''}${guestOffset(r.stderr, call)}` : '';
    const stack = [...r.stderr.matchAll(/^\s*#\d+ 0x[0-9a-f]+ in (\S+) (\/\S+:\d+)(?::\d+)?/gm)]
      .map((m) => `${m[1]} ${m[2]}`)
      .filter((f) => !/^(LLVMFuzzerTestOneInput|fuzzer::|main |__libc)/.test(f));
    const start = r.stderr.search(/==\d+==\s*ERROR|ERROR: libFuzzer/);
    return { call, reproduced: r.code !== 0 && Boolean(error), summary, stack, report: start >= 0 ? r.stderr.slice(start).split('\n').slice(0, 40).join('\n') : '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
