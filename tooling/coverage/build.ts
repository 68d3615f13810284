/**
 * The coverage build of a C/C++ project: gcc/g++ with --coverage into build/coverage (its own
 * tree, so the Release build stays as it was). The counters (.gcda) are written by each process
 * that loaded the plug-in when it exits normally, and add up across processes; they are cleared
 * before a run so that a report covers exactly one `test --coverage`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from '../build.js';
import { ToolError } from '../errors.js';

const FLAGS = '--coverage -O0 -g';

function run(cmd: string[], what: string, dir: string): void {
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  if (r.error) throw new ToolError('E_TOOL_MISSING', `cannot run ${cmd[0]}: ${r.error.message}`, { hint: 'Install CMake and gcc/g++ (Debian/Ubuntu: `sudo apt-get install cmake g++`).' });
  if (r.status !== 0) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-20).map((l) => `    ${l}`).join('\n');
    throw new ToolError('E_BUILD_FAILED', `${what} failed:\n${tail}`, { path: dir });
  }
}

export function refuseRust(dir: string): void {
  if (detectLanguage(dir) !== 'rust') return;
  throw new ToolError('E_COVERAGE_UNAVAILABLE', 'test --coverage measures C and C++ plug-ins; Rust coverage (-C instrument-coverage) needs llvm-profdata and llvm-cov of the same LLVM version as rustc, which this kit does not drive yet', {
    path: dir,
    hint: 'Install them with `rustup component add llvm-tools` and use cargo-llvm-cov (`cargo install cargo-llvm-cov`), or run `wasmedge-plugin test` without --coverage.',
  });
}

/** Builds the project with --coverage; returns the plug-in library. */
export function buildForCoverage(dir: string): { library: string; buildDir: string } {
  refuseRust(dir);
  const out = join(dir, 'build', 'coverage');
  if (!existsSync(join(out, 'CMakeCache.txt'))) {
    run(['cmake', '-S', dir, '-B', out, '-DCMAKE_BUILD_TYPE=Debug', '-DCMAKE_C_COMPILER=gcc', '-DCMAKE_CXX_COMPILER=g++', `-DCMAKE_C_FLAGS=${FLAGS}`, `-DCMAKE_CXX_FLAGS=${FLAGS}`, '-DCMAKE_SHARED_LINKER_FLAGS=--coverage'], 'cmake (coverage build)', dir);
  }
  run(['cmake', '--build', out, '--parallel', '2'], 'cmake --build (coverage build)', dir);
  const libs = readdirSync(out).filter((f) => f.endsWith('.so') && !f.startsWith('libwasmedge'));
  if (libs.length !== 1) throw new ToolError('E_BUILD_FAILED', `expected one plug-in library in ${out}, found ${libs.length ? libs.join(', ') : 'none'}`, { path: out });
  return { library: join(out, libs[0]), buildDir: out };
}

/** Every .gcda file under the build tree. */
export function counterFiles(buildDir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.gcda')) found.push(join(d, e.name));
    }
  };
  if (existsSync(buildDir)) walk(buildDir);
  return found;
}

export function resetCounters(buildDir: string): void {
  for (const f of counterFiles(buildDir)) rmSync(f, { force: true });
}
