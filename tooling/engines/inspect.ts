/** The inspect engine: what each plug-in declares and what its modules contain, as plain data. */
import type { LoadError, PluginHost } from '../../runtime/host.js';
import { isKitError } from '../../runtime/errors.js';
import { reportStage } from '../stage-report.js';

export interface InspectedModule {
  name: string;
  description: string;
  instanceName?: string;
  functions: Array<{ name: string; params: string[]; results: string[] }>;
  memories?: Array<{ name: string; pages: number }>;
  globals?: Array<{ name: string; type: string; mutable: boolean }>;
  error?: LoadError;
}

export interface InspectReport {
  plugins: Array<ReturnType<import('../../runtime/plugin.js').Plugin['toJSON']> & { modules: InspectedModule[] }>;
  errors: LoadError[];
  searched: string[];
}

/** Loads the paths (or the default search paths) and describes every plug-in found. */
export async function inspectPaths(paths: string[]): Promise<InspectReport> {
  // The runtime (koffi, the shim) loads here, not at start-up: an isolated inspect never needs it.
  const { PluginHost } = await import('../../runtime/host.js');
  return inspectWithHost(new PluginHost({ onStage: reportStage }), paths);
}

/** inspectPaths with a given host (closed afterwards). */
export function inspectWithHost(host: PluginHost, paths: string[]): InspectReport {
  const result = paths.length ? paths.map((p) => host.loadFromPath(p)).reduce((a, r) => ({
    loaded: [...a.loaded, ...r.loaded], errors: [...a.errors, ...r.errors], searched: [...a.searched, ...r.searched],
  })) : host.loadWithDefaultPaths();
  const report: InspectReport = { plugins: [], errors: result.errors, searched: result.searched };
  for (const plugin of result.loaded) {
    const modules: InspectedModule[] = plugin.moduleDescriptors.map((d) => {
      try {
        const mod = plugin.createModule(d.name);
        try {
          const { instanceName, functions, memories, globals } = mod.toJSON();
          return { name: d.name, description: d.description, instanceName, functions, memories, globals };
        } finally {
          mod.dispose();
        }
      } catch (e) {
        const error = isKitError(e) ? { path: plugin.path, ...e.toJSON() } : { path: plugin.path, code: 'E_CREATE_FAILED', message: String(e) };
        report.errors.push(error as LoadError);
        return { name: d.name, description: d.description, functions: [], error: error as LoadError };
      }
    });
    report.plugins.push({ ...plugin.toJSON(), modules });
  }
  host.close();
  return report;
}
