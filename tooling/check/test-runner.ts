/**
 * `wasmedge-plugin test`: builds a project (optionally with AddressSanitizer), then, each in a child
 * process so that no crash or hang can stop the run, checks the plug-in against the ABI rules
 * (conformance.ts), calls every host function with generated arguments, and runs the
 * project's test/*.wat expectations (wat-expectations.ts). Every problem is one finding.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isKitError } from '../../runtime/errors.js';
import { describeStage, runIsolated } from '../isolation/parent.js';
import type { CallSummary, Finding, FunctionRef } from './conformance.js';
import type { StageEvent } from '../../runtime/stages.js';
import { ToolError } from '../errors.js';
import { hasAsan, sanitizerEnv, type Sanitizer } from '../sanitizer.js';
import type { CoverageSummary } from '../coverage/report.js';
import { DEFAULT_TIMEOUT_S } from '../options/commands.js';
import type { EngineChoice } from '../wasmedge/outcome.js';
import type { WasmEdgeInstall } from '../wasmedge/find.js';

export interface TestOptions {
  /** Per-stage limit: a child that makes no progress for this long is killed (default 10 s). */
  timeoutMs?: number;
  sanitize?: Sanitizer;
  /** Called as each finding is known (for streaming output). */
  onFinding?: (f: Finding) => void;
  /** Build progress on stderr. */
  progress?: boolean;
  /** More .wat files with expectations, besides a project's test/*.wat. */
  wat?: string[];
  /** Build with gcc --coverage and report line/branch coverage (C/C++ projects; tooling/coverage). */
  coverage?: boolean;
  /** Where .wat expectations run: the kit (default), real WasmEdge, or both (docs/engines.md). */
  engine?: EngineChoice;
  /** The WasmEdge for engine wasmedge|both. */
  wasmedge?: WasmEdgeInstall;
}

export interface TestReport {
  target: string;
  library: string;
  sanitize?: Sanitizer;
  ok: boolean;
  summary: { pass: number; fail: number; warn: number; skip: number };
  findings: Finding[];
  coverage?: CoverageSummary;
}


function isProject(dir: string): boolean {
  return ['CMakeLists.txt', 'Cargo.toml', 'wasmedge-plugin.json'].some((f) => existsSync(join(dir, f)));
}

async function resolveLibrary(target: string, o: TestOptions): Promise<string> {
  const abs = resolve(target);
  if (!existsSync(abs)) throw new ToolError('E_NOT_FOUND', `no such file or directory: ${target}`, { path: abs });
  if (!statSync(abs).isDirectory()) return abs;
  if (!isProject(abs)) {
    throw new ToolError('E_NOT_A_PROJECT', `${abs} is not a plug-in project (no CMakeLists.txt or Cargo.toml)`, { path: abs, hint: 'Give a project directory or the plug-in library (.so) itself.' });
  }
  const { buildProject } = await import('../build.js');
  return (await buildProject({ dir: abs, progress: o.progress, sanitize: o.sanitize })).artifact;
}

