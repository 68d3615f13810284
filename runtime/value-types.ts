/** Wasm value types as written by the kit (`i32 i64 f32 f64 v128 funcref externref`) and their ABI bytes. */
export type ValueTypeName = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref';

/**
 * The one table of value-type bytes (docs/abi.md, "Value types"): byte 2 of a WasmEdge_ValType is
 * the type code, byte 3 the heap type (0x40 for numbers and vectors). funcref and externref are
 * nullable references (0x63). The wasm binary format writes numbers with the same codes and the two
 * reference types with their heap byte alone (see `wasmBinaryCode`).
 */
export const VALUE_TYPE_BYTES: Readonly<Record<ValueTypeName, readonly [code: number, heap: number]>> = {
  i32: [0x7f, 0x40], i64: [0x7e, 0x40], f32: [0x7d, 0x40], f64: [0x7c, 0x40], v128: [0x7b, 0x40],
  funcref: [0x63, 0x70], externref: [0x63, 0x6f],
};

const REF_CODES = new Set([0x63, 0x64]); // nullable and non-nullable references decode alike

/** Decodes the 8 bytes of a WasmEdge_ValType. */
export function valTypeName(data: Uint8Array): ValueTypeName | `unknown(0x${string})` {
  for (const [name, [code, heap]] of Object.entries(VALUE_TYPE_BYTES) as Array<[ValueTypeName, readonly [number, number]]>) {
    if (code === 0x63 ? REF_CODES.has(data[2]) && data[3] === heap : data[2] === code) return name;
  }
  return `unknown(0x${Buffer.from(data).toString('hex')})`;
}

/** WasmEdge_ValType bytes for each type, 8 bytes per type (at least 8 bytes, for an empty list). */
export function encodeValTypes(types: readonly ValueTypeName[]): Buffer {
  const b = Buffer.alloc(Math.max(types.length, 1) * 8);
  types.forEach((t, i) => {
    const [code, heap] = VALUE_TYPE_BYTES[t];
    b[i * 8 + 2] = code;
    b[i * 8 + 3] = heap;
  });
  return b;
}

/** The code of a value type in the wasm binary format. */
export function wasmBinaryCode(t: ValueTypeName): number {
  const [code, heap] = VALUE_TYPE_BYTES[t];
  return code === 0x63 ? heap : code;
}

/** A type list for messages; a very long one is abbreviated so that a message stays one short line. */
function typeList(types: readonly string[]): string {
  const LIMIT = 16;
  return types.length <= LIMIT ? types.join(', ') : `${types.slice(0, LIMIT).join(', ')}, … ${types.length} in all`;
}

export function formatSignature(sig: { params: readonly string[]; results: readonly string[] }): string {
  return `(${typeList(sig.params)}) -> (${typeList(sig.results)})`;
}
