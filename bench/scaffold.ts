/**
 * Section 5: scaffold → build → smoke test wall time per language, through the CLI as a user runs it
 * (`new`, `build`, `run test/get_string.wat` expecting "hello"). Rust is built a second time in a
 * second time over the same directory, its target directory already built: the warm figure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../runtime/paths.js';

export type Lang = 'c' | 'cpp' | 'rust';

export interface ScaffoldFigures {
  /** Seconds, or null when the language was skipped (see `skipped`). */
  seconds: Record<Lang | 'rustWarm', number | null>;
  skipped: Partial<Record<Lang | 'rustWarm', string>>;
  /** The same runs step by step (seconds). */
  steps: Partial<Record<Lang | 'rustWarm', Steps>>;
}

const CLI = join(packageRoot, 'bin', 'wasmedge-plugin.js');

function cli(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

function hasTool(cmd: string): boolean {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why scaffold timings cannot run here, or undefined when they can. */
export function scaffoldUnavailable(): string | undefined {
  for (const f of ['generators/new-project.js', 'tooling/build.js', 'cli/new.js', 'cli/build.js']) {
    if (!existsSync(join(packageRoot, 'dist', f))) return `dist/${f} is missing (scaffolder not built)`;
  }
  return undefined;
}

export interface Steps { new: number; build: number; smoke: number }

/** One scaffold → build → smoke run; returns the wall seconds of each step. */
function oneProject(root: string, name: string, lang: Lang, again = false): Steps {
  const dir = join(root, name);
  const t0 = process.hrtime.bigint();
  cli(['new', dir, '--yes', '--lang', lang, '--name', name, '--json', ...(again ? ['--force'] : [])]);
  const t1 = process.hrtime.bigint();
  const built = JSON.parse(cli(['build', dir, '--json'])) as { artifact: string };
  const t2 = process.hrtime.bigint();
  const out = cli(['run', join(dir, 'test', 'get_string.wat'), '--plugin', built.artifact]);
  const t3 = process.hrtime.bigint();
  if (out.trim() !== 'hello') throw new Error(`${lang} smoke test printed ${JSON.stringify(out)}, expected "hello"`);
  const s = (a: bigint, b: bigint) => Number(b - a) / 1e9;
  return { new: s(t0, t1), build: s(t1, t2), smoke: s(t2, t3) };
}

const total = (st: Steps) => st.new + st.build + st.smoke;

export function benchScaffold(warmRust = true, langs: Lang[] = ['c', 'cpp', 'rust']): ScaffoldFigures {
  const figures: ScaffoldFigures = { seconds: { c: null, cpp: null, rust: null, rustWarm: null }, skipped: {}, steps: {} };
  const why = scaffoldUnavailable();
  const root = mkdtempSync(join(tmpdir(), 'wpk-bench-scaffold-'));
  try {
    for (const lang of langs) {
      if (why) { figures.skipped[lang] = why; continue; }
      const tool = lang === 'rust' ? 'cargo' : 'cmake';
      if (!hasTool(tool)) { figures.skipped[lang] = `${tool} not found`; continue; }
      const steps = oneProject(root, `bench_${lang}`, lang);
      figures.steps[lang] = steps;
      figures.seconds[lang] = total(steps);
      if (lang === 'rust' && !warmRust) figures.skipped.rustWarm = 'quick mode';
      if (lang === 'rust' && warmRust) {
        // Warm: the same pipeline again over the same directory (`new --force`), so cargo finds
        // its target directory already built.
        const warm = oneProject(root, `bench_${lang}`, lang, true);
        figures.steps.rustWarm = warm;
        figures.seconds.rustWarm = total(warm);
      }
    }
    if (!langs.includes('rust') || figures.seconds.rust === null) figures.skipped.rustWarm ??= figures.skipped.rust ?? 'rust not measured';
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return figures;
}
