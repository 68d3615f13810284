/** The one value-type byte table (runtime/value-types.ts) against the bytes WasmEdge 0.17.1 uses (docs/abi.md). */
import { expect, test } from 'vitest';
import { encodeValTypes, valTypeName, wasmBinaryCode, type ValueTypeName } from '../runtime/value-types.js';

// WasmEdge_ValTypeGen*() as printed by a probe against real WasmEdge 0.17.1 (docs/abi.md, "Value types").
const WASMEDGE_BYTES: Record<ValueTypeName, string> = {
  i32: '00007f4000000000', i64: '00007e4000000000', f32: '00007d4000000000', f64: '00007c4000000000',
  v128: '00007b4000000000', funcref: '0000637000000000', externref: '0000636f00000000',
};

test.each(Object.entries(WASMEDGE_BYTES))('%s encodes and decodes as WasmEdge does', (name, hex) => {
  const t = name as ValueTypeName;
  expect(encodeValTypes([t]).toString('hex')).toBe(hex);
  expect(valTypeName(Buffer.from(hex, 'hex'))).toBe(t);
});

test('non-nullable references (0x64) decode too; unknown bytes are named, not guessed', () => {
  expect(valTypeName(Buffer.from('0000647000000000', 'hex'))).toBe('funcref');
  expect(valTypeName(Buffer.from('0000554000000000', 'hex'))).toBe('unknown(0x0000554000000000)');
});

test('a list is 8 bytes per type; the wasm binary codes use the heap byte for references', () => {
  expect(encodeValTypes(['i32', 'f64']).toString('hex')).toBe(WASMEDGE_BYTES.i32 + WASMEDGE_BYTES.f64);
  expect(encodeValTypes([]).length).toBe(8);
  expect(['i32', 'i64', 'f32', 'f64', 'v128', 'funcref', 'externref'].map((t) => wasmBinaryCode(t as ValueTypeName))).toEqual([0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f]);
});
