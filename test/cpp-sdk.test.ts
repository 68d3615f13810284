// The header-only C++ wrapper (sdk/cpp): test/native/cpp_*.cpp programs compiled against it with
// strict flags, linked against the real host shim (build/Release/libwasmedge.so) and run; plus the
// C++ get_string example built with plain CMake, inspected with readelf, driven through the shim next
// to the C example (identical transcripts) and run from wasm through the TS runtime.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT, SDK_DIR, STRICT_CXX, cmakeBuild, compileExecutable, dynSyms, dynamicSection, makeTempDir, removeDir,
  run, runOk, tryCompile, type RunResult,
} from './helpers/cbuild.js';

const SHIM_DIR = path.join(REPO_ROOT, 'build', 'Release');
const CPP_INCLUDE = path.join(SDK_DIR, 'cpp');
const NATIVE = path.join(REPO_ROOT, 'test', 'native');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'get-string');
const WRAPPER_HEADERS = fs.readdirSync(path.join(CPP_INCLUDE, 'wasmedge', 'plugin')).filter((f) => f.endsWith('.hpp'));

let tmp: string;

let shimDir: string;

beforeAll(() => {
  const shim = path.join(SHIM_DIR, 'libwasmedge.so');
  if (!fs.existsSync(shim)) throw new Error(`the host shim is not built (${shim}): run \`npx node-gyp rebuild\``);
  tmp = makeTempDir('wpk-cpp-sdk-');
  // A private copy, so that a concurrent `node-gyp rebuild` cannot pull the library from under us.
  shimDir = path.join(tmp, 'shim');
  fs.mkdirSync(shimDir);
  fs.copyFileSync(shim, path.join(shimDir, 'libwasmedge.so'));
  fs.copyFileSync(shim, path.join(shimDir, 'libwasmedge.so.0'));
});
afterAll(() => removeDir(tmp));

/** Builds test/native/<name>.cpp against the wrapper and the shim, strict flags. */
function buildProgram(name: string, extra: string[] = []): string {
  const out = path.join(tmp, name);
  compileExecutable([path.join(NATIVE, `${name}.cpp`)], out, {
    includes: [CPP_INCLUDE, path.join(REPO_ROOT, 'runtime', 'native')],
    extra: [`-L${shimDir}`, '-l:libwasmedge.so', ...extra],
  });
  return out;
}

function runProgram(exe: string, args: string[] = []): RunResult {
  return run(exe, args, { env: { ...process.env, LD_LIBRARY_PATH: shimDir } });
}

/** Runs a self-checking program: exit 0 and an "ok N checks" line, or the failed checks in the message. */
function expectChecksPass(name: string): RunResult {
  const r = runProgram(buildProgram(name));
  expect({ status: r.status, signal: r.signal, failures: r.stdout.split('\n').filter((l) => l.startsWith('FAIL')) })
    .toEqual({ status: 0, signal: null, failures: [] });
  expect(r.stdout).toMatch(/^ok \d+ checks$/m);
  return r;
}

