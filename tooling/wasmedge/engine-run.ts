/**
 * `run --engine kit|wasmedge|both`: the same program in the kit's runtime and/or the real `wasmedge`
 * CLI, each side normalised to an EngineOutcome (docs/engines.md). The kit side runs crash-isolated
 * with the guest's stdout captured to a file, so both sides can be compared.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isKitError } from '../../runtime/errors.js';
import { parseWasm } from '../../runtime/wasm/binary.js';
import { loadWasmFile } from '../../runtime/wasm/wat.js';
import type { ValueTypeName } from '../../runtime/value-types.js';
import { parseArgument } from '../engines/call.js';
import { inspectIsolated } from '../engines/isolated.js';
import type { RunCommandOptions, RunOutcome } from '../engines/run.js';
import { runIsolated } from '../isolation/parent.js';
import { ToolError } from '../errors.js';
import { formatWarning } from '../messages.js';
import { compareOutcomes, type Comparison } from './compare.js';
import { runWasmEdge, wasmedgeLiteral } from './cli-runner.js';
import { requireWasmEdge, type WasmEdgeInstall } from './find.js';
import { optionFlags, type DeclaredOption } from './option-flags.js';
import { ENGINE_CHOICES, type EngineChoice, type EngineOutcome } from './outcome.js';

export interface EngineFlags {
  engine?: string;
  /** `--wasmedge PATH`: a binary or an install prefix. */
  wasmedge?: string;
}

/** The chosen engine and, when it needs one (or --wasmedge names one), the WasmEdge to use. */
export function resolveEngine(flags: EngineFlags, allowed: readonly EngineChoice[] = ENGINE_CHOICES): { engine: EngineChoice; install?: WasmEdgeInstall } {
  const engine = (flags.engine ?? 'kit') as EngineChoice;
  if (!allowed.includes(engine)) {
    throw new ToolError('E_USAGE', `--engine ${flags.engine}: unknown engine`, { hint: `valid values: ${allowed.join(', ')}` });
  }
  if (engine === 'kit' && flags.wasmedge === undefined) return { engine };
  return { engine, install: requireWasmEdge({ explicit: flags.wasmedge }) };
}

/** The kit's error for a run, as an outcome: traps and failing host functions both end execution. */
export function kitOutcomeFromError(e: unknown): EngineOutcome {
  const code = isKitError(e) ? e.code : 'E_INTERNAL';
  const message = (e as Error)?.message ?? String(e);
  const kind = code === 'E_TRAP' || code === 'E_HOST_FAILURE' ? 'trap' : code === 'E_CRASH' || code === 'E_TIMEOUT' ? 'crash' : 'error';
  return { engine: 'kit', kind, stdout: '', message, code, status: 1 };
}

export function kitOutcomeFromRun(r: RunOutcome, stdout: string, invoked: boolean): EngineOutcome {
  if (!invoked) return { engine: 'kit', kind: 'exit', stdout, guestExit: r.exitCode, status: r.exitCode };
  if (r.terminated) return { engine: 'kit', kind: 'terminated', stdout, status: 0 };
  return { engine: 'kit', kind: 'results', stdout, results: (r.results ?? []).map(String), resultTypes: r.resultTypes, status: 0 };
}

/** Declared options of the plug-ins (read through an isolated inspect), for WasmEdge's flags. */
export async function declaredOptions(pluginPaths: string[], timeoutMs: number | undefined): Promise<DeclaredOption[]> {
  const report = await inspectIsolated(pluginPaths, timeoutMs);
  return report.plugins.flatMap((p) => p.options.map((o) => ({ plugin: p.name, name: o.name, type: o.type })));
}

export interface EngineRunReport {
  engine: EngineChoice;
  wasmedge?: { binary: string; version: string; apiVersion?: number; source: string };
  kit?: EngineOutcome;
  wasmedgeOutcome?: EngineOutcome;
  comparison?: Comparison;
}

