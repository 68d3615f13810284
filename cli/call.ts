/** `wasmedge-plugin call <plugin> <module>.<function> [args…]`: one host function, called directly. */
import type { Command } from 'commander';
import { callFunction, type CallReport } from '../tooling/engines/call.js';
import { callIsolated } from '../tooling/engines/isolated.js';
import { callWithEngines } from '../tooling/wasmedge/engine-call.js';
import { resolveEngine } from '../tooling/wasmedge/engine-run.js';
import { printJson, formatError } from './output.js';
import { collect, isolationOptions, timeoutMs, type IsolationFlags } from './isolation-flags.js';
import { engineOptions, exitStatusOf, printComparison, type EngineFlags } from './engine-flags.js';

function printCall(results: Array<number | string>, buffers: CallReport['buffers']): void {
  for (const v of results) process.stdout.write(`${v}\n`);
  for (const b of buffers) {
    const extra = b.u32 !== undefined ? ` u32=${b.u32}` : b.u64 !== undefined ? ` u64=${b.u64}` : '';
    const shown = b.text ? JSON.stringify(b.text) : `0x${b.hex.slice(0, 64)}${b.hex.length > 64 ? '…' : ''}`;
    process.stdout.write(`@${b.size} (argument ${b.argument}, address ${b.address}): ${shown}${extra}\n`);
  }
}

export function register(program: Command): void {
  engineOptions(isolationOptions(program.command('call')))
    .description('call one host function of a plug-in directly; @N passes the address of a fresh zeroed N-byte buffer')
    .argument('<plugin>', 'plug-in library (or a directory holding it)')
    .argument('<target>', '<module>.<function>')
    .argument('[args...]', 'arguments: numbers for i32/i64/f32/f64, @N for a buffer pointer')
    .option('--opt <name[=value]>', 'set a program option before the module is created (repeatable)', collect, [])
    .option('--json', 'print one JSON document')
    .allowExcessArguments(false)
    .action(async (pluginPath: string, target: string, args: string[], opts: { opt: string[]; json?: boolean } & IsolationFlags & EngineFlags) => {
      const { engine, install } = resolveEngine(opts);
      if (engine !== 'kit') {
        // WasmEdge cannot call a host function directly: both engines run a generated wrapper module.
        const r = await callWithEngines(pluginPath, target, args, opts.opt, engine, install, timeoutMs(opts));
        if (opts.json) printJson(r);
        if (engine === 'both') process.exitCode = opts.json ? (r.comparison!.same ? 0 : 1) : printComparison(r);
        else {
          const o = r.wasmedgeOutcome!;
          if (!opts.json) {
            if (o.kind === 'results') printCall(o.results ?? [], r.buffers.wasmedge ?? []);
            else if (o.kind !== 'terminated') process.stderr.write(`${o.stderr ?? ''}${formatError(o.kind === 'trap' ? 'E_TRAP' : 'E_WASMEDGE_FAILED', `WasmEdge: ${o.message ?? o.kind}`)}\n`);
          }
          process.exitCode = exitStatusOf(o);
        }
        return;
      }
      const r = opts.isolate === false ? callFunction(pluginPath, target, args, opts.opt) : await callIsolated(pluginPath, target, args, opts.opt, timeoutMs(opts));
      if (opts.json) printJson(r);
      else printCall(r.results, r.buffers);
    });
}
