/**
 * ABI conformance checks and host-function calls for `wasmedge-plugin test`. These functions run in
 * an isolation child (tooling/isolation) and report each finding as progress as soon as it is known,
 * so the findings made before a crash survive it.
 *
 * Unlike Plugin.load, which stops at the first problem, the descriptor is read field by field here
 * so that every problem gets its own finding.
 */
import { isKitError } from '../../runtime/errors.js';
import { koffi, loadShim, type Ptr } from '../../runtime/native/binding.js';
import { Plugin } from '../../runtime/plugin.js';
import { compatibleWith, nameProblems, optionValue, readDescriptor } from '../../runtime/descriptor.js';
import { judgeReferences, wasmEdgeReferences } from './symbol-versions.js';
import type { PluginModule } from '../../runtime/module.js';
import { WasmTerminate, type WasmValue } from '../../runtime/call-engine.js';
import { stage } from '../../runtime/stages.js';
import type { ValueTypeName } from '../../runtime/value-types.js';

export type FindingStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface Finding {
  /** Short id of the check: api-version, plugin-name, module-name, create, leaks, call, wat… */
  check: string;
  status: FindingStatus;
  message: string;
  code?: string;
  hint?: string;
  /** Where plug-in code was running when it crashed (isolation stage), or the module/function. */
  stage?: string;
  module?: string;
  function?: string;
  file?: string;
}

export interface FunctionRef {
  /** The module descriptor's name. */
  module: string;
  /** The name its Create gave WasmEdge_ModuleInstanceCreate (what stage events and wasm use); may differ. */
  instance: string;
  function: string;
  params: string[];
  results: string[];
}

type Report = (f: Finding) => void;


/** Reads the descriptor field by field; returns false when the plug-in cannot be loaded at all. */
function checkDescriptor(path: string, report: Report): boolean {
  loadShim();
  stage({ stage: 'constructor', path });
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(path);
  } catch {
    // Plug-in.load gives the precise error (ELF checks, missing symbols): let it speak.
    try { Plugin.load(path); } catch (e) { reportError('load', e, report); }
    return false;
  }
  retained.push(lib);
  let getDescriptor: () => Ptr | null;
  try {
    getDescriptor = lib.func('void *WasmEdge_Plugin_GetDescriptor(void)') as () => Ptr | null;
  } catch {
    report({ check: 'entry-point', status: 'fail', code: 'E_NO_DESCRIPTOR', message: 'the library does not export WasmEdge_Plugin_GetDescriptor', hint: 'Define it with default visibility and C linkage.' });
    return false;
  }
  stage({ stage: 'GetDescriptor', path });
  const desc = getDescriptor();
  if (!desc) {
    report({ check: 'entry-point', status: 'fail', code: 'E_NULL_DESCRIPTOR', message: 'WasmEdge_Plugin_GetDescriptor returned NULL (WasmEdge silently ignores such a plug-in)' });
    return false;
  }
  stage({ stage: 'descriptor', path });
  report({ check: 'entry-point', status: 'pass', message: 'WasmEdge_Plugin_GetDescriptor is exported and returns a descriptor' });
  const d = readDescriptor(desc);
  for (const p of d.problems) {
    report({ check: p.check, status: p.warning ? 'warn' : 'fail', code: p.code, message: p.message, hint: p.hint });
  }
  const failed = new Set(d.problems.filter((p) => !p.warning).map((p) => p.check));
  const pass = (check: string, message: string) => { if (!failed.has(check)) report({ check, status: 'pass', message }); };

  pass('api-version', `API version ${d.apiVersion}: accepted by ${compatibleWith(d.apiVersion)}${d.apiVersion === 4 ? ' (not by 0.17.x, which requires 5)' : ' (not by 0.16.x and older, which require 4)'}`);
  pass('plugin-name', `plugin names present, non-empty and unique: ${d.name}`);
  if (d.modules.length) {
    pass('module-count', `${d.modules.length} module descriptor(s)`);
    pass('module-name', `module names present, non-empty and unique: ${d.modules.map((m) => m.name).join(', ')}`);
  }
  if (d.options.length) {
    pass('option-name', `option names present, non-empty and unique: ${d.options.map((o) => o.name).join(', ')}`);
    for (const o of d.options) {
      if (!o.type || (o.type !== 'none' && !o.storage) || (o.type !== 'none' && o.type !== 'toggle' && !o.defaultValue)) continue;
      stage({ stage: 'descriptor', path, detail: `reading option '${o.name}'` });
      const value = optionValue(o);
      report({ check: 'option-default', status: 'pass', message: `option '${o.name}' (${o.type}) = ${JSON.stringify(typeof value === 'bigint' ? value.toString() : value)}, defaults readable` });
    }
  }
  return failed.size === 0;
}

