/** `wasmedge-plugin templates pack [dir]`: lint + test, then `npm pack`. */
import type { Command } from 'commander';
import { printJson } from '../output.js';
import { formatResult } from './format.js';

export function register(templates: Command): void {
  templates
    .command('pack')
    .description('lint + test, then `npm pack`: prints the tarball path (publish it with `npm publish <tarball>`)')
    .argument('[dir]', 'pack directory', '.')
    .option('--destination <dir>', 'where to write the tarball (default: the pack directory)')
    .option('--json', 'print { tarball, test } as JSON')
    .action(async (dir: string, flags: { destination?: string; json?: boolean }) => {
      const { packPack } = await import('../../tooling/packs/test.js');
      const { renderPackSample } = await import('../../generators/new-project.js');
      const result = await packPack(dir, { render: renderPackSample, destination: flags.destination, onResult: flags.json ? undefined : (r) => process.stderr.write(formatResult(r) + '\n') });
      if (flags.json) printJson(result);
      else process.stdout.write(`${result.tarball}\n`);
    });
}
