/**
 * `npm run bench` in quick mode (few iterations): it exits 0 and its JSON has every figure as a
 * positive number (no timing thresholds: this machine is shared). Also the hot path's re-entrancy:
 * host → wasm → host calls nested several deep through the generated trampolines, where every nested
 * call overwrites the shared value slots and the binding word before the outer call returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PluginHost } from '../runtime/index.js';
import { shimPath } from '../runtime/paths.js';
import { HAS_CARGO, REPO_ROOT, buildPluginLib, makeTempDir, removeDir } from './helpers/cbuild.js';

let tmp: string;
beforeAll(() => { tmp = makeTempDir('wpk-bench-test-'); });
afterAll(() => removeDir(tmp));


const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;

describe('npm run bench -- --json --quick', () => {
  it('prints the documented figures as positive numbers and exits 0', () => {
    expect(existsSync(path.join(REPO_ROOT, 'dist', 'bench', 'main.js')), 'run `npm run build` first').toBe(true);
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'index.js'), '--json', '--quick'], {
      cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 << 20,
    });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown> & {
      scaffoldSeconds: Record<string, number | null>;
      manyFunctions: { inspectUs: Record<string, number>; perFunctionGrowth: number; inspectLargestMs: number };
      goals: Record<string, { goal: number; value: number; met: boolean }>;
    };
    for (const key of [
      'addCallNs', 'getStringCallNs', 'mixCallNs', 'sum10CallNs', 'bareKoffiAddNs', 'pureJsAddNs',
      'addVsKoffi', 'addVsPureJs', 'loadUs', 'createUs', 'listUs', 'totalUs', 'nodeMs', 'inspectMs', 'inspectVsNode',
    ]) {
      expect(report[key], key).toSatisfy(positive);
    }
    expect(report.inspectNoIsolateMs === null || positive(report.inspectNoIsolateMs)).toBe(true);
    expect(Object.values(report.manyFunctions.inspectUs).length).toBeGreaterThanOrEqual(3);
    for (const us of Object.values(report.manyFunctions.inspectUs)) expect(us).toSatisfy(positive);
    // A ratio of two differences: noise can make it anything in quick mode, but it is a number.
    expect(Number.isFinite(report.manyFunctions.perFunctionGrowth)).toBe(true);
    expect(report.manyFunctions.inspectLargestMs).toSatisfy(positive);
    // Each goal judges the figure it names, and "met" says whether that figure is within the goal.
    expect(Object.keys(report.goals).sort()).toEqual(['addVsKoffi', 'inspectVsNode']);
    for (const [name, g] of Object.entries(report.goals)) {
      expect(g.goal, name).toSatisfy(positive);
      expect(g.value, name).toBe(report[name]);
      expect(g.met, name).toBe(g.value <= g.goal);
    }
    expect(report.scaffoldSeconds.c).toSatisfy(positive);
    expect(report.scaffoldSeconds.cpp).toSatisfy(positive);
    if (HAS_CARGO) {
      expect(report.scaffoldSeconds.rust).toSatisfy(positive);
      expect(report.scaffoldSeconds).toHaveProperty('rustWarm', null); // measured in full runs only
    } else {
      expect(report.scaffoldSeconds.rust).toBeNull();
    }
  }, 240_000);
});

describe('hot path', () => {
  it('the shim exports the argument-free entry the trampolines use', () => {
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
    const lib = koffi.load(shimPath(), { global: true });
    // A stale build/Release lacks these: rebuild it with `npx node-gyp rebuild`.
    expect(() => lib.func('uint32_t wpk_invoke_next(void)')).not.toThrow();
    expect(() => lib.func('void *wpk_next_binding(void)')).not.toThrow();
  });

  it('nested host → wasm → host calls keep every level\'s arguments and results', async () => {
    const libPath = buildPluginLib([path.join(REPO_ROOT, 'bench', 'fixtures', 'reenter.c')], path.join(tmp, 'libwpk_reenter.so'), {
      flags: ['-std=c11', '-Wall', '-Wextra', '-Werror'], stubDir: path.join(tmp, 'stub'),
    });
    const host = new PluginHost();
    const loaded = host.loadFromPath(libPath);
    expect(loaded.errors).toEqual([]);
    const mod = loaded.loaded[0].createModule();
    const inst = await host.instantiate(`(module
      (import "wpk_reenter" "outer" (func $outer (param i32 i64) (result i64)))
      (import "wpk_reenter" "leaf" (func $leaf (param i32 i32 i32) (result i32)))
      (func $down (export "down") (param $x i32) (param $y i64) (result i64)
        (if (result i64) (i32.eqz (local.get $x))
          (then (local.get $y))
          (else (i64.add
            (call $outer (i32.sub (local.get $x) (i32.const 1)) (i64.mul (local.get $y) (i64.const 2)))
            (i64.extend_i32_s (call $leaf (local.get $x) (i32.const 1) (i32.const 2)))))))
      (func (export "start") (param $x i32) (param $y i64) (result i64)
        (call $outer (local.get $x) (local.get $y))))`, { modules: [mod], wasi: false });
    // The same recursion in JS: outer(x, y) = down(x, y + 1) + 1; down(0, y) = y;
    // down(x, y) = outer(x - 1, 2y) + leaf(x, 1, 2).
    const outer = (x: number, y: bigint): bigint => down(x, y + 1n) + 1n;
    const down = (x: number, y: bigint): bigint => (x === 0 ? y : outer(x - 1, y * 2n) + BigInt(x * 100 + 12));
    const start = inst.exports.start as (x: number, y: bigint) => bigint;
    expect(start(0, 5n)).toBe(7n);
    expect(start(6, -3n)).toBe(outer(6, -3n));
    // Enough calls for V8 to optimise the trampolines; depth varies so the slots are reused at every level.
    for (let i = 0; i < 20_000; i++) {
      const x = i % 9;
      const y = BigInt(i) - 10_000n;
      if (start(x, y) !== outer(x, y)) expect(start(x, y)).toBe(outer(x, y));
    }
    inst.dispose();
    host.close();
  });
});
