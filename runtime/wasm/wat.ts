/** Turns user input (.wasm bytes or .wat text) into a wasm binary, with the compiler's position on errors. */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { KitError } from '../errors.js';

type Wabt = Awaited<ReturnType<typeof import('wabt')>>;
let wabt: Promise<Wabt> | undefined;

const FEATURES = {
  multi_value: true, bulk_memory: true, mutable_globals: true, sat_float_to_int: true, sign_extension: true,
  reference_types: true, simd: true, exceptions: true, memory64: true,
};

/**
 * The text as UTF-8 bytes for wabt. wabt copies a JS string with one byte per UTF-16 unit (names
 * such as "模块" arrive mangled), and copies a typed array's whole underlying buffer: give it a view
 * that spans exactly its own buffer.
 */
function utf8Exact(text: string): Uint8Array {
  const encoded = Buffer.from(text, 'utf8');
  const exact = new Uint8Array(encoded.length);
  exact.set(encoded);
  return exact;
}

/** Compiles WebAssembly text in-process (wabt). */
export async function watToWasm(text: string, filename = 'input.wat'): Promise<Uint8Array> {
  // Loaded on first use: wabt is a large module that `inspect` and `call` never need.
  wabt ??= (createRequire(import.meta.url)('wabt') as typeof import('wabt'))();
  const w = await wabt;
  let mod;
  try {
    mod = w.parseWat(filename, utf8Exact(text), FEATURES);
  } catch (e) {
    const msg = String((e as Error).message ?? e).replace(/^parseWat failed:\s*/, '').trim();
    throw new KitError('E_WASM_INVALID', `${filename} is not valid WebAssembly text:\n${msg}`, { path: filename, hint: 'Fix the text at the position shown (file:line:column).' });
  }
  try {
    mod.resolveNames();
    mod.validate();
    return new Uint8Array(mod.toBinary({ log: false }).buffer);
  } catch (e) {
    const msg = String((e as Error).message ?? e).replace(/^validate failed:\s*/, '').trim();
    throw new KitError('E_WASM_INVALID', `${filename} does not validate:\n${msg}`, { path: filename });
  } finally {
    mod.destroy();
  }
}

function isWasmBinary(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
}

/** Reads a .wasm or .wat file (decided by content, not extension). */
export async function loadWasmFile(path: string): Promise<Uint8Array> {
  if (!existsSync(path)) throw new KitError('E_NOT_FOUND', `no such file: ${path}`, { path });
  const bytes = new Uint8Array(readFileSync(path));
  if (isWasmBinary(bytes)) return bytes;
  return watToWasm(Buffer.from(bytes).toString('utf8'), path);
}

/** Accepts a binary or wat text given in code. */
export async function toWasmBinary(source: Uint8Array | ArrayBuffer | string, filename?: string): Promise<Uint8Array> {
  if (typeof source === 'string') return watToWasm(source, filename);
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  if (!isWasmBinary(bytes)) return watToWasm(Buffer.from(bytes).toString('utf8'), filename);
  return bytes;
}
