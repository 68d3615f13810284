/**
 * Program options of C plug-ins: typed external storage the host writes before a module is created.
 * WasmEdge only sets them from its command line; we offer the same semantics to code and the CLI:
 * an absent option keeps the plug-in's own initial value, a bare flag stores DefaultValue (Toggle: true).
 */
import { KitError } from './errors.js';
import { koffi, type Ptr, type Shim } from './native/binding.js';

export const OPTION_TYPES = [
  'none', 'toggle', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float', 'double', 'string',
] as const;
export type OptionType = (typeof OPTION_TYPES)[number];
export type OptionValue = boolean | number | bigint | string;

export interface OptionInfo {
  name: string;
  description: string;
  type: OptionType;
  /** Current value of the storage: the plug-in's initial value until set. */
  default: OptionValue | null;
  /** What a bare `--opt name` stores (the descriptor's DefaultValue), when readable. */
  flagDefault?: OptionValue | null;
}

/** Longer string option values are taken as uninitialised storage. */
export const MAX_STRING_OPTION = 64 * 1024 * 1024;

const SIZES: Record<OptionType, number> = {
  none: 0, toggle: 1, int8: 1, int16: 2, int32: 4, int64: 8, uint8: 1, uint16: 2, uint32: 4, uint64: 8, float: 4, double: 8, string: 16,
};

const INT_RANGES: Partial<Record<OptionType, [bigint, bigint]>> = {
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-(2n ** 31n), 2n ** 31n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 2n ** 32n - 1n], uint64: [0n, 2n ** 64n - 1n],
};

/** Reads a value of `type` stored at `p` (NULL gives null). */
export function readOptionValue(type: OptionType, p: Ptr | null): OptionValue | null {
  if (!p || type === 'none') return null;
  const v = new DataView(koffi.view(p, SIZES[type]));
  switch (type) {
    case 'toggle': return v.getUint8(0) !== 0;
    case 'int8': return v.getInt8(0);
    case 'int16': return v.getInt16(0, true);
    case 'int32': return v.getInt32(0, true);
    case 'int64': return v.getBigInt64(0, true);
    case 'uint8': return v.getUint8(0);
    case 'uint16': return v.getUint16(0, true);
    case 'uint32': return v.getUint32(0, true);
    case 'uint64': return v.getBigUint64(0, true);
    case 'float': return v.getFloat32(0, true);
    case 'double': return v.getFloat64(0, true);
    case 'string': {
      const len = v.getUint32(0, true);
      const buf = v.getBigUint64(8, true);
      if (len > MAX_STRING_OPTION) {
        // Reading it would walk off into unmapped memory: an uninitialised WasmEdge_String.
        throw new KitError('E_BAD_DESCRIPTOR', `a string option holds a WasmEdge_String of length ${len} (uninitialised storage?)`, {
          hint: 'Initialise the option\'s WasmEdge_String storage, e.g. {0, NULL} or a static default.',
        });
      }
      return len === 0 || buf === 0n ? '' : Buffer.from(koffi.view(buf, len)).toString('utf8');
    }
  }
  return null;
}

/** Parses and range-checks a value for an option of `type`; throws E_OPTION_VALUE with the valid form. */
export function coerceOptionValue(name: string, type: OptionType, value: OptionValue): OptionValue {
  const bad = (expected: string) =>
    new KitError('E_OPTION_VALUE', `option '${name}' is of type ${type}; got ${JSON.stringify(String(value))}`, {
      hint: `give ${expected}`,
    });
  switch (type) {
    case 'none':
      throw new KitError('E_OPTION_VALUE', `option '${name}' has type None and takes no value`);
    case 'toggle':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === '1' || value === 'on' || value === 1) return true;
      if (value === 'false' || value === '0' || value === 'off' || value === 0) return false;
      throw bad('true or false (or the bare flag)');
    case 'float':
    case 'double': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (typeof value === 'boolean' || String(value).trim() === '' || Number.isNaN(n)) throw bad('a number');
      return n;
    }
    case 'string':
      return String(value);
    default: {
      const [lo, hi] = INT_RANGES[type]!;
      let n: bigint;
      try {
        if (typeof value === 'boolean') throw new Error();
        n = typeof value === 'bigint' ? value : BigInt(typeof value === 'number' ? value : String(value).trim());
      } catch {
        throw bad(`an integer between ${lo} and ${hi}`);
      }
      if (n < lo || n > hi) throw bad(`an integer between ${lo} and ${hi}`);
      return type === 'int64' || type === 'uint64' ? n : Number(n);
    }
  }
}

/**
 * Writes an already-coerced value into the plug-in's storage. Strings get a fresh native buffer (not
 * NUL-terminated, as WasmEdge does), returned: the caller owns it (wpk_free) and decides when the
 * plug-in can no longer hold the previous one.
 */
export function writeOptionValue(shim: Shim, type: OptionType, storage: Ptr, value: OptionValue): Ptr | undefined {
  const v = new DataView(koffi.view(storage, SIZES[type]));
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
