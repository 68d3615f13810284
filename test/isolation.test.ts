// Crash isolation of inspect / call / run: every failure class of a plug-in becomes an error report
// with a code and the stage, and the CLI exits 1 (never by a signal). Fixtures: test/fixtures/bad/*.c.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, buildPluginLib, cmakeBuild, makeTempDir, removeDir, writeFile } from './helpers/cbuild.js';
import { cli, ensureBuilt, type CliResult } from './helpers/cli.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'bad');
let dir: string;
const lib: Record<string, string> = {};

function fixture(name: string, source: string, defines: Record<string, string | true> = {}): string {
  lib[name] = buildPluginLib([path.join(FIXTURES, source)], path.join(dir, 'libs', `lib${name}.so`), {
    flags: ['-std=c11', '-Wall', '-Wextra', '-g'], defines, stubDir: path.join(dir, 'stub'),
  });
  return lib[name];
}

/** Exited normally with status 1 and an error line with `code`; returns stderr. */
function expectCrashReport(r: CliResult, code: string): string {
  expect(r.signal).toBeNull();
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).toContain(`error[${code}]`);
  return r.stderr;
}

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir('wpk-isolation-');
  fs.mkdirSync(path.join(dir, 'libs'));
  fixture('ctor', 'crash.c', { IN_CONSTRUCTOR: true, PLUGIN_NAME: '"ctor_fixture"' });
  fixture('getdesc', 'crash.c', { IN_GETDESCRIPTOR: true });
  fixture('create', 'crash.c', { IN_CREATE: true });
  fixture('fn', 'crash.c', { IN_FUNCTION: true });
  fixture('abort', 'crash.c', { IN_FUNCTION: true, HOW_ABORT: true });
  fixture('hang', 'crash.c', { IN_FUNCTION: true, HOW_HANG: true });
  fixture('exit', 'crash.c', { IN_CREATE: true, HOW_EXIT: true });
  fixture('hangctor', 'crash.c', { IN_CONSTRUCTOR: true, HOW_HANG: true });
  fixture('finalizer', 'crash.c', { IN_FINALIZER: true });
  fixture('oob', 'oob.c');
  fixture('nullname', 'descriptor.c', { NULL_PLUGIN_NAME: true });
  fixture('badopt', 'descriptor.c', { BAD_OPTION_TYPE: true });
  fixture('dupmod', 'descriptor.c', { DUP_MODULE: true });
  fixture('good', 'descriptor.c');
  const gs = cmakeBuild(path.join(REPO_ROOT, 'examples', 'get-string'), path.join(dir, 'gs'));
  lib.getString = path.join(gs, 'libget_string.so');
  writeFile(dir, 'boom.wat', `(module
  (import "crash_module" "boom" (func $boom))
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "before\\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 64)) (i32.store (i32.const 4) (i32.const 7))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 12)))
    (call $boom)))`);
  writeFile(dir, 'exit7.wat', '(module (import "wasi_snapshot_preview1" "proc_exit" (func $e (param i32))) (memory (export "memory") 1) (func (export "_start") (call $e (i32.const 7))))');
  writeFile(dir, 'invalid.wat', '(module\n  (func (export "_start") (call $nope)))');
});

afterAll(() => removeDir(dir));

describe.concurrent('inspect: each crash stage is reported, the CLI exits 1', () => {
  test.each([
    ['ctor', 'dlopen: library constructors'],
    ['getdesc', 'in WasmEdge_Plugin_GetDescriptor'],
    ['create', "in Create of module 'crash_module'"],
    ['exit', "exited unexpectedly with status 3 in Create of module 'crash_module'"],
    ['finalizer', "while deleting module 'crash_module'"],
  ])('%s', async (name, stageText) => {
    const err = expectCrashReport(await cli(['inspect', lib[name]]), 'E_CRASH');
    expect(err).toContain(stageText);
    expect(err).toContain(lib[name]);
  });
});

test('inspect: a constructor that hangs is killed after --timeout', async () => {
  const err = expectCrashReport(await cli(['inspect', '--timeout', '1', lib.hangctor]), 'E_TIMEOUT');
  expect(err).toContain('while loading');
});

