/**
 * The coverage build of a C/C++ project: gcc/g++ with --coverage into build/coverage (its own
 * tree, so the Release build stays as it was; built by tooling/build.ts like every project build).
 * The counters (.gcda) are written by each process that loaded the plug-in when it exits normally,
 * and add up across processes; they are cleared before a run so that a report covers exactly one
 * `test --coverage`.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCMakeVariant, detectLanguage, type BuildVariant } from '../build.js';
import { ToolError } from '../errors.js';
import { treeEntries } from '../tree.js';

const COVERAGE_BUILD: BuildVariant = {
  tree: 'coverage',
  config: 'Debug',
  label: 'coverage build',
  // gcov reads what gcc wrote: the coverage build is always gcc's, whatever CMake would pick.
  cc: 'gcc',
  cxx: 'g++',
  flags: ['--coverage', '-O0', '-g'],
  linkerFlags: ['--coverage'],
};

export function refuseRust(dir: string): void {
  if (detectLanguage(dir) !== 'rust') return;
  throw new ToolError('E_COVERAGE_UNAVAILABLE', 'test --coverage measures C and C++ plug-ins; Rust coverage (-C instrument-coverage) needs llvm-profdata and llvm-cov of the same LLVM version as rustc, which this kit does not drive yet', {
    path: dir,
    hint: 'Install them with `rustup component add llvm-tools` and use cargo-llvm-cov (`cargo install cargo-llvm-cov`), or run `wasmedge-plugin test` without --coverage.',
  });
}

/** Builds the project with --coverage; returns the plug-in library and its tree. */
export async function buildForCoverage(dir: string, progress?: boolean): Promise<{ library: string; buildDir: string }> {
  refuseRust(dir);
  return buildCMakeVariant(dir, COVERAGE_BUILD, { progress });
}

/** Every .gcda file under the build tree. */
export function counterFiles(buildDir: string): string[] {
  if (!existsSync(buildDir)) return [];
  return treeEntries(buildDir).filter((e) => !e.entry.isDirectory() && e.path.endsWith('.gcda')).map((e) => join(buildDir, e.path));
}

export function resetCounters(buildDir: string): void {
  for (const f of counterFiles(buildDir)) rmSync(f, { force: true });
}