describe('the wrapper compiles cleanly', () => {
  // Beyond STRICT_CXX (which every native program below is built with), warnings users often enable.
  const EXTRA_WARNINGS = ['-Wshadow', '-Wconversion', '-Wsign-conversion', '-Wold-style-cast', '-Wnon-virtual-dtor'];

  it.each(['c++17', 'c++20'])('plugin.hpp and the example with -std=%s -Werror -pedantic and extra warnings', (std) => {
    const src = path.join(tmp, `plugin_${std}.cpp`);
    fs.writeFileSync(src, '#include <wasmedge/plugin.hpp>\n#include <wasmedge/plugin.hpp>\n');
    for (const file of [src, path.join(EXAMPLE, 'get_string.cpp')]) {
      const r = tryCompile([file], {
        flags: [`-std=${std}`, '-Wall', '-Wextra', '-Werror', '-pedantic', ...EXTRA_WARNINGS], includes: [CPP_INCLUDE],
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it.each(WRAPPER_HEADERS)('plugin/%s is self-contained', (header) => {
    const src = path.join(tmp, `include_${header}.cpp`);
    fs.writeFileSync(src, `#include <wasmedge/plugin/${header}>\n#include <wasmedge/plugin/${header}>\n`);
    const r = tryCompile([src], { includes: [CPP_INCLUDE] });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('refuses C++14 with a clear message', () => {
    const r = tryCompile([path.join(CPP_INCLUDE, 'wasmedge', 'plugin.hpp')], {
      lang: 'c++', flags: ['-std=c++14'], includes: [CPP_INCLUDE],
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('needs C++17');
  });

  it('rejects a host function with a parameter type wasm does not have', () => {
    const src = path.join(tmp, 'bad_param.cpp');
    fs.writeFileSync(src, '#include <wasmedge/plugin.hpp>\n#include <string>\n' +
      'void f(wasmedge::plugin::Module &m) { m.function("f", [](std::string) {}); }\n');
    const r = tryCompile([src], { includes: [CPP_INCLUDE] });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/WasmType<std::__cxx11::basic_string<char> >|incomplete type/);
  });
});

describe('native behaviour against the real shim', () => {
  it('deduces wasm function types from C++ signatures (read back through the C API)', () => {
    const r = runOk(buildProgram('cpp_types'), [], { env: { ...process.env, LD_LIBRARY_PATH: shimDir } });
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

  it('calls registered functions and maps exceptions to failure codes (wpk_invoke, ExecutorInvoke)', () => {
    const r = expectChecksPass('cpp_call');
    // Only exceptions that are not wasmedge::plugin::Error are reported on stderr.
    expect(r.stderr).toContain("host function 'throw_std' threw boom; returning HostFuncError");
    expect(r.stderr).toContain("host function 'throw_int' threw a non-std exception");
    expect(r.stderr).not.toContain('throw_user');
  });

  it('bounds-checks memory views (edges, overflow, empty ranges, no memory, growth)', () => {
    expectChecksPass('cpp_memory');
  });

  it('frees every handle, and the callables with their module (wpk_live_objects back to start)', () => {
    const r = expectChecksPass('cpp_raii');
    const start = /live objects at start: (\d+)/.exec(r.stdout)?.[1];
    const end = /live objects at end: (\d+)/.exec(r.stdout)?.[1];
    expect(start).toBeDefined();
    expect(end).toBe(start);
  });

  it('WASMEDGE_PLUGIN_EXPORT builds the descriptor: options, version, modules, Create', () => {
    const r = expectChecksPass('cpp_descriptor');
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

  it('behaves exactly like the C example when driven through the shim', () => {
    const host = buildProgram('cpp_example_host', ['-ldl']);
    const cpp = runProgram(host, [cppLib]);
    const c = runProgram(host, [cLib]);
    expect(cpp.status).toBe(0);
    expect(c.status).toBe(0);
    expect(cpp.stdout).toEqual(c.stdout);
    expect(cpp.stdout).toContain('get_string(64, 255, 8) -> code 0x0, written 0x00000005, buf "hello......."');
    expect(cpp.stdout).toContain('get_string(65534, 255, 8) -> code 0x408, written 0x2e2e2e2e, buf ".."');
    expect(cpp.stdout).toContain('get_string(64, 255, 8) -> code 0x0, written 0x0000000a, buf "HI, WORLD!.."');
    expect(cpp.stdout).toContain('add(INT32_MAX, 1) -> code 0x0, -2147483648');
    expect(cpp.stdout).toContain('freed objects yes');
  });

  it('runs examples/get-string/test.wat through the TS runtime and prints "hello"', async () => {
    const { PluginHost } = await import('../runtime/index.js');
    const host = new PluginHost();
    try {
      const loaded = host.loadFromPath(cppLib);
      expect(loaded.errors).toEqual([]);
      const plugin = host.findPlugin('get_string')!;
      expect(plugin.options.map((o) => [o.name, o.type])).toEqual([['string', 'string'], ['upper', 'toggle']]);
      const outFile = path.join(tmp, 'stdout.txt');
      const wat = fs.readFileSync(path.join(EXAMPLE, 'test.wat'), 'utf8');
      const runOnce = async () => {
        const fd = fs.openSync(outFile, 'w');
        try {
          const code = await host.runWasi(wat, { modules: [plugin.createModule('get_string_module')], stdout: fd });
          expect(code).toBe(0);
        } finally {
          fs.closeSync(fd);
        }
        return fs.readFileSync(outFile, 'utf8');
      };
      expect(await runOnce()).toBe('hello\n');
      plugin.setOption('upper', true);
      plugin.setOption('string', 'from c++');
      expect(await runOnce()).toBe('FROM C++\n');
    } finally {
      host.close();
    }
  });
});
