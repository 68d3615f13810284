/** `wasmedge-plugin add function <name> [dir]`: adds a host function to a generated project. */
import type { Command } from 'commander';
import { colour, printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { ADD_FUNCTION_OPTIONS, FUNCTION_GENERATOR_OPTIONS } from '../tooling/options/commands.js';

export function register(program: Command): void {
  const add = program.command('add').description('add code to a project made by `wasmedge-plugin new`');
  addOptions(add.command('function'), ADD_FUNCTION_OPTIONS)
    .description('add a host function skeleton, its registration and a test/<name>.wat stub (C, C++ or Rust)')
    .argument('<name>', FUNCTION_GENERATOR_OPTIONS.name.description)
    .argument('[dir]', 'project directory', '.')
    .action(async (name: string, dir: string, raw: Record<string, unknown>) => {
      const flags = flagValues(ADD_FUNCTION_OPTIONS, raw);
      // yeoman: loaded only when the command runs
      const { addFunction } = await import('../generators/function/index.js');
      const result = await addFunction({ dir, name, params: flags.params, results: flags.results, description: flags.description });
      if (flags.json) {
        printJson(result);
        return;
      }
      const s = result.signature;
      process.stdout.write(
        `${colour.green('added')} ${s.name}(${s.params.join(', ')})${s.results.length ? ` -> ${s.results.join(', ')}` : ''} to ${result.dir} (${result.language})\n` +
          result.files.map((f) => `  ${f}\n`).join('') +
          `\nnext: implement host_${s.name}, then\n  wasmedge-plugin build ${dir}\n  wasmedge-plugin test ${dir}\n`,
      );
    });
}
