/**
 * One loaded plug-in library: dlopen through koffi, WasmEdge_Plugin_GetDescriptor, descriptor checks, and
 * the typed view of what it declares. Every failure is a KitError with the path and a hint.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { KitError } from './errors.js';
import { CreateProto, koffi, loadShim, noticeSignalHandlers, type Ptr, type Shim } from './native/binding.js';
import { compatibleWith, readDescriptor } from './descriptor.js';
import {
  coerceOptionValue, readOptionValue, writeOptionValue,
  type OptionInfo, type OptionType, type OptionValue,
} from './options.js';
import { PluginModule } from './module.js';
import { stage } from './stages.js';

export { SUPPORTED_API_VERSIONS, compatibleWith } from './descriptor.js';

export interface PluginVersion { major: number; minor: number; patch: number; build: number }

/** Plain data (JSON-serialisable): the descriptor's native pointers stay private to Plugin. */
export interface ModuleDescriptorInfo {
  name: string;
  description: string;
}

/** Where a module descriptor lives and its Create function. */
interface ModuleDescriptorHandles {
  /** Address of the WasmEdge_ModuleDescriptor (passed back to Create). */
  address: Ptr;
  create: Ptr;
}

interface OptionSlot extends Omit<OptionInfo, 'default'> { storage: Ptr | null; defaultValue: Ptr | null }

// koffi unloads a library whose handle is collected: every plug-in stays referenced for the process.
const retainedLibraries: unknown[] = [];

const ELF_MACHINES: Record<string, number> = { x64: 62, arm64: 183, ia32: 3, arm: 40, riscv64: 243, ppc64: 21, s390x: 22 };

/** Cheap checks before dlopen so that the common mistakes get precise errors. */
function checkElf(path: string): void {
  const head = Buffer.alloc(20);
  let n = 0;
  try {
    const fd = openSync(path, 'r');
    try { n = readSync(fd, head, 0, 20, 0); } finally { closeSync(fd); }
  } catch (e) {
    throw new KitError('E_NOT_FOUND', `cannot read ${path}: ${(e as Error).message}`, { path });
  }
  if (process.platform !== 'linux') return;
  if (n < 20 || head.readUInt32BE(0) !== 0x7f454c46) {
    throw new KitError('E_NOT_A_LIBRARY', `${path} is not a shared library (no ELF header)`, { path });
  }
  const cls = head[4] === 2 ? 64 : 32;
  const machine = head.readUInt16LE(18);
  const want = ELF_MACHINES[process.arch];
  if ((want !== undefined && machine !== want) || cls !== (process.arch.endsWith('64') ? 64 : 32)) {
    throw new KitError('E_WRONG_ARCH', `${path} is a ${cls}-bit ELF for machine ${machine}, this host is ${process.arch} (machine ${want})`, { path });
  }
  const type = head.readUInt16LE(16);
  if (type !== 3) {
    throw new KitError('E_NOT_A_LIBRARY', `${path} is an ELF ${type === 2 ? 'executable' : `file of type ${type}`}, not a shared library`, { path, hint: 'Build the plug-in as a shared library (add_library(... SHARED), crate-type = ["cdylib"]).' });
  }
}

function classifyDlopenError(path: string, message: string): KitError {
  const undef = /undefined symbol: ([^\s,]+)/.exec(message);
  if (undef) {
    const sym = undef[1];
    return new KitError('E_MISSING_SYMBOL', `${path} needs symbol '${sym}', which the host does not provide`, {
      path,
      symbol: sym,
      hint: sym.startsWith('WasmEdge_')
        ? `'${sym}' is not part of the plug-in C API subset this kit implements (sdk/include/wasmedge/wasmedge.h); remove the call or ask for it to be added.`
        : `Link the library that defines '${sym}' into the plug-in (it is not a WasmEdge symbol).`,
    });
  }
  const version = /version `([^']+)' not found/.exec(message);
  if (version) {
    return new KitError('E_MISSING_SYMBOL', `${path} needs symbol version ${version[1]}, which the host shim does not define`, {
      path, hint: 'Build the plug-in against sdk/include and sdk/link of this kit (WasmEdge 0.17 symbol versions).',
    });
  }
  if (/wrong ELF class|ELFCLASS|machine/.test(message)) return new KitError('E_WRONG_ARCH', `${path}: ${message}`, { path });
  if (/invalid ELF header|file too short|not an ELF/.test(message)) return new KitError('E_NOT_A_LIBRARY', `${path}: ${message}`, { path });
  const needed = /(\S+): cannot open shared object file/.exec(message);
  if (needed && !message.startsWith(path)) {
    return new KitError('E_LOAD_FAILED', `${path} needs ${needed[1]}, which the dynamic loader cannot find`, {
      path, hint: `Install the library that provides ${needed[1]}, or add its directory to LD_LIBRARY_PATH (\`ldd ${path}\` lists what is missing).`,
    });
  }
  return new KitError('E_LOAD_FAILED', `cannot load ${path}: ${message}`, { path });
}

