/**
 * Builds what libFuzzer runs: the kit's shim compiled with coverage instrumentation and
 * AddressSanitizer as libwasmedge.so.0, the harness (harness/wpk_fuzz.c) linked against it, and,
 * for a C/C++ project, the plug-in rebuilt with the same flags into build/fuzz. Rebuilt only when a
 * source is newer than the output (make-style), so repeated runs start at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../runtime/paths.js';
import { ToolError } from '../errors.js';
import type { FuzzToolchain } from './toolchain.js';

export const INSTRUMENT = ['-fsanitize=fuzzer-no-link,address', '-fno-omit-frame-pointer', '-g', '-O1'];

function run(cmd: string[], what: string, cwd?: string): void {
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', cwd });
  if (r.error) throw new ToolError('E_TOOL_MISSING', `cannot run ${cmd[0]}: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-20).map((l) => `    ${l}`).join('\n');
    throw new ToolError('E_BUILD_FAILED', `${what} failed:\n${tail}`, cwd ? { path: cwd } : {});
  }
}

function newest(files: string[]): number {
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

function upToDate(output: string, inputs: string[]): boolean {
  return existsSync(output) && statSync(output).mtimeMs >= newest(inputs);
}

/** The harness executable in outDir (built if needed). */
export function buildHarness(tc: FuzzToolchain, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const native = join(packageRoot, 'runtime', 'native');
  const sources = readdirSync(join(native, 'src')).filter((f) => f.endsWith('.c')).map((f) => join(native, 'src', f));
  const includes = ['-I', join(packageRoot, 'sdk', 'include'), '-I', native];
  const shim = join(outDir, 'libwasmedge.so');
  const map = join(packageRoot, 'sdk', 'link', 'libwasmedge.map');
  if (!upToDate(shim, [...sources, map, join(native, 'src', 'internal.h')])) {
    run([tc.cc, '-std=c11', ...INSTRUMENT, '-fPIC', '-shared', '-fvisibility=hidden', ...includes, ...sources, `-Wl,--version-script=${map}`, '-Wl,-soname,libwasmedge.so.0', '-lpthread', '-o', shim], 'building the instrumented shim');
  }
  if (!existsSync(join(outDir, 'libwasmedge.so.0'))) symlinkSync('libwasmedge.so', join(outDir, 'libwasmedge.so.0'));
  const harnessSource = join(packageRoot, 'tooling', 'fuzz', 'harness', 'wpk_fuzz.c');
  const harness = join(outDir, 'wpk_fuzz');
  if (!upToDate(harness, [harnessSource, shim, join(native, 'wpk_host.h')])) {
    run([tc.cc, '-std=c11', '-fsanitize=fuzzer,address', '-g', '-O1', ...includes, harnessSource, '-L', outDir, '-lwasmedge', `-Wl,-rpath,${outDir}`, '-ldl', '-o', harness], 'building the fuzz harness');
  }
  return harness;
}

/** A C/C++ project rebuilt with clang, libFuzzer coverage and AddressSanitizer into build/fuzz. */
export function buildInstrumentedPlugin(tc: FuzzToolchain, dir: string): string {
  const out = join(dir, 'build', 'fuzz');
  const flags = INSTRUMENT.join(' ');
  if (!existsSync(join(out, 'CMakeCache.txt'))) {
    run(['cmake', '-S', dir, '-B', out, '-DCMAKE_BUILD_TYPE=Debug', `-DCMAKE_C_COMPILER=${tc.cc}`, `-DCMAKE_CXX_COMPILER=${tc.cxx}`, `-DCMAKE_C_FLAGS=${flags}`, `-DCMAKE_CXX_FLAGS=${flags}`], 'cmake (fuzzing build)', dir);
  }
  run(['cmake', '--build', out, '--parallel', '2'], 'cmake --build (fuzzing build)', dir);
  const libs = readdirSync(out).filter((f) => f.endsWith('.so') && !f.startsWith('libwasmedge'));
  if (libs.length !== 1) throw new ToolError('E_BUILD_FAILED', `expected one plug-in library in ${out}, found ${libs.length ? libs.join(', ') : 'none'}`, { path: out });
  return join(out, libs[0]);
}
