// --engine wasmedge|both: the same programs, plug-ins and expectations in the kit and in real
// WasmEdge (docs/engines.md), and the kit behaviours aligned with WasmEdge, checked in both engines.
import { copyFileSync, mkdirSync, opendirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CARGO, REPO_ROOT, buildPluginLib, cmakeBuild, makeTempDir, removeDir, run } from './helpers/cbuild.js';
import { cli, ensureBuilt } from './helpers/cli.js';
import { WASMEDGE, noticeIfNoWasmEdge } from './helpers/wasmedge.js';
import { callWrapper, parseBufferDump } from '../tooling/wasmedge/call-wrapper.js';
import { callFunction } from '../tooling/engines/call.js';
import { runFile } from '../tooling/engines/run.js';
import { sameValue } from '../tooling/wasmedge/compare.js';
import { parseWasmEdgeOutput } from '../tooling/wasmedge/cli-runner.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'get-string');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'runtime');
const TEST_WAT = path.join(EXAMPLE, 'test.wat');
let tmp: string;
const lib: Record<string, string> = {};

function tee(name: string, text: string): string {
  const f = path.join(tmp, name);
  writeFileSync(f, text);
  return f;
}

beforeAll(() => {
  ensureBuilt();
  noticeIfNoWasmEdge();
  tmp = makeTempDir('wpk-engines-');
  const b = cmakeBuild(EXAMPLE, path.join(tmp, 'example'));
  lib.c = path.join(b, 'libget_string.so');
  lib.cpp = path.join(b, 'libget_string_cpp.so');
  lib.features = buildPluginLib([path.join(FIXTURES, 'features.c')], path.join(tmp, 'libfeatures.so'));
  lib.featuresV4 = buildPluginLib([path.join(FIXTURES, 'features.c')], path.join(tmp, 'v4', 'libfeatures_v4.so'), { defines: { WASMEDGE_PLUGIN_API_VERSION: 4 } });
  if (HAS_CARGO) {
    const env: NodeJS.ProcessEnv = { ...process.env, CARGO_TARGET_DIR: path.join(tmp, 'rust') };
    delete env.LD_LIBRARY_PATH;
    const r = run('cargo', ['build', '--release', '--offline'], { cwd: EXAMPLE, env });
    if (r.status !== 0) throw new Error(`cargo build failed:\n${r.stderr}`);
    lib.rust = path.join(tmp, 'rust', 'release', 'libget_string_rs.so');
  }
});
afterAll(() => removeDir(tmp));

/** Copies stdin to stdout (WASI fd_read / fd_write), 1 KiB at a time. */
const CAT_WAT = `(module
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start") (local $n i32)
    (block $done
      (loop $more
        (i32.store (i32.const 0) (i32.const 64))
        (i32.store (i32.const 4) (i32.const 1024))
        (br_if $done (i32.ne (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 16)) (i32.const 0)))
        (local.set $n (i32.load (i32.const 16)))
        (br_if $done (i32.eqz (local.get $n)))
        (i32.store (i32.const 32) (i32.const 64))
        (i32.store (i32.const 36) (local.get $n))
        (drop (call $fd_write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 20)))
        (br $more)))))`;

const STOP_WAT = `(module (import "features" "stop" (func $stop))
  (func (export "_start") (call $stop) (unreachable))
  (func (export "inv") (result i32) (call $stop) (i32.const 5)))`;

