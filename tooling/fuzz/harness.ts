/**
 * Builds what libFuzzer runs: the kit's shim compiled with coverage instrumentation and
 * AddressSanitizer as libwasmedge.so.0, the harness (harness/wpk_fuzz.c) linked against it, and,
 * for a C/C++ project, the plug-in rebuilt with the same flags into build/fuzz (by tooling/build.ts,
 * like every project build). The shim and the harness are rebuilt only when a source is newer than
 * the output (make-style), so repeated runs start at once.
 */
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../runtime/paths.js';
import { buildCMakeVariant, runBuildStep, type BuildVariant } from '../build.js';
import type { FuzzToolchain } from './toolchain.js';

export const INSTRUMENT = ['-fsanitize=fuzzer-no-link,address', '-fno-omit-frame-pointer', '-g', '-O1'];

function newest(files: string[]): number {
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

function upToDate(output: string, inputs: string[]): boolean {
  return existsSync(output) && statSync(output).mtimeMs >= newest(inputs);
}

/** The harness executable in outDir (built if needed). */
export async function buildHarness(tc: FuzzToolchain, outDir: string, progress?: boolean): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const native = join(packageRoot, 'runtime', 'native');
  const sources = readdirSync(join(native, 'src')).filter((f) => f.endsWith('.c')).map((f) => join(native, 'src', f));
  const includes = ['-I', join(packageRoot, 'sdk', 'include'), '-I', native];
  const shim = join(outDir, 'libwasmedge.so');
  const map = join(packageRoot, 'sdk', 'link', 'libwasmedge.map');
  if (!upToDate(shim, [...sources, map, join(native, 'src', 'internal.h')])) {
    await runBuildStep([tc.cc, '-std=c11', ...INSTRUMENT, '-fPIC', '-shared', '-fvisibility=hidden', ...includes, ...sources, `-Wl,--version-script=${map}`, '-Wl,-soname,libwasmedge.so.0', '-lpthread', '-o', shim], 'building the instrumented shim', { progress });
  }
  if (!existsSync(join(outDir, 'libwasmedge.so.0'))) symlinkSync('libwasmedge.so', join(outDir, 'libwasmedge.so.0'));
  const harnessSource = join(packageRoot, 'tooling', 'fuzz', 'harness', 'wpk_fuzz.c');
  const harness = join(outDir, 'wpk_fuzz');
  if (!upToDate(harness, [harnessSource, shim, join(native, 'wpk_host.h')])) {
    await runBuildStep([tc.cc, '-std=c11', '-fsanitize=fuzzer,address', '-g', '-O1', ...includes, harnessSource, '-L', outDir, '-lwasmedge', `-Wl,-rpath,${outDir}`, '-ldl', '-o', harness], 'building the fuzz harness', { progress });
  }
  return harness;
}

/** A C/C++ project rebuilt with clang, libFuzzer coverage and AddressSanitizer into build/fuzz. */
export async function buildInstrumentedPlugin(tc: FuzzToolchain, dir: string, progress?: boolean): Promise<string> {
  const variant: BuildVariant = { tree: 'fuzz', config: 'Debug', label: 'fuzzing build', cc: tc.cc, cxx: tc.cxx, flags: INSTRUMENT };
  return (await buildCMakeVariant(dir, variant, { progress })).library;
}
