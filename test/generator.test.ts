// Tier 1 of the scaffolder tests (fast): the app generator's rendered files per language, hostile
// free text parsed back (TOML, JSON) or compiled and run (C, C++), the dotfile map, conflicts,
// --force, invalid answers (exit 2 + valid values) and never prompting without a TTY.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import helpers from 'yeoman-test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AppGenerator from '../generators/app/index.js';
import { resolveAnswers, type Language } from '../tooling/scaffold/answers.js';
import { DOTFILE_NAMES, outputPath } from '../tooling/scaffold/render.js';
import { plannedFiles, MANIFEST_FILE } from '../tooling/scaffold/plan.js';
import { pinned } from '../tooling/scaffold/versions.js';
import { scaffold } from '../generators/new-project.js';
import { KitError } from '../runtime/errors.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'wasmedge-plugin.js');
const TEMPLATES = path.join(ROOT, 'templates');

// Everything that has broken a generator somewhere: quotes, backslashes (also trailing), comment
// terminators, GitHub/Handlebars expressions, trigraphs, Markdown/HTML, CMake variables, unicode.
const HOSTILE_DESCRIPTION = 'He said "hi" \'there\' \\n \\ */ /* ${{ github.token }} {{name}} ??= <b>*x*</b> ${HOME} ünïcødé 🚀 \\';
const HOSTILE_AUTHOR = 'Zoë "Z" O\'Brien <z@example.org> \\ */';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wpk-gen-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function runGenerator(options: Record<string, unknown>) {
  return helpers.run(AppGenerator as never).withOptions({ yes: true, ...options } as never);
}

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

function cli(args: string[], cwd: string, input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** Every file in `dir`, posix relative paths, sorted. */
function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const COMMON = ['.github/workflows/ci.yml', '.gitignore', 'README.md', MANIFEST_FILE, 'test/add.wat', 'test/get_string.wat', 'test/get_string_upper.wat',
  'test/guest_get_string.c', 'guest/c/main.c', 'guest/rust/Cargo.toml', 'guest/rust/src/main.rs', 'guest/assemblyscript/main.ts'];
const EXPECTED: Record<Language, string[]> = {
  c: [...COMMON, 'CMakeLists.txt', 'src/plugin.c', 'wasmedge-sdk/include/wasmedge/wasmedge.h', 'wasmedge-sdk/link/WasmEdgeLink.cmake'],
  cpp: [...COMMON, 'CMakeLists.txt', 'src/plugin.cpp', 'wasmedge-sdk/cpp/wasmedge/plugin.hpp', 'wasmedge-sdk/include/wasmedge/wasmedge.h', 'wasmedge-sdk/link/WasmEdgeLink.cmake'],
  rust: [...COMMON, 'Cargo.toml', 'src/lib.rs', 'wasmedge-sdk/rust/Cargo.toml', 'wasmedge-sdk/rust/build.rs', 'wasmedge-sdk/link/wasmedge_stub.c', 'wasmedge-sdk/include/wasmedge/wasmedge.h'],
};

describe.each(['c', 'cpp', 'rust'] as const)('generator, --lang %s', (language) => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    const result = await runGenerator({ language, name: 'demo', module: 'demo_mod', description: HOSTILE_DESCRIPTION, author: HOSTILE_AUTHOR });
    dir = result.cwd;
    files = listFiles(dir);
  });

  it('writes exactly the planned files, including the expected ones', () => {
    const answers = resolveAnswers({ language, name: 'demo', module: 'demo_mod' }, dir);
    expect(files).toEqual(plannedFiles(answers));
    for (const f of EXPECTED[language]) expect(files).toContain(f);
    // The SDK parts of the other languages are not vendored.
    if (language !== 'cpp') expect(files.some((f) => f.startsWith('wasmedge-sdk/cpp/'))).toBe(false);
    if (language !== 'rust') expect(files.some((f) => f.startsWith('wasmedge-sdk/rust/'))).toBe(false);
    expect(files.some((f) => /(^|\/)(target|build)\//.test(f) || f.endsWith('Cargo.lock'))).toBe(false);
  });

  it('renames dotfiles through DOTFILE_NAMES and leaves no template names behind', () => {
    for (const stored of Object.keys(DOTFILE_NAMES)) expect(files.some((f) => f.split('/').includes(stored))).toBe(false);
    expect(files).toContain(DOTFILE_NAMES._gitignore);
    expect(files).toContain(`${DOTFILE_NAMES._github}/workflows/ci.yml`);
    expect(files.some((f) => f.endsWith('.hbs'))).toBe(false);
    expect(outputPath('_github/workflows/ci.yml.hbs')).toBe('.github/workflows/ci.yml');
  });

  it('keeps GitHub Actions expressions and pins versions from the data file in the workflow', () => {
    const ci = fs.readFileSync(path.join(dir, '.github/workflows/ci.yml'), 'utf8');
    expect(ci).toContain('runs-on: ${{ matrix.os }}');
    expect(ci).not.toContain('\\{{');
    expect(ci).toContain(`actions/checkout@${pinned('actionsCheckout')}`);
  });

  it('puts the module name into every test .wat and writes the expectation directives', () => {
    for (const wat of ['get_string', 'get_string_upper', 'add']) {
      const text = fs.readFileSync(path.join(dir, `test/${wat}.wat`), 'utf8');
      expect(text).toContain('(import "demo_mod"');
      expect(text.startsWith(';; @')).toBe(true);
    }
    expect(fs.readFileSync(path.join(dir, 'test/get_string.wat'), 'utf8')).toMatch(/^;; @stdout hello$/m);
    const upper = fs.readFileSync(path.join(dir, 'test/get_string_upper.wat'), 'utf8');
    expect(upper).toMatch(/^;; @opt upper$/m);
    expect(upper).toMatch(/^;; @stdout HELLO$/m);
    expect(fs.readFileSync(path.join(dir, 'test/add.wat'), 'utf8')).toMatch(/^;; @invoke add 2 3 => 5$/m);
  });

  it('round-trips hostile description and author through the JSON manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'));
    expect(manifest).toMatchObject({ name: 'demo', module: 'demo_mod', language, apiVersion: 5, description: HOSTILE_DESCRIPTION, author: HOSTILE_AUTHOR, library: 'libdemo.so' });
    // Every host function with parameter names (what `bindings` names them by; docs/bindings.md).
    expect(manifest.functions.map((f: { name: string; params: Array<{ name: string }> }) => `${f.name}(${f.params.map((p) => p.name).join(', ')})`)).toEqual(['get_string(buf_ptr, buf_len, written_ptr)', 'add(a, b)']);
  });

  it('writes a README with the exact build and run commands', () => {
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    const plain = language === 'rust' ? 'cargo build --release --offline' : 'cmake -S . -B build && cmake --build build';
    expect(readme).toContain(plain);
    // `npx wasmedge-plugin` would fetch an unrelated npm package: the kit's own package name resolves to it.
    expect(readme).toContain('npx wasmedge-plugin-kit build');
    expect(readme).toContain('npx wasmedge-plugin-kit run test/get_string.wat --plugin ');
    expect(readme).not.toMatch(/npx wasmedge-plugin\s/);
    // Markdown-escaped: no raw HTML tag survives.
    expect(readme).not.toContain('<b>');
  });
});