export function installSummary(w: WasmEdgeInstall): NonNullable<EngineRunReport['wasmedge']> {
  return { binary: w.binary, version: w.version, apiVersion: w.apiVersion, source: w.source };
}

/** Reads a stream to its end. */
async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * What the guest gets on stdin (`run` only; checks never read the user's stdin). One engine: ours,
 * as is. Both: the same bytes twice, so our stdin is read to its end first — only when the program
 * can read stdin at all (it imports fd_read) and stdin is not a terminal (input typed live cannot
 * be replayed to the second engine; the user is told to pipe it).
 */
async function guestStdin(engine: EngineChoice, imports: ReadonlyArray<{ module: string; name: string }>): Promise<'inherit' | Uint8Array | undefined> {
  if (!imports.some((i) => i.module === 'wasi_snapshot_preview1' && i.name === 'fd_read')) return undefined;
  if (engine !== 'both') return 'inherit';
  if (process.stdin.isTTY) {
    process.stderr.write(formatWarning('E_USAGE', 'with --engine both the program\'s stdin is not connected to a terminal (typed input cannot be given to both engines)', 'pipe the input instead: `… | wasmedge-plugin run --engine both …`') + '\n');
    return undefined;
  }
  return readAll(process.stdin);
}

/**
 * Runs `file` in the kit (isolated, stdout captured) and/or WasmEdge; compares with `both`.
 * `connectStdin`: the guest reads our stdin (see guestStdin); otherwise it reads nothing.
 */
export async function runWithEngines(file: string, args: string[], o: RunCommandOptions, engine: EngineChoice, install: WasmEdgeInstall | undefined, timeoutMs: number | undefined, connectStdin = false): Promise<EngineRunReport> {
  const tmp = mkdtempSync(join(tmpdir(), 'wpk-engines-'));
  try {
    const bytes = await loadWasmFile(file);
    const info = parseWasm(bytes);
    const sig = o.invoke !== undefined ? info.exports.find((e) => e.name === o.invoke && e.kind === 'function')?.signature : undefined;
    const report: EngineRunReport = { engine, wasmedge: install && installSummary(install) };
    const stdin = connectStdin ? await guestStdin(engine, info.imports) : undefined;

    if (engine !== 'wasmedge') {
      const stdoutPath = join(tmp, 'kit-stdout');
      try {
        const input = stdin instanceof Uint8Array ? { input: stdin } : { stdin: stdin ?? 'ignore' as const };
        const r = await runIsolated('run', [file, args, { ...o, stdoutPath }], { stdout: 'stderr', ...input, timeoutMs, forwardStderr: true });
        report.kit = kitOutcomeFromRun(r, readFileSync(stdoutPath, 'utf8'), o.invoke !== undefined);
      } catch (e) {
        report.kit = kitOutcomeFromError(e);
        try { report.kit.stdout = readFileSync(stdoutPath, 'utf8'); } catch { /* never opened */ }
      }
    }
    if (engine !== 'kit') {
      const wasmFile = join(tmp, basename(file).replace(/\.(wat|wast|wasm)$/i, '') + '.wasm');
      writeFileSync(wasmFile, bytes);
      let weArgs = args;
      if (sig && args.length === sig.params.length) {
        weArgs = args.map((a, i) => wasmedgeLiteral(parseArgument(a, sig.params[i] as ValueTypeName, i, () => {
          throw new ToolError('E_ARGUMENTS', '@N buffers are only available with `call`');
        }) as number | bigint));
      }
      const flags = o.opt.length ? optionFlags(o.opt, await declaredOptions(o.plugin, timeoutMs)) : [];
      report.wasmedgeOutcome = runWasmEdge(install!, {
        wasmFile, args: weArgs, invoke: o.invoke, resultTypes: sig?.results, pluginPaths: o.plugin,
        optionFlags: flags, env: o.env, dirs: o.dir, timeoutMs, stdin,
      });
    }
    if (report.kit && report.wasmedgeOutcome) report.comparison = compareOutcomes(report.kit, report.wasmedgeOutcome);
    return report;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

