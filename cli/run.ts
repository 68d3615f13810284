/** `wasmedge-plugin run <file.wasm|.wat> --plugin <path>…`: runs wasm with plug-in modules importable. */
import type { Command } from 'commander';
import { runFile } from '../tooling/engines/run.js';
import { runIsolatedFile } from '../tooling/engines/isolated.js';
import { printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { RUN_OPTIONS } from '../tooling/options/commands.js';

export function register(program: Command): void {
  addOptions(program.command('run'), RUN_OPTIONS)
    .description('run a wasm program (_start under WASI, or --invoke an export) whose imports resolve to plug-in modules')
    .argument('<file>', '.wasm or .wat file')
    .argument('[args...]', 'guest arguments (for _start) or the export\'s arguments (with --invoke); put them after --')
    .action(async (file: string, args: string[], raw: Record<string, unknown>) => {
      const opts = flagValues(RUN_OPTIONS, raw);
      const r = opts.isolate ? await runIsolatedFile(file, args, opts, opts.timeout) : await runFile(file, args, opts);
      if (opts.json) printJson(r.results ? { results: r.results } : { exitCode: r.exitCode });
      else if (r.results) for (const v of r.results) process.stdout.write(`${v}\n`);
      process.exitCode = r.exitCode;
    });
}
