/** Wasm value types as written by the kit (`i32 i64 f32 f64 v128 funcref externref`) and their ABI bytes. */
export type ValueTypeName = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref';

/**
 * Decodes the 8 bytes of a WasmEdge_ValType (FACTS §1): [2] is the type code, [3] the heap type for
 * references (0x70 func, 0x6f extern).
 */
export function valTypeName(data: Uint8Array): ValueTypeName | `unknown(0x${string})` {
  switch (data[2]) {
    case 0x7f: return 'i32';
    case 0x7e: return 'i64';
    case 0x7d: return 'f32';
    case 0x7c: return 'f64';
    case 0x7b: return 'v128';
    case 0x63:
    case 0x64:
      if (data[3] === 0x70) return 'funcref';
      if (data[3] === 0x6f) return 'externref';
      break;
  }
  return `unknown(0x${Buffer.from(data).toString('hex')})`;
}

/** A type list for messages; a very long one is abbreviated so that a message stays one short line. */
function typeList(types: readonly string[]): string {
  const LIMIT = 16;
  return types.length <= LIMIT ? types.join(', ') : `${types.slice(0, LIMIT).join(', ')}, … ${types.length} in all`;
}

export function formatSignature(sig: { params: readonly string[]; results: readonly string[] }): string {
  return `(${typeList(sig.params)}) -> (${typeList(sig.results)})`;
}
