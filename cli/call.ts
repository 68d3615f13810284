/** `wasmedge-plugin call <plugin> <module>.<function> [args…]`: one host function, called directly. */
import type { Command } from 'commander';
import { callFunction, type CallReport } from '../tooling/engines/call.js';
import { callIsolated } from '../tooling/engines/isolated.js';
import { printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { CALL_OPTIONS } from '../tooling/options/commands.js';

const SHOWN_BYTES = 32;

/** A buffer as what it holds: its bytes (in memory order), then what they decode to, each on its own line. */
export function formatBuffer(b: CallReport['buffers'][number]): string {
  const bytes = (b.hex.match(/../g) ?? []).slice(0, SHOWN_BYTES).join(' ');
  const more = b.size > SHOWN_BYTES ? ` … (${b.size} bytes, first ${SHOWN_BYTES} shown)` : '';
  const lines = [`@${b.size} (argument ${b.argument}, address ${b.address}):`];
  if (b.text) lines.push(`  text: ${JSON.stringify(b.text)}`);
  lines.push(`  bytes: ${bytes}${more}`);
  if (b.u32 !== undefined) lines.push(`  as u32 (little-endian): ${b.u32}`);
  if (b.u64 !== undefined) lines.push(`  as u64 (little-endian): ${b.u64}`);
  return lines.join('\n') + '\n';
}

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
        for (const b of r.buffers) process.stdout.write(formatBuffer(b));
      }
    });
}