describe.concurrent('call: crashes, aborts and hangs in host functions', () => {
  test('SIGSEGV names the function and its arguments', async () => {
    const err = expectCrashReport(await cli(['call', lib.fn, 'crash_module.boom']), 'E_CRASH');
    expect(err).toMatch(/crashed \(SIGSEGV\) in host function crash_module\.boom/);
  });
  test('abort is SIGABRT', async () => {
    expect(expectCrashReport(await cli(['call', lib.abort, 'crash_module.boom']), 'E_CRASH')).toContain('aborted (SIGABRT) in host function crash_module.boom');
  });
  test('a hang is killed after --timeout', async () => {
    const t0 = Date.now();
    const err = expectCrashReport(await cli(['call', '--timeout', '1', lib.hang, 'crash_module.boom']), 'E_TIMEOUT');
    expect(err).toContain('in host function crash_module.boom');
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
  test('an out-of-bounds pointer that the plug-in does not check', async () => {
    expect(expectCrashReport(await cli(['call', lib.oob, 'oob_module.poke', '4000000', '4']), 'E_CRASH')).toContain('oob_module.poke of plug-in \'oob_fixture\'');
  });
  test('the checked variant returns a failure result instead (exit 1, no crash)', async () => {
    const r = await cli(['call', lib.oob, 'oob_module.safe', '4000000', '4']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error[E_HOST_FAILURE]');
    expect(r.stderr).toContain('out of bounds memory access');
  });
  test('a good call still works, isolated and with --no-isolate', async () => {
    for (const extra of [[], ['--no-isolate']]) {
      const r = await cli(['call', ...extra, lib.getString, 'get_string_module.add', '2', '3']);
      expect(r.stdout, r.stderr).toBe('5\n');
      expect(r.status).toBe(0);
    }
  });
});

describe.concurrent('run: guest output streams through, exit codes propagate, crashes are reports', () => {
  test('crash in a host function called from _start', async () => {
    const r = await cli(['run', path.join(dir, 'boom.wat'), '--plugin', lib.fn]);
    expect(r.stdout).toBe('before\n'); // written before the crash, not lost
    // The shim's signal handler names the host function that faulted under wasm.
    expect(expectCrashReport(r, 'E_CRASH')).toContain("in host function 'boom' (called from wasm)");
    expect(r.stderr).toContain(lib.fn);
  });
  test('the guest exit code comes back through the child', async () => {
    const r = await cli(['run', path.join(dir, 'exit7.wat'), '--plugin', lib.getString]);
    expect(r.status).toBe(7);
  });
  test('example prints hello', async () => {
    const r = await cli(['run', path.join(REPO_ROOT, 'examples', 'get-string', 'test.wat'), '--plugin', lib.getString, '--opt', 'upper']);
    expect(r.stdout).toBe('HELLO\n');
    expect(r.status).toBe(0);
  });
});

describe.concurrent('a directory of good and bad plug-ins', () => {
  test('good ones load, every bad one is listed', async () => {
    const mix = path.join(dir, 'mix');
    fs.mkdirSync(mix, { recursive: true });
    for (const n of ['ctor', 'getdesc', 'create', 'nullname', 'badopt', 'dupmod', 'good']) fs.copyFileSync(lib[n], path.join(mix, `lib${n}.so`));
    fs.copyFileSync(lib.getString, path.join(mix, 'libget_string.so'));
    fs.writeFileSync(path.join(mix, 'libtext.so'), 'not a library');
    const r = await cli(['inspect', '--json', mix]);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { plugins: Array<{ name: string }>; errors: Array<{ path: string; code: string }> };
    expect(report.plugins.map((p) => p.name).sort()).toEqual(['descriptor_fixture', 'get_string']);
    const codes = Object.fromEntries(report.errors.map((e) => [path.basename(e.path), e.code]));
    expect(codes).toEqual({
      'libctor.so': 'E_CRASH', 'libgetdesc.so': 'E_CRASH', 'libcreate.so': 'E_CRASH',
      'libnullname.so': 'E_BAD_DESCRIPTOR', 'libbadopt.so': 'E_BAD_DESCRIPTOR', 'libdupmod.so': 'E_BAD_DESCRIPTOR',
      'libtext.so': 'E_NOT_A_LIBRARY',
    });
  });
});

describe.concurrent('bad input: code, message, hint; exit 2 for usage', () => {
  test.each([
    [['run', 'no-such-file.wat', '--plugin', 'X'], 1, 'E_NOT_FOUND', 'no such file'],
    [['call', 'LIB', 'get_string_module.add', '1'], 2, 'E_ARGUMENTS', 'takes 2 argument(s), got 1'],
    [['call', 'LIB', 'get_string_module.add', '1', 'x'], 2, 'E_ARGUMENTS', 'is not an integer'],
    [['call', 'LIB', 'get_string_module.ad', '1', '2'], 2, 'E_UNKNOWN_FUNCTION', "did you mean 'add'"],
    [['call', 'LIB', 'nope_module.add', '1', '2'], 2, 'E_UNKNOWN_MODULE', 'get_string_module'],
    [['call', 'LIB', 'get_string_module.add', '1', '2', '--opt', 'colour=red'], 2, 'E_UNKNOWN_OPTION', 'get_string:string'],
    [['call', 'LIB', 'get_string_module.add', '1', '2', '--opt', 'upper=maybe'], 2, 'E_OPTION_VALUE', 'true or false'],
    [['call', 'LIB', 'get_string_module.add', '1', '2', '--timeout', 'soon'], 2, 'E_USAGE', 'seconds'],
    [['test', 'LIB', '--sanitize', 'memory'], 2, 'E_USAGE', 'the supported value is: address'],
    [['test', 'no-such-dir'], 1, 'E_NOT_FOUND', 'no-such-dir'],
  ])('%j → exit %i %s', async (args, status, code, text) => {
    const r = await cli(args.map((a) => (a === 'LIB' ? lib.getString : a)));
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain(`error[${code}]`);
    expect(r.stderr).toContain(text);
    expect(r.status, r.stderr).toBe(status);
  });
  test('invalid wat gives the compiler position', async () => {
    const r = await cli(['run', path.join(dir, 'invalid.wat'), '--plugin', lib.getString]);
    expect(r.stderr).toContain('error[E_WASM_INVALID]');
    expect(r.stderr).toMatch(/invalid\.wat:2:\d+/);
    expect(r.status).toBe(1);
  });
});
