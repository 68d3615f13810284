/**
 * Fuzzing time-to-find: how long `fuzz` takes to find the planted off-by-one write of
 * test/fixtures/fuzz/planted (fixed seed), from the start of the fuzzing run to the finding;
 * the instrumented build is timed separately. libFuzzer when available, else the random mode.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../runtime/paths.js';
import { fuzzPlugin } from '../tooling/fuzz/fuzz.js';

export interface FuzzFigures {
  fuzzTimeToFindS: number | null;
  fuzzMode: string;
  /** Whole `fuzz` command: instrumented build + harness + fuzzing + minimisation. */
  fuzzTotalS: number;
}

export async function benchFuzz(): Promise<FuzzFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wpk-bench-fuzz-'));
  try {
    cpSync(join(packageRoot, 'test', 'fixtures', 'fuzz', 'planted'), dir, { recursive: true });
    cpSync(join(packageRoot, 'sdk'), join(dir, 'sdk'), { recursive: true, filter: (s) => !/[/\\](target|build)$/.test(s) });
    const started = performance.now();
    const r = await fuzzPlugin(dir, { function: 'planted.seal', seconds: 60, seed: 1 });
    return { fuzzTimeToFindS: r.results[0]?.finding?.reproducer.seconds ?? null, fuzzMode: r.mode, fuzzTotalS: (performance.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
