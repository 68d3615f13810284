// The host shim (runtime/native → build/Release/libwasmedge.so): C test programs in test/native/
// are compiled against the SDK header and wpk_host.h, linked with -lwasmedge, and run with
// LD_LIBRARY_PATH=build/Release. Each prints "FAIL file:line: expr" for a failed check and
// "ALL OK" at the end; some also print values compared here with the facts of the ABI (FACTS §1).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, makeTempDir, removeDir, run, runOk } from './helpers/cbuild.js';

const BUILD_DIR = path.join(REPO_ROOT, 'build', 'Release');
const SHIM = path.join(BUILD_DIR, 'libwasmedge.so');
const NATIVE = path.join(REPO_ROOT, 'test', 'native');

const CHANGED = [
  'WasmEdge_LimitIsEqual', 'WasmEdge_MemoryTypeCreate', 'WasmEdge_MemoryTypeGetLimit',
  'WasmEdge_TableTypeCreate', 'WasmEdge_TableTypeGetLimit',
];

let tmp: string;

beforeAll(() => {
  if (!fs.existsSync(SHIM) || !fs.existsSync(path.join(BUILD_DIR, 'libwasmedge.so.0'))) {
    runOk('npx', ['node-gyp', 'rebuild'], { cwd: REPO_ROOT });
  }
  tmp = makeTempDir('wpk-shim-');
});
afterAll(() => removeDir(tmp));

/** Compiles test/native sources into one program linked against the shim; returns its path. */
function build(name: string, sources: string[]): string {
  const out = path.join(tmp, name);
  runOk('gcc', [
    '-std=c11', '-Wall', '-Wextra', '-Werror', '-g',
    '-I', path.join(REPO_ROOT, 'sdk', 'include'), '-I', path.join(REPO_ROOT, 'runtime', 'native'),
    ...sources.map((s) => path.join(NATIVE, s)),
    '-L', BUILD_DIR, '-lwasmedge', '-lpthread', '-o', out,
  ]);
  return out;
}

/** Builds and runs a test program (with a stack of `stackKiB` when given); asserts it passed and returns its stdout lines. */
function runProgram(name: string, sources: string[], stackKiB?: number): string[] {
  const exe = build(name, sources);
  const env = { ...process.env, LD_LIBRARY_PATH: BUILD_DIR };
  const r = stackKiB ? run('sh', ['-c', `ulimit -s ${stackKiB} && exec "$0"`, exe], { env }) : run(exe, [], { env });
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  expect(lines.filter((l) => l.startsWith('FAIL')), r.stderr).toEqual([]);
  expect(r.signal).toBeNull();
  expect(r.status).toBe(0);
  expect(lines.at(-1)).toBe('ALL OK');
  return lines;
}

/** Value of `label = …` in the program output, with runs of spaces collapsed. */
function valueOf(lines: string[], label: string): string | undefined {
  const prefix = `${label} = `;
  const line = lines.find((l) => l.startsWith(prefix));
  return line?.slice(prefix.length).replace(/\s+/g, ' ');
}