/** Parses an AddressSanitizer report out of a stderr tail: kind, access, and the first plug-in frame. */
export function parseAsanReport(stderr: string): { kind: string; access?: string; frame?: string } | undefined {
  const kind = /ERROR: AddressSanitizer: ([\w-]+)/.exec(stderr)?.[1];
  if (!kind) return undefined;
  const access = /(READ|WRITE) of size \d+/.exec(stderr)?.[0];
  const frames = [...stderr.matchAll(/#\d+ 0x[0-9a-f]+ in (\S+)(?: (\S+))?/g)];
  const frame = frames.find((m) => !/^(__interceptor_|__asan_|_?_?mem(set|cpy|move)|str\w*cpy|wrap_)/.test(m[1]));
  return { kind, access, frame: frame ? `${frame[1]}${frame[2] ? ` (${frame[2]})` : ''}` : undefined };
}

function crashFinding(check: string, e: unknown, sanitized: boolean, extra: Partial<Finding> = {}): Finding {
  if (!isKitError(e)) return { check, status: 'fail', code: 'E_INTERNAL', message: String((e as Error)?.message ?? e), ...extra };
  const st = e.details.stage as StageEvent | undefined;
  const asan = sanitized ? parseAsanReport(String(e.details.stderrTail ?? '')) : undefined;
  const stageText = st ? describeStage(st) : undefined;
  if (asan) {
    const fn = st?.stage === 'call' ? ` while calling ${st.module}.${st.function}(${st.detail ?? ''})` : stageText ? ` ${stageText}` : '';
    return { check, status: 'fail', code: 'E_SANITIZER', stage: st?.stage, message: `AddressSanitizer: ${asan.kind}${asan.access ? `, ${asan.access}` : ''}${asan.frame ? ` in ${asan.frame}` : ''}${fn}`, hint: 'Fix the access at the source line shown (rebuilt with -g, frames carry file:line).', ...extra };
  }
  const hint = e.code === 'E_TIMEOUT' || st?.stage === 'unload' ? e.hint
    : st?.stage === 'call' ? 'A host function must validate its arguments (get pointers with WasmEdge_MemoryInstanceGetPointer, which checks bounds) and return a failure result instead of crashing; --sanitize address shows the faulting line.'
    : 'Plug-in code must not crash at this stage; --sanitize address (on the project directory) shows the faulting line.';
  return { check, status: 'fail', code: e.code, stage: st?.stage, message: e.message, hint, ...extra };
}

export async function testPlugin(target: string, o: TestOptions = {}): Promise<TestReport> {
  if (o.coverage && o.sanitize) throw new ToolError('E_USAGE', '--coverage and --sanitize cannot be combined', { hint: 'Run them one after the other.' });
  const coverage = o.coverage ? await (await import('../coverage/coverage.js')).prepareCoverage(target, o.progress) : undefined;
  const library = coverage?.library ?? await resolveLibrary(target, o);
  const findings: Finding[] = [];
  const add = (f: Finding) => { findings.push(f); o.onFinding?.(f); };
  const env = o.sanitize ? sanitizerEnv() : undefined;
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_S.test * 1000;
  const sanitized = Boolean(o.sanitize);
  // Every child loads the library: a destructor that crashes at exit is one finding, not one per child.
  let unloadReported = false;
  const onUnloadCrash = (e: ToolError) => {
    if (!unloadReported) add(crashFinding('unload', e, sanitized));
    unloadReported = true;
  };
  const iso = { timeoutMs, env, stdout: 'ignore' as const, onUnloadCrash };
  if (sanitized && !hasAsan(library)) {
    add({ check: 'sanitize', status: 'warn', message: `${library} was not built with -fsanitize=address: only crashes are found, not silent memory errors`, hint: 'Give the project directory so that test builds it with AddressSanitizer.' });
  }

  // 1. ABI conformance (findings stream out as progress; a crash ends the child with its stage).
  let functions: FunctionRef[] = [];
  try {
    functions = await runIsolated('abiChecks', [library], { ...iso, onProgress: (f) => add(f as Finding) });
  } catch (e) {
    add(crashFinding('load', e, sanitized));
  }

  // 2. Every host function with generated arguments; after a crash, resume with the next function.
  const done: string[] = [];
  let current: StageEvent | undefined;
  while (done.length < functions.length) {
    try {
      await runIsolated('callFunctions', [library, done], {
        ...iso,
        onStage: (s) => { current = s; },
        onProgress: (v) => {
          const s = v as CallSummary;
          done.push(`${s.module}.${s.function}`);
          const errs = Object.entries(s.failures).map(([m, n]) => `${n}× ${m}`);
          add({ check: 'call', status: 'pass', module: s.module, function: s.function, message: `${s.module}.${s.function}: ${s.calls} calls, no crash or hang${errs.length ? ` (returned errors, which is fine: ${errs.join('; ')})` : ''}` });
        },
      });
      break;
    } catch (e) {
      // Stage events name the module by its instance name; `done` keys use the descriptor name.
      const st = current;
      const fn = st?.stage === 'call' ? functions.find((f) => f.instance === st.module && f.function === st.function) : undefined;
      const culprit = fn && `${fn.module}.${fn.function}`;
      add(crashFinding('call', e, sanitized, fn ? { module: fn.module, function: fn.function } : {}));
      if (!culprit || done.includes(culprit)) break; // not attributable to one function: stop here
      done.push(culprit);
    }
    current = undefined;
  }

  // 3. test/*.wat expectations of a project.
  const dir = statSync(resolve(target)).isDirectory() ? resolve(target) : undefined;
  const testDir = dir ? join(dir, 'test') : undefined;
  const wats = testDir && existsSync(testDir) ? readdirSync(testDir).filter((f) => f.endsWith('.wat')).sort().map((f) => join(testDir, f)) : [];
  wats.push(...(o.wat ?? []).map((f) => resolve(f)));
  for (const file of o.engine === 'wasmedge' ? [] : wats) {
    const w = basename(file);
    try {
      const fs = await runIsolated('watTest', [library, file], iso);
      fs.forEach(add);
    } catch (e) {
      add(isKitError(e) && !['E_CRASH', 'E_TIMEOUT'].includes(e.code)
        ? { check: 'wat', status: 'fail', file: w, code: e.code, message: `${w}: ${e.message}`, hint: e.hint }
        : crashFinding('wat', e, sanitized, { file: w }));
    }
  }
  if (dir && wats.length === 0) add({ check: 'wat', status: 'skip', message: 'no test/*.wat files in the project' });

  // 4. wasmedge-plugin.json's functions against the library; 5. guest programs under test/ (guests.ts).
  if (dir) {
    const { checkProjectManifest, runGuestPrograms } = await import('./guests.js');
    checkProjectManifest(dir, functions).forEach(add);
    await runGuestPrograms(dir, library, iso, add, (e, file) => crashFinding('guest', e, sanitized, { file }));
  }

  // 6. Reproducers saved by `wasmedge-plugin fuzz` (fuzz/findings/*.json): each must stop crashing.
  const { findingFiles, replayFinding } = await import('../fuzz/findings.js');
  for (const file of dir ? findingFiles(dir) : []) {
    const f = await replayFinding(file, library, iso);
    if (!f.error) add(f);
    else {
      const c = crashFinding('fuzz', f.error, sanitized, { file: f.file, module: f.module, function: f.function });
      add({ ...c, message: `${f.file}: ${c.message}` });
    }
  }

  // 7. The plug-in in real WasmEdge: does it load, and do the same expectations hold there?
  if (o.wasmedge && o.engine !== 'kit') {
    const { wasmedgeFindings } = await import('../wasmedge/wat-test.js');
    await wasmedgeFindings(o.wasmedge, library, wats, timeoutMs, add);
  }

  const summary = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const f of findings) summary[f.status]++;
  const covered = coverage ? (await import('../coverage/coverage.js')).finishCoverage(coverage) : undefined;
  return { target: resolve(target), library, sanitize: o.sanitize, ok: summary.fail === 0, summary, findings, ...(covered ? { coverage: covered } : {}) };
}
