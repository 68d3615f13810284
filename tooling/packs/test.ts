/**
 * `templates test` and `templates pack`: a pack is only as good as the projects it renders, so each
 * language it claims is rendered with sample answers (every placeholder's default) into a temp
 * directory, built, and checked with `wasmedge-plugin test` (ABI conformance, host-function calls,
 * the project's test/*.wat expectations). `pack` does lint + test, then `npm pack`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildProject } from '../build.js';
import { isKitError } from '../../runtime/errors.js';
import { assertLintClean, lintPack } from './lint.js';
import { testPlugin } from '../check/test-runner.js';
import type { Finding } from '../check/conformance.js';
import { ToolError } from '../errors.js';

export interface LanguageResult {
  language: string;
  /** The rendered project (kept when something failed, removed otherwise). */
  dir: string;
  ok: boolean;
  artifact?: string;
  /** Where it failed: render, build or test. */
  stage?: 'render' | 'build' | 'test';
  error?: { code: string; message: string; hint?: string };
  summary?: { pass: number; fail: number; warn: number; skip: number };
  failures: Finding[];
}

export interface PackTestReport {
  root: string;
  ok: boolean;
  results: LanguageResult[];
}

/** Renders one language of the pack into `dir` (the generators' `new`, given by the caller). */
export type RenderProject = (dir: string, language: string, pack: string) => Promise<unknown>;

export interface PackTestOptions {
  render: RenderProject;
  onResult?: (r: LanguageResult) => void;
  languages?: string[];
}

export async function testPack(dir: string, o: PackTestOptions): Promise<PackTestReport> {
  const root = resolve(dir);
  const lint = assertLintClean(lintPack(root));
  const languages = (o.languages ?? lint.manifest!.languages).filter((l) => (lint.manifest!.languages as string[]).includes(l));
  const work = mkdtempSync(join(tmpdir(), 'wpk-template-test-'));
  const results: LanguageResult[] = [];
  for (const language of languages) {
    const result: LanguageResult = { language, dir: join(work, `sample_${language}`), ok: false, failures: [] };
    try {
      result.stage = 'render';
      await o.render(result.dir, language, root);
      result.stage = 'build';
      result.artifact = (await buildProject({ dir: result.dir, progress: false })).artifact;
      result.stage = 'test';
      const report = await testPlugin(result.dir, { progress: false });
      result.summary = report.summary;
      result.failures = report.findings.filter((f) => f.status === 'fail');
      result.ok = report.ok;
      if (result.ok) delete result.stage;
    } catch (e) {
      result.error = isKitError(e) ? { code: e.code, message: e.message, hint: e.hint } : { code: 'E_INTERNAL', message: (e as Error).message };
    }
    results.push(result);
    o.onResult?.(result);
  }
  const ok = results.every((r) => r.ok);
  // Keep the projects that failed so the author can look at them; the rest is removed.
  for (const r of results) if (r.ok) rmSync(r.dir, { recursive: true, force: true });
  if (ok) rmSync(work, { recursive: true, force: true });
  return { root, ok, results };
}

/** lint + test, then `npm pack` (scripts ignored: packs are data); returns the tarball's path. */
export async function packPack(dir: string, o: Omit<PackTestOptions, 'languages'> & { destination?: string }): Promise<{ tarball: string; test: PackTestReport }> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'package.json'))) {
    throw new ToolError('E_TEMPLATE_INVALID', `${root} has no package.json: npm needs one to pack and publish the template`, { path: root, hint: '`wasmedge-plugin templates new` writes one; name it wasmedge-plugin-template-<name>.' });
  }
  const test = await testPack(root, { render: o.render, onResult: o.onResult });
  if (!test.ok) {
    const failed = test.results.filter((r) => !r.ok).map((r) => `${r.language} (${r.stage}; kept in ${r.dir})`).join(', ');
    throw new ToolError('E_TEMPLATE_TEST_FAILED', `templates test failed for ${failed}`, { path: root });
  }
  const destination = resolve(o.destination ?? root);
  mkdirSync(destination, { recursive: true });
  const r = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: root, encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new ToolError('E_NPM_FAILED', `npm pack failed in ${root}: ${(r.error?.message ?? r.stderr).trim().split('\n').slice(-5).join(' ')}`, { path: root });
  }
  const out = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as Array<{ filename: string }>;
  return { tarball: join(destination, out[0].filename.replace(/^@/, '').replace('/', '-')), test };
}
