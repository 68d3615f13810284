/**
 * Coverage figures from the counters: line and branch coverage per source file, the least-covered
 * functions with their uncovered line ranges, and the lcov tracefile for editors and CI.
 */
import type { FileCoverage } from './gcov.js';

export interface Ratio { hit: number; total: number; percent: number }
export interface FunctionGap { file: string; name: string; lines: Ratio; uncovered: string[] }
export interface FileSummary { file: string; lines: Ratio; branches: Ratio; functions: Ratio }
export interface CoverageSummary { files: FileSummary[]; total: { lines: Ratio; branches: Ratio }; leastCovered: FunctionGap[]; lcov?: string }

function ratio(hit: number, total: number): Ratio {
  return { hit, total, percent: total ? Math.round((hit / total) * 1000) / 10 : 100 };
}

/** Consecutive uncovered lines as "a-b" (or "a"). */
function ranges(lines: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    out.push(i === j ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return out;
}

export function summarise(files: FileCoverage[], topFunctions = 3): CoverageSummary {
  const summaries: FileSummary[] = [];
  const gaps: FunctionGap[] = [];
  let lh = 0, lt = 0, bh = 0, bt = 0;
  for (const f of files) {
    const counts = [...f.lines.values()];
    const branches = [...f.branches.values()].flat();
    const s: FileSummary = {
      file: f.file,
      lines: ratio(counts.filter((c) => c > 0).length, counts.length),
      branches: ratio(branches.filter((c) => c > 0).length, branches.length),
      functions: ratio(f.functions.filter((x) => x.executed).length, f.functions.length),
    };
    summaries.push(s);
    lh += s.lines.hit; lt += s.lines.total; bh += s.branches.hit; bt += s.branches.total;
    for (const fn of f.functions) {
      const own = [...f.lines.entries()].filter(([n]) => n >= fn.startLine && n <= fn.endLine).sort((a, b) => a[0] - b[0]);
      const missed = own.filter(([, c]) => c === 0).map(([n]) => n);
      if (missed.length) gaps.push({ file: f.file, name: fn.name, lines: ratio(own.length - missed.length, own.length), uncovered: ranges(missed) });
    }
  }
  gaps.sort((a, b) => a.lines.percent - b.lines.percent || b.lines.total - a.lines.total);
  return { files: summaries, total: { lines: ratio(lh, lt), branches: ratio(bh, bt) }, leastCovered: gaps.slice(0, topFunctions) };
}

/** The lcov tracefile (geninfo format): SF/FN/FNDA/DA/BRDA/LF/LH/BRF/BRH per source file. */
export function toLcov(files: FileCoverage[], projectDir: string): string {
  const out: string[] = ['TN:'];
  for (const f of files) {
    out.push(`SF:${projectDir}/${f.file}`);
    for (const fn of f.functions) out.push(`FN:${fn.startLine},${fn.name}`);
    for (const fn of f.functions) out.push(`FNDA:${fn.executed ? 1 : 0},${fn.name}`);
    out.push(`FNF:${f.functions.length}`, `FNH:${f.functions.filter((x) => x.executed).length}`);
    const lines = [...f.lines.entries()].sort((a, b) => a[0] - b[0]);
    const branches = [...f.branches.entries()].sort((a, b) => a[0] - b[0]);
    for (const [n, taken] of branches) {
      const lineRan = (f.lines.get(n) ?? 0) > 0;
      taken.forEach((c, i) => out.push(`BRDA:${n},0,${i},${lineRan ? c : '-'}`));
    }
    const all = branches.flatMap(([, t]) => t);
    out.push(`BRF:${all.length}`, `BRH:${all.filter((c) => c > 0).length}`);
    for (const [n, c] of lines) out.push(`DA:${n},${c}`);
    out.push(`LF:${lines.length}`, `LH:${lines.filter(([, c]) => c > 0).length}`, 'end_of_record');
  }
  return out.join('\n') + '\n';
}
