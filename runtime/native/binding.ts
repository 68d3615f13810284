/**
 * The host shim, loaded once per process with RTLD_GLOBAL so that plug-ins' undefined `WasmEdge_*`
 * symbols (and their NEEDED libwasmedge.so.0) resolve to it. FFI declarations are C prototypes taken
 * from sdk/include/wasmedge/wasmedge.h and runtime/native/wpk_host.h, with opaque contexts as `void *`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { KitError } from '../errors.js';
import { shimPath } from '../paths.js';
import { warnSignalHandlers } from '../signal-warning.js';

// createRequire: measurably faster start-up than the ESM entry of koffi.
const require = createRequire(import.meta.url);
export const koffi = require('koffi') as typeof import('koffi');

export type Ptr = bigint;
type Fn = (...args: any[]) => any;

// Types the prototype strings below name: WasmEdge_String passed in (Buf converted from a JS string)
// and read back (Buf as a raw pointer), and WasmEdge_ValType.
koffi.struct('WasmEdge_String_in', { Length: 'uint32_t', Buf: 'const char *' });
koffi.struct('WasmEdge_String_out', { Length: 'uint32_t', Buf: 'void *' });
koffi.struct('WasmEdge_ValType', { Data: koffi.array('uint8_t', 8, 'Typed') });

const PluginVersionData = koffi.struct('WasmEdge_PluginVersionData', {
  Major: 'uint32_t', Minor: 'uint32_t', Patch: 'uint32_t', Build: 'uint32_t',
});
export const PluginDescriptor = koffi.struct('WasmEdge_PluginDescriptor', {
  Name: 'void *', Description: 'void *', APIVersion: 'uint32_t', Version: PluginVersionData,
  ModuleCount: 'uint32_t', ProgramOptionCount: 'uint32_t', ModuleDescriptions: 'void *', ProgramOptions: 'void *',
});
export const ModuleDescriptor = koffi.struct('WasmEdge_ModuleDescriptor', {
  Name: 'void *', Description: 'void *', Create: 'void *',
});
export const ProgramOption = koffi.struct('WasmEdge_ProgramOption', {
  Name: 'void *', Description: 'void *', Type: 'int32_t', Storage: 'void *', DefaultValue: 'void *',
});
export const CreateProto = koffi.proto('void *WasmEdge_ModuleCreate_t(void *desc)');
export const GuestCallProto = koffi.proto('uint32_t wpk_guest_call_fn(uint32_t id, void *params, uint32_t nparams, void *returns, uint32_t nreturns)');
export const GrowProto = koffi.proto('int32_t wpk_grow_fn(uint32_t id, uint32_t pages)');

export interface Shim {
  lib: ReturnType<typeof koffi.load>;
  path: string;
  // WasmEdge C API (host side)
  ModuleInstanceGetModuleName: Fn;
  ModuleInstanceListFunctionLength: Fn;
  ModuleInstanceListFunction: Fn;
  ModuleInstanceFindFunction: Fn;
  ModuleInstanceListMemoryLength: Fn;
  ModuleInstanceListMemory: Fn;
  ModuleInstanceFindMemory: Fn;
  ModuleInstanceListGlobalLength: Fn;
  ModuleInstanceListGlobal: Fn;
  ModuleInstanceFindGlobal: Fn;
  ModuleInstanceListTableLength: Fn;
  ModuleInstanceListTable: Fn;
  ModuleInstanceAddFunction: Fn;
  ModuleInstanceDelete: Fn;
  FunctionInstanceGetFunctionType: Fn;
  FunctionTypeCreate: Fn;
  FunctionTypeDelete: Fn;
  FunctionTypeGetParametersLength: Fn;
  FunctionTypeGetParameters: Fn;
  FunctionTypeGetReturnsLength: Fn;
  FunctionTypeGetReturns: Fn;
  MemoryInstanceGetPageSize: Fn;
  GlobalInstanceGetGlobalType: Fn;
  GlobalTypeGetValType: Fn;
  GlobalTypeGetMutability: Fn;
  ResultGetMessage: Fn;
  // wpk host API
  slots: Fn;
  slotCount: Fn;
  guestModuleCreate: Fn;
  guestMemory: Fn;
  memoryAttach: Fn;
  setGrowCallback: Fn;
  guestFunctionCreate: Fn;
  setGuestCallback: Fn;
  bind: Fn;
  unbind: Fn;
  invoke: (binding: number) => number;
  nextBinding: Fn;
  invokeNext: () => number;
  currentFunction: Fn;
  callStateWords: Fn;
  installCrashReporter: Fn;
  checkSignalHandlers: () => number;
  signalsReplaced: () => number;
  signalsReplacedIn: () => string | null;
  stdioBlocking: () => void;
  liveObjects: Fn;
  moduleIsLive: (p: Ptr) => boolean;
  alloc: Fn;
  free: Fn;
  allocBlocks: Fn;
  duplicateAdds: () => bigint | number;
  version: Fn;
}

let shim: Shim | undefined;

/** Loads the shim once; every later call returns the same handle (koffi unloads collected handles). */
export function loadShim(): Shim {
  if (shim) return shim;
  const path = shimPath();
  if (!existsSync(path)) {
    throw new KitError('E_SHIM', `the host shim is not built: ${path} does not exist`, { path });
  }
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(path, { global: true });
  } catch (e) {
    throw new KitError('E_SHIM', `cannot load the host shim: ${(e as Error).message}`, { path, cause: e });
  }
  const f = (proto: string) => lib.func(proto);
  shim = {
    lib,
    path,
    ModuleInstanceGetModuleName: f('WasmEdge_String_out WasmEdge_ModuleInstanceGetModuleName(void *mod)'),
    ModuleInstanceListFunctionLength: f('uint32_t WasmEdge_ModuleInstanceListFunctionLength(void *mod)'),
    ModuleInstanceListFunction: f('uint32_t WasmEdge_ModuleInstanceListFunction(void *mod, _Out_ uint8_t *names, uint32_t len)'),
    ModuleInstanceFindFunction: f('void *WasmEdge_ModuleInstanceFindFunction(void *mod, WasmEdge_String_in name)'),
    ModuleInstanceListMemoryLength: f('uint32_t WasmEdge_ModuleInstanceListMemoryLength(void *mod)'),
    ModuleInstanceListMemory: f('uint32_t WasmEdge_ModuleInstanceListMemory(void *mod, _Out_ uint8_t *names, uint32_t len)'),
    ModuleInstanceFindMemory: f('void *WasmEdge_ModuleInstanceFindMemory(void *mod, WasmEdge_String_in name)'),
    ModuleInstanceListGlobalLength: f('uint32_t WasmEdge_ModuleInstanceListGlobalLength(void *mod)'),
    ModuleInstanceListGlobal: f('uint32_t WasmEdge_ModuleInstanceListGlobal(void *mod, _Out_ uint8_t *names, uint32_t len)'),
    ModuleInstanceFindGlobal: f('void *WasmEdge_ModuleInstanceFindGlobal(void *mod, WasmEdge_String_in name)'),
    ModuleInstanceListTableLength: f('uint32_t WasmEdge_ModuleInstanceListTableLength(void *mod)'),
    ModuleInstanceListTable: f('uint32_t WasmEdge_ModuleInstanceListTable(void *mod, _Out_ uint8_t *names, uint32_t len)'),
    ModuleInstanceAddFunction: f('void WasmEdge_ModuleInstanceAddFunction(void *mod, WasmEdge_String_in name, void *fn)'),
    ModuleInstanceDelete: f('void WasmEdge_ModuleInstanceDelete(void *mod)'),
    FunctionInstanceGetFunctionType: f('void *WasmEdge_FunctionInstanceGetFunctionType(void *fn)'),
    FunctionTypeCreate: f('void *WasmEdge_FunctionTypeCreate(uint8_t *params, uint32_t nparams, uint8_t *returns, uint32_t nreturns)'),
    FunctionTypeDelete: f('void WasmEdge_FunctionTypeDelete(void *type)'),
    FunctionTypeGetParametersLength: f('uint32_t WasmEdge_FunctionTypeGetParametersLength(void *type)'),
    FunctionTypeGetParameters: f('uint32_t WasmEdge_FunctionTypeGetParameters(void *type, _Out_ uint8_t *out, uint32_t len)'),
    FunctionTypeGetReturnsLength: f('uint32_t WasmEdge_FunctionTypeGetReturnsLength(void *type)'),
    FunctionTypeGetReturns: f('uint32_t WasmEdge_FunctionTypeGetReturns(void *type, _Out_ uint8_t *out, uint32_t len)'),
    MemoryInstanceGetPageSize: f('uint64_t WasmEdge_MemoryInstanceGetPageSize(void *mem)'),
    GlobalInstanceGetGlobalType: f('void *WasmEdge_GlobalInstanceGetGlobalType(void *g)'),
    GlobalTypeGetValType: f('WasmEdge_ValType WasmEdge_GlobalTypeGetValType(void *type)'),
    GlobalTypeGetMutability: f('int32_t WasmEdge_GlobalTypeGetMutability(void *type)'),
    ResultGetMessage: f('const char *WasmEdge_ResultGetMessage(uint32_t code)'),
    slots: f('void *wpk_slots(void)'),
    slotCount: f('uint32_t wpk_slot_count(void)'),
    guestModuleCreate: f('void *wpk_guest_module_create(const char *name)'),
    guestMemory: f('void *wpk_guest_memory(void *guest)'),
    memoryAttach: f('void wpk_memory_attach(void *mem, uint32_t grow_id, void *base, uint64_t size, uint64_t max_pages)'),
    setGrowCallback: f('void wpk_set_grow_callback(wpk_grow_fn *fn)'),
    guestFunctionCreate: f('void *wpk_guest_function_create(void *type, uint32_t guest_id)'),
    setGuestCallback: f('void wpk_set_guest_callback(wpk_guest_call_fn *fn)'),
    bind: f('uint32_t wpk_bind(void *fn, void *guest)'),
    unbind: f('void wpk_unbind(uint32_t binding)'),
    invoke: f('uint32_t wpk_invoke(uint32_t binding)'),
    nextBinding: f('uint32_t *wpk_next_binding(void)'),
    invokeNext: f('uint32_t wpk_invoke_next(void)'),
    currentFunction: f('const char *wpk_current_function(void)'),
    callStateWords: f('void *wpk_call_state_words(void)'),
    installCrashReporter: f('void wpk_install_crash_reporter(int fd)'),
    checkSignalHandlers: f('uint32_t wpk_check_signal_handlers(void)') as () => number,
    signalsReplaced: f('uint32_t wpk_signals_replaced(void)') as () => number,
    signalsReplacedIn: f('const char *wpk_signals_replaced_in(void)') as () => string | null,
    stdioBlocking: f('void wpk_stdio_blocking(void)') as () => void,
    liveObjects: f('uint64_t wpk_live_objects(void)'),
    moduleIsLive: f('bool wpk_module_is_live(void *p)') as (p: Ptr) => boolean,
    alloc: f('void *wpk_alloc(uint64_t size)'),
    free: f('void wpk_free(void *p)'),
    allocBlocks: f('uint64_t wpk_alloc_blocks(void)'),
    duplicateAdds: f('uint64_t wpk_duplicate_adds(void)') as () => bigint | number,
    version: f('const char *wpk_version(void)'),
  };
  // Plug-ins and WASI guests write to fds 1 and 2 directly: once Node has opened its streams (which
  // makes a pipe non-blocking), make the fds blocking again so that a full pipe never loses output.
  void process.stdout;
  void process.stderr;
  shim.stdioBlocking();
  return shim;
}

