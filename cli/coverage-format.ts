/** The coverage block `test --coverage` prints: one row per source file, then the biggest gaps. */
import { relative } from 'node:path';
import type { CoverageSummary, Ratio } from '../tooling/coverage/report.js';

type Paint = Record<'green' | 'yellow' | 'red' | 'dim' | 'bold', (s: string) => string>;

export function formatCoverage(c: CoverageSummary, out: Paint): string {
  const pct = (r: Ratio, pad = 0) => {
    const text = `${r.percent.toFixed(1)}% (${r.hit}/${r.total})`.padEnd(pad);
    return r.percent >= 90 ? out.green(text) : r.percent >= 60 ? out.yellow(text) : out.red(text);
  };
  const width = Math.max(4, ...c.files.map((f) => f.file.length));
  const lines = [out.bold('coverage (plug-in sources; gcc --coverage)'), `  ${'file'.padEnd(width)}  lines                branches`];
  for (const f of c.files) lines.push(`  ${f.file.padEnd(width)}  ${pct(f.lines, 20)} ${pct(f.branches)}`);
  if (c.files.length > 1) lines.push(`  ${'total'.padEnd(width)}  ${pct(c.total.lines, 20)} ${pct(c.total.branches)}`);
  if (!c.files.length) lines.push(out.yellow('  no counters were written (did every check crash?)'));
  for (const g of c.leastCovered) lines.push(`  ${out.dim('uncovered')} ${g.name} (${g.file}, ${g.lines.percent}% of lines): lines ${g.uncovered.join(', ')}`);
  if (c.lcov) lines.push(`  ${out.dim('lcov')}: ${relative(process.cwd(), c.lcov) || c.lcov}`);
  return lines.join('\n');
}
