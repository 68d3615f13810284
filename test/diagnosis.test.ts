/**
 * Every diagnosis the kit gives is right (issue #10): malformed input is named as such, not as a kit
 * bug; crashes are attributed to the stage that crashed and never hide results already produced;
 * public objects are plain data; counts and warnings say exactly what is wrong.
 * Fixtures: test/fixtures/diagnosis/misbehave.c (-D variants) and test/fixtures/bad/crash.c.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PluginHost, KitError, watToWasm } from '../runtime/index.js';
import { parseWasm } from '../runtime/wasm/binary.js';
import { abiChecks, type Finding } from '../tooling/check/conformance.js';
import { REPO_ROOT, buildPluginLib, makeTempDir, removeDir, runOk, writeFile } from './helpers/cbuild.js';
import { cli, ensureBuilt } from './helpers/cli.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
let tmp: string;
const lib: Record<string, string> = {};

function fixture(name: string, source: string, defines: Record<string, string | number | true> = {}, extra: string[] = []): string {
  lib[name] = buildPluginLib([path.join(FIXTURES, source)], path.join(tmp, 'libs', `lib${name}.so`), {
    flags: ['-std=c11', '-Wall', '-Wextra', '-Werror', '-g'], defines, extra, stubDir: path.join(tmp, 'stub'),
  });
  return lib[name];
}

/** abiChecks run in this process: the findings it reports. */
function abiFindings(library: string): Finding[] {
  const found: Finding[] = [];
  abiChecks(library, (f) => found.push(f));
  return found;
}

beforeAll(() => {
  ensureBuilt();
  tmp = makeTempDir('wpk-diagnosis-');
  fs.mkdirSync(path.join(tmp, 'libs'));
  fixture('good', 'diagnosis/misbehave.c');
  fixture('renamed', 'diagnosis/misbehave.c', { RENAMED: true, PLUGIN_NAME: '"renamed"' });
  fixture('leak', 'diagnosis/misbehave.c', { LEAK_PER_CREATE: true, PLUGIN_NAME: '"leaky"' });
  fixture('dtor', 'diagnosis/misbehave.c', { DTOR_CRASH: true, PLUGIN_NAME: '"dtor"' });
  fixture('wide', 'diagnosis/misbehave.c', { WIDE: true, PLUGIN_NAME: '"wide"' });
  fixture('goodV4', 'diagnosis/misbehave.c', { WASMEDGE_PLUGIN_API_VERSION: 4, PLUGIN_NAME: '"good_v4"' });
  // A directory as users have it: a good plug-in, one whose constructor crashes, and the ASan build
  // that `test --sanitize address` leaves (it aborts when loaded without the ASan runtime first).
  const mixed = path.join(tmp, 'mixed');
  fs.mkdirSync(path.join(mixed, 'asan'), { recursive: true });
  fs.copyFileSync(lib.good, path.join(mixed, 'libgood.so'));
  fs.renameSync(fixture('ctor', 'bad/crash.c', { IN_CONSTRUCTOR: true, PLUGIN_NAME: '"ctor_fixture"' }), path.join(mixed, 'libctor.so'));
  buildPluginLib([path.join(FIXTURES, 'diagnosis', 'misbehave.c')], path.join(mixed, 'asan', 'libasan_build.so'), {
    flags: ['-std=c11', '-g', '-fsanitize=address'], defines: { PLUGIN_NAME: '"asan_build"' }, extra: ['-fsanitize=address'], stubDir: path.join(tmp, 'stub'),
  });
  lib.mixed = mixed;
  writeFile(tmp, 'add.wat', '(module (import "diag_mod" "add" (func $a (param i32 i32) (result i32))) (func (export "f") (param i32 i32) (result i32) (call $a (local.get 0) (local.get 1))))');
}, 120_000);

afterAll(() => removeDir(tmp));

// ---- item 3: malformed .wasm -------------------------------------------------------------------

