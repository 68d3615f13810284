/** `wasmedge-plugin inspect [path…]`: what each plug-in declares and what its modules contain. */
import type { Command } from 'commander';
import { formatSignature } from '../runtime/value-types.js';
import { inspectPaths, type InspectReport } from '../tooling/engines/inspect.js';
import { inspectIsolated } from '../tooling/engines/isolated.js';
import { colour, formatError, printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { INSPECT_OPTIONS } from '../tooling/options/commands.js';

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
  addOptions(program.command('inspect'), INSPECT_OPTIONS)
    .description('list the plug-ins in libraries or directories (default: WasmEdge\'s search paths) with their options, modules and functions')
    .argument('[paths...]', 'plug-in libraries or directories (searched recursively for .so files)')
    .action(async (paths: string[], raw: Record<string, unknown>) => {
      const opts = flagValues(INSPECT_OPTIONS, raw);
      const report = opts.isolate ? await inspectIsolated(paths, opts.timeout) : await inspectPaths(paths);
      if (opts.json) printJson(report);
      else printReport(report);
      process.exitCode = report.errors.length ? 1 : 0;
    });
}
