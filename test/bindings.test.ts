// `wasmedge-plugin bindings` on a fixture plug-in with every value type, eleven parameters, two
// results and awkward names (keywords, UTF-8, a digit first, a hyphen, a collision): the output is
// deterministic, and each language's bindings compile and call the real plug-in — C with clang for
// wasm32-wasi, AssemblyScript with asc, wat through `test --wat` — while Rust type-checks with
// cargo on the host target (and builds for wasm32-wasip1 when that target is installed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HAS_CARGO, REPO_ROOT, buildPluginLib, makeTempDir, removeDir, run, runOk } from './helpers/cbuild.js';
import { cli, ensureBuilt } from './helpers/cli.js';
import { assemblyScript, wasiClang, wasiRust } from '../tooling/check/guest-toolchains.js';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'bindings', 'awkward.c');
const CLANG = wasiClang();
const ASC = assemblyScript();
const RUST_WASM = wasiRust();
if (!CLANG.command) console.warn(`bindings.test: C guest programs skipped (no clang for wasm32-wasi); install: ${CLANG.install}`);
if (!ASC.command) console.warn(`bindings.test: AssemblyScript guest programs skipped; install: ${ASC.install}`);
if (!HAS_CARGO) console.warn('bindings.test: Rust bindings not type-checked (cargo not found; https://rustup.rs)');
else if (!RUST_WASM.command) console.warn(`bindings.test: Rust guest not built for wasm32-wasip1 (target missing); install: ${RUST_WASM.install}`);

const HAS_WASMEDGE = spawnSync('wasmedge', ['--version']).status === 0;
if (!HAS_WASMEDGE) console.warn('bindings.test: C guest not run in real WasmEdge (not installed; `wasmedge-plugin doctor` shows how)');

let tmp: string;
let lib: string;
const text: Record<string, string> = {};

beforeAll(async () => {
  ensureBuilt();
  tmp = makeTempDir('wpk-bindings-');
  lib = buildPluginLib([FIXTURE], path.join(tmp, 'libawkward.so'));
  for (const lang of ['c', 'rust', 'assemblyscript', 'wat']) {
    const r = await cli(['bindings', lib, '--lang', lang]);
    expect(r.status, r.stderr).toBe(0);
    text[lang] = r.stdout;
  }
});
afterAll(() => removeDir(tmp));