// koffi unloads libraries whose handle is collected: keep ours for the process.
const retained: unknown[] = [];

function reportError(check: string, e: unknown, report: Report, extra: Partial<Finding> = {}): void {
  if (isKitError(e)) report({ check, status: 'fail', code: e.code, message: e.message, hint: e.hint, ...extra });
  else report({ check, status: 'fail', code: 'E_INTERNAL', message: String((e as Error)?.message ?? e), ...extra });
}

/**
 * Descriptor checks, then every module's Create, its functions (names, types), dispose (finalizers)
 * and the shim's live-object count. Returns the host functions found, for callFunctions.
 */
export function abiChecks(path: string, report: Report): FunctionRef[] {
  if (!checkDescriptor(path, report)) return [];
  let plugin: Plugin;
  try {
    plugin = Plugin.load(path);
  } catch (e) {
    reportError('load', e, report);
    return [];
  }
  const refs = wasmEdgeReferences(path);
  if (!refs) report({ check: 'symbol-versions', status: 'skip', message: 'readelf not found: symbol versions not checked', hint: 'Install binutils.' });
  else report({ check: 'symbol-versions', ...judgeReferences(plugin.apiVersion, refs) });
  const shim = loadShim();
  const functions: FunctionRef[] = [];
  const baseline = BigInt(shim.liveObjects());
  for (const d of plugin.moduleDescriptors) {
    let mod: PluginModule;
    const duplicates = BigInt(shim.duplicateAdds());
    try {
      mod = plugin.createModule(d.name);
    } catch (e) {
      reportError('create', e, report, { module: d.name });
      continue;
    }
    const where = `module '${d.name}'`;
    const twice = BigInt(shim.duplicateAdds()) - duplicates;
    if (twice > 0n) report({ check: 'ownership', status: 'fail', code: 'E_BAD_DESCRIPTOR', module: d.name, message: `${where}: an instance was added to a module twice in Create (${twice}×): WasmEdge owns it twice and frees it twice, a crash when the module is deleted`, hint: 'Add each instance once (the module owns it); to export a function under two names, create two function instances.' });
    if (!mod.instanceName) report({ check: 'create', status: 'fail', code: 'E_BAD_DESCRIPTOR', module: d.name, message: `${where}: Create returned an instance with an empty name (wasm cannot import it)` });
    else report({ check: 'create', status: 'pass', module: d.name, message: `${where}: Create returns an instance (imported as '${mod.instanceName}')` });
    const fns = mod.functions;
    const nameIssues = nameProblems('function', fns.map((f) => f.name));
    for (const p of nameIssues) report({ check: p.check, status: 'fail', code: p.code, module: d.name, message: `${where}: ${p.message}` });
    if (fns.length && !nameIssues.length) {
      report({ check: 'function-name', status: 'pass', module: d.name, message: `${where}: function names present, non-empty and unique: ${fns.map((f) => f.name).join(', ')}` });
    }
    for (const f of fns) {
      const bad = [...f.params, ...f.results].filter((t) => t.startsWith('unknown'));
      if (bad.length) report({ check: 'function-type', status: 'fail', code: 'E_BAD_DESCRIPTOR', module: d.name, function: f.name, message: `${where}: function '${f.name}' has invalid value types ${bad.join(', ')}` });
      else functions.push({ module: d.name, instance: mod.instanceName, function: f.name, params: f.params, results: f.results });
    }
    if (fns.length && functions.some((f) => f.module === d.name)) {
      report({ check: 'function-type', status: 'pass', module: d.name, message: `${where}: ${fns.length} function(s) with valid types` });
    }
    mod.dispose();
    report({ check: 'dispose', status: 'pass', module: d.name, message: `${where}: deleted cleanly (finalizers ran)` });
  }
  const afterFirst = BigInt(shim.liveObjects());
  // A second create/dispose cycle: Create must work again, and a leak shows up as a count that grows
  // again. Counts are per cycle: one object lost per Create is one, not the sum over both cycles.
  for (const d of plugin.moduleDescriptors) {
    try { plugin.createModule(d.name).dispose(); } catch { /* reported above */ }
  }
  const afterSecond = BigInt(shim.liveObjects());
  report(leakFinding(afterFirst - baseline, afterSecond - afterFirst));
  return functions;
}