describe('values, types and results (FACTS §1)', () => {
  let lines: string[];
  beforeAll(() => {
    lines = runProgram('values', ['shim_values.c']);
  });

  it('reports WasmEdge 0.17.1', () => {
    expect(valueOf(lines, 'WasmEdge_VersionGet()')).toBe('0.17.1 (major 0 minor 17 patch 1)');
  });

  it('encodes value types with the exact bytes', () => {
    const expected: Record<string, string> = {
      'WasmEdge_ValTypeGenI32()': '00 00 7f 40 00 00 00 00',
      'WasmEdge_ValTypeGenI64()': '00 00 7e 40 00 00 00 00',
      'WasmEdge_ValTypeGenF32()': '00 00 7d 40 00 00 00 00',
      'WasmEdge_ValTypeGenF64()': '00 00 7c 40 00 00 00 00',
      'WasmEdge_ValTypeGenV128()': '00 00 7b 40 00 00 00 00',
      'WasmEdge_ValTypeGenFuncRef()': '00 00 63 70 00 00 00 00',
      'WasmEdge_ValTypeGenExternRef()': '00 00 63 6f 00 00 00 00',
      'ValueGenI32(7).Type': '00 00 7f 40 00 00 00 00',
      'ValueGenFuncRef(NULL).Type': '00 00 63 70 00 00 00 00',
      'ValueGenExternRef(NULL).Type': '00 00 63 6f 00 00 00 00',
    };
    for (const [label, bytes] of Object.entries(expected)) expect(valueOf(lines, label), label).toBe(bytes);
  });

  it('puts value payloads in the low bytes, the rest zero', () => {
    const zeros8 = '00 00 00 00 00 00 00 00';
    expect(valueOf(lines, 'ValueGenI32(-2).Value bytes')).toBe(`fe ff ff ff 00 00 00 00 ${zeros8}`);
    expect(valueOf(lines, 'ValueGenF32(1.0).Value bytes')).toBe(`00 00 80 3f 00 00 00 00 ${zeros8}`);
    expect(valueOf(lines, 'ValueGenI64(-1).Value bytes')).toBe(`ff ff ff ff ff ff ff ff ${zeros8}`);
    expect(valueOf(lines, 'ValueGenF64(1.0).Value bytes')).toBe(`00 00 00 00 00 00 f0 3f ${zeros8}`);
    expect(valueOf(lines, 'sizeof(WasmEdge_Value)')).toBe('32, alignof = 16');
  });

  it('builds result codes, OK flags and messages', () => {
    const expected: Record<string, string> = {
      'ResultGen(UserLevelError, 0x12345678).Code':
        '0x01345678; GetCategory=1 GetCode=0x345678 OK=0 Message="user defined error code"',
      'ResultGen(WASM, MemoryOutOfBounds).Code':
        '0x00000408; GetCategory=0 GetCode=0x408 OK=0 Message="out of bounds memory access"',
      'ResultGen(WASM, 1).Code': '0x00000001; GetCategory=0 GetCode=0x1 OK=1 Message="terminated"',
      'ResultGen(WASM, HostFuncError).Code':
        '0x0000040e; GetCategory=0 GetCode=0x40e OK=0 Message="host function failed"',
      'ResultGen(category 2, 5).Code':
        '0x02000005; GetCategory=2 GetCode=0x5 OK=0 Message="user defined error code"',
      'ResultGen(WASM, 0).Code': '0x00000000; GetCategory=0 GetCode=0x0 OK=1 Message="success"',
      'ResultGen(WASM, UnknownImport).Code': '0x00000302; GetCategory=0 GetCode=0x302 OK=0 Message="unknown import"',
      'ResultGen(WASM, FuncSigMismatch).Code':
        '0x00000403; GetCategory=0 GetCode=0x403 OK=0 Message="function signature mismatch"',
      'Result_Fail.Code': '0x00000002; GetCategory=0 GetCode=0x2 OK=0 Message="generic runtime error"',
    };
    for (const [label, text] of Object.entries(expected)) expect(valueOf(lines, label), label).toBe(text);
  });
});

describe('instances', () => {
  it('limits, function/table/memory/global types, tables and globals', () => {
    runProgram('types', ['shim_types.c']);
  });

  it('memory: bounds checks, growth, external memory on a malloc\'ed buffer', () => {
    runProgram('memory', ['shim_memory.c']);
  });

  it('modules: sorted exports, finalizer once, no leaked objects', () => {
    const lines = runProgram('module', ['shim_module.c']);
    expect(lines).toContain('functions: Add a ab add get_string zeta');
    expect(lines).toContain('memories: mem_a mem_b');
    expect(lines).toContain('globals: g1 g2');
    expect(lines).toContain('live objects back to start: yes');
  });
});

describe('calls', () => {
  it('wpk_bind/wpk_invoke with slots, frames, ExecutorInvoke, nesting, bindings, errors', () => {
    const lines = runProgram('invoke', ['shim_invoke.c']);
    expect(lines).toContain('add(40, -38) = 2');
  });
});

