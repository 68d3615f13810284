/** `wasmedge-plugin test [dir|library]`: conformance checks, host-function calls and .wat expectations. */
import type { Command } from 'commander';
import type { Finding } from '../tooling/check/conformance.js';
import { testPlugin, type TestReport } from '../tooling/check/test-runner.js';
import { addOptions, flagValues } from './flags.js';
import { TEST_OPTIONS } from '../tooling/options/commands.js';
import { colour, printJson } from './output.js';
import type { Sanitizer } from '../tooling/sanitizer.js';

// Printed on stdout: `colour` is decided for stdout (terminal, NO_COLOR, FORCE_COLOR).
const out = colour;

const MARK: Record<Finding['status'], string> = { pass: out.green('✓'), fail: out.red('✗'), warn: out.yellow('!'), skip: out.dim('-') };

export function formatFinding(f: Finding): string {
  const lines = [`${MARK[f.status]} ${out.dim(f.check.padEnd(15))} ${f.message.split('\n').join('\n' + ' '.repeat(18))}${f.code && f.status === 'fail' ? ` ${out.dim(`[${f.code}]`)}` : ''}`];
  if (f.hint && f.status !== 'pass') lines.push(`${' '.repeat(18)}${out.cyan('hint')}: ${f.hint}`);
  return lines.join('\n');
}

export function formatSummary(r: TestReport): string {
  const s = r.summary;
  const verdict = r.ok ? out.green(out.bold('PASS')) : out.red(out.bold('FAIL'));
  return `${verdict} ${r.library}${r.sanitize ? ' (AddressSanitizer)' : ''}: ${s.pass} passed, ${s.fail} failed, ${s.warn} warning(s)${s.skip ? `, ${s.skip} skipped` : ''}`;
}

export function register(program: Command): void {
  addOptions(program.command('test'), TEST_OPTIONS)
    .description('check a plug-in against the ABI rules, call each host function with generated arguments in a child process, and run the project\'s test/*.wat expectations')
    .argument('[target]', 'project directory (built first) or plug-in library', '.')
    .action(async (target: string, raw: Record<string, unknown>) => {
      const opts = flagValues(TEST_OPTIONS, raw);
      const report = await testPlugin(target, {
        timeoutMs: opts.timeout ?? 0, // 0: no limit (undefined would mean the default)
        sanitize: opts.sanitize as Sanitizer | undefined,
        wat: opts.wat,
        progress: !opts.json && Boolean(process.stderr.isTTY),
        onFinding: opts.json ? undefined : (f) => process.stdout.write(formatFinding(f) + '\n'),
      });
      if (opts.json) printJson(report);
      else process.stdout.write(formatSummary(report) + '\n');
      process.exitCode = report.ok ? 0 : 1;
    });
}
