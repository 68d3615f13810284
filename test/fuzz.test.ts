// `wasmedge-plugin fuzz`: a planted off-by-one that the fixed argument sweep of `test` misses is
// found by libFuzzer (and by the random mode), saved as a reproducer, and replayed by `fuzz
// --replay` and by `test`; the get_string example survives a fixed-seed run of 100,000 inputs.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, makeTempDir } from './helpers/cbuild.js';
import { cli, ensureBuilt } from './helpers/cli.js';
import { testPlugin } from '../tooling/check/test-runner.js';
import { fuzzPlugin } from '../tooling/fuzz/fuzz.js';
import { fuzzToolchain } from '../tooling/fuzz/toolchain.js';
import { buildHarness } from '../tooling/fuzz/harness.js';
import { describe as describeInput } from '../tooling/fuzz/libfuzzer.js';
import { decodeInput, randomInput } from '../tooling/fuzz/input.js';
import { loadReproducer } from '../tooling/fuzz/reproducer.js';

const HAS_LIBFUZZER = Boolean(fuzzToolchain());
if (!HAS_LIBFUZZER) console.warn('clang with libFuzzer + ASan runtimes not found (sudo apt-get install clang libclang-rt-dev): the libFuzzer tests are skipped');

let root: string;
let planted: string;

/** A copy of the fixture with the kit's sdk/ vendored beside its sources, as generated projects have it. */
function copyProject(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, 'sdk'), path.join(to, 'sdk'), { recursive: true, filter: (s) => !/[/\\](target|build)$/.test(s) });
  return to;
}

beforeAll(() => {
  ensureBuilt();
  root = makeTempDir('wpk-fuzz-');
  planted = copyProject(path.join(REPO_ROOT, 'test', 'fixtures', 'fuzz', 'planted'), path.join(root, 'planted'));
});

const sealCall = (r: Awaited<ReturnType<typeof testPlugin>>) => r.findings.find((f) => f.check === 'call' && f.function === 'seal');

describe('the planted off-by-one', () => {
  test('is not found by the fixed argument sweep of `test`', async () => {
    const report = await testPlugin(planted);
    expect(sealCall(report)?.status).toBe('pass');
    expect(report.ok).toBe(true);
  });

  test.skipIf(!HAS_LIBFUZZER)('libFuzzer finds it within 60 s, saves a reproducer, and fuzz --replay and test replay it', async () => {
    const report = await fuzzPlugin(planted, { function: 'planted.seal', seconds: 60, seed: 1 });
    expect(report.mode).toBe('libfuzzer');
    expect(report.instrumented).toBe(true);
    expect(report.library).toBe(path.join(planted, 'build', 'fuzz', 'libplanted.so'));
    const finding = report.results[0].finding;
    expect(finding, JSON.stringify(report.results)).toBeDefined();
    expect(finding!.reproducer.seconds).toBeLessThan(60);
    expect(path.dirname(finding!.file)).toBe(path.join(planted, 'fuzz', 'findings'));
    const saved = loadReproducer(finding!.file);
    // The write lands one byte past the end of guest memory: pointer + length = memory size.
    const [ptr, len] = saved.call.args.map(Number);
    expect(ptr + len).toBe(saved.call.memoryBytes);
    expect(saved.stack[0]).toMatch(/^seal .*plugin\.c:23/);

    const replay = await cli(['fuzz', planted, '--replay', finding!.file, '--json']);
    expect(replay.status, replay.stderr).toBe(1);
    const r = JSON.parse(replay.stdout);
    expect(r).toMatchObject({ reproduced: true, via: 'libfuzzer' });
    expect(r.outcome).toMatch(/AddressSanitizer: SEGV.*WRITE.*1 byte\(s\) past its end/);

    // `test` now replays it (in the kit's runtime, where the page after guest memory faults too).
    const after = await testPlugin(planted);
    const fuzzFinding = after.findings.find((f) => f.check === 'fuzz');
    expect(fuzzFinding).toMatchObject({ status: 'fail', code: 'E_CRASH', function: 'seal' });
    expect(after.ok).toBe(false);
    fs.rmSync(path.join(planted, 'fuzz'), { recursive: true });
  });

  test('the random mode (no libFuzzer) finds it too, and its reproducer replays in the isolated runtime', async () => {
    const dir = copyProject(path.join(REPO_ROOT, 'test', 'fixtures', 'fuzz', 'planted'), path.join(root, 'planted-random'));
    const run = await cli(['fuzz', dir, '--random', '--function', 'seal', '--time', '60', '--seed', '7', '--json'], { timeoutMs: 200_000 });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.mode).toBe('random');
    const finding = report.results[0].finding;
    expect(finding.reproducer).toMatchObject({ foundBy: 'random', kind: 'crash', function: 'seal' });
    const replay = await cli(['fuzz', dir, '--replay', finding.file, '--json'], { env: { WPK_FUZZ_NO_LIBFUZZER: '1' } });
    expect(replay.status, replay.stderr).toBe(1);
    expect(JSON.parse(replay.stdout)).toMatchObject({ reproduced: true, via: 'runtime' });
  }, 240_000);
});

describe.skipIf(!HAS_LIBFUZZER)('the libFuzzer harness', () => {
  test('decodes inputs exactly as the TypeScript decoder does (one format for both modes)', async () => {
    const harness = await buildHarness(fuzzToolchain()!, path.join(planted, 'build', 'fuzz', 'harness'));
    const library = path.join(planted, 'build', 'fuzz', 'libplanted.so');
    const fn = { module: 'planted', function: 'add', params: ['i32', 'i32'], results: ['i32'] };
    for (let i = 0; i < 5; i++) {
      const input = randomInput(fn.params, 42, i);
      const d = await describeInput({ harness, library }, fn, input, 5);
      expect(d.call).toEqual(decodeInput(fn.params, input));
    }
  });

  test('a fixed-seed run of 100,000 inputs on the get_string example finds nothing', async () => {
    const example = path.join(root, 'examples', 'get-string');
    fs.mkdirSync(example, { recursive: true });
    // The C example alone (its CMakeLists.txt also builds the C++ one).
    fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'get-string', 'get_string.c'), path.join(example, 'get_string.c'));
    fs.writeFileSync(path.join(example, 'CMakeLists.txt'), [
      'cmake_minimum_required(VERSION 3.16)', 'project(get_string LANGUAGES C)',
      `include("${path.join(REPO_ROOT, 'sdk', 'link', 'WasmEdgeLink.cmake')}")`,
      'add_library(get_string SHARED get_string.c)', 'set_target_properties(get_string PROPERTIES C_VISIBILITY_PRESET hidden)',
      'wasmedge_plugin_link(get_string)', '',
    ].join('\n'));
    const report = await fuzzPlugin(example, { function: 'get_string', runs: 100_000, seed: 1, seconds: 300 });
    expect(report.results).toHaveLength(1);
    expect(report.results[0].finding).toBeUndefined();
    expect(report.results[0].runs).toBe(100_000);
    expect(fs.existsSync(path.join(example, 'fuzz', 'findings'))).toBe(false);
  }, 400_000);
});