function exportsSymbol(lib: ReturnType<typeof koffi.load>, name: string): boolean {
  try {
    lib.func(`void ${name}(void)`);
    return true;
  } catch {
    return false;
  }
}

export class Plugin {
  readonly name: string;
  readonly description: string;
  readonly path: string;
  readonly apiVersion: number;
  readonly version: PluginVersion;
  readonly moduleDescriptors: ModuleDescriptorInfo[];
  readonly #options: OptionSlot[];
  readonly #descriptorHandles: ModuleDescriptorHandles[];
  /**
   * The buffer of each string option the kit set, and whether a module was created since (a plug-in
   * may have kept the pointer then, so it stays allocated; otherwise setting the option again frees it).
   */
  readonly #stringValues = new Map<string, { buffer: Ptr; seen: boolean }>();
  readonly #shim: Shim;
  readonly #modules = new Set<PluginModule>();

  /** Loads a plug-in library; throws a KitError naming the problem. The shim is loaded first. */
  static load(path: string): Plugin {
    const shim = loadShim();
    checkElf(path);
    let lib: ReturnType<typeof koffi.load>;
    stage({ stage: 'constructor', path });
    try {
      lib = koffi.load(path);
    } catch (e) {
      throw classifyDlopenError(path, (e as Error).message);
    }
    retainedLibraries.push(lib);
    let getDescriptor: () => Ptr | null;
    try {
      getDescriptor = lib.func('void *WasmEdge_Plugin_GetDescriptor(void)') as () => Ptr | null;
    } catch {
      throw new KitError('E_NO_DESCRIPTOR', `${path} does not export WasmEdge_Plugin_GetDescriptor`, {
        path,
        hint: exportsSymbol(lib, 'GetDescriptor')
          ? 'It exports `GetDescriptor`, the entry of WasmEdge\'s internal C++ plug-in API (plug-ins built inside WasmEdge\'s source tree); this kit loads C-API plug-ins, which define WasmEdge_Plugin_GetDescriptor.'
          : undefined,
      });
    }
    stage({ stage: 'GetDescriptor', path });
    const desc = getDescriptor();
    noticeSignalHandlers(shim, `the plug-in ${path}`, 'while loading it');
    stage({ stage: 'descriptor', path });
    if (!desc) throw new KitError('E_NULL_DESCRIPTOR', `${path}: WasmEdge_Plugin_GetDescriptor returned NULL`, { path });
    return new Plugin(shim, path, desc);
  }

  private constructor(shim: Shim, path: string, desc: Ptr) {
    this.#shim = shim;
    this.path = path;
    const d = readDescriptor(desc);
    const problem = d.problems.find((p) => !p.warning);
    if (problem) throw new KitError(problem.code, `${path}: ${problem.message}`, { path, hint: problem.hint, apiVersion: d.apiVersion });
    // No problem means every name, Create, type and Storage below is present.
    this.name = d.name!;
    this.description = d.description;
    this.apiVersion = d.apiVersion;
    this.version = d.version;
    this.moduleDescriptors = d.modules.map((m) => ({ name: m.name!, description: m.description }));
    this.#descriptorHandles = d.modules.map((m) => ({ address: m.address, create: m.create! }));
    this.#options = d.options.map((o) => ({ name: o.name!, description: o.description, type: o.type!, storage: o.storage, defaultValue: o.defaultValue }));
  }

  get compatibleWith(): string {
    return compatibleWith(this.apiVersion);
  }

