/** `wasmedge-plugin add function <name> [dir]`: adds a host function to a generated project. */
import type { Command } from 'commander';
import { colour, printJson } from './output.js';

export function register(program: Command): void {
  const add = program.command('add').description('add code to a project made by `wasmedge-plugin new`');
  add
    .command('function')
    .description('add a host function skeleton, its registration and a test/<name>.wat stub (C, C++ or Rust)')
    .argument('<name>', 'host function name (what wasm code imports)')
    .argument('[dir]', 'project directory', '.')
    .option('--params <list>', 'parameters, comma-separated, as name:type or type (i32, i64, f32, f64), e.g. a:i32,b:i32', '')
    .option('--results <types>', 'result types, comma-separated: i32, i64, f32, f64', '')
    .option('--description <text>', 'one line recorded in wasmedge-plugin.json (shown in the bindings)')
    .option('--json', 'print { dir, language, files, signature } as JSON')
    .action(async (name: string, dir: string, flags: { params: string; results: string; description?: string; json?: boolean }) => {
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
