/**
 * ABI conformance checks and host-function calls for `wasmedge-plugin test`. These functions run in
 * an isolation child (runtime/isolate.ts) and report each finding as progress as soon as it is known,
 * so the findings made before a crash survive it.
 *
 * Unlike Plugin.load, which stops at the first problem, the descriptor is read field by field here
 * so that every problem gets its own finding.
 */
import { isKitError } from './errors.js';
import { ModuleDescriptor, PluginDescriptor, ProgramOption, koffi, loadShim, readCString, type Ptr } from './native.js';
import { OPTION_TYPES, readOptionValue } from './options.js';
import { Plugin, SUPPORTED_API_VERSIONS, compatibleWith } from './plugin.js';
import type { PluginModule } from './module.js';
import { WasmTerminate, type WasmValue } from './call-engine.js';
import { stage } from './stages.js';
import type { ValueTypeName } from './value-types.js';

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

export interface FunctionRef { module: string; function: string; params: string[]; results: string[] }

type Report = (f: Finding) => void;

const MAX_COUNT = 4096;

interface RawDescriptor {
  Name: Ptr | null; Description: Ptr | null; APIVersion: number;
  Version: { Major: number; Minor: number; Patch: number; Build: number };
  ModuleCount: number; ProgramOptionCount: number; ModuleDescriptions: Ptr | null; ProgramOptions: Ptr | null;
}

