/**
 * The runtime's front object: loads plug-ins the way WasmEdge does (file or directory, default paths,
 * API-version check, first-name-wins) but reports every problem, and instantiates wasm against them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadShim } from './native/binding.js';
import { Plugin } from './plugin.js';
import type { PluginModule } from './module.js';
import type { WasmInstance, InstantiateOptions, WasiOptions } from './instance.js';
import { defaultPluginPaths, fileIdentity } from './search-paths.js';
import { duplicatePluginError, loadSteps, toLoadError, type LoadError } from './load-rules.js';
import { ignoreStages, type StageListener } from './stages.js';

export type { LoadError } from './load-rules.js';

export interface LoadResult {
  loaded: Plugin[];
  errors: LoadError[];
  /** Every path searched, in order (directories and files). */
  searched: string[];
}

export interface RunOptions extends WasiOptions {
  modules?: PluginModule[];
}

export class PluginHost {
  readonly #plugins = new Map<string, Plugin>();
  readonly #byFile = new Map<string, Plugin>();
  readonly #instances = new Set<WasmInstance>();

  readonly #onStage: StageListener;

  /** `onStage` hears, before it runs, each piece of plug-in or wasm code this host runs (and only this host's). */
  constructor(options: { onStage?: StageListener } = {}) {
    loadShim(); // fail early, with E_SHIM, if the shim is missing
    this.#onStage = options.onStage ?? ignoreStages;
  }

  get plugins(): Plugin[] {
    return [...this.#plugins.values()];
  }

  findPlugin(name: string): Plugin | undefined {
    return this.#plugins.get(name);
  }

  /** Loads one library, or every `.so` under a directory (recursively). Never throws for bad plug-ins. */
  loadFromPath(fileOrDir: string): LoadResult {
    const plan = loadSteps(fileOrDir);
    const result: LoadResult = { loaded: [], errors: [], searched: [plan.searched] };
    for (const step of plan.steps) {
      if ('error' in step) result.errors.push(step.error);
      else this.#loadOne(step.load, result);
    }
    return result;
  }

  #loadOne(path: string, result: LoadResult): void {
    const id = fileIdentity(path);
    const same = this.#byFile.get(id);
    if (same) {
      if (!result.loaded.includes(same)) result.loaded.push(same);
      return;
    }
    try {
      const plugin = Plugin.load(path, this.#onStage);
      const existing = this.#plugins.get(plugin.name);
      if (existing) {
        throw duplicatePluginError(plugin.name, path, existing.path);
      }
      this.#plugins.set(plugin.name, plugin);
      this.#byFile.set(id, plugin);
      result.loaded.push(plugin);
    } catch (e) {
      result.errors.push(toLoadError(e, path));
    }
  }

  /** WASMEDGE_PLUGIN_PATH entries (empty ones ignored), then the installation's plug-in directory. */
  loadWithDefaultPaths(paths = defaultPluginPaths()): LoadResult {
    const result: LoadResult = { loaded: [], errors: [], searched: [] };
    for (const p of paths) {
      result.searched.push(resolve(p));
      if (!existsSync(p)) continue;
      const r = this.loadFromPath(p);
      result.loaded.push(...r.loaded);
      result.errors.push(...r.errors);
    }
    return result;
  }

  /** Instantiates wasm (binary or text) with the given plug-in modules and WASI preview1. */
  async instantiate(source: Uint8Array | ArrayBuffer | string, options: Partial<InstantiateOptions> = {}): Promise<WasmInstance> {
    // Loaded on first use: `inspect` and `call` need neither node:wasi nor the wat compiler.
    const [{ WasmInstance }, { toWasmBinary }] = await Promise.all([import('./instance.js'), import('./wasm/wat.js')]);
    const bytes = await toWasmBinary(source);
    this.#onStage({ stage: 'instantiate' });
    const inst = await WasmInstance.create(loadShim(), bytes, { modules: options.modules ?? [], wasi: options.wasi, onStage: this.#onStage });
    this.#instances.add(inst);
    return inst;
  }

  /** Instantiates and runs `_start`; returns the exit code. The instance is disposed afterwards. */
  async runWasi(source: Uint8Array | ArrayBuffer | string, options: RunOptions = {}): Promise<number> {
    const { modules, ...wasi } = options;
    const inst = await this.instantiate(source, { modules, wasi });
    try {
      this.#onStage({ stage: 'run', detail: '_start' });
      return inst.runStart();
    } finally {
      inst.dispose();
      this.#instances.delete(inst);
    }
  }

  /** Disposes instances and modules. Libraries stay mapped: code from them may still be referenced. */
  close(): void {
    for (const i of this.#instances) i.dispose();
    this.#instances.clear();
    for (const p of this.#plugins.values()) p.disposeModules();
  }
}