describe('threads, stack use, allocation failures and crash reports (issue 10)', () => {
  it('plug-in threads: shared structures are locked; ExecutorInvoke from another thread is refused', () => {
    runProgram('threads', ['shim_threads.c']);
  });

  it('no arrays sized by parameter counts on the C stack: 1000 parameters with a 64 KiB stack', () => {
    runProgram('stack', ['shim_stack.c'], 64);
  });

  it('the shim has no variable-length arrays (-Wvla), and binding.gyp keeps it that way', () => {
    const sources = fs.readdirSync(path.join(REPO_ROOT, 'runtime', 'native', 'src')).filter((f) => f.endsWith('.c'));
    for (const f of sources) {
      runOk('gcc', ['-std=c11', '-fsyntax-only', '-Wvla', '-Werror', '-I', path.join(REPO_ROOT, 'sdk', 'include'),
        '-I', path.join(REPO_ROOT, 'runtime', 'native'), path.join(REPO_ROOT, 'runtime', 'native', 'src', f)]);
    }
    expect(fs.readFileSync(path.join(REPO_ROOT, 'binding.gyp'), 'utf8')).toContain("'-Wvla'");
  });

  it('a failed grow of the owned-buffer table loses no string and no count', () => {
    runProgram('alloc_fail', ['shim_alloc_fail.c']);
  });

  it('crash reports: one write, installing twice does not loop, stack overflow, other threads', () => {
    const lines = runProgram('crash', ['shim_crash.c']);
    expect(lines.find((l) => l.startsWith('deep: '))).toMatch(/stack overflow/);
  });
});

// Memory errors and leaks in the shim (use after free, double free, lost blocks) under valgrind.
const hasValgrind = run('sh', ['-c', 'command -v valgrind']).status === 0;
describe.skipIf(!hasValgrind)('under valgrind', () => {
  for (const name of ['types', 'memory', 'module', 'invoke']) {
    it(`shim_${name}.c: no invalid accesses, no definite leaks`, () => {
      const exe = build(`${name}-vg`, [`shim_${name}.c`]);
      const r = run('valgrind', ['-q', '--leak-check=full', '--errors-for-leak-kinds=definite', '--error-exitcode=9', exe], {
        env: { ...process.env, LD_LIBRARY_PATH: BUILD_DIR },
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }
});

describe('symbol versions', () => {
  it('0.16 compat forms (API-4 object) and 0.17 forms work in one program', () => {
    const lines = runProgram('compat', ['shim_compat_main.c', 'shim_compat_v4.c']);
    expect(lines).toContain('v4 MemoryTypeCreate({HasMax, Min 2, Max 5}): 2 pages');
    expect(lines).toContain('v5 MemoryTypeCreate(LimitCreateWithMax(2, 5)): 2 pages');
  });

  it('has SONAME libwasmedge.so.0 and the WASMEDGE_0.16 / WASMEDGE_0.17 nodes', () => {
    const dyn = runOk('readelf', ['-d', '-W', SHIM]).stdout;
    expect(dyn).toMatch(/\(SONAME\)\s+Library soname: \[libwasmedge\.so\.0\]/);
    const syms = runOk('readelf', ['--dyn-syms', '-W', SHIM]).stdout;
    const defined = syms.split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 8 && f[6] !== 'UND')
      .map((f) => f[7]);
    expect(defined).toContain('WASMEDGE_0.16');
    expect(defined).toContain('WASMEDGE_0.17');
    for (const fn of CHANGED) {
      expect(defined, fn).toContain(`${fn}@@WASMEDGE_0.17`);
      expect(defined, fn).toContain(`${fn}@WASMEDGE_0.16`);
    }
    // Every other function of the version script is a default WASMEDGE_0.16 symbol.
    const script = fs.readFileSync(path.join(REPO_ROOT, 'sdk', 'link', 'libwasmedge.map'), 'utf8');
    const names = [...new Set([...script.matchAll(/^\s*(WasmEdge_\w+);/gm)].map((m) => m[1]))];
    expect(names.length).toBeGreaterThan(100);
    for (const fn of names.filter((n) => !CHANGED.includes(n))) expect(defined, fn).toContain(`${fn}@@WASMEDGE_0.16`);
    // Private names behind .symver are not exported.
    expect(defined.filter((s) => /^wpk_v01[67]_/.test(s))).toEqual([]);
    expect(fs.readlinkSync(path.join(BUILD_DIR, 'libwasmedge.so.0'))).toBe('libwasmedge.so');
  });
});
