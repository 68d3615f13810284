/** `wasmedge-plugin inspect [path…]`: what each plug-in declares and what its modules contain. */
import type { Command } from 'commander';
import type { LoadError, PluginHost } from '../runtime/host.js';
import { isKitError } from '../runtime/errors.js';
import { formatSignature } from '../runtime/value-types.js';
import { colour, formatError, printJson } from './output.js';
import { INSPECT_TIMEOUT_S, inspectIsolated, isolationOptions, timeoutMs, type IsolationFlags } from './isolation.js';

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
  plugins: Array<ReturnType<import('../runtime/plugin.js').Plugin['toJSON']> & { modules: InspectedModule[] }>;
  errors: LoadError[];
  searched: string[];
}

/** Loads the paths (or the default search paths) and describes every plug-in found. */
export async function inspectPaths(paths: string[]): Promise<InspectReport> {
  // The runtime (koffi, the shim) loads here, not at start-up: an isolated inspect never needs it.
  const { PluginHost } = await import('../runtime/host.js');
  return inspectWithHost(new PluginHost(), paths);
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

function printReport(r: InspectReport): void {
  const out: string[] = [];
  for (const p of r.plugins) {
    const v = p.version;
    out.push(`${colour.bold(p.name)} ${v.major}.${v.minor}.${v.patch}${v.build ? `.${v.build}` : ''}  ${colour.dim(`API ${p.apiVersion} · ${p.compatibleWith}`)}`);
    out.push(`  ${colour.dim('path')}: ${p.path}`);
    if (p.description) out.push(`  ${colour.dim('description')}: ${p.description}`);
    if (p.options.length) {
      out.push(`  ${colour.dim('options')}:`);
      for (const o of p.options) {
        out.push(`    ${o.name} (${o.type}) = ${JSON.stringify(typeof o.default === 'bigint' ? o.default.toString() : o.default)}${o.description ? `  ${colour.dim(o.description)}` : ''}`);
      }
    }
    for (const m of p.modules) {
      const inst = m.instanceName && m.instanceName !== m.name ? ` ${colour.dim(`(imported as '${m.instanceName}')`)}` : '';
      out.push(`  ${colour.dim('module')} ${colour.bold(m.name)}${inst}${m.description ? `  ${colour.dim(m.description)}` : ''}`);
      for (const f of m.functions) out.push(`    ${f.name}${formatSignature(f)}`);
      for (const mem of m.memories ?? []) out.push(`    memory ${mem.name}: ${mem.pages} page(s)`);
      for (const g of m.globals ?? []) out.push(`    global ${g.name}: ${g.mutable ? 'mut ' : ''}${g.type}`);
    }
    out.push('');
  }
  if (r.plugins.length === 0) out.push(`no plug-ins found; searched: ${r.searched.join(', ') || '(nothing: WASMEDGE_PLUGIN_PATH is empty and no WasmEdge installation was found)'}`);
  process.stdout.write(out.join('\n') + '\n');
  for (const e of r.errors) process.stderr.write(formatError(e.code, e.message, e.hint) + '\n');
}

export function register(program: Command): void {
  isolationOptions(program.command('inspect'), INSPECT_TIMEOUT_S)
    .description('list the plug-ins in libraries or directories (default: WasmEdge\'s search paths) with their options, modules and functions')
    .argument('[paths...]', 'plug-in libraries or directories (searched recursively for .so files)')
    .option('--json', 'print one JSON document')
    .action(async (paths: string[], opts: { json?: boolean } & IsolationFlags) => {
      const report = opts.isolate === false ? await inspectPaths(paths) : await inspectIsolated(paths, timeoutMs(opts, INSPECT_TIMEOUT_S));
      if (opts.json) printJson(report);
      else printReport(report);
      process.exitCode = report.errors.length ? 1 : 0;
    });
}