describe('malformed .wasm is E_WASM_INVALID with a byte offset, never E_INTERNAL', () => {
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const cases: Record<string, number[]> = {
    'unknown import kind': [...header, 0x02, 0x05, 0x01, 0x00, 0x00, 0x09, 0x00],
    'unknown export kind': [...header, 0x07, 0x05, 0x01, 0x01, 0x61, 0x09, 0x00],
    'a section longer than the file': [...header, 0x01, 0x7f, 0x01],
    'a name longer than its section': [...header, 0x02, 0x04, 0x01, 0x7f, 0x61, 0x62],
    'a LEB128 that never ends': [...header, 0x01, 0x02, 0x81, 0x81],
  };

  it.each(Object.entries(cases))('parseWasm: %s', (_name, bytes) => {
    let err: unknown;
    try { parseWasm(Uint8Array.from(bytes)); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KitError);
    expect((err as KitError).code).toBe('E_WASM_INVALID');
    expect((err as KitError).message).toMatch(/at byte \d+/);
  });

  it('the run command reports a bad import kind as E_WASM_INVALID (exit 1)', async () => {
    const file = path.join(tmp, 'bad-import.wasm');
    fs.writeFileSync(file, Uint8Array.from(cases['unknown import kind']));
    const r = await cli(['run', '--no-isolate', file]);
    expect(r.stderr).toMatch(/error\[E_WASM_INVALID\]: .*byte \d+/);
    expect(r.stderr).not.toContain('E_INTERNAL');
    expect(r.status).toBe(1);
  });
});

// ---- item 5: non-ASCII names in .wat --------------------------------------------------------------

