/**
 * The one status block `dev` prints per cycle: when and what changed, the build (time or its
 * error), the test verdict with the first failure in full, or the program's output.
 */
import type { TestReport } from '../check/test-runner.js';
import type { Finding } from '../check/conformance.js';

export interface CycleOutcome {
  changed: string[];
  build: { ok: boolean; seconds: number; error?: string; killed?: string };
  test?: { report?: TestReport; seconds: number; error?: string; killed?: string };
  run?: { file: string; code: number | null; output: string; seconds: number; killed?: string };
}

export interface Paint { green(s: string): string; red(s: string): string; yellow(s: string): string; dim(s: string): string; bold(s: string): string }

function firstFailure(findings: Finding[]): Finding | undefined {
  return findings.find((f) => f.status === 'fail');
}

const indent = (text: string, by = '    ') => text.split('\n').map((l) => by + l).join('\n');

export function formatCycle(c: CycleOutcome, p: Paint, now = new Date()): string {
  const time = now.toTimeString().slice(0, 8);
  const what = c.changed.length === 0 ? 'start' : c.changed.length <= 3 ? c.changed.join(', ') : `${c.changed.slice(0, 3).join(', ')} and ${c.changed.length - 3} more`;
  const lines = [p.dim(`── ${time} · ${what} ${'─'.repeat(Math.max(3, 60 - what.length))}`)];
  if (!c.build.ok) {
    lines.push(`build  ${p.red('FAILED')} after ${c.build.seconds} s${c.build.killed === 'timeout' ? ' (killed: no end in sight)' : ''}`);
    if (c.build.error) lines.push(indent(c.build.error.trim().split('\n').slice(0, 30).join('\n')));
  } else {
    lines.push(`build  ${p.green('ok')} ${c.build.seconds} s`);
  }
  if (c.test) {
    const r = c.test.report;
    if (r) {
      const s = r.summary;
      const verdict = r.ok ? p.green(p.bold('PASS')) : p.red(p.bold('FAIL'));
      lines.push(`test   ${verdict} ${s.pass} passed, ${s.fail} failed${s.warn ? `, ${s.warn} warning(s)` : ''} (${c.test.seconds} s)`);
      const f = firstFailure(r.findings);
      if (f) lines.push(indent(`${p.red('✗')} ${f.check}: ${f.message}${f.hint ? `\n  hint: ${f.hint}` : ''}`));
    } else {
      lines.push(`test   ${p.red(p.bold('ERROR'))} (${c.test.seconds} s)${c.test.killed === 'timeout' ? ' killed: it hung' : ''}`);
      if (c.test.error) lines.push(indent(c.test.error.trim().split('\n').slice(0, 20).join('\n')));
    }
  }
  if (c.run) {
    const ok = c.run.code === 0;
    lines.push(`run    ${ok ? p.green('exit 0') : p.red(c.run.killed === 'timeout' ? 'killed: it hung' : `exit ${c.run.code ?? 'signal'}`)} ${c.run.file} (${c.run.seconds} s)`);
    if (c.run.output.trim()) lines.push(indent(c.run.output.trim().split('\n').slice(-20).join('\n')));
  }
  return lines.join('\n');
}
