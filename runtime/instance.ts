/**
 * A wasm instance whose imports resolve to plug-in modules (by instance name) and WASI preview1.
 * Imports are checked against the host functions' types before anything runs.
 */
import type { WASI } from 'node:wasi';
import { KitError } from './errors.js';
import { CallEngine, Frame, WasmTerminate, type WasmValue } from './call-engine.js';
import { functionHandle, nearest, type PluginModule } from './module.js';
import { noticeSignalHandlers, stringIn, type Ptr, type Shim } from './native/binding.js';
import { HIDDEN_MEMORY_EXPORT, parseWasm, withMemoryExport, type FuncSignature, type WasmInfo } from './wasm/binary.js';
import { formatSignature } from './value-types.js';
import { stage } from './stages.js';

export const WASI_MODULES = ['wasi_snapshot_preview1'];

export interface WasiOptions {
  args?: string[];
  env?: Record<string, string>;
  /** guest path → host path */
  preopens?: Record<string, string>;
  stdin?: number;
  stdout?: number;
  stderr?: number;
}

export interface InstantiateOptions {
  modules: PluginModule[];
  /** WASI preview1 settings; WASI imports fail to resolve when this is false. */
  wasi?: WasiOptions | false;
}

const VALUE_TYPE_CODES: Record<string, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

function sameSignature(a: FuncSignature, b: FuncSignature): boolean {
  return a.params.length === b.params.length && a.results.length === b.results.length &&
    a.params.every((t, i) => t === b.params[i]) && a.results.every((t, i) => t === b.results[i]);
}

/** WasmEdge_FunctionTypeContext for a signature (the shim copies it into guest functions). */
function createFunctionType(shim: Shim, sig: FuncSignature): Ptr {
  const enc = (types: string[]) => {
    const b = Buffer.alloc(Math.max(types.length, 1) * 8);
    types.forEach((t, i) => {
      b[i * 8 + 2] = VALUE_TYPE_CODES[t] ?? 0x63;
      b[i * 8 + 3] = VALUE_TYPE_CODES[t] ? 0x40 : t === 'externref' ? 0x6f : 0x70;
    });
    return b;
  };
  return shim.FunctionTypeCreate(enc(sig.params), sig.params.length, enc(sig.results), sig.results.length) as Ptr;
}

export class WasmInstance {
  readonly instance: WebAssembly.Instance;
  readonly info: WasmInfo;
  readonly memory: WebAssembly.Memory | undefined;
  readonly #shim: Shim;
  readonly #frame: Frame;
  readonly #bindings: number[];
  readonly #guestIds: number[] = [];
  readonly #modules: PluginModule[];
  readonly #wasi?: WASI;
  readonly #wasiDisabled: boolean;
  #disposed = false;

  /** Use PluginHost.instantiate. */
  static async create(shim: Shim, bytes: Uint8Array, options: InstantiateOptions, name = 'main'): Promise<WasmInstance> {
    const info = parseWasm(bytes);
    const binary = info.hasMemory && info.memoryExport === undefined ? withMemoryExport(bytes) : bytes;
    let module: WebAssembly.Module;
    try {
      module = await WebAssembly.compile(binary as Uint8Array<ArrayBuffer>);
    } catch (e) {
      throw new KitError('E_WASM_INVALID', `the wasm module does not compile: ${(e as Error).message}`);
    }
    // node:wasi prints an ExperimentalWarning when loaded: load it only for modules that import WASI,
    // so that a library user who never asked for WASI never sees it.
    const importsWasi = info.imports.some((i) => WASI_MODULES.includes(i.module));
    const wasiClass = options.wasi === false || !importsWasi ? undefined : (await import('node:wasi')).WASI;
    return new WasmInstance(shim, module, info, options, name, wasiClass);
  }

