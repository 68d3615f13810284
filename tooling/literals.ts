/**
 * The one reader of number literals typed by users: `call` and `run --invoke` arguments and the
 * arguments and expected results of `@invoke` lines in test .wat files.
 *
 * - i32: decimal or 0x hex with an optional sign, from -2^31 to 2^32-1 (unsigned spellings wrap,
 *   as in the wasm text format); i64 likewise from -2^63 to 2^64-1.
 * - f32/f64: a decimal number (`1`, `-2.5`, `1e-3`), a hex integer, `inf`, `-inf`, `nan`; an f32
 *   is rounded to single precision, which is what the callee receives.
 * Anything else — an empty string, spaces, `1_000`, `0b11` — is refused, never read as 0.
 */
import type { WasmValue } from '../runtime/call-engine.js';

export type LiteralType = 'i32' | 'i64' | 'f32' | 'f64';

/** A literal as quoted in messages: only its start when it is long, so a message stays one short line. */
export function quoteLiteral(raw: string): string {
  return raw.length <= 40 ? JSON.stringify(raw) : `${JSON.stringify(raw.slice(0, 32))}… (${raw.length} characters)`;
}

/** A literal that does not fit its type (the message reads `"<raw>" is not …`). */
export class LiteralError extends Error {
  constructor(readonly raw: string, readonly type: string, problem: string) {
    super(problem === '' ? `values of type ${type} have no literal form` : `${quoteLiteral(raw)} is not ${problem}`);
  }
}

const INTEGER = /^([-+]?)(0x[0-9a-f]+|\d+)$/i;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const SPECIAL: Record<string, number> = { nan: NaN, '+nan': NaN, '-nan': NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity };

/** The integer a literal spells, or undefined when it is not an integer literal (sign applied to hex too). */
function integer(raw: string): bigint | undefined {
  const m = INTEGER.exec(raw);
  if (!m) return undefined;
  const magnitude = BigInt(m[2]); // BigInt reads 0x… but not a signed hex literal: the sign is applied here
  return m[1] === '-' ? -magnitude : magnitude;
}

export function isLiteralType(t: string): t is LiteralType {
  return t === 'i32' || t === 'i64' || t === 'f32' || t === 'f64';
}

/** Parses `raw` as a value of type `t`; throws LiteralError when it is not one. */
export function parseLiteral(raw: string, t: string): WasmValue {
  switch (t) {
    case 'i32':
    case 'i64': {
      const bits = t === 'i32' ? 32 : 64;
      const n = integer(raw);
      if (n === undefined) throw new LiteralError(raw, t, 'an integer');
      if (n < -(1n << BigInt(bits - 1)) || n > (1n << BigInt(bits)) - 1n) throw new LiteralError(raw, t, `in the ${t} range`);
      const wrapped = BigInt.asIntN(bits, n);
      return t === 'i32' ? Number(wrapped) : wrapped;
    }
    case 'f32':
    case 'f64': {
      const lower = raw.toLowerCase();
      let n: number;
      if (lower in SPECIAL) n = SPECIAL[lower];
      else if (DECIMAL.test(raw)) n = Number(raw);
      else {
        const i = integer(raw);
        if (i === undefined) throw new LiteralError(raw, t, 'a number');
        n = Number(i);
      }
      return t === 'f32' ? Math.fround(n) : n;
    }
    default:
      throw new LiteralError(raw, t, '');
  }
}
