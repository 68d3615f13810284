/** `wasmedge-plugin templates list`: the built-in pack and the installed ones. */
import type { Command } from 'commander';
import { colour, printJson } from '../output.js';
import { addOptions, flagValues } from '../flags.js';
import { TEMPLATES_LIST_OPTIONS } from '../../tooling/options/commands.js';

export function register(templates: Command): void {
  addOptions(templates.command('list'), TEMPLATES_LIST_OPTIONS)
    .description('list the built-in pack and installed packs (wasmedge-plugin-template-* in node_modules of this directory and its parents, and the global one)')
    .action(async (raw: Record<string, unknown>) => {
      const flags = flagValues(TEMPLATES_LIST_OPTIONS, raw);
      const { listPacks } = await import('../../tooling/packs/manifest.js');
      const packs = listPacks();
      if (flags.json) return printJson({ packs });
      for (const p of packs) {
        const status = p.problem ? colour.red(` invalid: ${p.problem}`) : p.compatible ? '' : colour.yellow(` (kit ${p.kit}: not for this kit version)`);
        process.stdout.write(`${p.name.padEnd(20)} ${(p.version ?? '?').padEnd(9)} ${p.source.padEnd(9)} ${(p.languages ?? []).join(',').padEnd(11)} ${p.packageName ?? ''}${status}\n    ${colour.dim(p.path)}\n`);
      }
    });
}
