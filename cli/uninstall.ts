/** `wasmedge-plugin uninstall <name>`: removes a plug-in (and the package files beside it) from the plug-in directories. */
import type { Command } from 'commander';
import { uninstall } from '../tooling/ship/installed.js';
import { searchedDirs, wasmEdgeOnThisMachine } from '../tooling/ship/plugin-dirs.js';
import { colour, printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { UNINSTALL_OPTIONS } from '../tooling/options/commands.js';

export function register(program: Command): void {
  addOptions(program.command('uninstall'), UNINSTALL_OPTIONS)
    .description('remove a plug-in by name from every directory WasmEdge searches (WASMEDGE_PLUGIN_PATH, the found WasmEdge\'s plug-in directory), or from --dir')
    .argument('<name>', 'the plug-in name (as `list --installed` shows it)')
    .action(async (name: string, raw: Record<string, unknown>) => {
      const flags = flagValues(UNINSTALL_OPTIONS, raw);
      const dirs = searchedDirs({ dir: flags.dir, wasmedge: flags.dir === undefined ? wasmEdgeOnThisMachine(flags.wasmedge) : undefined });
      const report = await uninstall(name, dirs, flags.timeout);
      if (flags.json) printJson(report);
      else process.stdout.write(`${colour.green('uninstalled')} ${colour.bold(name)}\n${report.removed.map((p) => `  ${colour.dim('removed')}: ${p}\n`).join('')}`);
    });
}
