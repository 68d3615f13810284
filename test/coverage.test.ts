// `test --coverage` on a generated C project: line and branch coverage of src/plugin.c (not the
// vendored SDK), coverage/lcov.info, and a .wat test that reaches an uncovered branch raises it.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeTempDir } from './helpers/cbuild.js';
import { cli, ensureBuilt } from './helpers/cli.js';

let dir: string;
let upperTest: string;
let upperSource: string;

async function coverage(target = dir) {
  const r = await cli(['test', target, '--coverage', '--json'], { timeoutMs: 240_000 });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  ensureBuilt();
  const root = makeTempDir('wpk-coverage-');
  dir = path.join(root, 'cov');
  const made = await cli(['new', dir, '--yes', '--lang', 'c', '--name', 'cov']);
  expect(made.status, made.stderr).toBe(0);
  // Only the upper-case test reaches the upper-casing branch of get_string: set it aside.
  upperTest = path.join(dir, 'test', 'get_string_upper.wat');
  upperSource = fs.readFileSync(upperTest, 'utf8');
  fs.rmSync(upperTest);
});

describe('test --coverage (C project)', () => {
  let before: { files: Array<{ file: string; lines: { hit: number; total: number; percent: number }; branches: { hit: number; total: number } }>; leastCovered: Array<{ name: string; uncovered: string[] }>; lcov: string };

  test('reports src/plugin.c only, with uncovered lines of the least-covered functions, and writes lcov.info', async () => {
    const release = await cli(['build', dir, '--json'], { timeoutMs: 240_000 });
    expect(release.status, release.stderr).toBe(0);
    const releaseLib = JSON.parse(release.stdout).artifact as string;
    const releaseMtime = fs.statSync(releaseLib).mtimeMs;
    const report = await coverage();
    // Its own build tree: the Release build stays as it was.
    expect(report.library).toBe(path.join(dir, 'build', 'coverage', 'libcov.so'));
    expect(fs.statSync(releaseLib).mtimeMs).toBe(releaseMtime);
    before = report.coverage;
    expect(before.files.map((f) => f.file)).toEqual(['src/plugin.c']);
    const c = before.files[0];
    expect(c.lines.total).toBeGreaterThan(20);
    expect(c.lines.hit).toBeGreaterThan(0);
    expect(c.lines.percent).toBeLessThan(100);
    expect(c.branches.total).toBeGreaterThan(0);
    // The upper-casing line of get_string never ran.
    const source = fs.readFileSync(path.join(dir, 'src', 'plugin.c'), 'utf8').split('\n');
    const upperLine = source.findIndex((l) => l.includes("C = (uint8_t)(C - 'a' + 'A')")) + 1;
    expect(upperLine).toBeGreaterThan(0);
    const getString = before.leastCovered.find((g) => g.name === 'get_string');
    expect(getString?.uncovered).toContain(String(upperLine));
    const lcov = fs.readFileSync(path.join(dir, 'coverage', 'lcov.info'), 'utf8');
    expect(before.lcov).toBe(path.join(dir, 'coverage', 'lcov.info'));
    expect(lcov).toContain(`SF:${path.join(dir, 'src', 'plugin.c')}`);
    expect(lcov).toContain(`DA:${upperLine},0`);
    expect(lcov).not.toContain('wasmedge-sdk');
  });

  test('a .wat test that reaches the uncovered branch raises line and branch coverage', async () => {
    fs.writeFileSync(upperTest, upperSource);
    const after = (await coverage()).coverage.files[0];
    expect(after.lines.hit).toBeGreaterThan(before.files[0].lines.hit);
    expect(after.branches.hit).toBeGreaterThan(before.files[0].branches.hit);
    expect(after.lines.total).toBe(before.files[0].lines.total);
  });

  test('the text report names the file and its figures', async () => {
    const r = await cli(['test', dir, '--coverage'], { timeoutMs: 240_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/src\/plugin\.c\s+\d+\.\d% \(\d+\/\d+\)\s+\d+\.\d% \(\d+\/\d+\)/);
    expect(r.stdout).toContain('lcov');
  });

  test('a Rust project or a library is refused with a clear error', async () => {
    const rust = makeTempDir('wpk-coverage-rust-');
    fs.writeFileSync(path.join(rust, 'Cargo.toml'), '[package]\nname = "x"\nversion = "0.1.0"\n');
    const r = await cli(['test', rust, '--coverage']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error[E_COVERAGE_UNAVAILABLE]');
    expect(r.stderr).toContain('rustup component add llvm-tools');
    const lib = await cli(['test', path.join(dir, 'build', 'coverage', 'libcov.so'), '--coverage']);
    expect(lib.stderr).toContain('error[E_COVERAGE_UNAVAILABLE]');
  });
});
