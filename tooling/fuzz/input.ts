/**
 * How a fuzz input becomes one host-function call: the same decoding as the libFuzzer harness
 * (harness/wpk_fuzz.c, described in docs/fuzzing.md), so a reproducer made by either mode replays
 * in both. Per parameter: one selector byte and a little-endian u64; then the memory contents.
 */
export const FUZZ_MEMORY_BYTES = 65536;
const PARAM_BYTES = 9;

export interface DecodedCall {
  params: string[];
  /** Argument bit patterns, unsigned, as decimal strings (i64 does not fit a JSON number). */
  args: string[];
  memoryBytes: number;
  /** Where the memory contents were copied, and the bytes (hex). */
  writeOffset: number;
  write: string;
}

export function decodeInput(params: string[], input: Uint8Array): DecodedCall {
  const header = params.length * PARAM_BYTES;
  const head = new Uint8Array(header);
  head.set(input.subarray(0, header));
  const view = new DataView(head.buffer);
  const size = BigInt(FUZZ_MEMORY_BYTES);
  let at = -1;
  const args = params.map((t, i) => {
    const selector = head[i * PARAM_BYTES] & 3;
    let v = header ? view.getBigUint64(i * PARAM_BYTES + 1, true) : 0n;
    if (selector === 1) v = size - (v % 256n);
    else if (selector === 2) v = v % 256n;
    else if (selector === 3) v = v % size;
    if (t === 'i32' || t === 'f32') v &= 0xffffffffn;
    if (t !== 'i32' && t !== 'i64' && t !== 'f32' && t !== 'f64') v = 0n;
    if (at < 0 && t === 'i32' && v < size) at = Number(v);
    return v.toString();
  });
  if (at < 0) at = 0;
  const rest = input.subarray(Math.min(header, input.length));
  const write = rest.subarray(0, FUZZ_MEMORY_BYTES - at);
  return { params, args, memoryBytes: FUZZ_MEMORY_BYTES, writeOffset: at, write: Buffer.from(write).toString('hex') };
}

/** A deterministic input for (seed, index): the random mode's generator (splitmix64 per input). */
export function randomInput(params: string[], seed: number, index: number): Uint8Array {
  let state = (BigInt(seed >>> 0) << 32n) ^ BigInt(index >>> 0) ^ 0x9e3779b97f4a7c15n;
  const next = (): bigint => {
    state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return z ^ (z >> 31n);
  };
  const extra = Number(next() % 65n);
  const bytes = new Uint8Array(params.length * PARAM_BYTES + extra);
  const view = new DataView(bytes.buffer);
  params.forEach((_t, i) => {
    bytes[i * PARAM_BYTES] = Number(next() & 3n);
    // Mostly small values (lengths, offsets), sometimes any 64-bit pattern.
    const v = next();
    view.setBigUint64(i * PARAM_BYTES + 1, next() % 4n === 0n ? v : v % 1024n, true);
  });
  for (let i = params.length * PARAM_BYTES; i < bytes.length; i++) bytes[i] = Number(next() & 0xffn);
  return bytes;
}
