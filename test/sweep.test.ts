// Regressions of the correctness sweep (issue 10), each against real fixture plug-ins
// (test/fixtures/bad/*.c) loaded by the real runtime, in-process or through the CLI:
//   1  a wasm trap handled by a host function is forgotten; error state belongs to one call
//   12 nothing a plug-in or a guest writes to stdout is lost when stdout is a pipe
//   14 a plug-in that installs its own SIGSEGV handler does not break wasm traps
//   15 hangs and crashes say where: wasm code, host function X, or a plug-in thread
//   21 a call into wasm from a plug-in's own thread fails with a message instead of hanging
//   23 a stack overflow in a host function is reported as such
//   24 a string option set again does not leak; an instance added twice is a finding, not a double free
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PluginHost } from '../runtime/index.js';
import { loadShim } from '../runtime/native/binding.js';
import { REPO_ROOT, buildPluginLib, makeTempDir, removeDir, writeFile } from './helpers/cbuild.js';
import { BIN, cli, ensureBuilt, type CliResult } from './helpers/cli.js';
import { collectOutput } from './helpers/spawn.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'bad');
let dir: string;
const lib: Record<string, string> = {};
const wat: Record<string, string> = {};

function fixture(name: string, source: string, defines: Record<string, string | true> = {}): void {
  lib[name] = buildPluginLib([path.join(FIXTURES, source)], path.join(dir, 'libs', `lib${name}.so`), {
    flags: ['-std=c11', '-Wall', '-Wextra', '-Werror', '-g', '-O1'], defines, stubDir: path.join(dir, 'stub'),
    extra: ['-lpthread'],
  });
}

/** Runs a shell pipeline; resolves with its stdout. */
function sh(script: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return collectOutput('sh', ['-c', script], { env: { ...process.env, NO_COLOR: '1', ...env } });
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir('wpk-sweep-');
  fs.mkdirSync(path.join(dir, 'libs'));
  fixture('reenter', 'reenter.c');
  fixture('flood', 'flood.c');
  fixture('sighandler', 'sighandler.c');
  fixture('threads', 'threads.c');
  fixture('hang', 'crash.c', { IN_FUNCTION: true, HOW_HANG: true });
  fixture('recurse', 'crash.c', { IN_FUNCTION: true, HOW_RECURSE: true });
  fixture('dupadd', 'descriptor.c', { DUP_ADD: true });
  wat.flood = writeFile(dir, 'flood.wat', `(module
  (import "flood" "print" (func $print (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (func (export "_start") (local $i i32)
    (drop (call $print (i32.const 10)))
    ;; The guest's own 10 MiB: 64 KiB of 64-byte lines "000…0\\n", written 160 times.
    (memory.fill (i32.const 65536) (i32.const 0x30) (i32.const 65536))
    (local.set $i (i32.const 63))
    (loop $nl
      (i32.store8 (i32.add (i32.const 65536) (local.get $i)) (i32.const 10))
      (local.set $i (i32.add (local.get $i) (i32.const 64)))
      (br_if $nl (i32.lt_u (local.get $i) (i32.const 65536))))
    (i32.store (i32.const 0) (i32.const 65536))
    (i32.store (i32.const 4) (i32.const 65536))
    (local.set $i (i32.const 160))
    (loop $out
      (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (br_if $out (local.get $i)))))`);
  wat.sig = writeFile(dir, 'sig.wat', `(module
  (import "sig" "probe" (func $probe (result i32)))
  (memory 1)
  (func (export "oob") (result i32) (i32.load (i32.const 0x20000)))
  (func (export "probe") (result i32) (call $probe)))`);
  wat.spin = writeFile(dir, 'spin.wat', '(module (memory (export "memory") 1) (func (export "_start") (loop $l (br $l))))');
  wat.boom = writeFile(dir, 'boom.wat', `(module (import "crash_module" "boom" (func $boom))
  (memory (export "memory") 1) (func (export "_start") (call $boom)))`);
  wat.threads = writeFile(dir, 'threads.wat', `(module
  (import "threads" "crash_later" (func $crash_later (param i32)))
  (import "threads" "sleep_ms" (func $sleep (param i32)))
  (import "threads" "invoke_from_thread" (func $ift (result i32)))
  (import "threads" "churn" (func $churn (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "crash_in_host") (call $crash_later (i32.const 200)) (call $sleep (i32.const 5000)))
  (func (export "invoke_from_thread") (result i32) (call $ift))
  (func (export "churn") (result i32) (call $churn (i32.const 4) (i32.const 20000))))`);
}, 240_000);

