/** `wasmedge-plugin fuzz [target]`: fuzzes host functions; `--replay FILE` runs a saved finding again. */
import type { Command } from 'commander';
import { relative } from 'node:path';
import { ToolError } from '../tooling/errors.js';
import { fuzzPlugin, type FuzzFunctionResult, type FuzzMode } from '../tooling/fuzz/fuzz.js';
import { describeCall } from '../tooling/fuzz/reproducer.js';
import { killFuzzers } from '../tooling/fuzz/libfuzzer.js';
import { colour, printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { FUZZ_OPTIONS } from '../tooling/options/commands.js';

function count(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ToolError('E_USAGE', `${flag} ${value}: expected a whole number ≥ ${min}`, { hint: `e.g. ${flag} ${Math.max(min, 10)}` });
  return n;
}

function formatResult(r: FuzzFunctionResult): string {
  const runs = r.runs !== undefined ? `${r.runs} inputs, ` : '';
  if (!r.finding) return `${colour.green('✓')} ${r.module}.${r.function}: ${runs}${r.seconds} s, nothing found`;
  const p = r.finding.reproducer;
  const lines = [
    `${colour.red('✗')} ${r.module}.${r.function}: ${p.kind} after ${p.seconds} s — ${p.summary}`,
    `    call:  ${describeCall(p)}`,
    ...p.stack.slice(0, 6).map((f, i) => `    ${i === 0 ? 'stack:' : '      '} ${f}`),
    `    saved: ${relative(process.cwd(), r.finding.file) || r.finding.file}  (replay: wasmedge-plugin fuzz --replay <file>)`,
  ];
  return lines.join('\n');
}

export function register(program: Command): void {
  addOptions(program.command('fuzz'), FUZZ_OPTIONS)
    .description('coverage-guided fuzzing of host functions (libFuzzer + AddressSanitizer; seeded random calls without clang\'s fuzzer runtime); findings go to fuzz/findings/')
    .argument('[target]', 'project directory (rebuilt instrumented into build/fuzz) or plug-in library', '.')
    .action(async (target: string, raw: Record<string, unknown>) => {
      const opts = flagValues(FUZZ_OPTIONS, raw);
      const stop = () => { killFuzzers(); process.exit(130); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Whole seconds (libFuzzer's -timeout); 0 = no limit.
      const timeoutS = opts.timeout === undefined ? 0 : Math.max(1, Math.ceil(opts.timeout / 1000));
      if (opts.replay) {
        const { replayReproducer } = await import('../tooling/fuzz/replay.js');
        const r = await replayReproducer(opts.replay, target, { timeoutS, progress: !opts.json && Boolean(process.stderr.isTTY) });
        if (opts.json) printJson(r);
        else {
          process.stdout.write(`${r.reproduced ? colour.red('reproduced') : colour.green('not reproduced')} (${r.via === 'libfuzzer' ? 'libFuzzer harness' : 'kit runtime, isolated'}): ${r.outcome}\n    call: ${describeCall(r.reproducer)}\n`);
          for (const f of r.stack.slice(0, 8)) process.stdout.write(`    ${f}\n`);
        }
        process.exitCode = r.reproduced ? 1 : 0;
        return;
      }
      const report = await fuzzPlugin(target, {
        function: opts.function, seconds: count('--time', opts.time, 1), runs: count('--runs', opts.runs, 1), seed: count('--seed', opts.seed, 0),
        jobs: count('--jobs', opts.jobs, 1), timeoutS, mode: opts.random ? 'random' as FuzzMode : undefined,
        progress: !opts.json && Boolean(process.stderr.isTTY),
        onFunction: opts.json ? undefined : (r) => { if (!('started' in r)) process.stdout.write(formatResult(r) + '\n'); },
      });
      if (report.note && !opts.json) process.stderr.write(`${colour.yellow('note')}: ${report.note}\n`);
      if (opts.json) printJson(report);
      else process.stdout.write(`${report.ok ? colour.green('no findings') : colour.red(`${report.results.filter((r) => r.finding).length} finding(s)`)} in ${report.results.length} function(s) (${report.mode === 'libfuzzer' ? 'libFuzzer' : 'random mode'}); reproducers in ${relative(process.cwd(), report.findingsDir) || '.'}\n`);
      process.exitCode = report.ok ? 0 : 1;
    });
}
