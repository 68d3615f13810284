/** `wasmedge-plugin test [dir|library]`: conformance checks, host-function calls and .wat expectations. */
import type { Command } from 'commander';
import type { Finding } from '../tooling/check/conformance.js';
import { testPlugin, type TestReport } from '../tooling/check/test-runner.js';
import { timeoutMs } from './isolation-flags.js';
import { collect } from './isolation-flags.js';
import { colour, printJson } from './output.js';
import { ToolError } from '../tooling/errors.js';
import { resolveEngine } from '../tooling/wasmedge/engine-run.js';
import { engineOptions, type EngineFlags } from './engine-flags.js';

// Findings go to stdout: colour when stdout is a terminal.
const out = colour.isColorSupported && process.stdout.isTTY ? colour : { ...colour, green: String, red: String, yellow: String, dim: String, bold: String, cyan: String };

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
  engineOptions(program.command('test'), 'kit|wasmedge|both; wasmedge|both add a wasmedge-load check and evaluate the .wat expectations in real WasmEdge')
    .description('check a plug-in against the ABI rules, call each host function with generated arguments in a child process, and run the project\'s test/*.wat expectations')
    .argument('[target]', 'project directory (built first) or plug-in library', '.')
    .option('--json', 'print one JSON document { target, library, ok, summary, findings }')
    .option('--timeout <seconds>', 'kill a check that makes no progress for this long (default: 10)')
    .option('--wat <file>', 'also check the expectations of this .wat file (repeatable)', collect, [])
    .option('--sanitize <kind>', 'build with AddressSanitizer and run the plug-in under it (kind: address)')
    .action(async (target: string, opts: { json?: boolean; timeout?: string; sanitize?: string; wat: string[] } & EngineFlags) => {
      const { engine, install } = resolveEngine(opts);
      if (opts.sanitize !== undefined && opts.sanitize !== 'address') {
        throw new ToolError('E_USAGE', `--sanitize ${opts.sanitize}: unknown sanitizer`, { hint: 'the supported value is: address' });
      }
      const report = await testPlugin(target, {
        timeoutMs: timeoutMs(opts, 10),
        sanitize: opts.sanitize as 'address' | undefined,
        wat: opts.wat,
        engine,
        wasmedge: install,
        progress: !opts.json && Boolean(process.stderr.isTTY),
        onFinding: opts.json ? undefined : (f) => process.stdout.write(formatFinding(f) + '\n'),
      });
      if (opts.json) printJson(report);
      else process.stdout.write(formatSummary(report) + '\n');
      process.exitCode = report.ok ? 0 : 1;
    });
}
