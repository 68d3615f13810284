/**
 * `wasmedge-plugin dev`: watch → (debounce) → build → test (or run a program) → one status block,
 * forever. Every step is a child process group (step.ts): a build error, a crashing plug-in or a
 * hang ends that cycle, never the loop; a change during a cycle cancels it and starts a new one.
 * docs/inner-loop.md.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectLanguage } from '../build.js';
import { ToolError } from '../errors.js';
import type { TestReport } from '../check/test-runner.js';
import { killAllSteps, startStep, type Step, type StepResult } from './step.js';
import type { CycleOutcome } from './status.js';
import { watchProject } from './watch.js';

export interface DevOptions {
  /** A .wat/.wasm program to run with the plug-in after each build, instead of `test`. */
  run?: string;
  /** Build only. */
  test?: boolean;
  debounceMs?: number;
  /** Per-stage limit passed to `test --timeout` (seconds; 0 = none; default: test's own). */
  timeoutS?: number;
  /** A whole step taking longer than this is killed as a hang (seconds). */
  stepLimitS?: number;
  onCycle: (c: CycleOutcome) => void;
  onStart?: (c: { dir: string; changed: string[] }) => void;
}

export interface DevSession {
  /** Resolves once the watcher is armed and the first cycle has started. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

function errorText(r: StepResult): string {
  const text = r.stderr.trim() || r.stdout.trim();
  return r.killed === 'timeout' ? `${text}\n(killed after the step limit: it hung)`.trim() : text;
}

export function startDev(target: string, o: DevOptions): DevSession {
  const dir = resolve(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ToolError('E_NOT_FOUND', `${target} is not a directory`, { path: dir, hint: 'Run `wasmedge-plugin dev` in a plug-in project (or pass its directory).' });
  detectLanguage(dir); // E_NOT_A_PROJECT early
  const runFile = o.run ? resolve(o.run) : undefined;
  if (runFile && !existsSync(runFile)) throw new ToolError('E_NOT_FOUND', `--run ${o.run}: no such file`, { path: runFile });
  const limitMs = (o.stepLimitS ?? 600) * 1000;

  let current: Step | undefined;
  let generation = 0;
  let stopped = false;

  /** Runs one step unless a newer cycle or stop() superseded this one. */
  const step = async (gen: number, args: string[]): Promise<StepResult | undefined> => {
    if (gen !== generation || stopped) return undefined;
    current = startStep(args, limitMs);
    const r = await current.done;
    current = undefined;
    return gen === generation && !stopped && r.killed !== 'aborted' ? r : undefined;
  };

  const cycle = async (changed: string[]): Promise<void> => {
    const gen = ++generation;
    current?.abort();
    o.onStart?.({ dir, changed });
    const b = await step(gen, ['build', dir, '--json']);
    if (!b) return;
    const outcome: CycleOutcome = { changed, build: { ok: b.code === 0, seconds: b.seconds } };
    if (b.code !== 0) {
      outcome.build.error = errorText(b);
      if (b.killed) outcome.build.killed = b.killed;
      o.onCycle(outcome);
      return;
    }
    try {
      outcome.build.seconds = (JSON.parse(b.stdout) as { seconds: number }).seconds;
    } catch { /* keep the wall time */ }
    const artifact = (JSON.parse(b.stdout) as { artifact: string }).artifact;
    if (runFile) {
      const r = await step(gen, ['run', runFile, '--plugin', artifact]);
      if (!r) return;
      outcome.run = { file: runFile, code: r.code, output: `${r.stdout}${r.stderr}`, seconds: r.seconds, ...(r.killed ? { killed: r.killed } : {}) };
    } else if (o.test !== false) {
      const t = await step(gen, ['test', dir, '--json', ...(o.timeoutS !== undefined ? ['--timeout', String(o.timeoutS)] : [])]);
      if (!t) return;
      let report: TestReport | undefined;
      try {
        report = JSON.parse(t.stdout) as TestReport;
      } catch { /* no report: an error */ }
      outcome.test = report ? { report, seconds: t.seconds } : { seconds: t.seconds, error: errorText(t), ...(t.killed ? { killed: t.killed } : {}) };
    }
    o.onCycle(outcome);
  };

  const watcher = watchProject(dir, o.debounceMs ?? 250, (changed) => { void cycle(changed); });
  const ready = watcher.ready.then(() => { void cycle([]); });
  return {
    ready,
    stop: async () => {
      stopped = true;
      generation++;
      current?.abort();
      killAllSteps();
      await watcher.close();
    },
  };
}
