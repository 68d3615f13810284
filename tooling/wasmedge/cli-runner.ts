/**
 * Runs a wasm program in the real `wasmedge` CLI and turns what it printed into an EngineOutcome
 * (docs/engines.md, "Mapping"). Measured on WasmEdge 0.17.1:
 * - `_start` ending normally, by proc_exit(N) or by a host Terminate: exit status 0 / N / 0;
 * - `--reactor FILE FUNC ARGS`: one line per result value on stdout, exit 0;
 * - a trap or a failing host function: exit 134 and `[time] [error] …` log lines — on *stdout*,
 *   mixed with the guest's output (they are taken out of it here);
 * - a host Terminate under `--reactor`: exit 134 with nothing printed;
 * - a refused module (unknown import, missing export, bad argument): exit 1 and an error line.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { WasmEdgeInstall } from './find.js';
import type { EngineOutcome } from './outcome.js';
import { stagePlugins } from './stage.js';

export interface WasmEdgeRun {
  /** A binary .wasm file (a .wat is compiled by the caller). */
  wasmFile: string;
  /** Guest arguments for `_start`, or the export's arguments (already in WasmEdge's notation). */
  args: string[];
  invoke?: string;
  /** The invoked export's result types: that many trailing stdout lines are its results. */
  resultTypes?: string[];
  /** `--plugin` paths; none: WasmEdge's own search (WASMEDGE_PLUGIN_PATH, then its install directory). */
  pluginPaths: string[];
  /** Plug-in option flags (see optionFlags). */
  optionFlags?: string[];
  /** KEY=VALUE */
  env?: string[];
  /** The kit's notation, HOST[:GUEST]. */
  dirs?: string[];
  timeoutMs?: number;
  /** The guest's stdin: ours ('inherit'), these bytes, or nothing (the default). */
  stdin?: 'inherit' | Uint8Array;
}

/** WasmEdge's `--dir` is GUEST:HOST (the kit's is HOST[:GUEST]; the guest path defaults to the host path as written). */
export function dirFlag(spec: string): string {
  const colon = spec.indexOf(':');
  const host = colon < 0 ? spec : spec.slice(0, colon);
  const guest = colon < 0 ? host : spec.slice(colon + 1) || host;
  return `${guest}:${resolve(host)}`;
}

/** The command line for a run (without the binary). */
export function wasmedgeArgs(r: WasmEdgeRun): string[] {
  return [
    ...(r.dirs ?? []).flatMap((d) => ['--dir', dirFlag(d)]),
    ...(r.env ?? []).flatMap((e) => ['--env', e]),
    ...(r.optionFlags ?? []),
    ...(r.invoke !== undefined ? ['--reactor'] : []),
    '--',
    r.wasmFile,
    ...(r.invoke !== undefined ? [r.invoke] : []),
    ...r.args,
  ];
}

/** A value in the notation `wasmedge --reactor` reads (decimal integers, nan/inf). */
export function wasmedgeLiteral(v: number | bigint): string {
  if (typeof v === 'bigint') return v.toString();
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return Object.is(v, -0) ? '-0' : String(v);
}

const LOG_LINE = /^\[\d{4}-\d\d-\d\d [\d:.]+\] \[(\w+)\] (.*)$/;

/** Splits WasmEdge's log lines (it writes them to stdout) from the guest's output. */
export function splitLogLines(stdout: string): { guest: string; log: string } {
  const guest: string[] = [];
  const log: string[] = [];
  const lines = stdout.split('\n');
  const last = lines.pop() ?? ''; // text after the last newline (or '')
  for (const l of lines) (LOG_LINE.test(l) ? log : guest).push(l);
  return { guest: guest.map((l) => `${l}\n`).join('') + last, log: log.map((l) => `${l}\n`).join('') };
}

/** WasmEdge's first error line (without the time stamp) and the "Code: 0x…" in it. */
export function firstError(stderr: string): { message: string; code?: string } | undefined {
  for (const line of stderr.split('\n')) {
    const m = LOG_LINE.exec(line.trim());
    if (m && (m[1] === 'error' || m[1] === 'critical')) return { message: m[2], code: /Code: (0x[0-9a-f]+)/i.exec(m[2])?.[1] };
  }
  return undefined;
}

/** Normalises what the CLI did (see the header comment). */
export function parseWasmEdgeOutput(raw: { status: number | null; signal?: string | null; stdout: string; stderr: string; timedOut?: boolean }, run: Pick<WasmEdgeRun, 'invoke' | 'resultTypes'>): EngineOutcome {
  const { guest, log } = splitLogLines(raw.stdout);
  const r = { ...raw, stdout: guest, stderr: log + raw.stderr };
  const base = { engine: 'wasmedge' as const, status: r.status, stderr: r.stderr };
  if (r.timedOut || r.signal) {
    return { ...base, kind: 'crash', stdout: r.stdout, message: r.timedOut ? 'did not finish in time' : `killed by ${r.signal}` };
  }
  const err = firstError(r.stderr);
  if (r.status === 134) {
    if (err) return { ...base, kind: 'trap', stdout: r.stdout, message: err.message, code: err.code };
    if (run.invoke !== undefined) return { ...base, kind: 'terminated', stdout: r.stdout };
  }
  if (run.invoke === undefined) {
    // A refusal before _start prints an error line; a guest's own non-zero exit does not.
    if (err && r.status !== 0) return { ...base, kind: 'error', stdout: r.stdout, message: err.message, code: err.code };
    return { ...base, kind: 'exit', stdout: r.stdout, guestExit: r.status ?? 0 };
  }
  if (r.status !== 0) {
    const message = err?.message ?? (r.stderr.trim() || r.stdout.trim()).split('\n')[0] ?? `exit status ${r.status}`;
    return { ...base, kind: 'error', stdout: '', message, code: err?.code };
  }
  const n = run.resultTypes?.length ?? 0;
  const lines = r.stdout.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const results = n ? lines.slice(-n) : [];
  const before = n ? lines.slice(0, -n) : lines;
  return { ...base, kind: 'results', stdout: before.length ? `${before.join('\n')}\n` : '', results, resultTypes: run.resultTypes };
}

export function runWasmEdge(install: WasmEdgeInstall, run: WasmEdgeRun): EngineOutcome {
  const staged = run.pluginPaths.length ? stagePlugins(run.pluginPaths) : undefined;
  try {
    const env = { ...process.env };
    if (staged) env.WASMEDGE_PLUGIN_PATH = staged.pluginPath;
    const stdin = run.stdin === undefined ? 'ignore' : run.stdin === 'inherit' ? 'inherit' : 'pipe';
    const r = spawnSync(install.binary, wasmedgeArgs(run), {
      encoding: 'utf8', env, timeout: run.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, stdio: [stdin, 'pipe', 'pipe'],
      input: run.stdin instanceof Uint8Array ? run.stdin : undefined,
    });
    const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    if (r.error && !timedOut) return { engine: 'wasmedge', kind: 'crash', stdout: '', status: null, message: `could not run ${install.binary}: ${r.error.message}` };
    return parseWasmEdgeOutput({ status: r.status, signal: timedOut ? null : r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut }, run);
  } finally {
    staged?.cleanup();
  }
}
