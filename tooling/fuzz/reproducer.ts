/**
 * A fuzz finding saved as a reproducer (fuzz/findings/*.json): the function, the decoded call
 * (arguments and memory contents), what went wrong, the sanitizer's stack, and the raw input, so
 * that `fuzz --replay` (libFuzzer harness or the isolated runtime) and `test` can run it again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from '../errors.js';
import type { DecodedCall } from './input.js';

export const REPRODUCER_FORMAT = 'wasmedge-plugin-fuzz-reproducer/1';

export interface Reproducer {
  format: typeof REPRODUCER_FORMAT;
  module: string;
  function: string;
  /** crash | timeout | leak | oom (libFuzzer's artifact kinds). */
  kind: string;
  /** One line: the sanitizer's or libFuzzer's verdict, e.g. "SEGV … WRITE memory access". */
  summary: string;
  call: DecodedCall;
  /** Sanitizer stack frames (function and file:line), innermost first; empty in random mode. */
  stack: string[];
  /** The raw input, base64. */
  input: string;
  foundBy: 'libfuzzer' | 'random';
  /** Seconds from the start of the run to the finding. */
  seconds: number;
}

/** Writes it under dir as <module>.<function>-<kind>-<hash>.json; an identical input is saved once. */
export function saveReproducer(dir: string, r: Reproducer): string {
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha1').update(r.input).digest('hex').slice(0, 10);
  const file = join(dir, `${r.module}.${r.function}-${r.kind}-${hash}.json`);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
  return file;
}

export function loadReproducer(file: string): Reproducer {
  let r: Reproducer;
  try {
    r = JSON.parse(readFileSync(file, 'utf8')) as Reproducer;
  } catch (e) {
    throw new ToolError('E_USAGE', `${file} is not a readable reproducer: ${(e as Error).message}`, { path: file, hint: 'Give a file written by `wasmedge-plugin fuzz` under fuzz/findings/.' });
  }
  if (r?.format !== REPRODUCER_FORMAT || !r.module || !r.function || !r.call?.args) {
    throw new ToolError('E_USAGE', `${file} is not a fuzz reproducer (format ${REPRODUCER_FORMAT})`, { path: file, hint: 'Give a file written by `wasmedge-plugin fuzz` under fuzz/findings/.' });
  }
  return r;
}

/** The call in one line, e.g. planted.seal(65536, 0) with 3 memory bytes at 65533. */
export function describeCall(r: Pick<Reproducer, 'module' | 'function' | 'call'>): string {
  const bytes = r.call.write.length / 2;
  const shown = r.call.write.slice(0, 64);
  return `${r.module}.${r.function}(${r.call.args.join(', ')})${bytes ? `, memory[${r.call.writeOffset}..${r.call.writeOffset + bytes}) = ${shown}${bytes > 32 ? '…' : ''}` : ', memory all zero'}`;
}
