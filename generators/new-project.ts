/**
 * Programmatic `new`: runs the app generator through yeoman-environment into an empty temp dir
 * inside the target, then moves the files into place. The target is never overwritten without
 * `force`, nothing is written outside it, and a failure leaves it as it was found.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import AppGenerator from './app/index.js';
import { runGenerator } from './run.js';
import { QUESTIONS, checkAnswer, invalidAnswer, resolveAnswers, type AnswerKey, type Language, type ProjectAnswers } from '../tooling/scaffold/answers.js';
import { plannedFiles } from '../tooling/scaffold/plan.js';
import { treeEntries } from '../tooling/tree.js';
import { ToolError } from '../tooling/errors.js';
import { checkTargetPath } from '../tooling/scaffold/target-path.js';

export interface ScaffoldOptions extends Partial<Record<AnswerKey, string | number>> {
  /** Target directory (created if missing), relative to `cwd`. */
  dir: string;
  cwd?: string;
  /** Take defaults for everything not given; never prompt. */
  yes?: boolean;
  /** Prompt for missing answers (default: only on a TTY and without `yes`). */
  interactive?: boolean;
  /** Overwrite files that exist in the target. */
  force?: boolean;
  /**
   * Hook for template packs: the generator to run (a path to its compiled module or a namespace
   * already known to yeoman-environment). Default: the built-in `app` generator.
   */
  generator?: string;
  /** Root directory of the template pack to render (see tooling/packs/manifest.ts); default: built-in. */
  pack?: string;
  /** The pack's placeholder values (`--var name=value`), validated by the generator. */
  vars?: Record<string, unknown>;
}

export interface ScaffoldResult {
  /** Absolute path of the project. */
  dir: string;
  /** Files written, posix paths relative to `dir`, sorted. */
  files: string[];
  language: Language;
  answers: ProjectAnswers;
}

const NAMESPACE = 'wasmedge-plugin:app';
const TEMP_PREFIX = '.wasmedge-plugin-new-';

/** Everything but folders below root, sorted (the result lists the files written in a stable order). */
function listFilesUnder(root: string): string[] {
  return treeEntries(root).filter((e) => !e.entry.isDirectory()).map((e) => e.path).sort();
}

function isInteractive(opts: ScaffoldOptions): boolean {
  return opts.interactive ?? (!opts.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY));
}

/** Throws E_TARGET_EXISTS when `target` is not empty and `force` is not set, naming what is in the way. */
function checkTarget(target: string, opts: ScaffoldOptions, given: Partial<Record<AnswerKey, unknown>>): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) {
    throw new ToolError('E_TARGET_EXISTS', `${target} exists and is not a directory`, { path: target, hint: 'Choose another directory name.' });
  }
  const entries = readdirSync(target).filter((e) => !e.startsWith(TEMP_PREFIX));
  if (entries.length === 0 || opts.force) return;
  // When every answer that shapes the file list is known, name the files that would be overwritten.
  let detail = `it contains: ${entries.slice(0, 10).join(', ')}${entries.length > 10 ? ', …' : ''}`;
  if (!isInteractive(opts)) {
    const planned = plannedFiles(resolveAnswers(given, target), opts.pack);
    const conflicts = planned.filter((f) => existsSync(join(target, f)));
    if (conflicts.length > 0) detail = `it would overwrite: ${conflicts.slice(0, 20).join(', ')}${conflicts.length > 20 ? ', …' : ''}`;
  }
  throw new ToolError('E_TARGET_EXISTS', `${target} is not empty (${detail})`, {
    path: target,
    hint: 'Choose a new or empty directory, or pass --force to overwrite the generated files (other files are kept).',
  });
}

/** Moves every file of `from` to the same relative path under `to` (same filesystem: rename). */
function moveInto(from: string, to: string): string[] {
  const files = listFilesUnder(from);
  for (const rel of files) {
    const dest = resolve(to, rel);
    if (!dest.startsWith(to + sep)) throw new Error(`refusing to write outside ${to}: ${rel}`);
    mkdirSync(dirname(dest), { recursive: true });
    rmSync(dest, { force: true, recursive: true });
    renameSync(join(from, rel), dest);
  }
  return files;
}

export async function scaffold(opts: ScaffoldOptions): Promise<ScaffoldResult> {
  const target = resolve(opts.cwd ?? process.cwd(), opts.dir);
  checkTargetPath(target);
  const given: Partial<Record<AnswerKey, unknown>> = {};
  for (const q of QUESTIONS) {
    const value = opts[q.key];
    if (value === undefined) continue;
    // Validate flags before touching the disk: usage errors come first.
    const problem = checkAnswer(q.key, String(value));
    if (problem) throw invalidAnswer(q.key, String(value), problem);
    given[q.key] = String(value);
  }
  checkTarget(target, opts, given);

  const created = !existsSync(target);
  mkdirSync(target, { recursive: true });
  const temp = mkdtempSync(join(target, TEMP_PREFIX));
  try {
    // Rendered into an empty temp dir (then moved into place), so no conflict can arise there.
    const generator = await runGenerator<AppGenerator>(opts.generator ?? AppGenerator, fileURLToPath(import.meta.url), temp, { ...given, yes: opts.yes ?? false, interactive: isInteractive(opts), defaultsDir: target, pack: opts.pack, vars: opts.vars }, { namespace: NAMESPACE, force: false });
    const files = moveInto(temp, target);
    rmSync(temp, { recursive: true, force: true });
    return { dir: target, files, language: generator.answers.language, answers: generator.answers };
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    if (created) rmSync(target, { recursive: true, force: true });
    throw e;
  }
}


/** `templates test` renders each language of a pack with its default answers. */
export function renderPackSample(dir: string, language: string, pack: string): Promise<ScaffoldResult> {
  return scaffold({ dir, language, yes: true, interactive: false, pack });
}