afterAll(() => removeDir(dir));

describe('1: error state belongs to one call', () => {
  const source = `(module
    (import "reenter" "recover" (func $recover (result i32)))
    (import "reenter" "pass_on" (func $pass_on))
    (import "reenter" "replace" (func $replace))
    (import "reenter" "fail42" (func $fail42))
    (func (export "trap") unreachable)
    (func (export "recover") (result i32) (call $recover))
    (func (export "pass_on") (call $pass_on))
    (func (export "replace") (call $replace))
    (func (export "fail42") (call $fail42)))`;

  async function instance(host: PluginHost) {
    const [p] = host.loadFromPath(lib.reenter).loaded;
    return host.instantiate(source, { modules: [p.createModule()], wasi: false });
  }

  test('a trap the host function handled is not reported for a later, unrelated failure', async () => {
    const host = new PluginHost();
    const inst = await instance(host);
    expect(inst.invoke('recover')).toBe(0x2); // the host function saw the trap as a failure result
    expect(() => inst.invoke('fail42')).toThrow(expect.objectContaining({
      code: 'E_HOST_FAILURE', message: expect.stringContaining('reenter.fail42'),
    }));
    expect(() => inst.invoke('fail42')).toThrow(/code 0x42\)/);
    host.close();
  });

  test('a trap passed on by the host function surfaces as the trap; a replaced one as the host failure', async () => {
    const host = new PluginHost();
    const inst = await instance(host);
    expect(() => inst.invoke('pass_on')).toThrow(WebAssembly.RuntimeError);
    expect(() => inst.invoke('pass_on')).toThrow(/unreachable/);
    let err: unknown;
    try { inst.invoke('replace'); } catch (e) { err = e; }
    expect(err).toMatchObject({ code: 'E_HOST_FAILURE', message: expect.stringContaining('code 0x43') });
    expect((err as Error).cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(() => inst.invoke('fail42')).toThrow(/code 0x42\)/);
    host.close();
  });

  test('two hosts in one process do not see each other\'s errors', async () => {
    const a = new PluginHost();
    const b = new PluginHost();
    const ia = await instance(a);
    const ib = await instance(b);
    expect(ia.invoke('recover')).toBe(0x2);
    expect(() => ib.invoke('fail42')).toThrow(expect.objectContaining({ code: 'E_HOST_FAILURE', message: expect.stringContaining('0x42') }));
    a.close();
    b.close();
  });
});

describe.concurrent('12: output through a pipe is not lost', () => {
  // The reader starts late, so the 64 KiB pipe is full long before it drains. 2>&1: Node makes the
  // stderr pipe non-blocking, and then stdout too, which shares its open file description.
  const lines = (r: CliResult) => Number(r.stdout.trim());
  const reader = '(sleep 1; grep -cE "^[0-9]{63}$")';
  test.each([[[]], [['--no-isolate']]])('call %j: a plug-in printing 20 MiB', async (extra) => {
    const r = await sh(`${q(process.execPath)} ${q(BIN)} call ${extra.join(' ')} ${q(lib.flood)} flood.print 20 2>&1 | ${reader}`);
    expect(lines(r), r.stderr).toBe(20 * 16384);
  });
  test.each([[[]], [['--no-isolate']]])('run %j: a plug-in and a guest printing 10 MiB each', async (extra) => {
    const r = await sh(`${q(process.execPath)} ${q(BIN)} run ${extra.join(' ')} ${q(wat.flood)} --plugin ${q(lib.flood)} 2>&1 | ${reader}`);
    expect(lines(r), r.stderr).toBe(20 * 16384);
  });
});

describe.concurrent('14: a plug-in with its own SIGSEGV handler', () => {
  test.each([[[]], [['--no-isolate']]])('%j: a wasm out-of-bounds access is still a trap, and the plug-in\'s handler still works', async (extra) => {
    const oob = await cli(['run', ...extra, wat.sig, '--plugin', lib.sighandler, '--invoke', 'oob']);
    expect(oob.signal).toBeNull();
    expect(oob.stderr).toContain('error[E_TRAP]');
    expect(oob.stderr).toContain('memory access out of bounds');
    expect(oob.status).toBe(1);
    expect(oob.stderr).toMatch(/plug-in 'sighandler_fixture' replaced the SIGSEGV handler/);
    const probe = await cli(['run', ...extra, wat.sig, '--plugin', lib.sighandler, '--invoke', 'probe']);
    expect(probe.stdout, probe.stderr).toBe('1\n'); // faults in the plug-in's own code still reach its handler
    expect(probe.status).toBe(0);
  });
});