describe('.wat with non-ASCII names', () => {
  it('compiles, and the names survive as UTF-8 (string and file)', async () => {
    const text = '(module (import "模块" "函数" (func)) (func (export "größe") (result i32) (i32.const 7)))';
    const info = parseWasm(await watToWasm(text));
    expect(info.imports[0]).toMatchObject({ module: '模块', name: '函数' });
    expect(info.exports[0].name).toBe('größe');
    const file = writeFile(tmp, 'utf8.wat', '(module (func (export "größe") (result i32) (i32.const 7)))');
    const r = await cli(['run', '--no-isolate', '--invoke', 'größe', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('7');
  });
});

// ---- item 7: public objects are plain data --------------------------------------------------------

describe('the runtime API', () => {
  it('exposes plain data: mod.functions serialises, no native handles in public objects', () => {
    const host = new PluginHost();
    try {
      const plugin = host.loadFromPath(lib.good).loaded[0];
      const mod = plugin.createModule();
      expect(JSON.parse(JSON.stringify(mod.functions))).toEqual([{ name: 'add', params: ['i32', 'i32'], results: ['i32'] }]);
      expect(JSON.parse(JSON.stringify(plugin.moduleDescriptors))).toEqual([{ name: 'diag_mod', description: '' }]);
      const bigints = (o: object) => Object.values(o).filter((v) => typeof v === 'bigint');
      expect(bigints(mod)).toEqual([]);
      for (const d of plugin.moduleDescriptors) expect(bigints(d)).toEqual([]);
      expect(mod.call('add', 2, 3)).toEqual([5]);
    } finally {
      host.close();
    }
  });

  it('does not print the WASI experimental warning to a user who never asked for WASI', () => {
    const script = `
      import { PluginHost } from ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'runtime', 'index.js'))};
      const host = new PluginHost();
      const mod = host.loadFromPath(${JSON.stringify(lib.good)}).loaded[0].createModule();
      const inst = await host.instantiate('(module (import "diag_mod" "add" (func $a (param i32 i32) (result i32))) (func (export "f") (result i32) (call $a (i32.const 2) (i32.const 40))))', { modules: [mod] });
      console.log(inst.invoke('f'));
      host.close();`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('42');
    expect(r.stderr).not.toMatch(/WASI|ExperimentalWarning/);
  });
});

// ---- item 8: leak count per cycle -------------------------------------------------------------------

describe('conformance', () => {
  it('a plug-in leaking one function type per Create is reported as one leak per create/dispose cycle', () => {
    const leak = abiFindings(lib.leak).find((f) => f.check === 'leaks');
    expect(leak?.status).toBe('fail');
    expect(leak?.message).toMatch(/^1 WasmEdge object\(s\) .* per create\/dispose cycle/);
  });

  // ---- item 9: symbol-version warnings ----------------------------------------------------------
  it('an unlinked plug-in without the five changed functions passes the symbol-version check', () => {
    const unlinked = path.join(tmp, 'libunlinked.so');
    runOk('cc', ['-std=c11', '-shared', '-fPIC', `-I${path.join(REPO_ROOT, 'sdk', 'include')}`, path.join(FIXTURES, 'diagnosis', 'misbehave.c'), '-DPLUGIN_NAME="unlinked"', '-o', unlinked]);
    const f = abiFindings(unlinked).find((x) => x.check === 'symbol-versions');
    expect(f?.status).toBe('pass');
    expect(f?.message).not.toMatch(/RTLD_GLOBAL/);
    expect(f?.message).toMatch(/unversioned/);
  });

  it('an unlinked plug-in calling WasmEdge_MemoryTypeCreate fails, naming the function and the consequence', () => {
    const unlinked = path.join(tmp, 'libfeatures_unlinked.so');
    runOk('cc', ['-std=c11', '-shared', '-fPIC', `-I${path.join(REPO_ROOT, 'sdk', 'include')}`, path.join(FIXTURES, 'runtime', 'features.c'), '-o', unlinked]);
    const f = abiFindings(unlinked).find((x) => x.check === 'symbol-versions');
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('WasmEdge_MemoryTypeCreate (unversioned): memories get wrong sizes');
    expect(f?.message).not.toMatch(/WasmEdge_StringCreateByCString/);
  });

  it('an API 4 plug-in is not described as versioned like 0.17', () => {
    const f = abiFindings(lib.goodV4).find((x) => x.check === 'symbol-versions');
    expect(f?.status).toBe('pass');
    expect(f?.message).not.toMatch(/0\.17/);
  });
});

// ---- item 2: `test` goes on after a crash when instance name ≠ descriptor name -------------------

describe('wasmedge-plugin test', () => {
  it('reports every crashing function of a module whose instance name differs from its descriptor name', async () => {
    const r = await cli(['test', lib.renamed, '--json', '--timeout', '20']);
    const report = JSON.parse(r.stdout);
    const calls = report.findings.filter((f: Finding) => f.check === 'call');
    expect(calls.filter((f: Finding) => f.status === 'fail').map((f: Finding) => f.function).sort()).toEqual(['boom_a', 'boom_b']);
    expect(calls.filter((f: Finding) => f.status === 'pass').map((f: Finding) => f.function)).toEqual(['add']);
  }, 120_000);

  // ---- item 4: a destructor crash at exit ------------------------------------------------------
  it('a library destructor crashing at exit is reported as library unload, after the checks that ran', async () => {
    const r = await cli(['test', lib.dtor, '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.findings.find((f: Finding) => f.check === 'create')?.status).toBe('pass');
    const unload = report.findings.filter((f: Finding) => f.check === 'unload');
    expect(unload.length).toBeGreaterThan(0);
    expect(unload[0]).toMatchObject({ status: 'fail', code: 'E_CRASH' });
    expect(unload[0].message).toMatch(/library unload/);
    expect(unload[0].message).not.toMatch(/finalizer/);
  }, 120_000);
});

describe('inspect / run keep what was produced before a crash at library unload', () => {
  it('inspect prints the plug-in and warns about the unload crash', async () => {
    const r = await cli(['inspect', lib.dtor]);
    expect(r.stdout).toContain('dtor');
    expect(r.stdout).not.toMatch(/no plug-ins found/);
    expect(r.stderr).toMatch(/warning\[E_CRASH\]: .*library unload/);
    expect(r.stderr).not.toMatch(/finalizer/);
  });
});

// ---- item 6: a crashing plug-in inside a --plugin / inspect directory -----------------------------

describe('a crashing plug-in in a directory is skipped with a warning; the good ones are used', () => {
  const asanHintOk = (text: string) => {
    // The ASan build is what `--sanitize address` produced: the hint must not send the user back there.
    const asanPart = text.split(/\n(?=warning|error)/).find((b) => b.includes('libasan_build.so')) ?? '';
    expect(asanPart).toMatch(/AddressSanitizer/);
    expect(asanPart).not.toMatch(/--sanitize/);
  };

  it('run --plugin DIR', async () => {
    const r = await cli(['run', '--plugin', lib.mixed, '--invoke', 'f', path.join(tmp, 'add.wat'), '--', '40', '2']);
    expect(r.stdout.trim(), r.stderr).toBe('42');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning\[E_CRASH\]: skipped .*libctor\.so/);
    expect(r.stderr).toMatch(/warning\[E_CRASH\]: skipped .*libasan_build\.so/);
    asanHintOk(r.stderr);
  });

  it('call DIR module.function', async () => {
    const r = await cli(['call', lib.mixed, 'diag_mod.add', '2', '3']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\b5\b/);
    expect(r.stderr).toMatch(/warning\[E_CRASH\]: skipped .*libctor\.so/);
  });

  it('inspect DIR lists the good plug-in; the ASan build\'s hint does not recommend --sanitize address', async () => {
    const r = await cli(['inspect', lib.mixed]);
    expect(r.stdout).toMatch(/^diag /m);
    expect(r.stderr).toContain('libasan_build.so');
    asanHintOk(r.stderr);
  });

  it('a crashing plug-in named on the command line stays fatal', async () => {
    const r = await cli(['run', '--plugin', path.join(lib.mixed, 'libctor.so'), '--plugin', lib.good, '--invoke', 'f', path.join(tmp, 'add.wat'), '--', '1', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error\[E_CRASH\]/);
  });
});

// ---- item 13: large argument lists --------------------------------------------------------------

describe('large argument lists', () => {
  const many = Array.from({ length: 100_000 }, (_, i) => String(i));
  const shortError = (stderr: string) => {
    expect(stderr).toMatch(/error\[E_ARGUMENTS\]/);
    expect(stderr).not.toMatch(/E_INTERNAL|E2BIG|DataView|RangeError/);
    expect(stderr.length).toBeLessThan(600);
  };

  it('run passes 100,000 guest arguments to _start (the task does not travel on the command line)', async () => {
    const file = writeFile(tmp, 'argc.wat', `(module
      (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory (export "memory") 1)
      (func (export "_start")
        (drop (call $sizes (i32.const 0) (i32.const 4)))
        (call $exit (i32.and (i32.load (i32.const 0)) (i32.const 255)))))`);
    const r = await cli(['run', file, '--', ...many]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe((many.length + 1) & 255); // argv[0] is the file
  });

  it.each([[true], [false]])('call with 100,000 arguments is refused with a short message (isolated: %s)', async (isolated) => {
    const r = await cli(['call', ...(isolated ? [] : ['--no-isolate']), lib.good, 'diag_mod.add', ...many]);
    expect(r.status).toBe(2);
    shortError(r.stderr);
  });

  it('run --invoke with 100,000 arguments is refused with a short message', async () => {
    const r = await cli(['run', '--invoke', 'f', path.join(tmp, 'add.wat'), '--plugin', lib.good, '--', ...many]);
    expect(r.status).toBe(2);
    shortError(r.stderr);
  });

  it('one 100 kB argument is quoted in part, not whole', async () => {
    const r = await cli(['call', '--no-isolate', lib.good, 'diag_mod.add', '9'.repeat(100_000) + 'x', '1']);
    expect(r.status).toBe(2);
    shortError(r.stderr);
  });

  it.each([[true], [false]])('a host function with more parameters than the host passes is refused, not a DataView error (isolated: %s)', async (isolated) => {
    const args = Array.from({ length: 1100 }, () => '1');
    const r = await cli(['call', ...(isolated ? [] : ['--no-isolate']), lib.wide, 'diag_mod.wide', ...args]);
    expect(r.status).toBe(2);
    shortError(r.stderr);
    expect(r.stderr).toMatch(/1100 parameters/);
  });
});

// ---- item 16: `new` target directories the build tools cannot use --------------------------------

describe('new refuses target directories the build tools cannot handle (exit 2)', () => {
  it.each([
    ['a 300-byte name', 'p'.repeat(300), /255 bytes/],
    ['a name with ;', 'my;plugin', /';'.*CMake/],
    ['a name with "', 'my"plugin', /'"'.*CMake/],
    ['a name with :', 'my:plugin', /':'.*(CMake|cargo)/],
    ['a name with a newline', 'my\nplugin', /control character/],
  ])('%s', async (_label, name, reason) => {
    const cwd = path.join(tmp, 'new-targets');
    fs.mkdirSync(cwd, { recursive: true });
    const r = await cli(['new', name, '--yes', '--lang', 'c'], { cwd });
    expect(r.stderr).toMatch(/error\[E_TARGET_INVALID\]/);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toMatch(/E_INTERNAL|ENAMETOOLONG/);
    expect(r.status).toBe(2);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});
