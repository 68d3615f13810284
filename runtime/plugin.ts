/**
 * One loaded plug-in library: dlopen through koffi, WasmEdge_Plugin_GetDescriptor, descriptor checks, and
 * the typed view of what it declares. Every failure is a KitError with the path and a hint.
 */
import { KitError } from './errors.js';
import { CreateProto, koffi, loadShim, noticeSignalHandlers, type Ptr, type Shim } from './native/binding.js';
import { openLibrary } from './library.js';
import { createFailedError, nullDescriptorError, refusal } from './load-rules.js';
import { compatibleWith, readDescriptor } from './descriptor.js';
import {
  coerceOptionValue, describeOption, readOptionValue, writeOptionValue,
  type OptionInfo, type OptionType, type OptionValue,
} from './options.js';
import { PluginModule } from './module.js';
import { ignoreStages, type StageListener } from './stages.js';

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
  readonly #onStage: StageListener;

  /**
   * Loads a plug-in library; throws a KitError naming the problem. The shim is loaded first.
   * `onStage` hears which plug-in code is about to run (library constructors, GetDescriptor, Create…).
   */
  static load(path: string, onStage: StageListener = ignoreStages): Plugin {
    const shim = loadShim();
    const lib = openLibrary(path, onStage);
    onStage({ stage: 'GetDescriptor', path });
    const desc = lib.getDescriptor();
    noticeSignalHandlers(shim, `the plug-in ${path}`, 'while loading it');
    if (!desc) throw nullDescriptorError(path);
    onStage({ stage: 'descriptor', path });
    return new Plugin(shim, path, desc, onStage);
  }

  private constructor(shim: Shim, path: string, desc: Ptr, onStage: StageListener) {
    this.#shim = shim;
    this.#onStage = onStage;
    this.path = path;
    const d = readDescriptor(desc);
    const refused = refusal(path, d.problems, d.apiVersion);
    if (refused) throw refused;
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
    return this.#options.map((o) => describeOption(o, (where) => readOptionValue(o.type, o[where])));
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
    this.#onStage({ stage: 'Create', path: this.path, plugin: this.name, module: desc.name });
    const handles = this.#descriptorHandles[index];
    const instance = koffi.call(handles.create, CreateProto, handles.address) as Ptr | null;
    noticeSignalHandlers(this.#shim, `plug-in '${this.name}'`, `in Create of module '${desc.name}'`);
    if (!instance || !this.#shim.moduleIsLive(instance)) throw createFailedError(this, desc.name, instance);
    const mod = new PluginModule(this.#shim, this, desc.name, instance, () => this.#modules.delete(mod), this.#onStage);
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
