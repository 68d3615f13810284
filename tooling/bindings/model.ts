/**
 * What every language's bindings are written from: the plug-in's modules and functions as the
 * built library reports them (types are always the library's), with the parameter names,
 * descriptions and `memory` flags of the project's wasmedge-plugin.json where it agrees.
 * Modules and functions are sorted by name so the output is the same for the same input.
 */
import type { InspectReport } from '../engines/inspect.js';
import { describeDeclared, type DeclaredFunction } from './declared.js';

export interface GuestParam {
  name: string;
  type: string;
}

export interface GuestFunction {
  /** The import name (exactly what the module instance exports). */
  name: string;
  params: GuestParam[];
  results: string[];
  description?: string;
  /** From the manifest: the function touches the caller's memory (Rust: never `safe`). */
  memory?: boolean;
  /** Whether the names and docs come from wasmedge-plugin.json (else p0, p1, …). */
  declared: boolean;
  /** Why the manifest's entry was not used, when there is one that disagrees. */
  mismatch?: string;
}

export interface GuestModule {
  /** What a WebAssembly program imports from (the module instance's name). */
  name: string;
  description: string;
  functions: GuestFunction[];
}

export interface GuestModel {
  plugin: string;
  version: string;
  modules: GuestModule[];
}

export interface ModelOptions {
  /** The project's module and declared functions (wasmedge-plugin.json). */
  declared?: { module: string; functions: DeclaredFunction[] };
  /** Only this module (by import name or descriptor name). */
  module?: string;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The differences between a declared function and the library's, in words (empty = they agree). */
export function signatureDifference(d: DeclaredFunction, lib: { params: readonly string[]; results: readonly string[] }): string | undefined {
  const dp = d.params.map((p) => p.type);
  if (dp.length !== lib.params.length) return `${d.params.length} parameter(s) declared, the library's function takes ${lib.params.length}`;
  const pi = dp.findIndex((t, i) => t !== lib.params[i]);
  if (pi >= 0) return `parameter ${pi + 1} (${d.params[pi].name}) is declared ${dp[pi]}, the library's is ${lib.params[pi]}`;
  if (d.results.length !== lib.results.length) return `${d.results.length} result(s) declared, the library's function returns ${lib.results.length}`;
  const ri = d.results.findIndex((t, i) => t !== lib.results[i]);
  if (ri >= 0) return `result ${ri + 1} is declared ${d.results[ri]}, the library's is ${lib.results[ri]}`;
  return undefined;
}

export function buildModel(report: InspectReport, o: ModelOptions = {}): GuestModel {
  const plugin = report.plugins[0];
  const modules: GuestModule[] = [];
  for (const p of report.plugins) {
    for (const m of p.modules) {
      const importName = m.instanceName ?? m.name;
      if (o.module !== undefined && o.module !== importName && o.module !== m.name) continue;
      const declared = o.declared && (o.declared.module === importName || o.declared.module === m.name) ? o.declared.functions : [];
      const functions = m.functions.map((f): GuestFunction => {
        const d = declared.find((x) => x.name === f.name);
        const mismatch = d && signatureDifference(d, f);
        if (d && !mismatch) {
          return { name: f.name, params: d.params.map((x) => ({ ...x })), results: [...f.results], description: d.description, memory: d.memory, declared: true };
        }
        return {
          name: f.name,
          params: f.params.map((type, i) => ({ name: `p${i}`, type })),
          results: [...f.results],
          declared: false,
          mismatch: mismatch ? `wasmedge-plugin.json declares ${describeDeclared(d!)}: ${mismatch}; its names are not used` : undefined,
        };
      });
      modules.push({ name: importName, description: m.description, functions: functions.sort(byName) });
    }
  }
  return {
    plugin: plugin?.name ?? 'unknown',
    version: plugin ? `${plugin.version.major}.${plugin.version.minor}.${plugin.version.patch}` : '0.0.0',
    modules: modules.sort(byName),
  };
}