/** Names must be present, non-empty and unique within their kind. */
function checkNames(kind: string, names: Array<string | undefined>, report: Report): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (n === undefined) report({ check: `${kind}-name`, status: 'fail', code: 'E_BAD_DESCRIPTOR', message: `${kind} #${i} has a NULL Name` });
    else if (n === '') report({ check: `${kind}-name`, status: 'fail', code: 'E_BAD_DESCRIPTOR', message: `${kind} #${i} has an empty Name` });
    else if (seen.has(n)) report({ check: `${kind}-name`, status: 'fail', code: 'E_BAD_DESCRIPTOR', message: `${kind} name '${n}' is declared more than once (WasmEdge keeps only one)` });
    seen.add(n ?? '');
  });
  const good = names.filter((n) => n);
  if (good.length === names.length && seen.size === names.length && names.length > 0) {
    report({ check: `${kind}-name`, status: 'pass', message: `${kind} names present, non-empty and unique: ${good.join(', ')}` });
  }
}

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
  const d = koffi.decode(desc, PluginDescriptor) as RawDescriptor;
  let ok = true;
  const fail = (check: string, message: string, code = 'E_BAD_DESCRIPTOR', hint?: string) => { ok = false; report({ check, status: 'fail', code, message, hint }); };

  if ((SUPPORTED_API_VERSIONS as readonly number[]).includes(d.APIVersion)) {
    report({ check: 'api-version', status: 'pass', message: `API version ${d.APIVersion}: accepted by ${compatibleWith(d.APIVersion)}${d.APIVersion === 4 ? ' (not by 0.17.x, which requires 5)' : ' (not by 0.16.x and older, which require 4)'}` });
  } else {
    fail('api-version', `API version ${d.APIVersion} (${compatibleWith(d.APIVersion)}): neither WasmEdge 0.17.x (5) nor 0.14–0.16 (4) load it`, 'E_API_VERSION',
      'Rebuild against sdk/include with WASMEDGE_PLUGIN_API_VERSION 5 (or 4 for WasmEdge 0.16).');
  }
  checkNames('plugin', [readCString(d.Name)], report);
  if (!readCString(d.Name)) ok = false;

  // Modules: counts consistent with the array, names, Create.
  if (d.ModuleCount > MAX_COUNT) fail('module-count', `ModuleCount is ${d.ModuleCount}: not plausible (uninitialised?)`);
  else if (d.ModuleCount > 0 && !d.ModuleDescriptions) fail('module-count', `ModuleCount is ${d.ModuleCount} but ModuleDescriptions is NULL`);
  else if (d.ModuleCount === 0) report({ check: 'module-count', status: 'warn', message: 'the plug-in declares no modules (nothing for wasm to import)' });
  else {
    report({ check: 'module-count', status: 'pass', message: `${d.ModuleCount} module descriptor(s)` });
    const mods = Array.from({ length: d.ModuleCount }, (_, i) =>
      koffi.decode(BigInt(d.ModuleDescriptions!) + BigInt(i * ModuleDescriptor.size), ModuleDescriptor) as { Name: Ptr | null; Create: Ptr | null });
    const names = mods.map((m) => readCString(m.Name));
    checkNames('module', names, report);
    if (names.some((n, i) => !n || names.indexOf(n) !== i)) ok = false;
    mods.forEach((m, i) => {
      if (!m.Create) fail('module-create', `module '${names[i] ?? `#${i}`}' has a NULL Create function (WasmEdge would crash calling it)`);
    });
  }

  // Program options: counts, names, types, storage, defaults readable.
  if (d.ProgramOptionCount > MAX_COUNT) fail('option-count', `ProgramOptionCount is ${d.ProgramOptionCount}: not plausible (uninitialised?)`);
  else if (d.ProgramOptionCount > 0 && !d.ProgramOptions) fail('option-count', `ProgramOptionCount is ${d.ProgramOptionCount} but ProgramOptions is NULL`);
  else if (d.ProgramOptionCount > 0) {
    const opts = Array.from({ length: d.ProgramOptionCount }, (_, i) =>
      koffi.decode(BigInt(d.ProgramOptions!) + BigInt(i * ProgramOption.size), ProgramOption) as { Name: Ptr | null; Type: number; Storage: Ptr | null; DefaultValue: Ptr | null });
    const names = opts.map((o) => readCString(o.Name));
    checkNames('option', names, report);
    if (names.some((n, i) => !n || names.indexOf(n) !== i)) ok = false;
    opts.forEach((o, i) => {
      const name = names[i] ?? `#${i}`;
      const type = OPTION_TYPES[o.Type];
      if (type === undefined) { fail('option-type', `option '${name}' has type ${o.Type}, not a WasmEdge_ProgramOptionType (0–12)`); return; }
      if (type !== 'none' && !o.Storage) { fail('option-storage', `option '${name}' (${type}) has NULL Storage: setting it would write through NULL`); return; }
      stage({ stage: 'descriptor', path, detail: `reading option '${name}'` });
      const value = readOptionValue(type, o.Storage);
      const flagDefault = type === 'toggle' || type === 'none' ? 'n/a' : readOptionValue(type, o.DefaultValue);
      if (flagDefault === null) {
        report({ check: 'option-default', status: 'warn', message: `option '${name}' (${type}) has a NULL DefaultValue: a bare --${name} makes WasmEdge dereference NULL`, hint: 'Point DefaultValue at a static value of the option\'s type.' });
      } else {
        report({ check: 'option-default', status: 'pass', message: `option '${name}' (${type}) = ${JSON.stringify(typeof value === 'bigint' ? value.toString() : value)}, defaults readable` });
      }
    });
  }
  return ok;
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
  const shim = loadShim();
  const functions: FunctionRef[] = [];
  const baseline = BigInt(shim.liveObjects());
  for (const d of plugin.moduleDescriptors) {
    let mod: PluginModule;
    try {
      mod = plugin.createModule(d.name);
    } catch (e) {
      reportError('create', e, report, { module: d.name });
      continue;
    }
    const where = `module '${d.name}'`;
    if (!mod.instanceName) report({ check: 'create', status: 'fail', code: 'E_BAD_DESCRIPTOR', module: d.name, message: `${where}: Create returned an instance with an empty name (wasm cannot import it)` });
    else report({ check: 'create', status: 'pass', module: d.name, message: `${where}: Create returns an instance (imported as '${mod.instanceName}')` });
    const fns = mod.functions;
    checkNames(`function`, fns.map((f) => f.name), (f) => report({ ...f, module: d.name, message: `${where}: ${f.message}` }));
    for (const f of fns) {
      const bad = [...f.params, ...f.results].filter((t) => t.startsWith('unknown'));
      if (bad.length) report({ check: 'function-type', status: 'fail', code: 'E_BAD_DESCRIPTOR', module: d.name, function: f.name, message: `${where}: function '${f.name}' has invalid value types ${bad.join(', ')}` });
      else functions.push({ module: d.name, function: f.name, params: f.params, results: f.results });
    }
    if (fns.length && functions.some((f) => f.module === d.name)) {
      report({ check: 'function-type', status: 'pass', module: d.name, message: `${where}: ${fns.length} function(s) with valid types` });
    }
    mod.dispose();
    report({ check: 'dispose', status: 'pass', module: d.name, message: `${where}: deleted cleanly (finalizers ran)` });
  }
  // A second create/dispose cycle: Create must work again, and leaks show up as a growing count.
  for (const d of plugin.moduleDescriptors) {
    try { plugin.createModule(d.name).dispose(); } catch { /* reported above */ }
  }
  const after = BigInt(shim.liveObjects());
  if (after === baseline) report({ check: 'leaks', status: 'pass', message: 'nothing leaked: live WasmEdge objects back to the baseline after dispose' });
  else report({ check: 'leaks', status: 'fail', code: 'E_BAD_DESCRIPTOR', message: `${after - baseline} WasmEdge object(s) (strings, types, instances) still alive after every module was disposed`, hint: 'Delete what you create: WasmEdge_StringDelete, WasmEdge_FunctionTypeDelete after WasmEdge_FunctionInstanceCreate, …' });
  return functions;
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
      const summary: CallSummary = { module: d.name, function: f.name, params: f.params, results: f.results, calls: 0, failures: {} };
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

