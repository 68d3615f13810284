/** `wasmedge-plugin call <plugin> <module>.<function> [args…]`: one host function, called directly. */
import type { Command } from 'commander';
import { callFunction } from '../tooling/engines/call.js';
import { callIsolated } from '../tooling/engines/isolated.js';
import { printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { CALL_OPTIONS } from '../tooling/options/commands.js';

export function register(program: Command): void {
  addOptions(program.command('call'), CALL_OPTIONS)
    .description('call one host function of a plug-in directly; @N passes the address of a fresh zeroed N-byte buffer')
    .argument('<plugin>', 'plug-in library (or a directory holding it)')
    .argument('<target>', '<module>.<function>')
    .argument('[args...]', 'arguments: numbers for i32/i64/f32/f64, @N for a buffer pointer')
    .allowExcessArguments(false)
    .action(async (pluginPath: string, target: string, args: string[], raw: Record<string, unknown>) => {
      const opts = flagValues(CALL_OPTIONS, raw);
      const r = opts.isolate ? await callIsolated(pluginPath, target, args, opts.opt, opts.timeout) : callFunction(pluginPath, target, args, opts.opt);
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
