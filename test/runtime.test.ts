/**
 * The runtime against real shared libraries: the get_string example end to end through the CLI, every
 * load-failure class, options of all types, instance names, finalizers, memory growth, nested calls
 * into the guest, Terminate / failure results, and import checking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PluginHost, KitError, type LoadResult } from '../runtime/index.js';
import { REPO_ROOT, buildPluginLib, cmakeBuild, makeTempDir, removeDir, runOk } from './helpers/cbuild.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'runtime');
const CLI = path.join(REPO_ROOT, 'bin', 'wasmedge-plugin.js');
const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');

let tmp: string;
let exampleLib: string;
const lib: Record<string, string> = {};

function fixture(name: string, source: string, defines: Record<string, string | number | true> = {}): string {
  const out = path.join(tmp, 'libs', `lib${name}.so`);
  mkdirSync(path.dirname(out), { recursive: true });
  buildPluginLib([path.join(FIXTURES, source)], out, {
    defines, flags: ['-std=c11', '-Wall', '-Wextra', '-Werror'], stubDir: path.join(tmp, 'stub'),
  });
  return out;
}

function writeSource(name: string, text: string): string {
  const f = path.join(tmp, name);
  writeFileSync(f, text);
  return f;
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function onlyError(r: LoadResult) {
  expect(r.loaded).toHaveLength(0);
  expect(r.errors).toHaveLength(1);
  return r.errors[0];
}

beforeAll(() => {
  tmp = makeTempDir('wpk-runtime-');
  exampleLib = path.join(cmakeBuild(path.join(REPO_ROOT, 'examples', 'get-string'), path.join(tmp, 'example')), 'libget_string.so');
  lib.basic = fixture('basic', 'basic.c');
  lib.features = fixture('features', 'features.c');
  lib.featuresV4 = fixture('features_v4', 'features.c', { WASMEDGE_PLUGIN_API_VERSION: 4 });
  lib.renamed = fixture('renamed', 'basic.c', { MODULE: '"desc_name"', INSTANCE: '"wasm_name"', NAME: '"renamed"' });
  lib.api3 = fixture('api3', 'basic.c', { API_VERSION: 3, NAME: '"old"' });
  lib.api6 = fixture('api6', 'basic.c', { API_VERSION: 6, NAME: '"future"' });
  lib.nullDesc = fixture('nulldesc', 'basic.c', { RETURN_NULL: true, NAME: '"nulldesc"' });
  lib.missingSymbol = fixture('missing', 'missing_symbol.c');
  lib.noDescriptor = fixture('nodesc', 'no_descriptor.c');
  for (let i = 1; i <= 13; i++) lib[`bad${i}`] = fixture(`bad${i}`, 'bad_descriptor.c', { BREAK: i });
}, 240_000);

afterAll(() => removeDir(tmp));

describe('get_string example through the CLI', () => {
  const wat = path.join(REPO_ROOT, 'examples', 'get-string', 'test.wat');

  it('run prints hello', () => {
    const r = cli(['run', wat, '--plugin', exampleLib]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello\n');
    expect(r.status).toBe(0);
  });

  it('run with --opt string=hi --opt upper prints HI', () => {
    const r = cli(['run', wat, '--plugin', exampleLib, '--opt', 'string=hi', '--opt', 'upper']);
    expect(r.stdout).toBe('HI\n');
    expect(r.status).toBe(0);
  });

  it('call get_string with @64 buffers shows the string and the count', () => {
    const r = cli(['call', exampleLib, 'get_string_module.get_string', '@64', '64', '@4']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('text: "hello"');
    expect(r.stdout).toContain('as u32 (little-endian): 5');
    const j = JSON.parse(cli(['call', exampleLib, 'get_string_module.get_string', '@64', '64', '@4', '--json']).stdout);
    expect(j.buffers[0].text).toBe('hello');
    expect(j.buffers[1].u32).toBe(5);
  });

  it('call add returns the sum; inspect --json has the documented shape', () => {
    expect(cli(['call', exampleLib, 'get_string_module.add', '40', '2']).stdout).toBe('42\n');
    const j = JSON.parse(cli(['inspect', exampleLib, '--json']).stdout);
    expect(j.errors).toEqual([]);
    const p = j.plugins[0];
    expect(p).toMatchObject({ name: 'get_string', apiVersion: 5, compatibleWith: 'WasmEdge 0.17.x', path: exampleLib });
    expect(p.options).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'string', type: 'string', default: 'hello' })]));
    const fns = p.modules[0].functions;
    expect(fns).toContainEqual({ name: 'get_string', params: ['i32', 'i32', 'i32'], results: [] });
    expect(fns).toContainEqual({ name: 'add', params: ['i32', 'i32'], results: ['i32'] });
  });
});

describe('load failures are typed errors and the process survives', () => {
  it.each([
    ['api3', 'E_API_VERSION', /API version 3 .*0\.13.*supports 5 \(WasmEdge 0\.17\.x\) and 4/],
    ['api6', 'E_API_VERSION', /API version 6/],
    ['nullDesc', 'E_NULL_DESCRIPTOR', /returned NULL/],
    ['missingSymbol', 'E_MISSING_SYMBOL', /WasmEdge_VMCreate/],
    ['noDescriptor', 'E_NO_DESCRIPTOR', /WasmEdge_Plugin_GetDescriptor/],
    ['bad1', 'E_BAD_DESCRIPTOR', /the plug-in has a NULL Name/],
    ['bad2', 'E_BAD_DESCRIPTOR', /the plug-in has an empty Name/],
    ['bad3', 'E_BAD_DESCRIPTOR', /ModuleDescriptions is NULL/],
    ['bad4', 'E_BAD_DESCRIPTOR', /module 'm' has a NULL Create function/],
    ['bad5', 'E_BAD_DESCRIPTOR', /module #0 has a NULL Name/],
    ['bad6', 'E_BAD_DESCRIPTOR', /type 99/],
    ['bad7', 'E_BAD_DESCRIPTOR', /NULL Storage/],
    ['bad8', 'E_BAD_DESCRIPTOR', /module name 'm' is declared more than once/],
    ['bad10', 'E_BAD_DESCRIPTOR', /ProgramOptions is NULL/],
    ['bad13', 'E_BAD_DESCRIPTOR', /option 's' \(string\) Storage holds a WasmEdge_String of implausible length/],
  ])('%s → %s', (key, code, message) => {
    const e = onlyError(new PluginHost().loadFromPath(lib[key]));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.path).toBe(lib[key]);
    expect(e.hint).toBeTruthy();
  });

  it.each([['bad9', /returned NULL/], ['bad11', /not a module instance/], ['bad12', /not a module instance/]])(
    'Create returning NULL, a bogus or a deleted pointer (%s) is E_CREATE_FAILED, not a crash', (key, message) => {
      const host = new PluginHost();
      const [p] = host.loadFromPath(lib[key]).loaded;
      expect(() => p.createModule()).toThrow(expect.objectContaining({ code: 'E_CREATE_FAILED', message: expect.stringMatching(message) }));
    });

  it('a text file is not a library; another architecture is named', () => {
    const notLib = path.join(tmp, 'text.so');
    writeFileSync(notLib, 'hello, I am text\n'.repeat(4));
    expect(onlyError(new PluginHost().loadFromPath(notLib)).code).toBe('E_NOT_A_LIBRARY');
    const arm = path.join(tmp, 'arm.so');
    const bytes = readFileSync(lib.basic);
    bytes.writeUInt16LE(process.arch === 'arm64' ? 62 : 183, 18); // e_machine
    writeFileSync(arm, bytes);
    const e = onlyError(new PluginHost().loadFromPath(arm));
    expect(e.code).toBe('E_WRONG_ARCH');
  });

  it('a missing dependency library and the internal C++ entry point get their own explanations', () => {
    const dep = writeSource('dep.c', 'int dep_value(void) { return 1; }');
    const user = writeSource('user.c', 'int dep_value(void);\nint use_dep(void) { return dep_value(); }');
    runOk('cc', ['-shared', '-fPIC', dep, '-o', path.join(tmp, 'libwpkdep.so')]);
    const needs = path.join(tmp, 'libneeds.so');
    runOk('cc', ['-shared', '-fPIC', user, '-o', needs, `-L${tmp}`, '-lwpkdep']);
    rmSync(path.join(tmp, 'libwpkdep.so'));
    const e = onlyError(new PluginHost().loadFromPath(needs));
    expect(e.code).toBe('E_LOAD_FAILED');
    expect(e.message).toContain('needs libwpkdep.so');
    expect(e.hint).toContain('LD_LIBRARY_PATH');

    const cppEntry = path.join(tmp, 'libcppentry.so');
    runOk('c++', ['-shared', '-fPIC', '-x', 'c++', writeSource('entry.cpp', 'extern "C" void *GetDescriptor() { return nullptr; }'), '-o', cppEntry]);
    const e2 = onlyError(new PluginHost().loadFromPath(cppEntry));
    expect(e2.code).toBe('E_NO_DESCRIPTOR');
    expect(e2.hint).toMatch(/internal C\+\+ plug-in API/);
  });

  it('a second plug-in with the same name is refused, naming both paths; the first wins', () => {
    const copy = path.join(tmp, 'dup', 'libbasic_copy.so');
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(lib.basic, copy);
    const host = new PluginHost();
    expect(host.loadFromPath(lib.basic).loaded).toHaveLength(1);
    const e = onlyError(host.loadFromPath(copy));
    expect(e.code).toBe('E_DUPLICATE_PLUGIN');
    expect(e.message).toContain(copy);
    expect(e.message).toContain(lib.basic);
    expect(host.findPlugin('basic')!.path).toBe(lib.basic);
  });

  it('a directory with good and bad plug-ins loads the good ones and lists every bad one', () => {
    const r = new PluginHost().loadFromPath(path.join(tmp, 'libs'));
    const names = r.loaded.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['basic', 'features', 'renamed']));
    const failed = new Set(r.errors.map((e) => path.basename(e.path)));
    for (const k of ['api3', 'nullDesc', 'missingSymbol', 'bad1', 'bad6']) expect(failed).toContain(path.basename(lib[k]));
  });

  it('run: bad plug-ins in a --plugin directory are skipped with a warning; a named bad file is fatal', () => {
    const mixed = path.join(tmp, 'mixed');
    mkdirSync(mixed, { recursive: true });
    copyFileSync(exampleLib, path.join(mixed, 'libget_string.so'));
    copyFileSync(lib.api3, path.join(mixed, 'libold.so'));
    const wat = path.join(REPO_ROOT, 'examples', 'get-string', 'test.wat');
    const r = cli(['run', wat, '--plugin', mixed]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('hello\n');
    expect(r.stderr).toMatch(/warning\[E_API_VERSION\]: skipped .*libold\.so/);
    const named = cli(['run', wat, '--plugin', exampleLib, '--plugin', path.join(mixed, 'libold.so')]);
    expect(named.status).toBe(1);
    expect(named.stderr).toMatch(/error\[E_API_VERSION\]/);
  });

  it('the CLI reports load errors as error[CODE] with a hint and exits 1', () => {
    const r = cli(['inspect', lib.api3]);
    expect(r.status).toBe(1);
    expect(r.signal).toBeNull();
    expect(r.stderr).toMatch(/error\[E_API_VERSION\]: .*API version 3/);
    expect(r.stderr).toMatch(/hint: /);
  });
});

describe('the 0.17 symbol-version trap (FACTS §5)', () => {
  it('an unlinked API 5 plug-in calling MemoryTypeCreate gets the 0.16 form, and `test` says why', () => {
    const unlinked = path.join(tmp, 'libfeatures_unlinked.so');
    runOk('cc', ['-std=c11', '-shared', '-fPIC', `-I${path.join(REPO_ROOT, 'sdk', 'include')}`, path.join(FIXTURES, 'features.c'), '-o', unlinked]);
    // Same source: linked, 2 pages; unlinked, the reference binds to the 0.16 form (as in real WasmEdge).
    const pages = (lib: string) => {
      const m = new PluginHost().loadFromPath(lib).loaded[0].createModule();
      return m.memories[0].pages;
    };
    expect(pages(lib.features)).toBe(2);
    expect(pages(unlinked)).not.toBe(2);
    const check = (lib: string) => {
      const r = cli(['test', lib, '--json']);
      return { status: r.status, finding: JSON.parse(r.stdout).findings.find((f: { check: string }) => f.check === 'symbol-versions') };
    };
    const bad = check(unlinked);
    expect(bad.status).toBe(1);
    expect(bad.finding).toMatchObject({ status: 'fail', message: expect.stringContaining('WasmEdge_MemoryTypeCreate (unversioned)') });
    expect(check(lib.features).finding.status).toBe('pass');
  });
});

describe('search paths', () => {
  it('walks directories recursively, follows symlinked files, not symlinked dirs, only .so', () => {
    const root = path.join(tmp, 'walk');
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    copyFileSync(lib.basic, path.join(root, 'a', 'b', 'libdeep.so'));
    copyFileSync(lib.renamed, path.join(root, 'librenamed.so.0')); // wrong extension: skipped
    symlinkSync(lib.features, path.join(root, 'liblinked.so'));
    mkdirSync(path.join(tmp, 'elsewhere'), { recursive: true });
    copyFileSync(lib.api3, path.join(tmp, 'elsewhere', 'libold.so'));
    symlinkSync(path.join(tmp, 'elsewhere'), path.join(root, 'linkdir'));
    const r = new PluginHost().loadFromPath(root);
    expect(r.errors).toEqual([]);
    expect(r.loaded.map((p) => p.name).sort()).toEqual(['basic', 'features']);
  });

  it('WASMEDGE_PLUGIN_PATH: empty entries and a trailing colon are fine, searched paths are reported', () => {
    const host = new PluginHost();
    const dir = path.join(tmp, 'walk', 'a');
    const r = host.loadWithDefaultPaths([...`:${dir}::${path.join(tmp, 'nope')}:`.split(':').filter(Boolean)]);
    expect(r.searched).toEqual([dir, path.join(tmp, 'nope')]);
    expect(r.loaded.map((p) => p.name)).toEqual(['basic']);
    const env = cli(['inspect', '--json']);
    expect(env.status).toBe(0);
    const withEnv = spawnSync(process.execPath, [CLI, 'inspect', '--json'], {
      encoding: 'utf8', env: { ...process.env, WASMEDGE_PLUGIN_PATH: `${dir}:` },
    });
    expect(withEnv.status).toBe(0);
    const j = JSON.parse(withEnv.stdout);
    expect(j.searched[0]).toBe(dir);
    expect(j.plugins.map((p: { name: string }) => p.name)).toEqual(['basic']);
  });
});

describe('plug-in features', () => {
  it('lists options of all 12 types with defaults, and sets them typed and validated', () => {
    const host = new PluginHost();
    const [p] = host.loadFromPath(lib.features).loaded;
    const byName = Object.fromEntries(p.options.map((o) => [o.name, o]));
    expect(Object.keys(byName)).toHaveLength(13);
    expect(byName.none.type).toBe('none');
    expect(byName.toggle).toMatchObject({ type: 'toggle', default: false });
    expect(byName.i8).toMatchObject({ type: 'int8', default: -8, flagDefault: 8 });
    expect(byName.i64).toMatchObject({ type: 'int64', default: -64n, flagDefault: 64n });
    expect(byName.u64).toMatchObject({ type: 'uint64', default: 64n });
    expect(byName.f32).toMatchObject({ type: 'float', default: 1.5 });
    expect(byName.f64).toMatchObject({ type: 'double', default: 3.25 });
    expect(byName.str).toMatchObject({ type: 'string', default: 'init', flagDefault: 'dflt' });

    p.setOption('toggle');
    p.setOption('i8', '-128');
    p.setOption('u16', 65535);
    p.setOption('i64', '-9007199254740993');
    p.setOption('u64', '18446744073709551615');
    p.setOption('f64', '0.5');
    p.setOption('str'); // bare flag: DefaultValue, as WasmEdge does
    expect(p.getOption('toggle')).toBe(true);
    expect(p.getOption('i8')).toBe(-128);
    expect(p.getOption('u16')).toBe(65535);
    expect(p.getOption('i64')).toBe(-9007199254740993n);
    expect(p.getOption('u64')).toBe(18446744073709551615n);
    expect(p.getOption('f64')).toBe(0.5);
    expect(p.getOption('str')).toBe('dflt');
    p.setOption('str', 'ünïcode');
    expect(p.getOption('str')).toBe('ünïcode');

    expect(() => p.setOption('i8', '128')).toThrow(expect.objectContaining({ code: 'E_OPTION_VALUE' }));
    expect(() => p.setOption('u8', '-1')).toThrow(expect.objectContaining({ code: 'E_OPTION_VALUE' }));
    expect(() => p.setOption('i32', 'abc')).toThrow(expect.objectContaining({ code: 'E_OPTION_VALUE' }));
    expect(() => p.setOption('toggle', 'maybe')).toThrow(expect.objectContaining({ code: 'E_OPTION_VALUE' }));
    expect(() => p.setOption('nope', '1')).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_OPTION' }));

    // The plug-in sees the value at call time.
    p.setOption('i64', '123456789012345');
    const m = p.createModule();
    expect(m.call('opt_i64')).toEqual([123456789012345n]);
    m.dispose();
  });

  it('reports the instance name (what wasm imports), not only the descriptor name', () => {
    const host = new PluginHost();
    const [p] = host.loadFromPath(lib.renamed).loaded;
    const m = p.createModule('desc_name');
    expect(m.name).toBe('desc_name');
    expect(m.instanceName).toBe('wasm_name');
    const j = JSON.parse(cli(['inspect', lib.renamed, '--json']).stdout);
    expect(j.plugins[0].modules[0]).toMatchObject({ name: 'desc_name', instanceName: 'wasm_name' });
  });

  it.each([['v5', 'features', 5], ['v4', 'featuresV4', 4]])('API %s plug-in: memory limits through its own Limit ABI', (_v, key, api) => {
    const host = new PluginHost();
    const [p] = host.loadFromPath(lib[key]).loaded;
    expect(p.apiVersion).toBe(api);
    expect(p.compatibleWith).toBe(api === 5 ? 'WasmEdge 0.17.x' : 'WasmEdge 0.14.x–0.16.x');
    const m = p.createModule();
    expect(m.memories).toEqual([{ name: 'mem', pages: 2 }]);
    m.dispose();
  });

  it('passes typed values (i64, f32, f64) with their types set', () => {
    const [p] = new PluginHost().loadFromPath(lib.features).loaded;
    const m = p.createModule();
    expect(m.call('mix', 5n, 0.5, 0.25)).toEqual([5.75]);
    expect(() => m.call('mix', 1)).toThrow(expect.objectContaining({ code: 'E_ARGUMENTS' }));
    expect(() => m.call('mxi')).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_FUNCTION', hint: expect.stringMatching(/did you mean 'mix'/) }));
  });

  it('runs the finalizer exactly once on dispose', () => {
    const host = new PluginHost();
    const [p] = host.loadFromPath(lib.features).loaded;
    const runs = koffi.load(lib.features).func('int fixture_finalizer_runs(void)') as () => number;
    const before = runs();
    const m = p.createModule();
    expect(runs()).toBe(before);
    m.dispose();
    expect(runs()).toBe(before + 1);
    m.dispose();
    expect(runs()).toBe(before + 1);
    expect(() => m.call('stop')).toThrow(expect.objectContaining({ code: 'E_DISPOSED' }));
  });
});

describe('running wasm against plug-ins', () => {
  const tee = (name: string, text: string) => {
    const f = path.join(tmp, name);
    writeFileSync(f, text);
    return f;
  };

  it('a host function calls the guest malloc (which grows memory), and writes after a grow work', () => {
    const r = cli(['run', path.join(FIXTURES, 'features.wat'), '--plugin', lib.features]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello from the hostOK\n');
    expect(r.status).toBe(0);
  });

  it('WasmEdge_Result_Terminate ends the run like proc_exit(0)', () => {
    const wat = tee('stop.wat', `(module (import "features" "stop" (func $stop))
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory (export "memory") 1)
      (func (export "_start") (call $stop) (call $exit (i32.const 7))))`);
    const r = cli(['run', wat, '--plugin', lib.features]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a WASI exit code is propagated', () => {
    const wat = tee('exit.wat', `(module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory (export "memory") 1) (func (export "_start") (call $exit (i32.const 7))))`);
    expect(cli(['run', wat, '--plugin', lib.features]).status).toBe(7);
  });

  it('a failure result traps naming plug-in, module, function, category and code', () => {
    const wat = tee('fail.wat', `(module (import "features" "fail_user" (func $f))
      (memory (export "memory") 1) (func (export "_start") (call $f)))`);
    const r = cli(['run', wat, '--plugin', lib.features]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error\[E_HOST_FAILURE\]: host function features\.fail_user of plug-in 'features' failed: user defined error code \(category UserLevelError, code 0x1234\)/);
    const wat2 = tee('oob.wat', `(module (import "get_string_module" "get_string" (func $g (param i32 i32 i32)))
      (memory 1) (func (export "_start") (call $g (i32.const 70000) (i32.const 64) (i32.const 0))))`);
    const r2 = cli(['run', wat2, '--plugin', exampleLib]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/get_string_module\.get_string of plug-in 'get_string' failed: out of bounds memory access \(category WASM, code 0x408\)/);
  });

  it('unknown imports and signature mismatches fail before running, showing expected vs found', () => {
    const unknown = tee('unknown.wat', `(module (import "get_string_module" "get_strin" (func (param i32 i32 i32))) (func (export "_start")))`);
    let r = cli(['run', unknown, '--plugin', exampleLib]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error\[E_UNKNOWN_IMPORT\].*get_strin/);
    expect(r.stderr).toMatch(/did you mean 'get_string'/);
    const wrongModule = tee('wrongmod.wat', `(module (import "nope" "f" (func)) (func (export "_start")))`);
    r = cli(['run', wrongModule, '--plugin', exampleLib]);
    expect(r.stderr).toMatch(/no loaded plug-in module is named 'nope'/);
    const sig = tee('sig.wat', `(module (import "get_string_module" "add" (func (param i32) (result i32))) (func (export "_start")))`);
    r = cli(['run', sig, '--plugin', exampleLib]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('expected (host function): (i32, i32) -> (i32)');
    expect(r.stderr).toContain('found (wasm import):      (i32) -> (i32)');
  });

  it('instantiates from code, invokes exports, and disposes cleanly', async () => {
    const host = new PluginHost();
    const [p] = host.loadFromPath(exampleLib).loaded;
    const mod = p.createModule();
    const inst = await host.instantiate(`(module (import "get_string_module" "add" (func $add (param i32 i32) (result i32)))
      (func (export "twice") (param i32) (result i32) (call $add (local.get 0) (local.get 0))))`, { modules: [mod], wasi: false });
    expect(inst.invoke('twice', 21)).toBe(42);
    expect(() => inst.invoke('twise', 1)).toThrow(expect.objectContaining({ code: 'E_NO_EXPORT', hint: expect.stringMatching(/did you mean 'twice'/) }));
    host.close();
    expect(mod.disposed).toBe(true);
    expect(() => mod.call('add', 1, 2)).toThrow(KitError);
  });

  it('run --invoke prints results, one per line, with --json too', () => {
    const wat = tee('inv.wat', `(module (import "features" "mix" (func $mix (param i64 f32 f64) (result f64)))
      (func (export "m") (param i64) (result f64) (call $mix (local.get 0) (f32.const 0.5) (f64.const 0.25)))
      (func (export "big") (result i64) (i64.const -9007199254740993)))`);
    expect(cli(['run', wat, '--plugin', lib.features, '--invoke', 'm', '--', '2']).stdout).toBe('2.75\n');
    expect(cli(['run', wat, '--plugin', lib.features, '--invoke', 'big']).stdout).toBe('-9007199254740993\n');
    expect(JSON.parse(cli(['run', wat, '--plugin', lib.features, '--invoke', 'big', '--json']).stdout)).toEqual({ results: ['-9007199254740993'] });
  });
});
