/** `wasmedge-plugin run <file.wasm|.wat> --plugin <path>…`: runs wasm with plug-in modules importable. */
import type { Command } from 'commander';
import { runFile } from '../tooling/engines/run.js';
import { runIsolatedFile } from '../tooling/engines/isolated.js';
import { resolveEngine, runWithEngines } from '../tooling/wasmedge/engine-run.js';
import { printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { RUN_OPTIONS } from '../tooling/options/commands.js';
import { exitStatusOf, printComparison, printWasmEdgeOutcome } from './engine-report.js';

export function register(program: Command): void {
  addOptions(program.command('run'), RUN_OPTIONS)
    .description('run a wasm program (_start under WASI, or --invoke an export) whose imports resolve to plug-in modules')
    .argument('<file>', '.wasm or .wat file')
    .argument('[args...]', 'guest arguments (for _start) or the export\'s arguments (with --invoke); put them after --')
    .action(async (file: string, args: string[], raw: Record<string, unknown>) => {
      const opts = flagValues(RUN_OPTIONS, raw);
      const { engine, install } = resolveEngine(opts);
      if (engine !== 'kit') {
        const r = await runWithEngines(file, args, opts, engine, install, opts.timeout, true);
        if (opts.json) printJson(r);
        process.exitCode = engine === 'both'
          ? (opts.json ? (r.comparison!.same ? 0 : 1) : printComparison(r))
          : (opts.json ? exitStatusOf(r.wasmedgeOutcome!) : printWasmEdgeOutcome(r.wasmedgeOutcome!));
        return;
      }
      const r = opts.isolate ? await runIsolatedFile(file, args, opts, opts.timeout) : await runFile(file, args, opts);
      if (opts.json) printJson(r.results ? { results: r.results, ...(r.terminated ? { terminated: true } : {}) } : { exitCode: r.exitCode });
      else if (r.results) for (const v of r.results) process.stdout.write(`${v}\n`);
      process.exitCode = r.exitCode;
    });
}