  private constructor(shim: Shim, module: WebAssembly.Module, info: WasmInfo, options: InstantiateOptions, name: string,
    wasiClass: typeof WASI | undefined) {
    this.#shim = shim;
    this.info = info;
    this.#modules = options.modules;
    this.#wasiDisabled = options.wasi === false;
    const engine = CallEngine.get(shim);
    const guest = shim.guestModuleCreate(name) as Ptr;
    this.#frame = new Frame(engine, guest, shim.guestMemory(guest) as Ptr, undefined);
    this.#bindings = [];
    const byName = new Map(options.modules.map((m) => [m.instanceName, m]));
    const imports: WebAssembly.Imports = {};
    try {
      if (wasiClass) {
        const w = options.wasi || {};
        this.#wasi = new wasiClass({
          version: 'preview1', args: w.args ?? [], env: w.env ?? {}, preopens: w.preopens ?? {}, returnOnExit: true,
          stdin: w.stdin, stdout: w.stdout, stderr: w.stderr,
        });
        const wasiImports = this.#wasi.getImportObject() as Record<string, WebAssembly.ModuleImports>;
        for (const m of WASI_MODULES) imports[m] = wasiImports.wasi_snapshot_preview1;
      }
      for (const imp of info.imports) {
        if (imports[imp.module] && WASI_MODULES.includes(imp.module)) continue;
        const mod = byName.get(imp.module);
        if (!mod) {
          const near = nearest(imp.module, [...byName.keys()]);
          throw new KitError('E_UNKNOWN_IMPORT', `import ${imp.module}.${imp.name}: no loaded plug-in module is named '${imp.module}'`, {
            hint: byName.size
              ? `loaded modules: ${[...byName.keys()].join(', ')}${near ? ` (did you mean '${near}'?)` : ''}`
              : WASI_MODULES.includes(imp.module) ? 'WASI is disabled for this instance' : 'load the plug-in that provides it (--plugin PATH)',
          });
        }
        if (imp.kind !== 'function') {
          throw new KitError('E_UNKNOWN_IMPORT', `import ${imp.module}.${imp.name}: importing a plug-in ${imp.kind} is not supported by this runtime (only functions)`);
        }
        const fn = mod.functions.find((f) => f.name === imp.name);
        if (!fn) {
          const near = nearest(imp.name, mod.functions.map((f) => f.name));
          throw new KitError('E_UNKNOWN_IMPORT', `import ${imp.module}.${imp.name}: module '${imp.module}' of plug-in '${mod.plugin.name}' has no function '${imp.name}'`, {
            hint: near ? `did you mean '${near}'? functions: ${mod.functions.map((f) => f.name).join(', ')}` : undefined,
          });
        }
        if (!sameSignature(fn, imp.signature)) {
          throw new KitError('E_IMPORT_SIGNATURE',
            `import ${imp.module}.${imp.name} has the wrong signature:\n  expected (host function): ${formatSignature(fn)}\n  found (wasm import):      ${formatSignature(imp.signature)}`);
        }
        const binding = shim.bind(functionHandle(mod, fn.name), guest) as number;
        this.#bindings.push(binding);
        imports[imp.module] ??= {};
        (imports[imp.module] as WebAssembly.ModuleImports)[imp.name] = engine.makeImport(binding, fn, this.#frame, {
          plugin: mod.plugin.name, module: imp.module, func: imp.name,
        }) as WebAssembly.ImportValue;
      }
      try {
        this.instance = new WebAssembly.Instance(module, imports);
      } catch (e) {
        throw new KitError(e instanceof WebAssembly.LinkError ? 'E_UNKNOWN_IMPORT' : 'E_TRAP', `instantiation failed: ${(e as Error).message}`, { cause: e });
      }
    } catch (e) {
      this.#release();
      throw e;
    }
    const exports = this.instance.exports;
    this.memory = (exports[info.memoryExport ?? HIDDEN_MEMORY_EXPORT] as WebAssembly.Memory | undefined);
    this.#frame.attach(this.memory, info.memoryMaxPages);
    // Exports become functions of the guest module, so host functions can call back into wasm.
    for (const exp of info.exports) {
      if (exp.kind !== 'function' || !exp.signature) continue;
      const id = engine.registerGuestFunction(exports[exp.name] as (...a: WasmValue[]) => unknown, exp.signature, this.#frame);
      this.#guestIds.push(id);
      const type = createFunctionType(shim, exp.signature);
      const fn = shim.guestFunctionCreate(type, id);
      shim.FunctionTypeDelete(type);
      shim.ModuleInstanceAddFunction(guest, stringIn(exp.name), fn);
    }
    for (const m of this.#modules) m.addDependent(this);
  }

  get exports(): WebAssembly.Exports {
    return this.instance.exports;
  }

  /** Calls an export with JS values; i64 takes and returns bigint. */
  invoke(name: string, ...args: WasmValue[]): unknown {
    const exp = this.info.exports.find((e) => e.name === name && e.kind === 'function');
    if (!exp) {
      const fns = this.info.exports.filter((e) => e.kind === 'function').map((e) => e.name);
      const near = nearest(name, fns);
      throw new KitError('E_NO_EXPORT', `the wasm module exports no function '${name}'`, {
        hint: fns.length ? `exported functions: ${fns.join(', ')}${near ? ` (did you mean '${near}'?)` : ''}` : 'it exports no functions',
      });
    }
    const sig = exp.signature!;
    if (args.length !== sig.params.length) {
      throw new KitError('E_ARGUMENTS', `export '${name}' takes ${sig.params.length} argument(s) ${formatSignature(sig)}, got ${args.length}`);
    }
    stage({ stage: 'invoke', function: name });
    try {
      return (this.instance.exports[name] as (...a: WasmValue[]) => unknown)(...args);
    } finally {
      this.#noticeSignalHandlers();
    }
  }

  /** Host functions that replaced the kit's signal handlers on their first call (see noticeSignalHandlers). */
  #noticeSignalHandlers(): void {
    noticeSignalHandlers(this.#shim, 'a host function', undefined,
      (fn) => this.#modules.find((m) => m.functions.some((f) => f.name === fn))?.plugin.name);
  }

  /**
   * Runs `_start` under WASI and returns the exit code: proc_exit's code, 0 when `_start` returns or a
   * host function returns WasmEdge_Result_Terminate. Traps and host failures are thrown.
   */
  runStart(): number {
    if (this.#wasiDisabled) throw new KitError('E_USAGE', 'runStart needs WASI (instantiate without wasi: false)');
    const start = this.instance.exports._start;
    if (typeof start !== 'function') {
      throw new KitError('E_NO_EXPORT', 'the wasm module has no _start export', { hint: 'use --invoke NAME to call another export' });
    }
    if (!this.#wasi) {
      // A module that imports nothing from WASI cannot call proc_exit: returning from _start is exit 0.
      try {
        (start as () => unknown)();
      } catch (e) {
        if (e instanceof WasmTerminate) return 0;
        throw e;
      }
      return 0;
    }
    const view = { exports: { ...this.instance.exports, memory: this.memory ?? new WebAssembly.Memory({ initial: 0 }) } };
    try {
      return this.#wasi.start(view as unknown as WebAssembly.Instance) ?? 0;
    } catch (e) {
      if (e instanceof WasmTerminate) return 0;
      throw e;
    } finally {
      this.#noticeSignalHandlers();
    }
  }

  #release(): void {
    for (const b of this.#bindings) this.#shim.unbind(b);
    const engine = CallEngine.get(this.#shim);
    for (const id of this.#guestIds) engine.unregisterGuestFunction(id);
    this.#frame.dispose();
    this.#shim.ModuleInstanceDelete(this.#frame.guest);
  }

  /** Releases the bindings and the guest module; the plug-in modules stay alive. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const m of this.#modules) m.removeDependent(this);
    this.#release();
  }
}
