/** `wasmedge-plugin list --installed`: the plug-ins in WasmEdge's plug-in directories, read from the libraries. */
import type { Command } from 'commander';
import { listInstalled, type InstalledReport } from '../tooling/ship/installed.js';
import { searchedDirs, wasmEdgeOnThisMachine } from '../tooling/ship/plugin-dirs.js';
import { colour, printJson } from './output.js';
import { DEFAULT_TIMEOUT_S, timeoutMs } from './isolation-flags.js';

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
  program
    .command('list')
    .description('list the installed plug-ins: every library in WasmEdge\'s plug-in directories (WASMEDGE_PLUGIN_PATH, the found WasmEdge\'s), with version and API version')
    .option('--installed', 'installed plug-ins (what `list` shows; the flag is accepted for clarity)')
    .option('--dir <dir>', 'only this plug-in directory')
    .option('--wasmedge <path>', 'the WasmEdge whose plug-in directory to list (binary or install prefix)')
    .option('--timeout <seconds>', `limit for loading the installed libraries to read them (default: ${DEFAULT_TIMEOUT_S})`)
    .option('--json', 'print { dirs, plugins } as JSON')
    .action(async (flags: { installed?: boolean; dir?: string; wasmedge?: string; timeout?: string; json?: boolean }) => {
      const dirs = searchedDirs({ dir: flags.dir, wasmedge: flags.dir === undefined ? wasmEdgeOnThisMachine(flags.wasmedge) : undefined });
      const report = await listInstalled(dirs, timeoutMs(flags));
      if (flags.json) printJson(report);
      else printReport(report);
      process.exitCode = report.plugins.some((p) => p.error) ? 1 : 0;
    });
}
