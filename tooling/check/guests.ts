/**
 * The project checks of `test` that concern the guest side: wasmedge-plugin.json's functions against
 * the built library (manifest-drift.ts), then every guest program under test/ compiled against fresh
 * bindings and run with its expectations (guest-programs.ts), each program in a child process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isKitError } from '../../runtime/errors.js';
import { readDeclarations } from '../bindings/declared.js';
import { emitBindings, type GuestLanguage } from '../bindings/index.js';
import { modelOf } from '../bindings/generate.js';
import type { GuestModel } from '../bindings/model.js';
import { runIsolated, type IsolateOptions } from '../isolation/parent.js';
import type { Finding, FunctionRef } from './conformance.js';
import { GUEST_KINDS, compileGuest, findGuestPrograms, toolchainFor } from './guest-programs.js';
import { manifestFindings } from './manifest-drift.js';

/** The `manifest` findings of a project (none when it has no wasmedge-plugin.json). */
export function checkProjectManifest(dir: string, functions: FunctionRef[]): Finding[] {
  const decl = readDeclarations(dir);
  return decl ? manifestFindings(decl, functions) : [];
}

export async function runGuestPrograms(
  dir: string,
  library: string,
  iso: Omit<IsolateOptions, 'onProgress' | 'onStage'>,
  add: (f: Finding) => void,
  crashed: (e: unknown, file: string) => Finding,
): Promise<void> {
  const testDir = join(dir, 'test');
  const programs = findGuestPrograms(testDir);
  if (programs.length === 0) return;
  let model: GuestModel | undefined;
  const work = mkdtempSync(join(tmpdir(), 'wpk-guest-'));
  try {
    for (const p of programs) {
      const tool = toolchainFor(p, dir);
      if (!tool.command) {
        add({ check: 'guest', status: 'skip', file: p.label, message: `${p.label}: skipped, no ${GUEST_KINDS[p.language]} compiler for WebAssembly on this machine`, hint: `install it: ${tool.install}` });
        continue;
      }
      let wasm: string;
      try {
        model ??= (await modelOf(library, dir, { timeoutMs: iso.timeoutMs, env: iso.env })).model;
        const m = model;
        wasm = compileGuest(p, tool, (l: GuestLanguage) => emitBindings(l, m), work, testDir);
      } catch (e) {
        add(isKitError(e)
          ? { check: 'guest', status: 'fail', file: p.label, code: e.code, message: e.message.startsWith(p.label) ? e.message : `${p.label}: ${e.message}`, hint: e.hint }
          : { check: 'guest', status: 'fail', file: p.label, code: 'E_INTERNAL', message: `${p.label}: ${String((e as Error)?.message ?? e)}` });
        continue;
      }
      try {
        const findings = await runIsolated('programTest', [library, wasm, p.source, p.label], iso);
        findings.forEach(add);
      } catch (e) {
        add(isKitError(e) && !['E_CRASH', 'E_TIMEOUT'].includes(e.code)
          ? { check: 'guest', status: 'fail', file: p.label, code: e.code, message: `${p.label}: ${e.message}`, hint: e.hint }
          : crashed(e, p.label));
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
