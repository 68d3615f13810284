/**
 * A module instance created by a plug-in's module descriptor: what it exports (functions with their
 * types, memories, globals) and direct calls of its host functions with a scratch linear memory.
 */
import { closest } from 'fastest-levenshtein';
import { KitError } from './errors.js';
import { CallEngine, Frame, type WasmValue } from './call-engine.js';
import { listNames, noticeSignalHandlers, readString, stringIn, type Ptr, type Shim } from './native/binding.js';
import { valTypeName, type ValueTypeName } from './value-types.js';
import type { FuncSignature } from './wasm/binary.js';
import { stage } from './stages.js';

/** Plain data (JSON-serialisable): the native handles stay inside the runtime. */
export interface HostFunctionInfo extends FuncSignature {
  name: string;
}

/** The WasmEdge_FunctionInstanceContext * of each module's functions, by name (runtime-internal). */
const functionHandles = new WeakMap<PluginModule, Map<string, Ptr>>();

/** The native function instance behind `mod.functions` entry `name` (for the runtime's own use). */
export function functionHandle(mod: PluginModule, name: string): Ptr {
  void mod.functions; // fills the table
  const p = functionHandles.get(mod)?.get(name);
  if (p === undefined) throw new KitError('E_UNKNOWN_FUNCTION', `module '${mod.instanceName}' has no function '${name}'`);
  return p;
}

export interface GlobalInfo { name: string; type: string; mutable: boolean }
export interface MemoryInfo { name: string; pages: number }

/** What a module knows of the plug-in that created it (the Plugin itself; narrowed to keep imports one-way). */
export interface PluginIdentity {
  readonly name: string;
  readonly path: string;
}

/** A scratch buffer for direct calls: its address in the scratch memory and a way to read it back. */
export interface ScratchBuffer { address: number; size: number; read(): Uint8Array }

export function nearest(name: string, candidates: string[]): string | undefined {
  return candidates.length ? closest(name, candidates) : undefined;
}

function readValTypes(fn: (ctx: Ptr, out: Buffer, n: number) => number, lengthFn: (ctx: Ptr) => number, type: Ptr): ValueTypeName[] {
  const n = lengthFn(type);
  if (n === 0) return [];
  const buf = Buffer.alloc(n * 8);
  fn(type, buf, n);
  const out: ValueTypeName[] = [];
  for (let i = 0; i < n; i++) out.push(valTypeName(buf.subarray(i * 8, i * 8 + 8)) as ValueTypeName);
  return out;
}

export class PluginModule {
  /** Name the plug-in gave WasmEdge_ModuleInstanceCreate: what wasm imports. */
  readonly instanceName: string;
  #functions?: HostFunctionInfo[];
  #disposed = false;
  #scratch?: { frame: Frame; memory: WebAssembly.Memory; next: number; bindings: Map<string, number> };
  readonly #dependents = new Set<{ dispose(): void }>();
  readonly #shim: Shim;
  /** WasmEdge_ModuleInstanceContext * (private: public objects are plain data). */
  readonly #address: Ptr;
  readonly #onDispose: () => void;

  constructor(
    shim: Shim,
    readonly plugin: PluginIdentity,
    /** The module descriptor's name. */
    readonly name: string,
    address: Ptr,
    onDispose: () => void,
  ) {
    this.#shim = shim;
    this.#address = address;
    this.#onDispose = onDispose;
    this.instanceName = readString(shim.ModuleInstanceGetModuleName(address));
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  #check(): void {
    if (this.#disposed) throw new KitError('E_DISPOSED', `module '${this.instanceName}' of plug-in '${this.plugin.name}' was disposed`);
  }

  get functions(): HostFunctionInfo[] {
    this.#check();
    if (!this.#functions) {
      const s = this.#shim;
      const handles = new Map<string, Ptr>();
      functionHandles.set(this, handles);
      this.#functions = listNames(s.ModuleInstanceListFunctionLength, s.ModuleInstanceListFunction, this.#address).map((name) => {
        const address = s.ModuleInstanceFindFunction(this.#address, stringIn(name)) as Ptr;
        handles.set(name, address);
        const type = s.FunctionInstanceGetFunctionType(address) as Ptr | null;
        if (!type) return { name, params: [], results: [] };
        return {
          name,
          params: readValTypes(s.FunctionTypeGetParameters, s.FunctionTypeGetParametersLength, type),
          results: readValTypes(s.FunctionTypeGetReturns, s.FunctionTypeGetReturnsLength, type),
        };
      });
    }
    return this.#functions;
  }