describe('hostile free text in generated sources', () => {
  it('parses back from Cargo.toml (TOML)', async () => {
    const { cwd } = await runGenerator({ language: 'rust', name: 'demo', description: HOSTILE_DESCRIPTION, author: HOSTILE_AUTHOR, license: 'MIT OR Apache-2.0' });
    const toml = parseToml(fs.readFileSync(path.join(cwd, 'Cargo.toml'), 'utf8')) as { package: Record<string, unknown>; lib: Record<string, unknown>; dependencies: Record<string, { path: string }> };
    expect(toml.package.description).toBe(HOSTILE_DESCRIPTION);
    expect(toml.package.authors).toEqual([HOSTILE_AUTHOR]);
    expect(toml.package.license).toBe('MIT OR Apache-2.0');
    expect(toml.package.name).toBe('demo');
    expect(toml.lib['crate-type']).toEqual(['cdylib']);
    expect(fs.existsSync(path.join(cwd, toml.dependencies['wasmedge-plugin-sdk'].path, 'Cargo.toml'))).toBe(true);
  });

  it('compiles as C11 (-Wall -Wextra -Werror, trigraphs on) and the descriptor holds the exact text', async () => {
    const { cwd } = await runGenerator({ language: 'c', name: 'demo', description: HOSTILE_DESCRIPTION, author: HOSTILE_AUTHOR });
    // The whole plug-in source, plus a main that prints its descriptor's strings, linked against the
    // vendored link-only stub (its WasmEdge_* are never called here).
    fs.writeFileSync(path.join(cwd, 'probe.c'), '#include "src/plugin.c"\n#include <stdio.h>\nint main(void) { const WasmEdge_PluginDescriptor *d = WasmEdge_Plugin_GetDescriptor(); printf("%s|%s|%d", d->Name, d->Description, (int)d->APIVersion); return 0; }\n');
    const stub = sh('cc', ['-shared', '-fPIC', '-Wl,--version-script=wasmedge-sdk/link/libwasmedge.map', '-Wl,-soname,libwasmedge.so.0', '-o', 'libwasmedge.so.0', 'wasmedge-sdk/link/wasmedge_stub.c'], cwd);
    expect(stub.code, stub.out).toBe(0);
    const cc = sh('cc', ['-std=c11', '-Wall', '-Wextra', '-Werror', '-Iwasmedge-sdk/include', 'probe.c', '-o', 'probe', 'libwasmedge.so.0', '-Wl,-rpath,$ORIGIN'], cwd);
    expect(cc.out).toBe('');
    expect(cc.code).toBe(0);
    expect(sh('./probe', [], cwd).stdout).toBe(`demo|${HOSTILE_DESCRIPTION}|5`);
  });

  it('compiles as C++17 (-Wall -Wextra -Werror) with the hostile comment header', async () => {
    const { cwd } = await runGenerator({ language: 'cpp', name: 'demo', description: HOSTILE_DESCRIPTION, author: HOSTILE_AUTHOR });
    const cxx = sh('c++', ['-std=c++17', '-fsyntax-only', '-Wall', '-Wextra', '-Werror', '-Iwasmedge-sdk/include', '-Iwasmedge-sdk/cpp', 'src/plugin.cpp'], cwd);
    expect(cxx.out).toBe('');
    expect(cxx.code).toBe(0);
  });

  it('API version 4 is passed to the compiler through CMake', async () => {
    const { cwd } = await runGenerator({ language: 'c', name: 'old', apiVersion: '4' });
    expect(fs.readFileSync(path.join(cwd, 'CMakeLists.txt'), 'utf8')).toContain('WASMEDGE_PLUGIN_API_VERSION=4');
  });
});

