/**
 * `test --coverage`: the coverage build before the run, the figures and coverage/lcov.info after it.
 * docs/inner-loop.md.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ToolError } from '../errors.js';
import { buildForCoverage, resetCounters } from './build.js';
import { readCoverage } from './gcov.js';
import { summarise, toLcov, type CoverageSummary } from './report.js';

export interface CoverageRun { projectDir: string; buildDir: string; library: string }

export async function prepareCoverage(target: string, progress?: boolean): Promise<CoverageRun> {
  const projectDir = resolve(target);
  if (!existsSync(projectDir) || !statSync(projectDir).isDirectory()) {
    throw new ToolError('E_COVERAGE_UNAVAILABLE', `--coverage needs a project directory (it rebuilds the plug-in with --coverage); ${target} is not one`, { path: projectDir, hint: 'Run `wasmedge-plugin test --coverage` in (or on) the project directory.' });
  }
  const { library, buildDir } = await buildForCoverage(projectDir, progress);
  resetCounters(buildDir);
  return { projectDir, buildDir, library };
}

/** Reads the counters the run left, writes coverage/lcov.info, returns the figures. */
export function finishCoverage(run: CoverageRun): CoverageSummary {
  const files = readCoverage(run.projectDir, run.buildDir);
  const out = join(run.projectDir, 'coverage');
  mkdirSync(out, { recursive: true });
  const lcov = join(out, 'lcov.info');
  writeFileSync(lcov, toLcov(files, run.projectDir));
  return { ...summarise(files), lcov };
}
