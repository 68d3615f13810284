/** `wasmedge-plugin install <package|project|library>`: checks, then copies the plug-in where WasmEdge loads it. */
import type { Command } from 'commander';
import { install, type InstallReport } from '../tooling/ship/install.js';
import { colour, formatWarning, printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { INSTALL_OPTIONS } from '../tooling/options/commands.js';

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
  addOptions(program.command('install'), INSTALL_OPTIONS)
    .description('install a plug-in where WasmEdge loads it: --to, else the first WASMEDGE_PLUGIN_PATH directory, else the plug-in directory of the WasmEdge found here')
    .argument('<source>', 'a package (.tar.gz from `package`), a project directory (built in Release) or a plug-in library')
    .action(async (source: string, raw: Record<string, unknown>) => {
      const flags = flagValues(INSTALL_OPTIONS, raw);
      const report = await install(source, { to: flags.to, force: flags.force, wasmedge: flags.wasmedge, timeoutMs: flags.timeout, progress: !flags.json && Boolean(process.stderr.isTTY) });
      if (flags.json) printJson(report);
      else printReport(report);
    });
}
