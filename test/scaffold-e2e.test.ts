// Tier 2 of the scaffolder tests (slow, real toolchains): for each of c, cpp and rust, `new` with
// flags only (hostile description and author) → `build` → `run test/*.wat` with our runtime →
// `hello` / `HELLO` / `5`, `inspect` shows the exact description, and the same project builds with
// plain cmake/cargo as its README says. Also: build failures and missing tools are reported clearly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDABLE_LANGUAGES } from './helpers/cbuild.js';
import { WASMEDGE, noticeIfNoWasmEdge } from './helpers/wasmedge.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'wasmedge-plugin.js');
const SHIM = path.join(ROOT, 'build', 'Release', 'libwasmedge.so');

const HOSTILE_DESCRIPTION = 'He said "hi" \\ */ /* ${{ github.token }} ${HOME} ??= <b>ünïcødé</b> 🚀 \\';
const HOSTILE_AUTHOR = 'Zoë "Z" O\'Brien \\';

let tmp: string;
let env: NodeJS.ProcessEnv;
const timings: Record<string, { newToSmoke: number; build: number }> = {};

beforeAll(() => {
  if (!fs.existsSync(SHIM)) throw new Error(`the host shim is not built (${SHIM}): run \`npx node-gyp rebuild\``);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json`');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wpk-e2e-'));
  // A private copy of the shim, so a concurrent `node-gyp rebuild` cannot pull it from under us.
  const shim = path.join(tmp, 'libwasmedge.so');
  fs.copyFileSync(SHIM, shim);
  env = { ...process.env, WASMEDGE_PLUGIN_KIT_SHIM: shim, NO_COLOR: '1' };
  noticeIfNoWasmEdge();
});
afterAll(() => {
  if (Object.keys(timings).length) console.log(`new → passing smoke test (s): ${JSON.stringify(timings)}`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? tmp, env: options.env ?? env, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.each(BUILDABLE_LANGUAGES)('new → build → run, --lang %s', (language) => {
  const name = `e2e_${language}`;
  let dir: string;
  let artifact: string;

  it('creates, builds and runs the smoke test (hello)', () => {
    const started = performance.now();
    const created = cli(['new', name, '--lang', language, '--description', HOSTILE_DESCRIPTION, '--author', HOSTILE_AUTHOR, '--yes']);
    expect(created.code, created.stderr).toBe(0);
    dir = path.join(tmp, name);

    const built = cli(['build', name, '--json']);
    expect(built.code, built.stderr).toBe(0);
    const result = JSON.parse(built.stdout);
    expect(result).toMatchObject({ language, config: 'Release' });
    expect(result.seconds).toBeGreaterThan(0);
    artifact = result.artifact;
    expect(path.isAbsolute(artifact)).toBe(true);
    expect(path.basename(artifact)).toBe(`lib${name}.so`);
    expect(fs.existsSync(artifact)).toBe(true);

    const smoke = cli(['run', `${name}/test/get_string.wat`, '--plugin', artifact]);
    expect(smoke.stderr).toBe('');
    expect(smoke.stdout).toBe('hello\n');
    expect(smoke.code).toBe(0);
    timings[language] = { newToSmoke: Math.round((performance.now() - started) / 100) / 10, build: result.seconds };
  });

  it('honours the upper option and runs add', () => {
    const upper = cli(['run', `${name}/test/get_string_upper.wat`, '--plugin', artifact, '--opt', 'upper']);
    expect(upper.stdout).toBe('HELLO\n');
    expect(upper.code).toBe(0);
    const add = cli(['run', `${name}/test/add.wat`, '--plugin', artifact, '--invoke', 'add', '--', '2', '3']);
    expect(add.stdout.trim(), add.stderr).toBe('5');
  });

  it.skipIf(!WASMEDGE)('passes `test --engine both` in real WasmEdge, and run --engine both reports "same"', () => {
    const tested = cli(['test', name, '--engine', 'both', '--json']);
    const report = JSON.parse(tested.stdout);
    expect(tested.code, tested.stdout).toBe(0);
    const load = report.findings.find((f: { check: string }) => f.check === 'wasmedge-load');
    expect(load).toMatchObject({ status: 'pass' });
    const inWasmEdge = report.findings.filter((f: { check: string }) => f.check === 'wasmedge');
    expect(inWasmEdge.length).toBeGreaterThanOrEqual(3); // one per test/*.wat expectation
    expect(inWasmEdge.every((f: { status: string }) => f.status === 'pass')).toBe(true);
    const both = cli(['run', `${name}/test/get_string_upper.wat`, '--plugin', artifact, '--opt', 'upper', '--engine', 'both', '--json']);
    expect(both.code, both.stdout).toBe(0);
    const j = JSON.parse(both.stdout);
    expect(j.comparison.same).toBe(true);
    expect([j.kit.stdout, j.wasmedgeOutcome.stdout]).toEqual(['HELLO\n', 'HELLO\n']);
  });

  it('carries the exact hostile description into the plug-in descriptor', () => {
    const inspected = cli(['inspect', artifact, '--json']);
    expect(inspected.code, inspected.stderr).toBe(0);
    const plugin = JSON.parse(inspected.stdout).plugins[0];
    expect(plugin).toMatchObject({ name, description: HOSTILE_DESCRIPTION, apiVersion: 5 });
    expect(plugin.modules.map((m: { name: string }) => m.name)).toEqual([`${name}_module`]);
  });

  it('prints just the library path without --json, and exports compile commands for C/C++', () => {
    const again = cli(['build', name]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(`${artifact}\n`);
    if (language !== 'rust') {
      const commands = JSON.parse(fs.readFileSync(path.join(dir, 'compile_commands.json'), 'utf8'));
      expect(commands.some((c: { file: string }) => c.file.endsWith(language === 'c' ? 'src/plugin.c' : 'src/plugin.cpp'))).toBe(true);
    }
  });

  it('builds with the plain commands of its README', () => {
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    if (language === 'rust') {
      expect(readme).toContain('cargo build --release --offline');
      const r = sh('cargo', ['build', '--release', '--offline'], dir);
      expect(r.code, r.out).toBe(0);
      expect(fs.existsSync(path.join(dir, 'target', 'release', `lib${name}.so`))).toBe(true);
    } else {
      expect(readme).toContain('cmake -S . -B build && cmake --build build');
      const configure = sh('cmake', ['-S', '.', '-B', 'build'], dir);
      expect(configure.code, configure.out).toBe(0);
      const build = sh('cmake', ['--build', 'build'], dir);
      expect(build.code, build.out).toBe(0);
      const lib = path.join(dir, 'build', `lib${name}.so`);
      expect(fs.existsSync(lib)).toBe(true);
      // CMake kept the description verbatim (quotes, backslashes, ${…} not expanded).
      const cache = fs.readFileSync(path.join(dir, 'build', 'CMakeCache.txt'), 'utf8');
      expect(cache).toContain(`CMAKE_PROJECT_DESCRIPTION:STATIC=${HOSTILE_DESCRIPTION}`);
      // The plainly built library works the same.
      expect(cli(['run', `${name}/test/get_string.wat`, '--plugin', lib]).stdout).toBe('hello\n');
    }
  });
});

describe('build errors', () => {
  it('--debug builds the Debug configuration', () => {
    expect(cli(['new', 'dbg', '--lang', 'c', '--yes']).code).toBe(0);
    const r = cli(['build', 'dbg', '--debug', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ config: 'Debug', artifact: path.join(tmp, 'dbg', 'build', 'Debug', 'libdbg.so') });
    expect(cli(['run', 'dbg/test/get_string.wat', '--plugin', JSON.parse(r.stdout).artifact]).stdout).toBe('hello\n');
  });

  it('reports a compile error with the compiler output (E_BUILD_FAILED, exit 1)', () => {
    expect(cli(['new', 'broken', '--lang', 'c', '--yes']).code).toBe(0);
    const source = path.join(tmp, 'broken', 'src', 'plugin.c');
    fs.appendFileSync(source, '\nint broken(void) { return undeclared_thing; }\n');
    const r = cli(['build', 'broken']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[E_BUILD_FAILED\]: cmake --build failed/);
    expect(r.stderr).toMatch(/undeclared_thing/);
    expect(r.stdout).toBe('');
  });

  it('names the missing tool and how to install it (cmake, cargo)', () => {
    // A PATH with node only.
    const bin = path.join(tmp, 'only-node');
    fs.mkdirSync(bin, { recursive: true });
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const bare = { ...env, PATH: bin };
    expect(cli(['new', 'needs_cmake', '--lang', 'cpp', '--yes']).code).toBe(0);
    const noCmake = cli(['build', 'needs_cmake'], { env: bare });
    expect(noCmake.code).toBe(1);
    expect(noCmake.stderr).toMatch(/error\[E_TOOL_MISSING\]: cmake was not found on PATH/);
    expect(noCmake.stderr).toMatch(/apt-get install cmake g\+\+/);
    expect(cli(['new', 'needs_cargo', '--lang', 'rust', '--yes']).code).toBe(0);
    const noCargo = cli(['build', 'needs_cargo'], { env: bare });
    expect(noCargo.code).toBe(1);
    expect(noCargo.stderr).toMatch(/error\[E_TOOL_MISSING\]: cargo was not found on PATH/);
    expect(noCargo.stderr).toMatch(/rustup/);
  });

  it('refuses a directory that is not a project (exit 2)', () => {
    fs.mkdirSync(path.join(tmp, 'empty'), { recursive: true });
    const r = cli(['build', 'empty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[E_NOT_A_PROJECT\]/);
  });
});