describe('kit behaviour aligned with WasmEdge (no WasmEdge needed)', () => {
  it('Terminate under run --invoke ends the run without results, exit 0 (it was E_INTERNAL)', async () => {
    const wat = tee('stop.wat', STOP_WAT);
    const r = await cli(['run', wat, '--plugin', lib.features, '--invoke', 'inv']);
    expect(r).toMatchObject({ status: 0, stdout: '' });
    expect(r.stderr).not.toContain('error[');
    expect(JSON.parse((await cli(['run', wat, '--plugin', lib.features, '--invoke', 'inv', '--json'])).stdout)).toEqual({ results: [], terminated: true });
  });

  it('Terminate under call ends the call without results, exit 0', async () => {
    const r = await cli(['call', lib.features, 'features.stop', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ results: [], terminated: true });
  });

  it('an export called by --invoke can use WASI (fd_write), as under wasmedge --reactor', async () => {
    const wat = tee('print.wat', `(module (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
      (memory (export "memory") 1) (data (i32.const 100) "out\\n")
      (func (export "go") (result i32) (i32.store (i32.const 0) (i32.const 100)) (i32.store (i32.const 4) (i32.const 4))
        (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))) (i32.const 7)))`);
    const r = await cli(['run', wat, '--invoke', 'go']);
    expect(r).toMatchObject({ status: 0, stdout: 'out\n7\n' });
  });

  it('run without --plugin finds plug-ins through WASMEDGE_PLUGIN_PATH, as inspect and WasmEdge do', async () => {
    const dir = path.join(tmp, 'envpath');
    mkdirSync(dir, { recursive: true });
    copyFileSync(lib.c, path.join(dir, 'libget_string.so'));
    const r = await cli(['run', TEST_WAT], { env: { WASMEDGE_PLUGIN_PATH: dir } });
    expect(r).toMatchObject({ status: 0, stdout: 'hello\n' });
  });

  it('an API-4 plug-in runs in the kit with a warning naming the releases that load it', async () => {
    const r = await cli(['call', lib.featuresV4, 'features.opt_i64']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("warning[E_API_VERSION]: plug-in 'features' has API version 4: WasmEdge 0.17.x refuses it");
    expect(r.stderr).toContain('only WasmEdge 0.14.1–0.16.x load it');
  });

  it('the call wrapper, run in the kit, reports the same results and buffers as a direct call', async () => {
    const direct = callFunction(lib.c, 'get_string_module.get_string', ['@64', '64', '@4'], ['string=wrapped']);
    const w = callWrapper('get_string_module', 'get_string', { params: ['i32', 'i32', 'i32'], results: [] }, ['@64', '64', '@4']);
    const out = path.join(tmp, 'wrapper-stdout');
    const r = await runFile(tee('wrapper.wat', w.wat), [], { plugin: [lib.c], invoke: 'call', opt: ['string=wrapped'], env: [], dir: [], stdoutPath: out });
    expect(r).toMatchObject({ exitCode: 0, results: [] });
    const dump = parseBufferDump(readFileSync(out, 'utf8'));
    expect(Buffer.from(dump.get(1)!).toString('hex')).toBe(direct.buffers[0].hex);
    expect(Buffer.from(dump.get(3)!).toString('hex')).toBe(direct.buffers[1].hex);
    expect(direct.buffers[0].text).toBe('wrapped');
    const add = callWrapper('get_string_module', 'add', { params: ['i32', 'i32'], results: ['i32'] }, ['2147483647', '1']);
    expect((await runFile(tee('add.wat', add.wat), [], { plugin: [lib.c], invoke: 'call', opt: [], env: [], dir: [] })).results).toEqual([-2147483648]);
  });

  it('results are compared as values of their type; WasmEdge log lines are taken out of stdout', () => {
    expect(sameValue('0.10000000149011612', '0.1', 'f32')).toBe(true);
    expect(sameValue('0.10000000149011612', '0.1', 'f64')).toBe(false);
    expect(sameValue('NaN', 'nan', 'f64')).toBe(true);
    expect(sameValue('-1', '4294967295', 'i32')).toBe(true);
    expect(sameValue('1', '2', 'i64')).toBe(false);
    const o = parseWasmEdgeOutput({ status: 134, stdout: 'out\n[2026-11-30 04:27:04.087] [error] execution failed: unreachable, Code: 0x40a\n', stderr: '' }, { invoke: 'go', resultTypes: ['i32'] });
    expect(o).toMatchObject({ kind: 'trap', stdout: 'out\n', message: 'execution failed: unreachable, Code: 0x40a', code: '0x40a' });
  });
});

describe('without a WasmEdge, the new flags fail with E_WASMEDGE_NOT_FOUND (exit 2) and everything else works', () => {
  const none = () => ({ PATH: path.dirname(process.execPath), HOME: path.join(tmp, 'no-home'), WASMEDGE_PREFIX: '' });
  it.each([
    ['run', () => ['run', TEST_WAT, '--plugin', lib.c, '--engine', 'both']],
    ['call', () => ['call', lib.c, 'get_string_module.add', '1', '2', '--engine', 'wasmedge']],
    ['test', () => ['test', lib.c, '--engine', 'both']],
  ])('%s --engine', async (_name, args) => {
    const r = await cli(args(), { env: none() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error\[E_WASMEDGE_NOT_FOUND\]: no usable WasmEdge found/);
    expect(r.stderr).toContain('hint: Install one');
  });
  it('--wasmedge at a missing path names it', async () => {
    const r = await cli(['run', TEST_WAT, '--plugin', lib.c, '--engine', 'wasmedge', '--wasmedge', path.join(tmp, 'missing')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--wasmedge ${path.join(tmp, 'missing')} (does not exist)`);
  });
  it('the default engine needs no WasmEdge', async () => {
    expect(await cli(['run', TEST_WAT, '--plugin', lib.c], { env: none() })).toMatchObject({ status: 0, stdout: 'hello\n' });
    expect((await cli(['run', TEST_WAT, '--plugin', lib.c, '--engine', 'nope'])).stderr).toContain('error[E_USAGE]: --engine nope: expected kit or wasmedge or both');
  });
});

describe.skipIf(!WASMEDGE)(`in real WasmEdge ${WASMEDGE?.version ?? ''}`, () => {
  const langs = () => Object.keys(lib).filter((k) => ['c', 'cpp', 'rust'].includes(k));

  it('the get_string example (C, C++, Rust) runs the same in both engines; --json has both outputs', async () => {
    expect(langs()).toEqual(HAS_CARGO ? ['c', 'cpp', 'rust'] : ['c', 'cpp']);
    for (const l of langs()) {
      const r = await cli(['run', TEST_WAT, '--plugin', lib[l], '--engine', 'both', '--json', '--opt', 'string=Ünïcode', '--opt', 'upper']);
      expect(r.status, `${l}: ${r.stderr}`).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.comparison).toEqual({ same: true, differences: [] });
      expect(j.kit).toMatchObject({ kind: 'exit', guestExit: 0, stdout: 'ÜNïCODE\n' });
      expect(j.wasmedgeOutcome).toMatchObject({ kind: 'exit', guestExit: 0, stdout: 'ÜNïCODE\n' });
      expect(j.wasmedge.version).toBe(WASMEDGE!.version);
    }
    const human = await cli(['run', TEST_WAT, '--plugin', lib.c, '--engine', 'both']);
    expect(human.stdout).toMatch(/^same in both engines\n/);
  });

  it('the runtime fixture (a host function calling back into the guest, memory growth) runs the same', async () => {
    const r = await cli(['run', path.join(FIXTURES, 'features.wat'), '--plugin', lib.features, '--engine', 'both', '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.comparison.same, r.stdout).toBe(true);
    expect(j.wasmedgeOutcome).toMatchObject({ kind: 'exit', guestExit: 0 });
    expect(j.wasmedgeOutcome.stdout).toMatch(/OK\n$/);
  });

  it('run --engine wasmedge prints what WasmEdge printed, and traps map to E_TRAP (exit 1)', async () => {
    expect(await cli(['run', TEST_WAT, '--plugin', lib.c, '--engine', 'wasmedge', '--opt', 'string=real'])).toMatchObject({ status: 0, stdout: 'real\n' });
    const wat = tee('trap.wat', '(module (func (export "boom") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0))))');
    const r = await cli(['run', wat, '--engine', 'wasmedge', '--invoke', 'boom', '--', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error[E_TRAP]: wasm trap in WasmEdge: execution failed: integer divide by zero');
    expect((await cli(['run', wat, '--engine', 'both', '--invoke', 'boom', '--', '0'])).stdout).toMatch(/^same in both engines/);
  });

  it('stdin reaches the program: as it is with one engine, the same bytes in each with --engine both', async () => {
    const wat = tee('cat.wat', CAT_WAT);
    const input = 'line one\nÜnïcode line two\n';
    expect(await cli(['run', wat, '--engine', 'wasmedge'], { input })).toMatchObject({ status: 0, stdout: input });
    const j = JSON.parse((await cli(['run', wat, '--engine', 'both', '--json'], { input })).stdout);
    expect(j.kit).toMatchObject({ kind: 'exit', stdout: input });
    expect(j.wasmedgeOutcome).toMatchObject({ kind: 'exit', stdout: input });
    expect(j.comparison.same).toBe(true);
    expect(await cli(['run', wat], { input })).toMatchObject({ status: 0, stdout: input });
  });

  it('an API-4 plug-in is reported as a difference (exit 1) with both sides', async () => {
    const wat = tee('mix.wat', `(module (import "features" "mix" (func $mix (param i64 f32 f64) (result f64)))
      (func (export "m") (param f64) (result f64) (call $mix (i64.const 1) (f32.const 0.25) (local.get 0))))`);
    const r = await cli(['run', wat, '--plugin', lib.featuresV4, '--invoke', 'm', '--engine', 'both', '--', '2']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('DIFFERENT in the two engines');
    expect(r.stdout).toContain('ending: kit results, wasmedge error (instantiation failed: unknown import');
    // The API-5 build of the same source agrees, values compared as f64.
    const same = JSON.parse((await cli(['run', wat, '--plugin', lib.features, '--invoke', 'm', '--engine', 'both', '--json', '--', '2'])).stdout);
    expect(same.comparison.same).toBe(true);
    expect(same.kit.results).toEqual(['3.25']);
    expect(same.wasmedgeOutcome.results).toEqual(['3.25']);
  });

  it('Terminate: under _start both exit 0; under --invoke and call both end without results', async () => {
    const wat = tee('stop2.wat', STOP_WAT);
    for (const args of [[], ['--invoke', 'inv']]) {
      const j = JSON.parse((await cli(['run', wat, '--plugin', lib.features, '--engine', 'both', '--json', ...args])).stdout);
      expect(j.comparison.same, JSON.stringify(j)).toBe(true);
      expect(j.kit.kind).toBe(args.length ? 'terminated' : 'exit');
    }
    const c = JSON.parse((await cli(['call', lib.features, 'features.stop', '--engine', 'both', '--json'])).stdout);
    expect(c.comparison.same).toBe(true);
    expect(c.wasmedgeOutcome.kind).toBe('terminated');
  });

  it('call --engine both: results and @N buffers agree', async () => {
    for (const l of langs()) {
      const r = await cli(['call', lib[l], 'get_string_module.get_string', '@16', '16', '@4', '--engine', 'both', '--json', '--opt', 'string=buf']);
      expect(r.status, `${l}: ${r.stdout}${r.stderr}`).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.buffers.kit).toEqual(j.buffers.wasmedge);
      expect(j.buffers.wasmedge[0]).toMatchObject({ argument: 1, size: 16, text: 'buf' });
      expect(j.buffers.wasmedge[1]).toMatchObject({ argument: 3, u32: 3 });
    }
    expect((await cli(['call', lib.c, 'get_string_module.add', '40', '2', '--engine', 'wasmedge'])).stdout).toBe('42\n');
  });

  it('a plug-in directory is walked in directory order: both engines pick the same copy of a duplicate', async () => {
    const dir = path.join(tmp, 'dup');
    mkdirSync(dir);
    const src = readFileSync(path.join(EXAMPLE, 'get_string.c'), 'utf8').replaceAll('"hello"', '"world"');
    const other = buildPluginLib([tee('world.c', src)], path.join(tmp, 'world', 'libworld.so'), { flags: ['-std=c11', '-fvisibility=hidden'] });
    // Copies of "hello" until the first file in directory order is not the first in sorted order;
    // that one becomes "world": WasmEdge loads it first, a sorted walk would not.
    const order = () => { const d = opendirSync(dir); const names: string[] = []; for (let e = d.readSync(); e; e = d.readSync()) names.push(e.name); d.closeSync(); return names; };
    for (let i = 0; i < 2 || (order()[0] === [...order()].sort()[0] && i < 64); i++) copyFileSync(lib.c, path.join(dir, `copy${i}.so`));
    const first = order()[0];
    expect(first).not.toBe([...order()].sort()[0]);
    copyFileSync(other, path.join(dir, first));
    const r = await cli(['run', TEST_WAT, '--plugin', dir, '--engine', 'both', '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.comparison.same, r.stdout).toBe(true);
    expect(j.wasmedgeOutcome.stdout).toBe('world\n');
    expect(j.kit.stdout).toBe('world\n');
    expect(r.stderr).toContain('warning[E_DUPLICATE_PLUGIN]');
  });

  it('test --engine both: expectations hold in both, wasmedge-load passes; an API-4 plug-in fails wasmedge-load', async () => {
    const r = await cli(['test', lib.c, '--wat', TEST_WAT, '--engine', 'both', '--json']);
    const j = JSON.parse(r.stdout);
    expect(r.status, r.stdout).toBe(0);
    expect(j.findings.find((f: { check: string }) => f.check === 'wasmedge-load')).toMatchObject({ status: 'pass' });
    expect(j.findings.filter((f: { check: string }) => f.check === 'wasmedge').map((f: { status: string }) => f.status)).toEqual(['pass']);
    const bad = await cli(['test', lib.featuresV4, '--engine', 'wasmedge', '--json']);
    expect(bad.status).toBe(1);
    const load = JSON.parse(bad.stdout).findings.find((f: { check: string }) => f.check === 'wasmedge-load');
    expect(load).toMatchObject({ status: 'fail', code: 'E_API_VERSION' });
    expect(load.message).toContain('API version 4, this WasmEdge loads only 5');
  });

  it('a wrong expectation is a WasmEdge finding that shows what WasmEdge did', async () => {
    const wat = tee('wrong.wat', `;; @stdout goodbye\n${readFileSync(TEST_WAT, 'utf8')}`);
    const j = JSON.parse((await cli(['test', lib.c, '--wat', wat, '--engine', 'wasmedge', '--json'])).stdout);
    const f = j.findings.find((x: { check: string; status: string }) => x.check === 'wasmedge' && x.status === 'fail');
    expect(f.message).toContain('expected "goodbye\\n"');
    expect(f.message).toContain('"hello\\n"');
  });

  it('doctor names the WasmEdge found, its version and plug-in API', async () => {
    const r = await cli(['doctor', '--json'], { env: { WASMEDGE_PREFIX: WASMEDGE!.prefix } });
    const w = JSON.parse(r.stdout).checks.find((c: { name: string }) => c.name === 'wasmedge');
    expect(w).toMatchObject({ status: 'ok', detail: `WasmEdge ${WASMEDGE!.version}, loads plug-in API 5 (WasmEdge 0.17.x); found by WASMEDGE_PREFIX (prefix ${WASMEDGE!.prefix})` });
  });
});
