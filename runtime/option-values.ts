/**
 * Program option types and values as plain data: the type list, what a stored value decodes to, how
 * a given value is checked, what `inspect` shows. No native code (options.ts reads and writes the
 * plug-in's storage; the isolated `inspect` decodes the bytes its probe read).
 */
import { KitError } from './errors.js';

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

/**
 * What `inspect` shows of an option: `read` gives the value stored at its Storage or DefaultValue.
 * A bare flag of a Toggle stores true whatever DefaultValue holds.
 */
export function describeOption(o: { name: string; description: string; type: OptionType }, read: (where: 'storage' | 'defaultValue') => OptionValue | null): OptionInfo {
  return { name: o.name, description: o.description, type: o.type, default: read('storage'), flagDefault: o.type === 'toggle' ? true : read('defaultValue') };
}

/** Longer string option values are taken as uninitialised storage. */
export const MAX_STRING_OPTION = 64 * 1024 * 1024;

/** Bytes of the value an option of each type stores (String: a WasmEdge_String). */
export const OPTION_VALUE_SIZES: Record<OptionType, number> = {
  none: 0, toggle: 1, int8: 1, int16: 2, int32: 4, int64: 8, uint8: 1, uint16: 2, uint32: 4, uint64: 8, float: 4, double: 8, string: 16,
};

const INT_RANGES: Partial<Record<OptionType, [bigint, bigint]>> = {
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-(2n ** 31n), 2n ** 31n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 2n ** 32n - 1n], uint64: [0n, 2n ** 64n - 1n],
};

/** A non-string option value from the bytes of its storage (little-endian, as stored). */
export function decodeOptionValue(type: Exclude<OptionType, 'string'>, v: DataView): OptionValue | null {
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
  }
  return null;
}

/** A string option's value from its WasmEdge_String: `length` and, when plausible, its bytes. */
export function stringOptionValue(length: number, bytes: () => Buffer): string {
  if (length > MAX_STRING_OPTION) {
    // Reading it would walk off into unmapped memory: an uninitialised WasmEdge_String.
    throw new KitError('E_BAD_DESCRIPTOR', `a string option holds a WasmEdge_String of length ${length} (uninitialised storage?)`, {
      hint: 'Initialise the option\'s WasmEdge_String storage, e.g. {0, NULL} or a static default.',
    });
  }
  return length === 0 ? '' : bytes().toString('utf8');
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
