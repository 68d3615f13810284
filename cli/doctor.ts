/** `wasmedge-plugin doctor`: node, compilers, cmake, cargo, the shim, search paths; how to fix what is missing. */
import type { Command } from 'commander';
import { diagnose, type DoctorReport } from '../tooling/doctor.js';
import { colour, printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { DOCTOR_OPTIONS } from '../tooling/options/commands.js';

// Printed on stdout: `colour` is decided for stdout (terminal, NO_COLOR, FORCE_COLOR).
const out = colour;

export function formatDoctor(r: DoctorReport): string {
  const lines: string[] = [];
  for (const c of r.checks) {
    const mark = c.status === 'ok' ? out.green('✓') : c.status === 'missing' ? out.red('✗') : out.yellow('!');
    lines.push(`${mark} ${c.name.padEnd(9)} ${c.detail}${c.status === 'ok' ? '' : out.dim(`  (needed for ${c.neededFor})`)}`);
    if (c.fix) lines.push(`  ${' '.repeat(9)}${out.cyan('fix')}: ${c.fix}`);
  }
  lines.push('', out.bold('plug-in search paths') + out.dim(' (WASMEDGE_PLUGIN_PATH, then the WasmEdge installation)'));
  if (r.searchPaths.length === 0) lines.push(`  ${out.dim('none: WASMEDGE_PLUGIN_PATH is empty and no WasmEdge installation was found')}`);
  for (const p of r.searchPaths) {
    const what = !p.exists ? out.dim('does not exist') : p.plugins.length ? `${p.plugins.length} plug-in file(s)` : out.dim('no plug-in files');
    lines.push(`  ${p.path}  ${what}`);
    for (const f of p.plugins) lines.push(`    ${f}`);
  }
  if (r.searchPaths.some((p) => p.plugins.length)) lines.push(out.dim('  (`wasmedge-plugin inspect` loads them and reports problems)'));
  lines.push('', r.ok ? out.green('ready') : out.red('not ready: fix the items marked ✗'));
  return lines.join('\n');
}

export function register(program: Command): void {
  addOptions(program.command('doctor'), DOCTOR_OPTIONS)
    .description('check the machine: node, compilers, cmake, cargo, the host shim, plug-in search paths, a real wasmedge')
    .action((raw: Record<string, unknown>) => {
      const opts = flagValues(DOCTOR_OPTIONS, raw);
      const report = diagnose();
      if (opts.json) printJson(report);
      else process.stdout.write(formatDoctor(report) + '\n');
      process.exitCode = report.ok ? 0 : 1;
    });
}
