// The header-only C++ wrapper (sdk/cpp): test/native/cpp_*.cpp programs compiled against it with
// strict flags, linked against the real host shim (build/Release/libwasmedge.so) and run; plus the
// C++ get_string example built with plain CMake, inspected with readelf, driven through the shim next
// to the C example (identical transcripts) and run from wasm through the TS runtime.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT, SDK_DIR, STRICT_CXX, SDK_INCLUDE, cmakeBuild, dynSyms, dynamicSection, makeTempDir, removeDir, run, runOk,
  type RunResult,
} from './helpers/cbuild.js';
import { expectSameTranscriptAsC, expectTestWatRuns } from './helpers/get-string.js';
import { collectOutput } from './helpers/spawn.js';

const SHIM_DIR = path.join(REPO_ROOT, 'build', 'Release');
const CPP_INCLUDE = path.join(SDK_DIR, 'cpp');
const NATIVE = path.join(REPO_ROOT, 'test', 'native');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'get-string');
const WRAPPER_HEADERS = fs.readdirSync(path.join(CPP_INCLUDE, 'wasmedge', 'plugin')).filter((f) => f.endsWith('.hpp'));

let tmp: string;
let shimDir: string; // private copy of the shim

beforeAll(() => {
  const shim = path.join(SHIM_DIR, 'libwasmedge.so');
  if (!fs.existsSync(shim)) throw new Error(`the host shim is not built (${shim}): run \`npx node-gyp rebuild\``);
  tmp = makeTempDir('wpk-cpp-sdk-');
  // A private copy, so that a concurrent `node-gyp rebuild` cannot pull the library from under us.
  shimDir = path.join(tmp, 'shim');
  fs.mkdirSync(shimDir);
  fs.copyFileSync(shim, path.join(shimDir, 'libwasmedge.so'));
  fs.copyFileSync(shim, path.join(shimDir, 'libwasmedge.so.0'));
  // Start every build now; each test awaits its own (a failed build fails only that test).
  for (const name of ['cpp_types', 'cpp_call', 'cpp_memory', 'cpp_raii', 'cpp_descriptor']) buildProgram(name).catch(() => {});
  buildProgram('cpp_example_host', ['-ldl']).catch(() => {});
});
afterAll(() => removeDir(tmp));

// Compiling dominates this suite's time, so compiles run asynchronously, two at a time (2 cores).
let running = 0;
const waiting: Array<() => void> = [];
async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function spawnAsync(cmd: string, args: string[]): Promise<RunResult> {
  return limited(() => collectOutput(cmd, args));
}

/** Compiles C++ (syntax and semantics only) with the SDK and wrapper include paths. */
function compileCheck(file: string, flags: string[] = STRICT_CXX): Promise<RunResult> {
  return spawnAsync('c++', [...flags, `-I${SDK_INCLUDE}`, `-I${CPP_INCLUDE}`, '-fsyntax-only', file]);
}

/** Builds test/native/<name>.cpp against the wrapper and the shim with strict flags (once). */
const programs = new Map<string, Promise<string>>();
function buildProgram(name: string, extra: string[] = []): Promise<string> {
  let p = programs.get(name);
  if (!p) {
    const out = path.join(tmp, name);
    p = spawnAsync('c++', [
      ...STRICT_CXX, `-I${SDK_INCLUDE}`, `-I${CPP_INCLUDE}`, `-I${path.join(REPO_ROOT, 'runtime', 'native')}`,
      path.join(NATIVE, `${name}.cpp`), '-o', out, `-L${shimDir}`, '-l:libwasmedge.so', ...extra,
    ]).then((r) => {
      if (r.status !== 0) throw new Error(`building ${name}.cpp failed:\n${r.stderr}`);
      return out;
    });
    programs.set(name, p);
  }
  return p;
}

function runProgram(exe: string, args: string[] = []): RunResult {
  return run(exe, args, { env: { ...process.env, LD_LIBRARY_PATH: shimDir } });
}

/** Runs a self-checking program: exit 0 and an "ok N checks" line, or the failed checks in the message. */
async function expectChecksPass(name: string): Promise<RunResult> {
  const r = runProgram(await buildProgram(name));
  expect({ status: r.status, signal: r.signal, failures: r.stdout.split('\n').filter((l) => l.startsWith('FAIL')) })
    .toEqual({ status: 0, signal: null, failures: [] });
  expect(r.stdout).toMatch(/^ok \d+ checks$/m);
  return r;
}