describe('answers', () => {
  it('takes defaults from the target directory name', () => {
    const a = resolveAnswers({}, '/x/My-Cool.Plugin');
    expect(a).toMatchObject({ language: 'c', name: 'my_cool_plugin', module: 'my_cool_plugin_module', apiVersion: 5, license: 'Apache-2.0' });
    expect(resolveAnswers({}, '/x/123').name).toBe('my_plugin');
  });

  it.each([
    [{ name: '1abc' }, /--name "1abc"/, /lower-case letters, digits and underscores/],
    [{ name: 'my-plugin' }, /--name/, /lower-case letters/],
    [{ name: 'fn' }, /--name "fn"/, /keyword/],
    [{ name: 'wasi_nn' }, /--name "wasi_nn"/, /reserved by WasmEdge/],
    [{ module: 'wasi_snapshot_preview1' }, /--module/, /reserved by WasmEdge/],
    [{ language: 'go' }, /--lang "go"/, /valid values: c, cpp, rust/],
    [{ apiVersion: '3' }, /--api-version "3"/, /valid values: 5, 4/],
    [{ language: 'rust', apiVersion: '4' }, /--api-version "4"/, /valid values with --lang rust: 5/],
    [{ description: 'two\nlines' }, /--description/, /without control characters/],
    [{ license: 'MIT; rm -rf /' }, /--license/, /SPDX/],
  ])('rejects %j with a usage error listing the valid values', (given, message, hint) => {
    let error: unknown;
    try {
      resolveAnswers(given, '/x/p');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KitError);
    const k = error as KitError;
    expect(k.code).toBe('E_USAGE');
    expect(k.exitCode).toBe(2);
    expect(k.message).toMatch(message);
    expect(k.hint).toMatch(hint);
  });

  it('prompts for what was not given when interactive (yeoman-test answers)', async () => {
    const result = await helpers
      .run(AppGenerator as never)
      .withOptions({ interactive: true, language: 'cpp' } as never)
      .withAnswers({ name: 'asked', module: 'asked_mod', description: 'from a prompt', author: 'me', license: 'MIT', apiVersion: '4' });
    const manifest = JSON.parse(fs.readFileSync(path.join(result.cwd, MANIFEST_FILE), 'utf8'));
    expect(manifest).toMatchObject({ language: 'cpp', name: 'asked', module: 'asked_mod', description: 'from a prompt', license: 'MIT', apiVersion: 4 });
  });

  it('throws on an unknown pinned version name', () => {
    expect(pinned('cmakeMinimum')).toMatch(/^\d+\.\d+/);
    expect(() => pinned('cmakeMinimun')).toThrow(/no pinned version "cmakeMinimun"/);
  });

  it('every {{versions.*}} used by a template is pinned', () => {
    const used = new Set<string>();
    for (const f of listFiles(TEMPLATES)) {
      for (const m of fs.readFileSync(path.join(TEMPLATES, f), 'utf8').matchAll(/\{\{versions\.(\w+)\}\}/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(3);
    for (const name of used) expect(() => pinned(name)).not.toThrow();
  });
});

describe('scaffold() target safety', () => {
  it('writes into a new directory and leaves no temp directory behind', async () => {
    const r = await scaffold({ dir: 'fresh', cwd: tmp, yes: true, language: 'c' });
    expect(r.dir).toBe(path.join(tmp, 'fresh'));
    expect(listFiles(r.dir)).toEqual(r.files);
    expect(fs.readdirSync(r.dir).some((e) => e.startsWith('.wasmedge-plugin-new-'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(r.dir, MANIFEST_FILE), 'utf8')).name).toBe('fresh');
  });

  it('refuses a non-empty target without --force, naming the conflicting files, and changes nothing', async () => {
    const dir = path.join(tmp, 'busy');
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'CMakeLists.txt'), 'mine\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep\n');
    const before = listFiles(dir);
    const error = await scaffold({ dir, yes: true, language: 'c' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KitError);
    expect((error as KitError).code).toBe('E_TARGET_EXISTS');
    expect((error as KitError).exitCode).toBe(1);
    expect((error as KitError).message).toMatch(/would overwrite: CMakeLists\.txt/);
    expect(listFiles(dir)).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'CMakeLists.txt'), 'utf8')).toBe('mine\n');
    // Not empty but nothing in the way: still refused, listing what is there.
    const other = path.join(tmp, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'notes.txt'), 'keep\n');
    await expect(scaffold({ dir: other, yes: true })).rejects.toThrow(/not empty \(it contains: notes\.txt\)/);
  });

  it('--force overwrites the generated files and keeps the others', async () => {
    const dir = path.join(tmp, 'forced');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'CMakeLists.txt'), 'mine\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep\n');
    const r = await scaffold({ dir, yes: true, force: true, language: 'c', name: 'forced' });
    expect(fs.readFileSync(path.join(dir, 'CMakeLists.txt'), 'utf8')).toContain('add_library(forced SHARED');
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('keep\n');
    expect(r.files).not.toContain('notes.txt');
  });

  it('refuses a target that is a file', async () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'x');
    await expect(scaffold({ dir: file, yes: true })).rejects.toMatchObject({ code: 'E_TARGET_EXISTS' });
  });

  it('removes a directory it created when generation fails', async () => {
    const dir = path.join(tmp, 'failing');
    await expect(scaffold({ dir, yes: true, generator: path.join(tmp, 'no-such-generator.js') })).rejects.toThrow();
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('wasmedge-plugin new (CLI)', () => {
  it('never prompts nor hangs without a TTY, even without --yes', () => {
    const r = cli(['new', 'no_tty', '--lang', 'rust', '--json'], tmp);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ dir: path.join(tmp, 'no_tty'), language: 'rust', name: 'no_tty', module: 'no_tty_module' });
    expect(out.files).toContain('Cargo.toml');
  });

  it.each([
    [['--name', 'Bad-Name'], /error\[E_USAGE\]: invalid --name "Bad-Name"/, /valid values: lower-case letters/],
    [['--lang', 'go'], /error\[E_USAGE\]: invalid --lang "go"/, /valid values: c, cpp, rust/],
    [['--api-version', '6'], /invalid --api-version "6"/, /valid values: 5, 4/],
  ])('exits 2 on %j and lists the valid values, creating nothing', (flags, message, hint) => {
    const r = cli(['new', 'bad_target', '--yes', ...flags], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(hint);
    expect(fs.existsSync(path.join(tmp, 'bad_target'))).toBe(false);
  });

  it('exits 1 with E_TARGET_EXISTS on a non-empty target without a TTY (Yeoman alone would exit 0)', () => {
    const dir = path.join(tmp, 'cli_busy');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'README.md'), 'mine\n');
    const r = cli(['new', 'cli_busy', '--yes'], tmp);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[E_TARGET_EXISTS\]: .*would overwrite: README\.md/);
    expect(r.stderr).toMatch(/--force/);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('mine\n');
    const forced = cli(['new', 'cli_busy', '--yes', '--force'], tmp);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/created .*cli_busy \(c, \d+ files\)/);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('# cli_busy');
  });
});
