/**
 * `call --engine wasmedge|both`: one host function called through a generated wrapper module
 * (call-wrapper.ts), run by the run engines, so both engines execute the very same wasm.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBytes, type CallReport } from '../engines/call.js';
import { inspectIsolated } from '../engines/isolated.js';
import { ToolError } from '../errors.js';
import { callWrapper, parseBufferDump, type WrapperBuffer } from './call-wrapper.js';
import { runWithEngines, type EngineRunReport } from './engine-run.js';
import type { WasmEdgeInstall } from './find.js';
import type { EngineChoice, EngineOutcome } from './outcome.js';

export interface EngineCallReport extends EngineRunReport {
  module: string;
  function: string;
  signature: string;
  /** The `@N` buffers after the call, per engine that ran. */
  buffers: { kit?: CallReport['buffers']; wasmedge?: CallReport['buffers'] };
}

function buffersOf(o: EngineOutcome | undefined, layout: WrapperBuffer[]): CallReport['buffers'] | undefined {
  if (!o) return undefined;
  const dump = parseBufferDump(o.stdout);
  return layout.filter((b) => dump.has(b.argument)).map((b) => describeBytes(dump.get(b.argument)!, b.argument, b.address));
}

export async function callWithEngines(pluginPath: string, target: string, rawArgs: string[], opts: string[], engine: EngineChoice, install: WasmEdgeInstall | undefined, timeoutMs: number | undefined): Promise<EngineCallReport> {
  const dot = target.lastIndexOf('.');
  if (dot <= 0 || dot === target.length - 1) {
    throw new ToolError('E_USAGE', `'${target}' is not <module>.<function>`, { hint: 'e.g. wasmedge-plugin call ./libget_string.so get_string_module.add 1 2' });
  }
  const moduleName = target.slice(0, dot);
  const fnName = target.slice(dot + 1);
  const report = await inspectIsolated([pluginPath], timeoutMs);
  const modules = report.plugins.flatMap((p) => p.modules);
  const mod = modules.find((m) => m.name === moduleName) ?? modules.find((m) => m.instanceName === moduleName);
  if (!mod) {
    if (report.errors.length && !report.plugins.length) throw new ToolError(report.errors[0].code as 'E_LOAD_FAILED', report.errors[0].message, { path: report.errors[0].path, hint: report.errors[0].hint });
    throw new ToolError('E_UNKNOWN_MODULE', `no loaded plug-in has a module '${moduleName}'`, { hint: `modules: ${modules.map((m) => m.name).join(', ') || '(none)'}` });
  }
  const fn = mod.functions.find((f) => f.name === fnName);
  if (!fn) {
    throw new ToolError('E_UNKNOWN_FUNCTION', `module '${moduleName}' has no function '${fnName}'`, { hint: `functions: ${mod.functions.map((f) => f.name).join(', ') || '(none)'}` });
  }
  const signature = `(${fn.params.join(', ')}) -> (${fn.results.join(', ')})`;
  if (rawArgs.length !== fn.params.length) {
    throw new ToolError('E_ARGUMENTS', `${moduleName}.${fnName}${signature} takes ${fn.params.length} argument(s), got ${rawArgs.length}`, {
      hint: fn.params.includes('i32') ? 'pass @N for a pointer to a fresh N-byte buffer' : undefined,
    });
  }
  const wrapper = callWrapper(mod.instanceName ?? mod.name, fnName, fn, rawArgs);
  const tmp = mkdtempSync(join(tmpdir(), 'wpk-call-'));
  try {
    const file = join(tmp, `call-${fnName}.wat`);
    writeFileSync(file, wrapper.wat);
    const r = await runWithEngines(file, [], { plugin: [pluginPath], invoke: 'call', opt: opts, env: [], dir: [] }, engine, install, timeoutMs);
    return {
      ...r, module: mod.instanceName ?? mod.name, function: fnName, signature,
      buffers: { kit: buffersOf(r.kit, wrapper.buffers), wasmedge: buffersOf(r.wasmedgeOutcome, wrapper.buffers) },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
