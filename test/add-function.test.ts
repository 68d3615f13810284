// `add function` on a project of each language: the new functions (several signatures) build, are
// callable with `call`, their .wat stubs pass `wasmedge-plugin test`; duplicates are refused, code
// outside the markers is untouched, and a project without markers gets E_NO_MARKERS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDABLE_LANGUAGES } from './helpers/cbuild.js';
import { addFunction } from '../generators/function/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'wasmedge-plugin.js');
const SHIM = path.join(ROOT, 'build', 'Release', 'libwasmedge.so');
const SOURCE = { c: 'src/plugin.c', cpp: 'src/plugin.cpp', rust: 'src/lib.rs' } as const;

let tmp: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json`');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wpk-addfn-'));
  const shim = path.join(tmp, 'libwasmedge.so');
  fs.copyFileSync(SHIM, shim);
  env = { ...process.env, WASMEDGE_PLUGIN_KIT_SHIM: shim, NO_COLOR: '1' };
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, env, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The source without the lines between each begin/end marker pair (the tool's own region). */
function outsideMarkers(text: string): string {
  const out: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (/wasmedge-plugin:\w+:end/.test(line)) inside = false;
    if (!inside) out.push(line);
    if (/wasmedge-plugin:\w+:begin/.test(line)) inside = true;
  }
  return out.join('\n');
}

describe.each(BUILDABLE_LANGUAGES)('add function, --lang %s', (language) => {
  const name = `fn_${language}`;
  const dir = () => path.join(tmp, name);

  it('adds functions between the markers only, refuses duplicates, builds, and each is callable', async () => {
    expect(cli(['new', name, '--lang', language, '--yes']).code).toBe(0);
    const source = path.join(dir(), SOURCE[language]);
    // User code outside the markers, which must survive untouched.
    fs.appendFileSync(source, language === 'rust' ? '\n// user code: keep me\n' : '\n/* user code: keep me */\n');
    const before = fs.readFileSync(source, 'utf8');

    const added = cli(['add', 'function', 'mul', '--params', 'i32,i32', '--results', 'i32', name, '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ language, files: [SOURCE[language], 'test/mul.wat', 'wasmedge-plugin.json'], signature: { name: 'mul', params: ['i32', 'i32'], results: ['i32'] } });
    // The rest in-process (the same generator; saves a CLI start-up per call).
    await addFunction({ dir: dir(), name: 'mix', params: 'i64,f32', results: 'f64,i32' });
    await addFunction({ dir: dir(), name: 'ping' });

    const after = fs.readFileSync(source, 'utf8');
    expect(outsideMarkers(after)).toBe(outsideMarkers(before));
    expect(after).toContain('host_mix');

    const again = cli(['add', 'function', 'mul', '--params', 'i32', name]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('error[E_FUNCTION_EXISTS]');
    // A duplicate names the existing function and where it is registered, not only its test file.
    for (const dup of ['add', 'get_string', 'ping']) {
      await expect(addFunction({ dir: dir(), name: dup }), dup).rejects.toMatchObject({
        code: 'E_FUNCTION_EXISTS',
        message: expect.stringMatching(new RegExp(`^${SOURCE[language].replace('.', '\\.')}:\\d+ already has a host function "${dup}": .*"${dup}"`)),
      });
    }
    await expect(addFunction({ dir: dir(), name: 'f', params: 'i32,v128' })).rejects.toMatchObject({ code: 'E_USAGE', hint: 'valid values: a comma-separated list of i32, i64, f32, f64 (or nothing)' });
    expect(fs.readFileSync(source, 'utf8')).toBe(after);

    const built = cli(['build', name]);
    expect(built.code, built.stderr).toBe(0);
    const lib = built.stdout.trim();
    const mul = cli(['call', lib, `${name}_module.mul`, '6', '7']);
    expect(mul.code, mul.stderr).toBe(0);
    expect(mul.stdout).toBe('0\n');
    const mix = cli(['call', lib, `${name}_module.mix`, '1', '2.5', '--json']);
    expect(mix.code, mix.stderr).toBe(0);
    expect(JSON.parse(mix.stdout).results).toEqual([0, 0]);
    expect(cli(['call', lib, `${name}_module.ping`]).code).toBe(0);

    // The new functions are stubs: their tests fail, saying so, until the author writes them.
    const stubs = ['mul.wat', 'mix.wat', 'ping.wat'];
    type WatFinding = { check: string; status: string; file?: string; code?: string; message: string };
    const wat = (out: string) => (JSON.parse(out).findings as WatFinding[]).filter((f) => f.check === 'wat');
    const stubbed = cli(['test', name, '--json']);
    expect(stubbed.code, stubbed.stdout).toBe(1);
    for (const stub of stubs) {
      const failed = wat(stubbed.stdout).filter((f) => f.file === stub && f.status === 'fail');
      expect(failed, stub).toHaveLength(1);
      expect(failed[0]).toMatchObject({ code: 'E_NOT_IMPLEMENTED', message: expect.stringContaining(`host_${stub.replace('.wat', '')} is a stub`) });
    }
    expect(wat(stubbed.stdout).filter((f) => f.status === 'fail').map((f) => f.file).sort()).toEqual([...stubs].sort());
    // The author implements them (here: keeps the zeros) and writes the expected results.
    const mulWat = path.join(dir(), 'test', 'mul.wat');
    expect(fs.readFileSync(mulWat, 'utf8')).toMatch(/^;; @invoke mul 0 0$/m);
    for (const stub of stubs) {
      const file = path.join(dir(), 'test', stub);
      const results = ({ 'mul.wat': ' => 0', 'mix.wat': ' => 0 0', 'ping.wat': '' } as Record<string, string>)[stub];
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^;; @todo .*\n/m, '').replace(/^(;; @invoke .*)$/m, `$1${results}`));
    }
    const implemented = cli(['test', name, '--json']);
    expect(implemented.code, implemented.stdout).toBe(0);
    const wats = wat(implemented.stdout).map((f) => f.message);
    for (const stub of [...stubs, 'add.wat', 'get_string.wat']) expect(wats.some((m: string) => m.startsWith(stub)), stub).toBe(true);
    // wasmedge-plugin.json kept in sync: the manifest check passes with all five functions.
    const manifest = JSON.parse(implemented.stdout).findings.filter((f: { check: string }) => f.check === 'manifest');
    expect(manifest).toMatchObject([{ status: 'pass', message: expect.stringContaining('the 5 function(s)') }]);
  });
});

it('refuses a project without markers (E_NO_MARKERS) and a directory that is not a project', () => {
  expect(cli(['new', 'nomarkers', '--lang', 'c', '--yes']).code).toBe(0);
  const source = path.join(tmp, 'nomarkers', 'src', 'plugin.c');
  fs.writeFileSync(source, fs.readFileSync(source, 'utf8').replace(/wasmedge-plugin:registrations:(begin|end)/g, 'gone'));
  const r = cli(['add', 'function', 'f', 'nomarkers']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('error[E_NO_MARKERS]');
  expect(fs.existsSync(path.join(tmp, 'nomarkers', 'test', 'f.wat'))).toBe(false);
  fs.mkdirSync(path.join(tmp, 'empty'));
  const e = cli(['add', 'function', 'f', 'empty']);
  expect(e.code).toBe(2);
  expect(e.stderr).toContain('error[E_NOT_A_PROJECT]');
});
