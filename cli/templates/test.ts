/** `wasmedge-plugin templates test [dir]`: render, build and test each language of a pack. */
import type { Command } from 'commander';
import { colour, printJson } from '../output.js';
import { formatResult } from './format.js';

export function register(templates: Command): void {
  templates
    .command('test')
    .description('render the pack for each language it claims (sample answers), build it and run `wasmedge-plugin test` on it')
    .argument('[dir]', 'pack directory', '.')
    .option('--lang <list>', 'only these languages (comma-separated)')
    .option('--json', 'print { root, ok, results } as JSON')
    .action(async (dir: string, flags: { lang?: string; json?: boolean }) => {
      const { testPack } = await import('../../tooling/packs/test.js');
      const { renderPackSample } = await import('../../generators/new-project.js');
      const report = await testPack(dir, { render: renderPackSample, languages: flags.lang?.split(','), onResult: flags.json ? undefined : (r) => process.stdout.write(formatResult(r) + '\n') });
      if (flags.json) printJson(report);
      else process.stdout.write(`${report.ok ? colour.green('PASS') : colour.red('FAIL')} ${report.root}\n`);
      process.exitCode = report.ok ? 0 : 1;
    });
}
