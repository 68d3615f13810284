/** `wasmedge-plugin templates pack [dir]`: lint + test, then `npm pack`. */
import type { Command } from 'commander';
import { printJson } from '../output.js';
import { addOptions, flagValues } from '../flags.js';
import { TEMPLATES_PACK_OPTIONS } from '../../tooling/options/commands.js';
import { formatResult } from './format.js';

export function register(templates: Command): void {
  addOptions(templates.command('pack'), TEMPLATES_PACK_OPTIONS)
    .description('lint + test, then `npm pack`: prints the tarball path (publish it with `npm publish <tarball>`)')
    .argument('[dir]', 'pack directory', '.')
    .action(async (dir: string, raw: Record<string, unknown>) => {
      const flags = flagValues(TEMPLATES_PACK_OPTIONS, raw);
      const { packPack } = await import('../../tooling/packs/test.js');
      const { renderPackSample } = await import('../../generators/new-project.js');
      const result = await packPack(dir, { render: renderPackSample, destination: flags.destination, onResult: flags.json ? undefined : (r) => process.stderr.write(formatResult(r) + '\n') });
      if (flags.json) printJson(result);
      else process.stdout.write(`${result.tarball}\n`);
    });
}
