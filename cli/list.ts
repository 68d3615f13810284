/** `wasmedge-plugin list --installed`: the plug-ins in WasmEdge's plug-in directories, read from the libraries. */
import type { Command } from 'commander';
import { listInstalled, type InstalledReport } from '../tooling/ship/installed.js';
import { searchedDirs, wasmEdgeOnThisMachine } from '../tooling/ship/plugin-dirs.js';
import { colour, printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { LIST_OPTIONS } from '../tooling/options/commands.js';

function printReport(r: InstalledReport): void {
  const out: string[] = [];
  if (r.dirs.length === 0) out.push('no plug-in directory exists (WASMEDGE_PLUGIN_PATH is empty and no WasmEdge was found); see --dir');
  for (const d of r.dirs) {
    out.push(`${colour.bold(d.dir)}  ${colour.dim(d.reason)}`);
    const here = r.plugins.filter((p) => p.dir === d.dir);
    if (here.length === 0) out.push(`  ${colour.dim('(no plug-ins)')}`);
    for (const p of here) {
      const from = p.manifest ? (p.manifest.sha256Matches ? 'package, sha256 ok' : colour.red('package, sha256 DIFFERS from its manifest')) : 'no package manifest';
      if (p.error) out.push(`  ${p.name ?? colour.red('?')}  ${p.library}  ${colour.red(`error[${p.error.code}]`)}: ${p.error.message}`);
      else out.push(`  ${colour.bold(p.name!)} ${p.version}  ${colour.dim(`API ${p.apiVersion} · ${p.compatibleWith}`)}  ${p.library}  ${colour.dim(from)}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

export function register(program: Command): void {
  addOptions(program.command('list'), LIST_OPTIONS)
    .description('list the installed plug-ins: every library in WasmEdge\'s plug-in directories (WASMEDGE_PLUGIN_PATH, the found WasmEdge\'s), with version and API version')
    .action(async (raw: Record<string, unknown>) => {
      const flags = flagValues(LIST_OPTIONS, raw);
      const dirs = searchedDirs({ dir: flags.dir, wasmedge: flags.dir === undefined ? wasmEdgeOnThisMachine(flags.wasmedge) : undefined });
      const report = await listInstalled(dirs, flags.timeout);
      if (flags.json) printJson(report);
      else printReport(report);
      process.exitCode = report.plugins.some((p) => p.error) ? 1 : 0;
    });
}