/** The leak verdict from the growth of live WasmEdge objects over the first and the second create/dispose cycle. */
function leakFinding(first: bigint, second: bigint): Finding {
  const hint = 'Delete what you create: WasmEdge_StringDelete, WasmEdge_FunctionTypeDelete after WasmEdge_FunctionInstanceCreate, …';
  if (second > 0n) {
    return { check: 'leaks', status: 'fail', code: 'E_BAD_DESCRIPTOR', message: `${second} WasmEdge object(s) (strings, types, instances) leaked per create/dispose cycle: still alive after every module was disposed`, hint };
  }
  if (first > 0n) {
    return { check: 'leaks', status: 'warn', message: `${first} WasmEdge object(s) created by the first create/dispose cycle stay alive (the second cycle adds none: a cache kept for the process?)`, hint };
  }
  return { check: 'leaks', status: 'pass', message: 'nothing leaked: live WasmEdge objects back to the baseline after dispose' };
}

// ---- calling every host function with generated arguments --------------------------------------

const I32_EDGES = [0, 1, -1, 0x7fffffff, -0x80000000];

/** Argument vectors for one signature: zeros, edge values, in-bounds and out-of-bounds pointers. */
export function generateArguments(params: string[], inBounds: number, memoryBytes: number): WasmValue[][] {
  const of = (t: string, i32: number): WasmValue => {
    switch (t as ValueTypeName) {
      case 'i32': return i32 | 0;
      case 'i64': return BigInt(i32 | 0);
      case 'f32': case 'f64': return i32 === 0x7fffffff ? Infinity : i32 === -0x80000000 ? NaN : i32;
      default: return 0n; // references: NULL
    }
  };
  const all = (v: number) => params.map((t) => of(t, v));
  const vectors: WasmValue[][] = I32_EDGES.map(all);
  vectors.push(all(inBounds), all(memoryBytes), all(memoryBytes - 1), all(-16));
  params.forEach((t, j) => {
    if (t !== 'i32' && t !== 'i64') return;
    // One pointer (or length) out of bounds, the others pointing at a valid buffer.
    vectors.push(params.map((u, k) => of(u, k === j ? memoryBytes - 2 : inBounds)));
    vectors.push(params.map((u, k) => of(u, k === j ? 0x7ffffff0 : inBounds)));
  });
  return vectors;
}

export interface CallSummary extends FunctionRef { calls: number; failures: Record<string, number> }

/**
 * Calls every host function (except `skip`, "module.function") with generated arguments, reporting
 * each function's summary as progress. A failure *result* (e.g. out of bounds memory access) is
 * correct behaviour; crashes and hangs kill the child and are reported by the parent.
 */
export function callFunctions(path: string, skip: string[], progress: (s: CallSummary) => void): void {
  const plugin = Plugin.load(path);
  for (const d of plugin.moduleDescriptors) {
    const mod = plugin.createModule(d.name);
    const buf = mod.scratchBuffer(4096);
    for (const f of mod.functions) {
      if (skip.includes(`${d.name}.${f.name}`)) continue;
      const summary: CallSummary = { module: d.name, instance: mod.instanceName, function: f.name, params: f.params, results: f.results, calls: 0, failures: {} };
      const memoryBytes = mod.scratchMemory.buffer.byteLength;
      for (const args of generateArguments(f.params, buf.address, memoryBytes)) {
        summary.calls++;
        try {
          mod.call(f.name, ...args);
        } catch (e) {
          if (e instanceof WasmTerminate) continue;
          const msg = isKitError(e) && e.code === 'E_HOST_FAILURE' ? e.message.replace(/^host function \S+ of plug-in '[^']*' failed: /, '') : `${isKitError(e) ? e.code : 'error'}: ${(e as Error).message}`;
          summary.failures[msg] = (summary.failures[msg] ?? 0) + 1;
        }
      }
      progress(summary);
    }
    mod.dispose();
  }
}