  get options(): OptionInfo[] {
    return this.#options.map((o) => ({
      name: o.name,
      description: o.description,
      type: o.type,
      default: readOptionValue(o.type, o.storage),
      flagDefault: o.type === 'toggle' ? true : readOptionValue(o.type, o.defaultValue),
    }));
  }

  #option(name: string): OptionSlot {
    const o = this.#options.find((x) => x.name === name);
    if (!o) {
      const known = this.#options.map((x) => x.name);
      throw new KitError('E_UNKNOWN_OPTION', `plug-in '${this.name}' has no option '${name}'`, {
        hint: known.length ? `declared options: ${known.join(', ')}` : 'this plug-in declares no options',
      });
    }
    return o;
  }

  /**
   * Sets a program option before modules are created. `undefined` means the bare flag: Toggle becomes
   * true, other types take the descriptor's DefaultValue (which WasmEdge dereferences without a check).
   */
  setOption(name: string, value?: OptionValue): void {
    const o = this.#option(name);
    let v: OptionValue;
    if (value === undefined) {
      if (o.type === 'toggle') v = true;
      else {
        const d = readOptionValue(o.type, o.defaultValue);
        if (d === null) throw new KitError('E_OPTION_VALUE', `option '${name}' needs a value (its DefaultValue is NULL)`, { hint: `use --opt ${name}=VALUE` });
        v = d;
      }
    } else {
      v = coerceOptionValue(name, o.type, value);
    }
    const buffer = writeOptionValue(this.#shim, o.type, o.storage!, v);
    if (buffer === undefined) return;
    const previous = this.#stringValues.get(name);
    if (previous && !previous.seen) this.#shim.free(previous.buffer);
    this.#stringValues.set(name, { buffer, seen: false });
  }

  getOption(name: string): OptionValue | null {
    const o = this.#option(name);
    return readOptionValue(o.type, o.storage);
  }

  /** Calls the module descriptor's Create. The result is yours: dispose() it (or close the host). */
  createModule(name?: string): PluginModule {
    const index = name === undefined ? 0 : this.moduleDescriptors.findIndex((m) => m.name === name);
    const desc = this.moduleDescriptors[index];
    if (!desc) {
      throw new KitError('E_UNKNOWN_MODULE', name === undefined ? `plug-in '${this.name}' declares no modules` : `plug-in '${this.name}' has no module '${name}'`, {
        hint: `modules: ${this.moduleDescriptors.map((m) => m.name).join(', ') || '(none)'}`,
      });
    }
    for (const v of this.#stringValues.values()) v.seen = true;
    stage({ stage: 'Create', path: this.path, plugin: this.name, module: desc.name });
    const handles = this.#descriptorHandles[index];
    const instance = koffi.call(handles.create, CreateProto, handles.address) as Ptr | null;
    noticeSignalHandlers(this.#shim, `plug-in '${this.name}'`, `in Create of module '${desc.name}'`);
    if (!instance) {
      throw new KitError('E_CREATE_FAILED', `module '${desc.name}' of plug-in '${this.name}': Create returned NULL`, { path: this.path });
    }
    if (!this.#shim.moduleIsLive(instance)) {
      throw new KitError('E_CREATE_FAILED', `module '${desc.name}' of plug-in '${this.name}': Create returned ${'0x' + BigInt(instance).toString(16)}, which is not a module instance (not made by WasmEdge_ModuleInstanceCreate, or already deleted)`, {
        path: this.path, hint: 'Return the pointer WasmEdge_ModuleInstanceCreate gave you, and do not delete it: the host owns it after Create returns.',
      });
    }
    const mod = new PluginModule(this.#shim, this, desc.name, instance, () => this.#modules.delete(mod));
    this.#modules.add(mod);
    return mod;
  }

  /** Disposes every module created from this plug-in that is still alive. */
  disposeModules(): void {
    for (const m of [...this.#modules]) m.dispose();
  }

  toJSON() {
    return {
      name: this.name,
      description: this.description,
      path: this.path,
      apiVersion: this.apiVersion,
      version: this.version,
      compatibleWith: this.compatibleWith,
      options: this.options,
      modules: this.moduleDescriptors.map((m) => ({ name: m.name, description: m.description })),
    };
  }
}

export type { OptionInfo, OptionType, OptionValue };
