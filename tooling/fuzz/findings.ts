/**
 * `test` replays the reproducers that `fuzz` saved in fuzz/findings/: once a bug is fixed its
 * reproducer stays as a regression test (keep the folder in version control).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isKitError } from '../../runtime/errors.js';
import { runIsolated, type IsolateOptions } from '../isolation/parent.js';
import type { Finding } from '../check/conformance.js';
import { describeCall, loadReproducer } from './reproducer.js';

export function findingFiles(projectDir: string): string[] {
  const dir = join(projectDir, 'fuzz', 'findings');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) : [];
}

/** One reproducer as a test finding; `error` set when the call crashed or hung (the caller words it). */
export async function replayFinding(file: string, library: string, iso: IsolateOptions): Promise<Finding & { error?: unknown }> {
  const name = basename(file);
  let r;
  try {
    r = loadReproducer(file);
  } catch (e) {
    return { check: 'fuzz', status: 'fail', file: name, code: 'E_USAGE', message: (e as Error).message };
  }
  const where = { file: name, module: r.module, function: r.function };
  if (r.kind === 'leak' || r.kind === 'oom') {
    return { check: 'fuzz', status: 'skip', ...where, message: `${name}: a ${r.kind} finding: only the sanitizer sees it`, hint: `wasmedge-plugin fuzz --replay ${name} replays it under LeakSanitizer` };
  }
  try {
    const outcome = await runIsolated('fuzzReplay', [library, r.module, r.function, r.call], iso);
    const sanitizerOnly = /AddressSanitizer/.test(r.summary) && !/SEGV|BUS/.test(r.summary);
    return { check: 'fuzz', status: 'pass', ...where, message: `${name}: ${describeCall(r)} no longer crashes (${outcome})${sanitizerOnly ? '; AddressSanitizer found it: confirm with `wasmedge-plugin fuzz --replay` or `test --sanitize address`' : ''}` };
  } catch (e) {
    if (isKitError(e) && ['E_CRASH', 'E_TIMEOUT'].includes(e.code)) return { check: 'fuzz', status: 'fail', ...where, message: '', error: e };
    return { check: 'fuzz', status: 'fail', ...where, code: isKitError(e) ? e.code : 'E_INTERNAL', message: `${name}: ${(e as Error).message}` };
  }
}
