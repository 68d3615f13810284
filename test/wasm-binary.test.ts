/**
 * The binary reader behind import checks and the memory-0 export: signatures come out right, and the
 * rewritten module stays valid wherever the export section has to go.
 */
import { describe, expect, it } from 'vitest';
import { HIDDEN_MEMORY_EXPORT, parseWasm, withMemoryExport } from '../runtime/wasm/binary.js';
import { watToWasm } from '../runtime/wasm/wat.js';

describe('parseWasm', () => {
  it('reads import signatures, exports and memory 0 limits', async () => {
    const bytes = await watToWasm(`(module
      (type $t (func (param i64 f32) (result f64)))
      (import "m" "f" (func (type $t)))
      (import "m" "g" (func (param i32 i32 i32)))
      (import "m" "mem" (memory 2 9))
      (import "m" "glob" (global i32))
      (func (export "run") (param f64) (result i32 i64) (i32.const 0) (i64.const 0))
      (export "memory" (memory 0)))`);
    const info = parseWasm(bytes);
    expect(info.imports).toEqual([
      { module: 'm', name: 'f', kind: 'function', signature: { params: ['i64', 'f32'], results: ['f64'] } },
      { module: 'm', name: 'g', kind: 'function', signature: { params: ['i32', 'i32', 'i32'], results: [] } },
      { module: 'm', name: 'mem', kind: 'memory' },
      { module: 'm', name: 'glob', kind: 'global' },
    ]);
    expect(info.exports.find((e) => e.name === 'run')).toMatchObject({ kind: 'function', signature: { params: ['f64'], results: ['i32', 'i64'] } });
    expect(info).toMatchObject({ hasMemory: true, memoryExport: 'memory', memoryMaxPages: 9 });
  });

  it('rejects what is not wasm', () => {
    expect(() => parseWasm(new TextEncoder().encode('(module)'))).toThrow(/not a WebAssembly binary/);
  });
});

describe('withMemoryExport', () => {
  const cases: Record<string, string> = {
    'no export section, data and start': `(module (memory 1) (data (i32.const 8) "hi") (func $s) (start $s))`,
    'existing exports, table, elements': `(module (memory 1 3) (table 1 funcref) (func $f) (elem (i32.const 0) $f) (export "f" (func $f)))`,
    'bulk memory (datacount section)': `(module (memory 1) (data $d "abc") (func (export "init") (memory.init $d (i32.const 0) (i32.const 0) (i32.const 3))))`,
  };

  it.each(Object.entries(cases))('%s: stays valid and exports memory 0', async (_name, wat) => {
    const bytes = new Uint8Array(withMemoryExport(await watToWasm(wat)));
    expect(WebAssembly.validate(bytes)).toBe(true);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    expect(instance.exports[HIDDEN_MEMORY_EXPORT]).toBeInstanceOf(WebAssembly.Memory);
    const info = parseWasm(bytes);
    expect(info.memoryExport).toBe(HIDDEN_MEMORY_EXPORT);
  });

  it('keeps the data in place', async () => {
    const bytes = new Uint8Array(withMemoryExport(await watToWasm(`(module (memory 1) (data (i32.const 8) "hi"))`)));
    const mem = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports[HIDDEN_MEMORY_EXPORT] as WebAssembly.Memory;
    expect(Buffer.from(mem.buffer, 8, 2).toString()).toBe('hi');
  });
});
