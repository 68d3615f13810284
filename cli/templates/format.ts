/** How the templates commands print lint findings and per-language test results. */
import { colour } from '../output.js';
import type { LintFinding } from '../../tooling/packs/lint.js';
import type { LanguageResult } from '../../tooling/packs/test.js';

export function formatLintFinding(f: LintFinding): string {
  const where = `${f.file}${f.line ? `:${f.line}` : ''}`;
  const head = f.severity === 'error' ? colour.red('error') : colour.yellow('warning');
  return `${head} ${where}: ${f.message}${f.hint ? `\n  ${colour.cyan('hint')}: ${f.hint}` : ''}`;
}

export function formatResult(r: LanguageResult): string {
  if (r.ok) return `${colour.green('✓')} ${r.language}: rendered, built, ${r.summary!.pass} checks passed`;
  const lines = [`${colour.red('✗')} ${r.language}: failed at ${r.stage} (project kept in ${r.dir})`];
  if (r.error) lines.push(`  error[${r.error.code}]: ${r.error.message}`);
  for (const f of r.failures) lines.push(`  ✗ ${f.message}`);
  return lines.join('\n');
}
