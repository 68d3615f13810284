/** `wasmedge-plugin templates lint [dir]`: every problem of a pack, with its file. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { colour, printJson } from '../output.js';
import { addOptions, flagValues } from '../flags.js';
import { TEMPLATES_LINT_OPTIONS } from '../../tooling/options/commands.js';
import { formatLintFinding } from './format.js';

export function register(templates: Command): void {
  addOptions(templates.command('lint'), TEMPLATES_LINT_OPTIONS)
    .description('check a pack: manifest, kit range, every template, undeclared variables, unsafe or colliding files')
    .argument('[dir]', 'pack directory', '.')
    .action(async (dir: string, raw: Record<string, unknown>) => {
      const flags = flagValues(TEMPLATES_LINT_OPTIONS, raw);
      const { lintPack } = await import('../../tooling/packs/lint.js');
      const report = lintPack(resolve(dir));
      if (flags.json) printJson({ root: report.root, ok: report.ok, findings: report.findings });
      else {
        for (const f of report.findings) process.stdout.write(formatLintFinding(f) + '\n');
        const errors = report.findings.filter((f) => f.severity === 'error').length;
        process.stdout.write(`${report.ok ? colour.green('ok') : colour.red('FAIL')} ${report.root}: ${errors} error(s), ${report.findings.length - errors} warning(s)\n`);
      }
      process.exitCode = report.ok ? 0 : 1;
    });
}
