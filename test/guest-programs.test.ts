// The guest side of a generated project: `new` → `build` → `bindings` → compile guest/ → `run`
// (and real WasmEdge, when installed) prints the plug-in's string, for a C, a C++ and a Rust plug-in (C guest with clang; AssemblyScript
// and a Rust guest type-check on the C project); `add function` shows up, named, in all four
// bindings; `test` compiles and runs guest programs under test/ (a missing toolchain is a skip
// naming its install command) and reports a manifest that drifted from the library.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILDABLE_LANGUAGES, HAS_CARGO, makeTempDir, removeDir, run, runOk } from './helpers/cbuild.js';
import { cli, ensureBuilt } from './helpers/cli.js';
import { assemblyScript, wasiClang, wasiRust } from '../tooling/check/guest-toolchains.js';

const CLANG = wasiClang();
const ASC = assemblyScript();
const RUST_WASM = wasiRust();
if (!CLANG.command) console.warn(`guest-programs.test: C guest programs skipped (no clang for wasm32-wasi); install: ${CLANG.install}`);
if (!ASC.command) console.warn(`guest-programs.test: AssemblyScript guest programs skipped; install: ${ASC.install}`);

const EXPECTED = 'hello\n2 + 3 = 5\n';

/** Real WasmEdge, when installed: the same guest programs must print the same there. */
const HAS_WASMEDGE = spawnSync('wasmedge', ['--version']).status === 0;
if (!HAS_WASMEDGE) console.warn('guest-programs.test: guests not run in real WasmEdge (not installed; `wasmedge-plugin doctor` shows how)');

function inRealWasmEdge(wasm: string, lib: string): string {
  const r = run('wasmedge', [wasm], { env: { ...process.env, WASMEDGE_PLUGIN_PATH: lib } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}
let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = makeTempDir('wpk-guest-');
});
afterAll(() => removeDir(tmp));

interface Project { dir: string; lib: string }
const projects: Record<string, Project> = {};

/** new + build, once per language. */
async function project(language: string): Promise<Project> {
  if (projects[language]) return projects[language];
  const name = `guest_${language}`;
  const made = await cli(['new', name, '--lang', language, '--yes'], { cwd: tmp });
  expect(made.status, made.stderr).toBe(0);
  const dir = path.join(tmp, name);
  const built = await cli(['build', dir], { timeoutMs: 600_000 });
  expect(built.status, built.stderr).toBe(0);
  projects[language] = { dir, lib: built.stdout.trim() };
  return projects[language];
}

