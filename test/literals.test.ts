/**
 * One reader of number literals (tooling/literals.ts) for `call`/`run --invoke` arguments and
 * `@invoke` lines: signed hex, range limits, and refusal of what is not a literal (never read as 0),
 * checked on the parser and through a real plug-in called both ways.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LiteralError, parseLiteral } from '../tooling/literals.js';
import { callFunction } from '../tooling/engines/call.js';
import { runWatTest } from '../tooling/check/wat-expectations.js';
import { REPO_ROOT, buildPluginLib, makeTempDir, removeDir, writeFile } from './helpers/cbuild.js';

describe('parseLiteral', () => {
  test.each([
    ['-0x10', 'i32', -16],
    ['+0x10', 'i32', 16],
    ['0xffffffff', 'i32', -1],
    ['4294967295', 'i32', -1],
    ['-2147483648', 'i32', -2147483648],
    ['-0x10', 'i64', -16n],
    ['+0x10', 'i64', 16n],
    ['0xffffffffffffffff', 'i64', -1n],
    ['18446744073709551615', 'i64', -1n],
    ['-9223372036854775808', 'i64', -(2n ** 63n)],
    ['1.5', 'f64', 1.5],
    ['-2.5e3', 'f64', -2500],
    ['.5', 'f64', 0.5],
    ['-0x10', 'f64', -16],
    ['inf', 'f32', Infinity],
    ['-inf', 'f64', -Infinity],
    ['0.1', 'f32', Math.fround(0.1)],
  ])('%s as %s is %s', (raw, type, want) => {
    expect(parseLiteral(raw, type)).toBe(want);
  });

  test('nan is NaN', () => {
    expect(parseLiteral('nan', 'f64')).toBeNaN();
    expect(parseLiteral('nan', 'f32')).toBeNaN();
  });

  test.each([
    ['', 'i32', 'an integer'],
    ['', 'i64', 'an integer'],
    [' 5', 'i64', 'an integer'],
    ['1.0', 'i32', 'an integer'],
    ['0b11', 'i32', 'an integer'],
    ['1_000', 'i64', 'an integer'],
    ['4294967296', 'i32', 'in the i32 range'],
    ['-2147483649', 'i32', 'in the i32 range'],
    ['0x10000000000000000', 'i64', 'in the i64 range'],
    ['', 'f64', 'a number'],
    ['abc', 'f32', 'a number'],
    ['Infinity', 'f64', 'a number'],
  ])('%j as %s is refused: not %s', (raw, type, problem) => {
    expect(() => parseLiteral(raw, type)).toThrow(LiteralError);
    expect(() => parseLiteral(raw, type)).toThrow(`${JSON.stringify(raw)} is not ${problem}`);
  });

  test('reference types have no literal form', () => {
    expect(() => parseLiteral('0', 'externref')).toThrow('values of type externref have no literal form');
  });
});

describe('the same literals through a real plug-in', () => {
  let dir: string;
  let lib: string;
  beforeAll(() => {
    dir = makeTempDir('wpk-literals-');
    lib = buildPluginLib([path.join(REPO_ROOT, 'test', 'fixtures', 'runtime', 'basic.c')], path.join(dir, 'libbasic.so'), {
      flags: ['-std=c11', '-Wall', '-Wextra', '-Werror'], stubDir: path.join(dir, 'stub'),
    });
  });
  afterAll(() => removeDir(dir));

  test('call: -0x10 + +0x20 is 16; an empty argument is refused', () => {
    expect(callFunction(lib, 'basic_module.add', ['-0x10', '+0x20'], []).results).toEqual([16]);
    expect(() => callFunction(lib, 'basic_module.add', ['', '1'], [])).toThrow('argument 1 (i32): "" is not an integer');
  });

  test('@invoke: signed hex arguments and results compare as the call returns them', async () => {
    const wat = writeFile(dir, 'literals.wat', `;; @invoke add -0x10 +0x20 => 16
;; @invoke add 0xffffffff 0 => -1
;; @invoke id64 -0x10 => -0x10
;; @invoke id64 0xffffffffffffffff => -1
;; @invoke add -0x10 0 => 0
(module
  (import "basic_module" "add" (func $add (param i32 i32) (result i32)))
  (func (export "add") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
  (func (export "id64") (param i64) (result i64) (local.get 0)))
`);
    const findings = await runWatTest(lib, wat);
    expect(findings.map((f) => f.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'fail']);
    expect(findings[4].message).toContain('got -16');
  });
});