describe('the wrapper compiles cleanly', () => {
  // Beyond STRICT_CXX (which every native program below is built with), warnings users often enable.
  const EXTRA_WARNINGS = ['-Wshadow', '-Wconversion', '-Wsign-conversion', '-Wold-style-cast', '-Wnon-virtual-dtor'];

  // The example includes plugin.hpp and instantiates the descriptor, option and function templates.
  it.concurrent.each(['c++17', 'c++20'])('the example with -std=%s -Werror -pedantic and extra warnings', async (std) => {
    const r = await compileCheck(path.join(EXAMPLE, 'get_string.cpp'),
      [`-std=${std}`, '-Wall', '-Wextra', '-Werror', '-pedantic', ...EXTRA_WARNINGS]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.concurrent('the example and a memory export compile for API version 4 (WasmEdge 0.14-0.16)', async () => {
    const src = path.join(tmp, 'api_v4.cpp');
    fs.writeFileSync(src, '#include "' + path.join(EXAMPLE, 'get_string.cpp') + '"\n' +
      'static_assert(WasmEdge_Plugin_CurrentAPIVersion == 4, "v4 header");\n' +
      'void with_memory(wp::Module &m) { m.memory("mem", wp::MemoryType(1, 2)); }\n');
    const r = await compileCheck(src, [...STRICT_CXX, '-DWASMEDGE_PLUGIN_API_VERSION=4']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.concurrent.each(WRAPPER_HEADERS)('plugin/%s is self-contained', async (header) => {
    const src = path.join(tmp, `include_${header}.cpp`);
    fs.writeFileSync(src, `#include <wasmedge/plugin/${header}>\n#include <wasmedge/plugin/${header}>\n`);
    const r = await compileCheck(src);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.concurrent('refuses C++14 with a clear message', async () => {
    const src = path.join(tmp, 'cxx14.cpp');
    fs.writeFileSync(src, '#include <wasmedge/plugin.hpp>\n');
    const r = await compileCheck(src, ['-std=c++14']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('needs C++17');
  });

  it.concurrent('rejects a host function with a parameter type wasm does not have', async () => {
    const src = path.join(tmp, 'bad_param.cpp');
    fs.writeFileSync(src, '#include <wasmedge/plugin.hpp>\n#include <string>\n' +
      'void f(wasmedge::plugin::Module &m) { m.function("f", [](std::string) {}); }\n');
    const r = await compileCheck(src);
    expect(r.status).not.toBe(0);
    // The SDK's trait names the offending type; how the compiler spells std::string varies by library.
    expect(r.stderr).toMatch(/(incomplete type|undefined template) \S*WasmType<[^>]*string/);
  });
});

describe('native behaviour against the real shim', () => {
  it('deduces wasm function types from C++ signatures (read back through the C API)', async () => {
    const r = runOk(await buildProgram('cpp_types'), [], { env: { ...process.env, LD_LIBRARY_PATH: shimDir } });
    expect(r.stdout.trim().split('\n')).toEqual([
      'add (i32,i32) -> (i32)',
      'add-fn-type (i32,i32) -> (i32)',
      'nothing () -> ()',
      'widen (i32) -> (i64)',
      'memory-lambda (i32,i32) -> (i32)',
      'const-memory-lambda (i64) -> ()',
      'value-params (i32,i64) -> (i32,i64)',
      'mutable-capture (f64) -> (f64)',
      'functor-frame (f32) -> (f64)',
      'mutable-functor () -> (i32)',
      'tuple-results (i64,f32) -> (f32,f64,i64)',
      'empty-tuple () -> ()',
    ]);
  });

  it('calls registered functions and maps exceptions to failure codes (wpk_invoke, ExecutorInvoke)', async () => {
    const r = await expectChecksPass('cpp_call');
    // Only exceptions that are not wasmedge::plugin::Error are reported on stderr.
    expect(r.stderr).toContain("host function 'throw_std' threw boom; returning HostFuncError");
    expect(r.stderr).toContain("host function 'throw_int' threw a non-std exception");
    expect(r.stderr).not.toContain('throw_user');
  });

  it('bounds-checks memory views (edges, overflow, empty ranges, no memory, growth)', async () => {
    await expectChecksPass('cpp_memory');
  });

  it('frees every handle, and the callables with their module (wpk_live_objects back to start)', async () => {
    const r = await expectChecksPass('cpp_raii');
    const start = /live objects at start: (\d+)/.exec(r.stdout)?.[1];
    const end = /live objects at end: (\d+)/.exec(r.stdout)?.[1];
    expect(start).toBeDefined();
    expect(end).toBe(start);
  });

  it('WASMEDGE_PLUGIN_EXPORT builds the descriptor: options, version, modules, Create', async () => {
    const r = await expectChecksPass('cpp_descriptor');
    expect(r.stderr).toContain("creating module 'broken_module' failed: cannot create");
  });
});

describe('the C++ get_string example', () => {
  let buildDir: string;
  let cppLib: string;
  let cLib: string;

  beforeAll(() => {
    buildDir = cmakeBuild(EXAMPLE, path.join(tmp, 'get-string-build'), { CMAKE_CXX_FLAGS: '-Werror' });
    cppLib = path.join(buildDir, 'libget_string_cpp.so');
    cLib = path.join(buildDir, 'libget_string.so');
  });

  it('builds with plain cmake into libget_string_cpp.so, linked like a real WasmEdge plug-in', () => {
    expect(fs.existsSync(cppLib)).toBe(true);
    const dyn = dynamicSection(cppLib);
    expect(dyn.needed).toContain('libwasmedge.so.0');
    expect(dyn.runpath).toBeNull();
    expect(dyn.rpath).toBeNull();
    const syms = dynSyms(cppLib);
    const refs = syms.filter((s) => !s.defined && s.name.startsWith('WasmEdge_'));
    expect(refs.length).toBeGreaterThan(5);
    for (const s of refs) expect(`${s.name}@${s.version}`).toBe(`${s.name}@WASMEDGE_0.16`);
    // Hidden visibility: the entry point is the only symbol the plug-in defines for others.
    expect(syms.filter((s) => s.defined && s.name !== '').map((s) => s.name)).toEqual(['WasmEdge_Plugin_GetDescriptor']);
  });

  it('behaves exactly like the C example when driven through the shim', async () => {
    const host = await buildProgram('cpp_example_host', ['-ldl']);
    expectSameTranscriptAsC(runProgram(host, [cppLib]), runProgram(host, [cLib]));
  });

  it('runs examples/get-string/test.wat through the TS runtime and prints "hello"', async () => {
    await expectTestWatRuns(cppLib, tmp, 'from c++', 'FROM C++\n');
  });
});
