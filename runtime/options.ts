/**
 * Program options of C plug-ins: typed external storage the host writes before a module is created.
 * WasmEdge only sets them from its command line; we offer the same semantics to code and the CLI:
 * an absent option keeps the plug-in's own initial value, a bare flag stores DefaultValue (Toggle: true).
 */
import { koffi, type Ptr, type Shim } from './native/binding.js';
import { OPTION_VALUE_SIZES, decodeOptionValue, stringOptionValue, type OptionType, type OptionValue } from './option-values.js';

export { OPTION_TYPES, coerceOptionValue, describeOption, type OptionInfo, type OptionType, type OptionValue } from './option-values.js';

/** Reads a value of `type` stored at `p` (NULL gives null). */
export function readOptionValue(type: OptionType, p: Ptr | null): OptionValue | null {
  if (!p || type === 'none') return null;
  const v = new DataView(koffi.view(p, OPTION_VALUE_SIZES[type]));
  if (type !== 'string') return decodeOptionValue(type, v);
  const len = v.getUint32(0, true);
  const buf = v.getBigUint64(8, true);
  return stringOptionValue(len, () => (buf === 0n ? Buffer.alloc(0) : Buffer.from(koffi.view(buf, len))));
}

/**
 * Writes an already-coerced value into the plug-in's storage. Strings get a fresh native buffer (not
 * NUL-terminated, as WasmEdge does), returned: the caller owns it (wpk_free) and decides when the
 * plug-in can no longer hold the previous one.
 */
export function writeOptionValue(shim: Shim, type: OptionType, storage: Ptr, value: OptionValue): Ptr | undefined {
  const v = new DataView(koffi.view(storage, OPTION_VALUE_SIZES[type]));
  switch (type) {
    case 'toggle': v.setUint8(0, value ? 1 : 0); break;
    case 'int8': v.setInt8(0, Number(value)); break;
    case 'int16': v.setInt16(0, Number(value), true); break;
    case 'int32': v.setInt32(0, Number(value), true); break;
    case 'int64': v.setBigInt64(0, BigInt(value as bigint), true); break;
    case 'uint8': v.setUint8(0, Number(value)); break;
    case 'uint16': v.setUint16(0, Number(value), true); break;
    case 'uint32': v.setUint32(0, Number(value), true); break;
    case 'uint64': v.setBigUint64(0, BigInt(value as bigint), true); break;
    case 'float': v.setFloat32(0, Number(value), true); break;
    case 'double': v.setFloat64(0, Number(value), true); break;
    case 'string': {
      const bytes = Buffer.from(String(value), 'utf8');
      const buf = shim.alloc(Math.max(bytes.length, 1)) as Ptr;
      if (bytes.length) new Uint8Array(koffi.view(buf, bytes.length)).set(bytes);
      v.setUint32(0, bytes.length, true);
      v.setBigUint64(8, BigInt(buf), true);
      return buf;
    }
    case 'none':
      break;
  }
  return undefined;
}
