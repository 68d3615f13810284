/** `wasmedge-plugin install <package|project|library>`: checks, then copies the plug-in where WasmEdge loads it. */
import type { Command } from 'commander';
import { install, type InstallReport } from '../tooling/ship/install.js';
import { colour, formatWarning, printJson } from './output.js';
import { DEFAULT_TIMEOUT_S, timeoutMs } from './isolation-flags.js';

function printReport(r: InstallReport): void {
  const out = [
    `${colour.green(r.unchanged ? 'already installed' : 'installed')} ${colour.bold(r.name)} ${r.version} (API ${r.apiVersion}) → ${r.library}`,
    `  ${colour.dim('directory')}: ${r.dir} — ${r.reason}`,
  ];
  for (const p of r.replaced) out.push(`  ${colour.dim('replaced')}: ${p}`);
  if (r.wasmedge?.lists) out.push(`  ${colour.dim('checked')}: WasmEdge ${r.wasmedge.version} lists it: ${r.wasmedge.detail}`);
  if (!r.reason.startsWith('the plug-in directory of WasmEdge')) out.push(`  ${colour.dim('run with')}: WASMEDGE_PLUGIN_PATH=${r.dir} wasmedge <program.wasm>`);
  process.stdout.write(out.join('\n') + '\n');
  for (const n of r.notes) process.stderr.write(formatWarning('W_NOT_CHECKED', n) + '\n');
  if (r.wasmedge && !r.wasmedge.lists) process.stderr.write(formatWarning('W_NOT_LISTED', r.wasmedge.detail, `Run \`WASMEDGE_PLUGIN_PATH=${r.dir} wasmedge --version\` to see what it loads.`) + '\n');
}

export function register(program: Command): void {
  program
    .command('install')
    .description('install a plug-in where WasmEdge loads it: --to, else the first WASMEDGE_PLUGIN_PATH directory, else the plug-in directory of the WasmEdge found here')
    .argument('<source>', 'a package (.tar.gz from `package`), a project directory (built in Release) or a plug-in library')
    .option('--to <dir>', 'install into this directory')
    .option('--force', 'replace a plug-in of the same name (or files of the same name) in the target directory')
    .option('--wasmedge <path>', 'the WasmEdge to check against (binary or install prefix; default: the one found on PATH or in ~/.wasmedge)')
    .option('--timeout <seconds>', `limit for loading a library to read it (default: ${DEFAULT_TIMEOUT_S})`)
    .option('--json', 'print the report as JSON')
    .action(async (source: string, flags: { to?: string; force?: boolean; wasmedge?: string; timeout?: string; json?: boolean }) => {
      const report = await install(source, { to: flags.to, force: flags.force, wasmedge: flags.wasmedge, timeoutMs: timeoutMs(flags), progress: !flags.json && Boolean(process.stderr.isTTY) });
      if (flags.json) printJson(report);
      else printReport(report);
    });
}