/**
 * Call after plug-in code ran. A plug-in that installs its own handler for SIGSEGV & co. (a JVM, a
 * sandbox) would take wasm traps away from V8; the shim notices, puts the kit's handler back in
 * front and keeps the plug-in's for faults in the plug-in's code. Says so: `who` did it `where`; when
 * the shim saw it after a host function's first call, that function is named, and `pluginOf` names
 * its plug-in.
 */
export function noticeSignalHandlers(s: Shim, who: string, where?: string, pluginOf?: (fn: string) => string | undefined): void {
  s.checkSignalHandlers();
  const mask = s.signalsReplaced();
  if (!mask) return;
  const fn = s.signalsReplacedIn();
  const plugin = fn ? pluginOf?.(fn) : undefined;
  warnSignalHandlers(mask, plugin ? `plug-in '${plugin}'` : who, fn ? `in host function '${fn}'` : where);
}

/** Reads a WasmEdge_String returned by value (not NUL-terminated). */
export function readString(s: { Length: number; Buf: Ptr | null }): string {
  if (!s.Buf || s.Length === 0) return '';
  // decode of a char array is UTF-8 and ~8x faster than view + Buffer (it shows with 2,000 functions).
  return koffi.decode(s.Buf, 'char', s.Length) as string;
}

/** Reads a NUL-terminated C string at `p` (plug-in descriptor fields); NULL gives undefined. */
export function readCString(p: Ptr | null): string | undefined {
  if (!p) return undefined;
  return koffi.decode(p, 'char', -1) as string;
}

/** Decodes `count` WasmEdge_String (16 bytes each) written into `buf` by a List* call. */
function readStringArray(buf: Buffer, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const len = buf.readUInt32LE(i * 16);
    const ptr = buf.readBigUInt64LE(i * 16 + 8);
    out.push(readString({ Length: len, Buf: ptr }));
  }
  return out;
}

export function stringIn(s: string): { Length: number; Buf: string } {
  return { Length: Buffer.byteLength(s), Buf: s };
}

/** Lists names with a `…Length` / `List…` pair of the C API. */
export function listNames(lengthFn: Fn, listFn: Fn, ctx: Ptr): string[] {
  const n = lengthFn(ctx) as number;
  if (n === 0) return [];
  const buf = Buffer.alloc(n * 16);
  const got = listFn(ctx, buf, n) as number;
  return readStringArray(buf, Math.min(got, n));
}

