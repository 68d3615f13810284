/** `wasmedge-plugin uninstall <name>`: removes a plug-in (and the package files beside it) from the plug-in directories. */
import type { Command } from 'commander';
import { uninstall } from '../tooling/ship/installed.js';
import { searchedDirs, wasmEdgeOnThisMachine } from '../tooling/ship/plugin-dirs.js';
import { colour, printJson } from './output.js';
import { DEFAULT_TIMEOUT_S, timeoutMs } from './isolation-flags.js';

export function register(program: Command): void {
  program
    .command('uninstall')
    .description('remove a plug-in by name from every directory WasmEdge searches (WASMEDGE_PLUGIN_PATH, the found WasmEdge\'s plug-in directory), or from --dir')
    .argument('<name>', 'the plug-in name (as `list --installed` shows it)')
    .option('--dir <dir>', 'only this plug-in directory')
    .option('--wasmedge <path>', 'the WasmEdge whose plug-in directory to search (binary or install prefix)')
    .option('--timeout <seconds>', `limit for loading the installed libraries to read them (default: ${DEFAULT_TIMEOUT_S})`)
    .option('--json', 'print { name, removed } as JSON')
    .action(async (name: string, flags: { dir?: string; wasmedge?: string; timeout?: string; json?: boolean }) => {
      const dirs = searchedDirs({ dir: flags.dir, wasmedge: flags.dir === undefined ? wasmEdgeOnThisMachine(flags.wasmedge) : undefined });
      const report = await uninstall(name, dirs, timeoutMs(flags));
      if (flags.json) printJson(report);
      else process.stdout.write(`${colour.green('uninstalled')} ${colour.bold(name)}\n${report.removed.map((p) => `  ${colour.dim('removed')}: ${p}\n`).join('')}`);
    });
}