/** Runs a guest program with the fixture plug-in through the kit; returns its stdout. */
async function runGuest(wasm: string): Promise<string> {
  const r = await cli(['run', wasm, '--plugin', lib]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

// What the fixture computes (see awkward.c): mix = Σ (i+1)·arg_i, wide = 3x, narrow = x/2, and each
// awkward name adds its own constant k (type 1, int 2, café 3, 9lives 4, get-value 5, get_value 6).
const MIX_OF_1_TO_11 = Array.from({ length: 11 }, (_v, i) => (i + 1) * (i + 1)).reduce((a, b) => a + b);

describe('bindings of the awkward fixture', () => {
  test('same input, same bytes; the library path does not appear', async () => {
    for (const lang of ['c', 'wat']) {
      const again = await cli(['bindings', lib, '--lang', lang]);
      expect(again.stdout).toBe(text[lang]);
      expect(text[lang]).not.toContain(tmp);
    }
  });

  test('what cannot be declared is skipped with the reason; renames are noted; imports keep the exact names', () => {
    expect(text.c).toMatch(/skipped swap\(i32, i32\) -> \(i32, i32\): it returns 2 values/);
    expect(text.c).toMatch(/skipped vec\(v128\) -> \(v128\): v128 has no C type/);
    expect(text.c).toMatch(/skipped ref\(externref\) -> \(externref\)/);
    expect(text.c).toContain('import_name("caf\\303\\251")');
    expect(text.c).toContain('renamed to int_: "int" is a reserved word in C');
    expect(text.c).toContain('renamed to get_value_2: "get_value" is already used');
    expect(text.c).toContain('double mix(int32_t p0, int64_t p1, float p2, double p3, int32_t p4, int64_t p5, float p6, double p7, int32_t p8, int64_t p9, float p10);');
    expect(text.rust).toContain('#[link_name = "type"]\n        pub unsafe fn type_(p0: i32) -> i32;');
    expect(text.rust).toMatch(/\/\/ skipped swap\(i32, i32\) -> \(i32, i32\): it returns 2 values/);
    expect(text.assemblyscript).toContain('@external("awkward", "café")\nexport declare function caf_(p0: i32): i32;');
    expect(text.assemblyscript).toContain('export declare function vec(p0: v128): v128;');
    // wat declares everything: two results, v128 and externref included.
    expect(text.wat).toContain('(import "awkward" "swap" (func $swap (param $p0 i32) (param $p1 i32) (result i32 i32)))');
    expect(text.wat).toContain('(import "awkward" "ref" (func $ref (param $p0 externref) (result externref)))');
    expect(text.wat).toContain('(import "awkward" "caf\\c3\\a9"');
  });

  test.skipIf(!CLANG.command)('C: the header compiles with clang for wasm32-wasi (strict warnings) and calls the plug-in', async () => {
    const dir = path.join(tmp, 'c');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'bindings.h'), text.c);
    fs.writeFileSync(path.join(dir, 'main.c'), `#include <stdio.h>
#include "bindings.h"
int main(void) {
  printf("%.1f\\n", mix(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
  printf("%d %d %d %d %d %d\\n", type(10), int_(10), caf_(10), _9lives(10), get_value(10), get_value_2(10));
  printf("%lld %.2f\\n", (long long)wide(7000000000LL), (double)narrow(5.0f));
  return 0;
}
`);
    runOk(CLANG.command![0], [...CLANG.command!.slice(1), '-std=c11', '-Wall', '-Wextra', '-Werror', '-O1', path.join(dir, 'main.c'), '-o', path.join(dir, 'main.wasm')]);
    const expected = `${MIX_OF_1_TO_11}.0\n11 12 13 14 15 16\n21000000000 2.50\n`;
    expect(await runGuest(path.join(dir, 'main.wasm'))).toBe(expected);
    if (HAS_WASMEDGE) {
      // Real WasmEdge resolves the same imports (UTF-8 and hyphenated names included) the same way.
      const real = run('wasmedge', [path.join(dir, 'main.wasm')], { env: { ...process.env, WASMEDGE_PLUGIN_PATH: lib } });
      expect(real.status, real.stderr).toBe(0);
      expect(real.stdout).toBe(expected);
    }
  });

  test.skipIf(!ASC.command)('AssemblyScript: the bindings compile with asc and call the plug-in', async () => {
    const dir = path.join(tmp, 'as');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'bindings.ts'), text.assemblyscript);
    fs.writeFileSync(path.join(dir, 'main.ts'), `import { mix, type_, int, caf_, _9lives, get_value, get_value_2, wide, narrow } from "./bindings";
@external("wasi_snapshot_preview1", "fd_write")
declare function fd_write(fd: i32, iovs: usize, n: i32, written: usize): i32;
function print(s: string): void {
  const b = String.UTF8.encode(s + "\\n");
  const iov = memory.data(8);
  store<u32>(iov, changetype<usize>(b));
  store<u32>(iov + 4, b.byteLength);
  fd_write(1, iov, 1, memory.data(4));
}
export function _start(): void {
  print(mix(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).toString());
  print([type_(10), int(10), caf_(10), _9lives(10), get_value(10), get_value_2(10)].join(" "));
  print(wide(7000000000).toString() + " " + narrow(5.0).toString());
}
`);
    runOk(ASC.command![0], [...ASC.command!.slice(1), path.join(dir, 'main.ts'), '-o', path.join(dir, 'main.wasm'), '--runtime', 'stub', '--use', 'abort=']);
    expect(await runGuest(path.join(dir, 'main.wasm'))).toBe(`${MIX_OF_1_TO_11}.0\n11 12 13 14 15 16\n21000000000 2.5\n`);
  });

  test('wat: the imports, pasted into a module, assemble (every type) and call the plug-in (two results included)', async () => {
    const { loadWasmFile } = await import('../runtime/wasm/wat.js');
    const all = path.join(tmp, 'all-imports.wat');
    fs.writeFileSync(all, `(module\n${text.wat})\n`);
    await loadWasmFile(all); // throws with wabt's message when a line does not assemble
    // Node's WebAssembly API cannot pass v128 or externref to a host function: the kit links the rest.
    const linkable = text.wat.split('\n').filter((l) => !/v128|externref/.test(l)).join('\n');
    const file = path.join(tmp, 'imports.wat');
    fs.writeFileSync(file, `;; @invoke swap 1 2 => 2 1
;; @invoke mix 1 2 3 4 5 6 7 8 9 10 11 => ${MIX_OF_1_TO_11}
;; @invoke cafe 10 => 13
(module
${linkable}
  (func (export "swap") (param i32 i32) (result i32 i32) (call $swap (local.get 0) (local.get 1)))
  (func (export "mix") (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64 f32) (result f64)
    (call $mix (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5)
      (local.get 6) (local.get 7) (local.get 8) (local.get 9) (local.get 10)))
  (func (export "cafe") (param i32) (result i32) (call $caf_ (local.get 0))))
`);
    const r = await cli(['test', lib, '--wat', file]);
    const lines = r.stdout.split('\n').filter((l) => l.includes('imports.wat'));
    expect(lines.filter((l) => l.startsWith('✓') && l.includes('@invoke'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('✗'))).toEqual([]);
  });

  test.skipIf(!HAS_CARGO)('Rust: the module type-checks with cargo (edition 2024, no crates); wasm32-wasip1 build when the target exists', async () => {
    const crate = path.join(tmp, 'rust');
    fs.mkdirSync(path.join(crate, 'src'), { recursive: true });
    fs.writeFileSync(path.join(crate, 'Cargo.toml'), '[package]\nname = "awkward_guest"\nversion = "0.1.0"\nedition = "2024"\n\n[workspace]\n');
    fs.writeFileSync(path.join(crate, 'src', 'bindings.rs'), text.rust);
    fs.writeFileSync(path.join(crate, 'src', 'main.rs'), `mod bindings;
use bindings::awkward::*;
fn main() {
    // SAFETY: numbers only; the fixture touches no memory.
    let (m, t, w) = unsafe { (mix(1, 2, 3.0, 4.0, 5, 6, 7.0, 8.0, 9, 10, 11.0), type_(10), wide(7)) };
    let names = unsafe { [int(10), caf_(10), _9lives(10), get_value(10), get_value_2(10)] };
    println!("{m} {t} {w} {names:?} {}", unsafe { narrow(5.0) });
}
`);
    const env = { ...process.env, CARGO_TARGET_DIR: path.join(tmp, 'rust-target') };
    const check = run('cargo', ['check', '--offline', '--quiet', '--manifest-path', path.join(crate, 'Cargo.toml')], { env });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).not.toMatch(/warning/);
    if (!RUST_WASM.command) return; // announced above
    runOk('cargo', ['build', '--offline', '--quiet', '--release', '--target', 'wasm32-wasip1', '--manifest-path', path.join(crate, 'Cargo.toml')], { env });
    const wasm = path.join(tmp, 'rust-target', 'wasm32-wasip1', 'release', 'awkward_guest.wasm');
    expect(await runGuest(wasm)).toBe(`${MIX_OF_1_TO_11} 11 21 [12, 13, 14, 15, 16] 2.5\n`);
  });
});

