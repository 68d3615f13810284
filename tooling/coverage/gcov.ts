/**
 * Reads gcc's coverage counters with `gcov -b --json-format --stdout` (gcc 9+) into per-file line,
 * branch and function figures, keeping only the plug-in's own sources: files inside the project,
 * outside its build tree and its vendored SDK.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ToolError } from '../errors.js';
import { counterFiles } from './build.js';

export interface FunctionCoverage { name: string; startLine: number; endLine: number; executed: boolean }
export interface FileCoverage {
  /** Path relative to the project. */
  file: string;
  /** line → execution count, for lines with code. */
  lines: Map<number, number>;
  /** line → taken count of each branch. */
  branches: Map<number, number[]>;
  functions: FunctionCoverage[];
}

interface GcovJson {
  files: Array<{
    file: string;
    functions: Array<{ name: string; demangled_name?: string; start_line: number; end_line: number; execution_count: number }>;
    lines: Array<{ line_number: number; count: number; branches: Array<{ count: number; throw?: boolean }> }>;
  }>;
  current_working_directory: string;
}

/** Directories that are not the author's code: the build trees and a vendored SDK. */
function isOwnSource(projectDir: string, abs: string): boolean {
  const rel = relative(projectDir, abs);
  if (!rel || rel.startsWith('..') || rel.startsWith(sep)) return false;
  const top = rel.split(sep)[0];
  if (top === 'build' || top === 'target') return false;
  return !existsSync(join(projectDir, top, 'include', 'wasmedge', 'wasmedge.h'));
}

export function readCoverage(projectDir: string, buildDir: string): FileCoverage[] {
  const byFile = new Map<string, FileCoverage>();
  for (const gcda of counterFiles(buildDir)) {
    const r = spawnSync('gcov', ['-b', '--json-format', '--stdout', gcda], { encoding: 'utf8', cwd: buildDir, maxBuffer: 64 << 20 });
    if (r.error) throw new ToolError('E_TOOL_MISSING', `cannot run gcov: ${r.error.message}`, { hint: 'gcov comes with gcc (Debian/Ubuntu: `sudo apt-get install gcc`).' });
    if (r.status !== 0) throw new ToolError('E_COVERAGE_UNAVAILABLE', `gcov failed on ${gcda}: ${r.stderr.trim().split('\n').pop()}`, { hint: 'gcov 9 or newer is needed (--json-format); it must match the gcc that built the project.' });
    // One JSON document per line (one per .gcda given).
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) {
      const doc = JSON.parse(line) as GcovJson;
      for (const f of doc.files) {
        const abs = resolve(doc.current_working_directory, f.file);
        if (!isOwnSource(projectDir, abs)) continue;
        const file = relative(projectDir, abs);
        const cov: FileCoverage = byFile.get(file) ?? { file, lines: new Map(), branches: new Map(), functions: [] };
        byFile.set(file, cov);
        for (const l of f.lines) {
          cov.lines.set(l.line_number, (cov.lines.get(l.line_number) ?? 0) + l.count);
          const taken = l.branches.filter((b) => !b.throw).map((b) => b.count);
          if (taken.length) {
            const prev = cov.branches.get(l.line_number);
            cov.branches.set(l.line_number, prev && prev.length === taken.length ? prev.map((c, i) => c + taken[i]) : taken);
          }
        }
        for (const fn of f.functions) {
          const name = fn.demangled_name ?? fn.name;
          const known = cov.functions.find((x) => x.name === name && x.startLine === fn.start_line);
          if (known) known.executed ||= fn.execution_count > 0;
          else cov.functions.push({ name, startLine: fn.start_line, endLine: fn.end_line, executed: fn.execution_count > 0 });
        }
      }
    }
  }
  return [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
}
