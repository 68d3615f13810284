/**
 * `call --engine wasmedge|both`: the `wasmedge` CLI cannot call a host function directly, so the
 * call becomes a tiny wasm module (docs/engines.md, "call"). It imports the function, exports
 * `call` (no parameters; the arguments are constants; the function's results are its results) and
 * owns the memory, where each `@N` argument is a fresh zeroed N-byte buffer. After the call it
 * writes every buffer to stdout as a line `@<argument> <hex>`, so both engines report the same bytes.
 */
import type { ScratchBuffer } from '../../runtime/module.js';
import type { ValueTypeName } from '../../runtime/value-types.js';
import { parseArgument } from '../engines/call.js';
import { wasmedgeLiteral } from './cli-runner.js';

export interface WrapperBuffer { argument: number; address: number; size: number }

export interface CallWrapper {
  wat: string;
  buffers: WrapperBuffer[];
}

const FIRST_BUFFER = 1024;
const HEX_DIGITS = 16; // address of "0123456789abcdef"
const align16 = (n: number) => (n + 15) & ~15;

function quote(s: string): string {
  return `"${[...Buffer.from(s, 'utf8')].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : `\\${b.toString(16).padStart(2, '0')}`)).join('')}"`;
}

/** The wrapper for `importModule.fn` with this signature, called with the command-line arguments. */
export function callWrapper(importModule: string, fn: string, sig: { params: string[]; results: string[] }, rawArgs: string[]): CallWrapper {
  const buffers: WrapperBuffer[] = [];
  let next = FIRST_BUFFER;
  const operands = rawArgs.map((raw, i) => {
    const type = sig.params[i] as ValueTypeName;
    const v = parseArgument(raw, type, i, (size) => {
      const b = { argument: i + 1, address: next, size };
      next = align16(next + size);
      buffers.push(b);
      return { address: b.address, size } as unknown as ScratchBuffer;
    });
    const value = typeof v === 'object' ? (type === 'i64' ? BigInt((v as ScratchBuffer).address) : (v as ScratchBuffer).address) : v;
    return `(${type}.const ${wasmedgeLiteral(value as number | bigint)})`;
  });
  // Each dump line: "@<argument> " (data), 2×size hex digits (filled in), "\n" (data).
  const dumps = buffers.map((b) => {
    const prefix = `@${b.argument} `;
    const start = next;
    next = align16(start + prefix.length + 2 * b.size + 1);
    return { b, prefix, start, hexAt: start + prefix.length, length: prefix.length + 2 * b.size + 1 };
  });
  const pages = Math.max(1, Math.ceil(next / 65536));
  const results = sig.results.map((t, i) => `(local $r${i} ${t})`).join(' ');
  const lines = [
    '(module',
    `  (import ${quote(importModule)} ${quote(fn)} (func $target${sig.params.length ? ` (param ${sig.params.join(' ')})` : ''}${sig.results.length ? ` (result ${sig.results.join(' ')})` : ''}))`,
    '  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))',
    `  (memory (export "memory") ${pages})`,
    `  (data (i32.const ${HEX_DIGITS}) "0123456789abcdef")`,
    ...dumps.flatMap((d) => [`  (data (i32.const ${d.start}) ${quote(d.prefix)})`, `  (data (i32.const ${d.hexAt + 2 * d.b.size}) "\\0a")`]),
    '  ;; Writes len bytes at src as 2*len hex digits at dst.',
    '  (func $hex (param $src i32) (param $len i32) (param $dst i32) (local $i i32) (local $b i32)',
    '    (block $done (loop $next',
    '      (br_if $done (i32.ge_u (local.get $i) (local.get $len)))',
    '      (local.set $b (i32.load8_u (i32.add (local.get $src) (local.get $i))))',
    `      (i32.store8 (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 1))) (i32.load8_u (i32.add (i32.const ${HEX_DIGITS}) (i32.shr_u (local.get $b) (i32.const 4)))))`,
    `      (i32.store8 (i32.add (local.get $dst) (i32.add (i32.shl (local.get $i) (i32.const 1)) (i32.const 1))) (i32.load8_u (i32.add (i32.const ${HEX_DIGITS}) (i32.and (local.get $b) (i32.const 15)))))`,
    '      (local.set $i (i32.add (local.get $i) (i32.const 1)))',
    '      (br $next))))',
    '  ;; Writes len bytes at ptr to stdout.',
    '  (func $print (param $ptr i32) (param $len i32)',
    '    (i32.store (i32.const 0) (local.get $ptr)) (i32.store (i32.const 4) (local.get $len))',
    '    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))',
    `  (func (export "call")${sig.results.length ? ` (result ${sig.results.join(' ')})` : ''} ${results}`,
    `    (call $target ${operands.join(' ')})`,
    ...sig.results.map((_, i) => `    (local.set $r${sig.results.length - 1 - i})`),
    ...dumps.map((d) => `    (call $hex (i32.const ${d.b.address}) (i32.const ${d.b.size}) (i32.const ${d.hexAt})) (call $print (i32.const ${d.start}) (i32.const ${d.length}))`),
    ...sig.results.map((_, i) => `    (local.get $r${i})`),
    '  ))',
  ];
  return { wat: lines.join('\n') + '\n', buffers };
}

/** The `@<argument> <hex>` lines of a wrapper's stdout, as bytes per argument. */
export function parseBufferDump(stdout: string): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  for (const line of stdout.split('\n')) {
    const m = /^@(\d+) ([0-9a-f]*)$/.exec(line);
    if (m) out.set(Number(m[1]), Uint8Array.from(Buffer.from(m[2], 'hex')));
  }
  return out;
}
