/** `wasmedge-plugin templates test [dir]`: render, build and test each language of a pack. */
import type { Command } from 'commander';
import { colour, printJson } from '../output.js';
import { addOptions, flagValues } from '../flags.js';
import { TEMPLATES_TEST_OPTIONS } from '../../tooling/options/commands.js';
import { formatResult } from './format.js';

export function register(templates: Command): void {
  addOptions(templates.command('test'), TEMPLATES_TEST_OPTIONS)
    .description('render the pack for each language it claims (sample answers), build it and run `wasmedge-plugin test` on it')
    .argument('[dir]', 'pack directory', '.')
    .action(async (dir: string, raw: Record<string, unknown>) => {
      const flags = flagValues(TEMPLATES_TEST_OPTIONS, raw);
      const { testPack } = await import('../../tooling/packs/test.js');
      const { renderPackSample } = await import('../../generators/new-project.js');
      const report = await testPack(dir, { render: renderPackSample, languages: flags.lang?.split(','), onResult: flags.json ? undefined : (r) => process.stdout.write(formatResult(r) + '\n') });
      if (flags.json) printJson(report);
      else process.stdout.write(`${report.ok ? colour.green('PASS') : colour.red('FAIL')} ${report.root}\n`);
      process.exitCode = report.ok ? 0 : 1;
    });
}