async function bindings(dir: string, lang: string, out?: string): Promise<string> {
  const r = await cli(['bindings', dir, '--lang', lang, ...(out ? ['--out', out] : [])], { timeoutMs: 600_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

async function runWasm(wasm: string, lib: string): Promise<string> {
  const r = await cli(['run', wasm, '--plugin', lib]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe.each(BUILDABLE_LANGUAGES)('a %s plug-in, called from guest/', (language) => {
  test.skipIf(!CLANG.command)('new → build → bindings --lang c → clang guest/c/main.c → run prints the string', async () => {
    const { dir, lib } = await project(language);
    await bindings(dir, 'c', path.join(dir, 'guest', 'c'));
    const header = fs.readFileSync(path.join(dir, 'guest', 'c', 'bindings.h'), 'utf8');
    expect(header).toContain('void get_string(int32_t buf_ptr, int32_t buf_len, int32_t written_ptr);');
    const wasm = path.join(dir, 'guest', 'c', 'main.wasm');
    runOk(CLANG.command![0], [...CLANG.command!.slice(1), '-O2', path.join(dir, 'guest', 'c', 'main.c'), '-o', wasm]);
    expect(await runWasm(wasm, lib)).toBe(EXPECTED);
    if (HAS_WASMEDGE) expect(inRealWasmEdge(wasm, lib)).toBe(EXPECTED);
  });
});

describe('the C project: other guest languages, add function, test', () => {
  test.skipIf(!ASC.command)('AssemblyScript: bindings --lang assemblyscript → asc guest/assemblyscript/main.ts → run prints the string', async () => {
    const { dir, lib } = await project('c');
    const out = path.join(dir, 'guest', 'assemblyscript');
    await bindings(dir, 'assemblyscript', out);
    const wasm = path.join(out, 'main.wasm');
    runOk(ASC.command![0], [...ASC.command!.slice(1), path.join(out, 'main.ts'), '-o', wasm, '--runtime', 'stub', '--use', 'abort=']);
    expect(await runWasm(wasm, lib)).toBe(EXPECTED);
    if (HAS_WASMEDGE) expect(inRealWasmEdge(wasm, lib)).toBe(EXPECTED);
  });

  test.skipIf(!HAS_CARGO)('Rust: guest/rust type-checks against the bindings (get_string unsafe: it writes memory; add safe)', async () => {
    const { dir, lib } = await project('c');
    await bindings(dir, 'rust', path.join(dir, 'guest', 'rust', 'src'));
    const rs = fs.readFileSync(path.join(dir, 'guest', 'rust', 'src', 'bindings.rs'), 'utf8');
    expect(rs).toContain('pub unsafe fn get_string(buf_ptr: i32, buf_len: i32, written_ptr: i32);');
    expect(rs).toContain('pub safe fn add(a: i32, b: i32) -> i32;');
    const manifest = path.join(dir, 'guest', 'rust', 'Cargo.toml');
    const env = { ...process.env, CARGO_TARGET_DIR: path.join(tmp, 'rust-target') };
    const check = run('cargo', ['check', '--offline', '--quiet', '--manifest-path', manifest], { env });
    expect(check.status, check.stderr).toBe(0);
    if (!RUST_WASM.command) {
      console.warn(`guest-programs.test: guest/rust not built for wasm32-wasip1 (target missing); install: ${RUST_WASM.install}`);
      return;
    }
    runOk('cargo', ['build', '--offline', '--quiet', '--release', '--target', 'wasm32-wasip1', '--manifest-path', manifest], { env });
    expect(await runWasm(path.join(tmp, 'rust-target', 'wasm32-wasip1', 'release', 'guest_c_guest.wasm'), lib)).toBe(EXPECTED);
  });

  test('add function mul --params a:i32,b:i32 shows up, named, in all four bindings', async () => {
    const { dir } = await project('c');
    const added = await cli(['add', 'function', 'mul', dir, '--params', 'a:i32,b:i32', '--results', 'i32', '--description', 'Multiplies two numbers.']);
    expect(added.status, added.stderr).toBe(0);
    const c = await bindings(dir, 'c');
    expect(c).toContain(' * Multiplies two numbers.');
    expect(c).toContain('int32_t mul(int32_t a, int32_t b);');
    expect(await bindings(dir, 'rust')).toContain('pub safe fn mul(a: i32, b: i32) -> i32;');
    expect(await bindings(dir, 'assemblyscript')).toContain('@external("guest_c_module", "mul")\nexport declare function mul(a: i32, b: i32): i32;');
    expect(await bindings(dir, 'wat')).toContain('(import "guest_c_module" "mul" (func $mul (param $a i32) (param $b i32) (result i32)))');
  });

  test('test runs guest programs under test/ (C, AssemblyScript; Rust when its target exists) and checks the manifest', async () => {
    const { dir } = await project('c');
    // mul (added above) is a stub whose test says so (@todo): accept its zeros, as its author would.
    const mulWat = path.join(dir, 'test', 'mul.wat');
    fs.writeFileSync(mulWat, fs.readFileSync(mulWat, 'utf8').replace(/^;; @todo .*\n/m, '').replace(/^(;; @invoke .*)$/m, '$1 => 0'));
    fs.writeFileSync(path.join(dir, 'test', 'upper.ts'), `// @opt upper
// @stdout HELLO
import { get_string } from "./bindings";
@external("wasi_snapshot_preview1", "fd_write")
declare function fd_write(fd: i32, iovs: usize, n: i32, written: usize): i32;
export function _start(): void {
  const buf = memory.data(64);
  const len = memory.data(4);
  get_string(<i32>buf, 64, <i32>len);
  store<u8>(buf + load<u32>(len), 10);
  const iov = memory.data(8);
  store<u32>(iov, buf);
  store<u32>(iov + 4, load<u32>(len) + 1);
  fd_write(1, iov, 1, memory.data(4));
}
`);
    fs.mkdirSync(path.join(dir, 'test', 'rust_guest', 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'test', 'rust_guest', 'Cargo.toml'), '[package]\nname = "rust_guest"\nversion = "0.1.0"\nedition = "2024"\n\n[workspace]\n');
    fs.writeFileSync(path.join(dir, 'test', 'rust_guest', 'src', 'main.rs'), '// @stdout 42\nmod bindings;\nfn main() {\n    println!("{}", bindings::guest_c_module::add(40, 2));\n}\n');
    const r = await cli(['test', dir, '--json'], { timeoutMs: 600_000 });
    const report = JSON.parse(r.stdout) as { ok: boolean; findings: Array<{ check: string; status: string; file?: string; message: string; hint?: string; function?: string }> };
    const guest = (file: string) => report.findings.filter((f) => f.check === 'guest' && f.file === file);
    expect(report.findings.filter((f) => f.status === 'fail'), r.stdout).toEqual([]);
    if (CLANG.command) expect(guest('test/guest_get_string.c').map((f) => f.status)).toEqual(['pass', 'pass']);
    else expect(guest('test/guest_get_string.c')).toMatchObject([{ status: 'skip', hint: expect.stringContaining('apt-get install clang lld wasi-libc') }]);
    if (ASC.command) expect(guest('test/upper.ts').map((f) => f.message)).toEqual(['test/upper.ts: _start exited 0', 'test/upper.ts: stdout matches (1 line(s))']);
    if (RUST_WASM.command) expect(guest('test/rust_guest').map((f) => f.status)).toEqual(['pass', 'pass']);
    else expect(guest('test/rust_guest')).toMatchObject([{ status: 'skip', hint: expect.stringContaining('rustup target add wasm32-wasip1') }]);
    expect(report.findings.filter((f) => f.check === 'manifest')).toMatchObject([{ status: 'pass', message: expect.stringContaining('the 3 function(s)') }]);

    // A guest program that does not compile is a failure naming the file and the compiler's message.
    if (CLANG.command) {
      fs.writeFileSync(path.join(dir, 'test', 'broken.c'), '#include "bindings.h"\nint main(void) { return no_such_function(); }\n');
      const broken = JSON.parse((await cli(['test', dir, '--json'], { timeoutMs: 600_000 })).stdout) as typeof report;
      expect(broken.findings.filter((f) => f.status === 'fail')).toMatchObject([{ check: 'guest', file: 'test/broken.c', message: expect.stringContaining('no_such_function') }]);
      fs.rmSync(path.join(dir, 'test', 'broken.c'));
    }
  });

  test('a manifest that drifted from the library is a test finding naming the function', async () => {
    const { dir } = await project('c');
    const file = path.join(dir, 'wasmedge-plugin.json');
    const m = JSON.parse(fs.readFileSync(file, 'utf8'));
    m.functions.find((f: { name: string }) => f.name === 'mul').params[1].type = 'i64';
    m.functions = m.functions.filter((f: { name: string }) => f.name !== 'add');
    fs.writeFileSync(file, JSON.stringify(m, null, 2));
    for (const f of fs.readdirSync(path.join(dir, 'test'))) if (!f.endsWith('.wat')) fs.rmSync(path.join(dir, 'test', f), { recursive: true });
    const r = await cli(['test', dir], { timeoutMs: 600_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✗ manifest        wasmedge-plugin.json: guest_c_module.mul: parameter 2 (b) is declared i64, the library\'s is i32');
    expect(r.stdout).toContain('the built library\'s module has guest_c_module.add(i32, i32) -> i32, which is not declared in "functions"');
    // bindings still follow the library, and say why the names were not used.
    const b = await cli(['bindings', dir, '--lang', 'c']);
    expect(b.stdout).toContain('int32_t mul(int32_t p0, int32_t p1);');
    expect(b.stderr).toContain('guest_c_module.mul: wasmedge-plugin.json declares mul(a: i32, b: i64) -> i32: parameter 2 (b) is declared i64');
  });
});
