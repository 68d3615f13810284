/** `wasmedge-plugin call <plugin> <module>.<function> [args…]`: one host function, called directly. */
import type { Command } from 'commander';
import { callFunction } from '../tooling/engines/call.js';
import { callIsolated } from '../tooling/engines/isolated.js';
import { printJson } from './output.js';
import { collect, isolationOptions, timeoutMs, type IsolationFlags } from './isolation-flags.js';

export function register(program: Command): void {
  isolationOptions(program.command('call'))
    .description('call one host function of a plug-in directly; @N passes the address of a fresh zeroed N-byte buffer')
    .argument('<plugin>', 'plug-in library (or a directory holding it)')
    .argument('<target>', '<module>.<function>')
    .argument('[args...]', 'arguments: numbers for i32/i64/f32/f64, @N for a buffer pointer')
    .option('--opt <name[=value]>', 'set a program option before the module is created (repeatable)', collect, [])
    .option('--json', 'print one JSON document')
    .allowExcessArguments(false)
    .action(async (pluginPath: string, target: string, args: string[], opts: { opt: string[]; json?: boolean } & IsolationFlags) => {
      const r = opts.isolate === false ? callFunction(pluginPath, target, args, opts.opt) : await callIsolated(pluginPath, target, args, opts.opt, timeoutMs(opts));
      if (opts.json) printJson(r);
      else {
        for (const v of r.results) process.stdout.write(`${v}\n`);
        for (const b of r.buffers) {
          const extra = b.u32 !== undefined ? ` u32=${b.u32}` : b.u64 !== undefined ? ` u64=${b.u64}` : '';
          const shown = b.text ? JSON.stringify(b.text) : `0x${b.hex.slice(0, 64)}${b.hex.length > 64 ? '…' : ''}`;
          process.stdout.write(`@${b.size} (argument ${b.argument}, address ${b.address}): ${shown}${extra}\n`);
        }
      }
    });
}