  get memories(): MemoryInfo[] {
    this.#check();
    const s = this.#shim;
    return listNames(s.ModuleInstanceListMemoryLength, s.ModuleInstanceListMemory, this.#address).map((name) => ({
      name,
      pages: Number(s.MemoryInstanceGetPageSize(s.ModuleInstanceFindMemory(this.#address, stringIn(name)))),
    }));
  }

  get globals(): GlobalInfo[] {
    this.#check();
    const s = this.#shim;
    return listNames(s.ModuleInstanceListGlobalLength, s.ModuleInstanceListGlobal, this.#address).map((name) => {
      const type = s.GlobalInstanceGetGlobalType(s.ModuleInstanceFindGlobal(this.#address, stringIn(name)));
      const vt = s.GlobalTypeGetValType(type) as { Data: Uint8Array };
      return { name, type: valTypeName(Uint8Array.from(vt.Data)), mutable: s.GlobalTypeGetMutability(type) === 1 };
    });
  }

  function(name: string): HostFunctionInfo {
    const f = this.functions.find((x) => x.name === name);
    if (!f) {
      const near = nearest(name, this.functions.map((x) => x.name));
      throw new KitError('E_UNKNOWN_FUNCTION', `module '${this.instanceName}' has no function '${name}'`, {
        hint: near ? `did you mean '${near}'? functions: ${this.functions.map((x) => x.name).join(', ')}` : 'the module has no functions',
      });
    }
    return f;
  }

  #scratchState() {
    if (!this.#scratch) {
      const engine = CallEngine.get(this.#shim);
      const guest = this.#shim.guestModuleCreate('scratch') as Ptr;
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
      const frame = new Frame(engine, guest, this.#shim.guestMemory(guest) as Ptr, memory);
      this.#scratch = { frame, memory, next: 16, bindings: new Map() };
    }
    return this.#scratch;
  }

  /** Allocates a zeroed buffer in the scratch memory that direct calls see as memory 0. */
  scratchBuffer(size: number): ScratchBuffer {
    this.#check();
    const st = this.#scratchState();
    const address = (st.next + 7) & ~7;
    const end = address + size;
    const need = Math.ceil(end / 65536) - st.memory.buffer.byteLength / 65536;
    if (need > 0) st.memory.grow(need);
    new Uint8Array(st.memory.buffer, address, size).fill(0);
    st.next = end;
    return { address, size, read: () => new Uint8Array(st.memory.buffer.slice(address, end)) };
  }

  /** The scratch memory itself (memory 0 of direct calls). */
  get scratchMemory(): WebAssembly.Memory {
    return this.#scratchState().memory;
  }

  /** Calls a host function directly with typed arguments; returns its results. */
  call(name: string, ...args: Array<WasmValue | ScratchBuffer>): WasmValue[] {
    this.#check();
    const f = this.function(name);
    const st = this.#scratchState();
    let binding = st.bindings.get(name);
    if (binding === undefined) {
      binding = this.#shim.bind(functionHandle(this, f.name), st.frame.guest) as number;
      st.bindings.set(name, binding);
    }
    const values = args.map((a) => (typeof a === 'object' ? a.address : a));
    stage({ stage: 'call', path: this.plugin.path, plugin: this.plugin.name, module: this.instanceName, function: name, detail: values.join(' ') });
    try {
      return CallEngine.get(this.#shim).callBinding(binding, f, st.frame, { plugin: this.plugin.name, module: this.instanceName, func: name }, values);
    } finally {
      noticeSignalHandlers(this.#shim, `plug-in '${this.plugin.name}'`, `in host function ${this.instanceName}.${name}`, () => this.plugin.name);
    }
  }

  /** Instances that import this module register here so they are disposed before it. */
  addDependent(d: { dispose(): void }): void {
    this.#dependents.add(d);
  }

  removeDependent(d: { dispose(): void }): void {
    this.#dependents.delete(d);
  }

  /** Deletes the module instance (its finalizer runs) and everything that depends on it. */
  dispose(): void {
    if (this.#disposed) return;
    for (const d of [...this.#dependents]) d.dispose();
    if (this.#scratch) {
      for (const b of this.#scratch.bindings.values()) this.#shim.unbind(b);
      this.#scratch.frame.dispose();
      this.#shim.ModuleInstanceDelete(this.#scratch.frame.guest);
      this.#scratch = undefined;
    }
    this.#disposed = true;
    stage({ stage: 'dispose', path: this.plugin.path, plugin: this.plugin.name, module: this.instanceName });
    this.#shim.ModuleInstanceDelete(this.#address);
    noticeSignalHandlers(this.#shim, `plug-in '${this.plugin.name}'`, `while deleting module '${this.instanceName}'`);
    this.#onDispose();
  }

  toJSON() {
    return {
      name: this.name,
      instanceName: this.instanceName,
      functions: this.functions.map(({ name, params, results }) => ({ name, params, results })),
      memories: this.memories,
      globals: this.globals,
    };
  }
}