describe('bindings: usage and output files', () => {
  test('a missing or unknown --lang and an unknown --module are usage errors naming the valid values', async () => {
    const none = await cli(['bindings', lib]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('error[E_USAGE]: missing --lang');
    expect(none.stderr).toContain('c, rust, assemblyscript, wat');
    const cobol = await cli(['bindings', lib, '--lang', 'cobol']);
    expect(cobol.status).toBe(2);
    const mod = await cli(['bindings', lib, '--lang', 'c', '--module', 'nope']);
    expect(mod.status).toBe(2);
    expect(mod.stderr).toContain('its modules: awkward');
  });

  test('--out writes bindings.<ext>; a differing file is replaced only with --force', async () => {
    const out = path.join(tmp, 'out');
    const first = await cli(['bindings', lib, '--lang', 'wat', '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'bindings.wat'), 'utf8')).toBe(text.wat);
    expect((await cli(['bindings', lib, '--lang', 'wat', '--out', out])).stdout).toContain('unchanged');
    fs.appendFileSync(path.join(out, 'bindings.wat'), ';; edited\n');
    const refused = await cli(['bindings', lib, '--lang', 'wat', '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('error[E_OUTPUT_EXISTS]');
    expect(fs.readFileSync(path.join(out, 'bindings.wat'), 'utf8')).toContain(';; edited');
    expect((await cli(['bindings', lib, '--lang', 'wat', '--out', out, '--force'])).status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'bindings.wat'), 'utf8')).toBe(text.wat);
    const file = path.join(tmp, 'named.h');
    expect((await cli(['bindings', lib, '--lang', 'c', '--out', file])).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(text.c);
  });
});
