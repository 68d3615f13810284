// `build --sanitize address`: the AddressSanitizer build an author runs themselves, made by the same
// code as `test --sanitize address` (one build tree, build/asan). Uses one generated C project.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dynamicSection, dynSyms, makeTempDir, removeDir } from './helpers/cbuild.js';
import { cli } from './helpers/cli.js';

let tmp: string;
let project: string;
let note = '';

const HAS_WASMEDGE = spawnSync('wasmedge', ['--version']).status === 0 && spawnSync('wat2wasm', ['--version']).status === 0;
if (!HAS_WASMEDGE) console.warn('wasmedge or wat2wasm not found: the ASan build is not run in real WasmEdge (install WasmEdge 0.17 and wabt)');

beforeAll(async () => {
  tmp = makeTempDir('wpk-asan-build-');
  const r = await cli(['new', 'asan_demo', '--lang', 'c', '--yes'], { cwd: tmp });
  expect(r.status, r.stderr).toBe(0);
  project = path.join(tmp, 'asan_demo');
});

afterAll(() => removeDir(tmp));

describe('build --sanitize address', () => {
  test('builds an instrumented debug library under build/asan, and test --sanitize uses that same build', async () => {
    const r = await cli(['build', project, '--sanitize', 'address', '--json'], { timeoutMs: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    const built = JSON.parse(r.stdout);
    expect(built).toMatchObject({ language: 'c', config: 'Debug', sanitize: 'address' });
    expect(built.artifact).toBe(path.join(project, 'build', 'asan', 'libasan_demo.so'));
    // Instrumented: it needs the ASan runtime and calls its reporting functions.
    expect(dynamicSection(built.artifact).needed.some((n) => n.startsWith('libasan.so'))).toBe(true);
    expect(dynSyms(built.artifact).some((s) => !s.defined && s.name.startsWith('__asan_report_'))).toBe(true);
    // How to run it is said on stderr; stdout stays the path alone without --json.
    const plain = await cli(['build', project, '--sanitize', 'address'], { timeoutMs: 300_000 });
    expect(plain.stdout).toBe(`${built.artifact}\n`);
    expect(plain.stderr).toMatch(/LD_PRELOAD=.*libasan/);
    note = plain.stderr;

    const mtime = fs.statSync(built.artifact).mtimeMs;
    const t = await cli(['test', project, '--sanitize', 'address', '--json'], { timeoutMs: 300_000 });
    const report = JSON.parse(t.stdout);
    expect(report.library).toBe(built.artifact);
    expect(report.sanitize).toBe('address');
    expect(report.ok, t.stdout).toBe(true);
    expect(fs.statSync(built.artifact).mtimeMs).toBe(mtime);
  });

  test.skipIf(!HAS_WASMEDGE)('the command the note gives runs the ASan build in real WasmEdge', () => {
    const command = note.split('\n').find((l) => l.includes('wasmedge <program.wasm>'));
    expect(command, note).toBeDefined();
    const wasm = path.join(tmp, 'get_string.wasm');
    expect(spawnSync('wat2wasm', [path.join(project, 'test', 'get_string.wat'), '-o', wasm]).status).toBe(0);
    const r = spawnSync('sh', ['-c', command!.trim().replace('<program.wasm>', wasm)], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('AddressSanitizer');
    expect(r.stdout).toBe('hello\n');
    expect(r.status).toBe(0);
  });

  test('an unknown sanitizer is a usage error', async () => {
    const r = await cli(['build', project, '--sanitize', 'memory']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error[E_USAGE]: --sanitize memory: expected address');
    expect(r.stderr).toContain('hint: the supported value is: address');
  });

  test('a Rust project is refused with the reason, before cargo runs', async () => {
    const rust = await cli(['new', 'asan_rust', '--lang', 'rust', '--yes'], { cwd: tmp });
    expect(rust.status, rust.stderr).toBe(0);
    const r = await cli(['build', path.join(tmp, 'asan_rust'), '--sanitize', 'address']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error[E_USAGE]: --sanitize address supports C and C++ projects');
    expect(fs.existsSync(path.join(tmp, 'asan_rust', 'target'))).toBe(false);
  });
});
