/** `wasmedge-plugin run <file.wasm|.wat> --plugin <path>…`: runs wasm with plug-in modules importable. */
import type { Command } from 'commander';
import { runFile, type RunCommandOptions } from '../tooling/engines/run.js';
import { runIsolatedFile } from '../tooling/engines/isolated.js';
import { resolveEngine, runWithEngines } from '../tooling/wasmedge/engine-run.js';
import { printJson } from './output.js';
import { collect, isolationOptions, timeoutMs, type IsolationFlags } from './isolation-flags.js';
import { engineOptions, exitStatusOf, printComparison, printWasmEdgeOutcome, type EngineFlags } from './engine-flags.js';

export function register(program: Command): void {
  // No default timeout: a guest program may legitimately run for a long time.
  engineOptions(isolationOptions(program.command('run'), undefined))
    .description('run a wasm program (_start under WASI, or --invoke an export) whose imports resolve to plug-in modules')
    .argument('<file>', '.wasm or .wat file')
    .argument('[args...]', 'guest arguments (for _start) or the export\'s arguments (with --invoke); put them after --')
    .option('--plugin <path>', 'plug-in library or directory to load (repeatable; default: WASMEDGE_PLUGIN_PATH, then the WasmEdge install directory)', collect, [])
    .option('--invoke <name>', 'call this export instead of _start and print its results')
    .option('--opt <name[=value]>', 'set a plug-in program option, [plugin:]name[=value] (repeatable)', collect, [])
    .option('--env <KEY=VALUE>', 'environment variable for the guest (repeatable)', collect, [])
    .option('--dir <HOST[:GUEST]>', 'pre-open a host directory for the guest (repeatable)', collect, [])
    .option('--json', 'print one JSON document ({"results": [...]} or {"exitCode": N}; with --engine both: both outcomes)')
    .action(async (file: string, args: string[], opts: RunCommandOptions & IsolationFlags & EngineFlags) => {
      const { engine, install } = resolveEngine(opts);
      if (engine !== 'kit') {
        const r = await runWithEngines(file, args, opts, engine, install, timeoutMs(opts, undefined));
        if (opts.json) printJson(r);
        process.exitCode = engine === 'both'
          ? (opts.json ? (r.comparison!.same ? 0 : 1) : printComparison(r))
          : (opts.json ? exitStatusOf(r.wasmedgeOutcome!) : printWasmEdgeOutcome(r.wasmedgeOutcome!));
        return;
      }
      const r = opts.isolate === false ? await runFile(file, args, opts) : await runIsolatedFile(file, args, opts, timeoutMs(opts, undefined));
      if (opts.json) printJson(r.results ? { results: r.results, ...(r.terminated ? { terminated: true } : {}) } : { exitCode: r.exitCode });
      else if (r.results) for (const v of r.results) process.stdout.write(`${v}\n`);
      process.exitCode = r.exitCode;
    });
}