describe.concurrent('15: where a hang or a crash happened', () => {
  test('a timeout in a pure wasm loop is in wasm code', async () => {
    const r = await cli(['run', '--timeout', '1', wat.spin]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error[E_TIMEOUT]');
    expect(r.stderr).toMatch(/in wasm code/);
    expect(r.stderr).not.toMatch(/host function/);
  });
  test('a timeout in a host function called from wasm names it', async () => {
    const r = await cli(['run', '--timeout', '1', wat.boom, '--plugin', lib.hang]);
    expect(r.stderr).toContain('error[E_TIMEOUT]');
    expect(r.stderr).toMatch(/in host function 'boom'/);
  });
  test('a crash on a plug-in\'s own thread is not blamed on the host function the JS thread is in', async () => {
    const r = await cli(['run', wat.threads, '--plugin', lib.threads, '--invoke', 'crash_in_host']);
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain('error[E_CRASH]');
    expect(r.stderr).toMatch(/on a thread of the plug-in/);
    expect(r.stderr).not.toMatch(/sleep_ms/);
    expect(r.stderr).toContain(lib.threads);
  });
});

describe.concurrent('21: threads', () => {
  test.each([[[]], [['--no-isolate']]])('%j: WasmEdge_ExecutorInvoke from a plug-in thread fails with a message instead of hanging', async (extra) => {
    const r = await cli(['run', ...extra, '--timeout', '20', wat.threads, '--plugin', lib.threads, '--invoke', 'invoke_from_thread'], { timeoutMs: 30_000 });
    expect(r.stderr).not.toContain('E_TIMEOUT');
    expect(r.signal).toBeNull();
    expect(r.stdout).toBe('4\n'); // WasmEdge_ErrCode_WrongVMWorkflow
    expect(r.stderr).toMatch(/WasmEdge_ExecutorInvoke called from a thread .*docs\/threads\.md/);
    expect(r.status).toBe(0);
  });
  test('plug-in threads creating and deleting objects concurrently', async () => {
    const r = await cli(['run', wat.threads, '--plugin', lib.threads, '--invoke', 'churn']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0\n');
  });
});

describe.concurrent('23: a stack overflow in a host function', () => {
  test('called directly: the report says stack overflow', async () => {
    const r = await cli(['call', lib.recurse, 'crash_module.boom']);
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain('error[E_CRASH]');
    expect(r.stderr).toMatch(/stack overflow/);
    expect(r.stderr).toMatch(/in host function crash_module\.boom/);
  });
  test('called from wasm: the report names the host function', async () => {
    const r = await cli(['run', wat.boom, '--plugin', lib.recurse]);
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain('error[E_CRASH]');
    expect(r.stderr).toMatch(/stack overflow in host function 'boom'/);
  });
});

describe('24: ownership', () => {
  test('setting a string option again frees the previous value', () => {
    const host = new PluginHost();
    const features = buildPluginLib([path.join(REPO_ROOT, 'test', 'fixtures', 'runtime', 'features.c')], path.join(dir, 'libs', 'libfeatures.so'), {
      flags: ['-std=c11', '-Wall', '-Wextra', '-Werror'], stubDir: path.join(dir, 'stub'),
    });
    const [p] = host.loadFromPath(features).loaded;
    const shim = loadShim();
    p.setOption('str', 'first');
    const blocks = Number(shim.allocBlocks());
    for (let i = 0; i < 100; i++) p.setOption('str', `value ${i}`);
    expect(p.getOption('str')).toBe('value 99');
    expect(Number(shim.allocBlocks())).toBe(blocks);
    // A value a module may have kept is not freed under it.
    const m = p.createModule();
    p.setOption('str', 'after create');
    expect(Number(shim.allocBlocks())).toBe(blocks + 1);
    m.dispose();
    host.close();
  });

  test('a function instance added twice is a finding, not a double free', async () => {
    const r = await cli(['test', '--json', lib.dupadd]);
    expect(r.signal).toBeNull();
    const report = JSON.parse(r.stdout) as { findings: Array<{ check: string; status: string; code?: string; message: string }> };
    expect(report.findings.filter((f) => f.code === 'E_CRASH')).toEqual([]);
    const f = report.findings.find((x) => x.check === 'ownership' && x.status === 'fail');
    expect(f, JSON.stringify(report.findings, null, 1)).toBeDefined();
    expect(f!.message).toMatch(/added to a module twice/);
    expect(report.findings.find((x) => x.check === 'leaks')?.status).toBe('pass');
  });
});
