// Shipping a plug-in (docs/packaging.md): `package` → reproducible tarball in WasmEdge's plug-in
// archive layout → `install` into a WasmEdge-style directory → `run` (our runtime) finds it through
// WASMEDGE_PLUGIN_PATH → `list --installed` → `uninstall`; every refusal leaves the target directory
// as it was; and, with a real WasmEdge, `new` → `package` → `install --to` → `wasmedge get_string.wasm`
// prints hello for C, C++ and Rust.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watToWasm } from '../runtime/wasm/wat.js';
import { findWasmEdge } from '../tooling/wasmedge/find.js';
import { hostPlatform, libraryPlatform, platformProblem } from '../tooling/ship/platform.js';
import { HAS_CARGO, REPO_ROOT } from './helpers/cbuild.js';

const BIN = path.join(REPO_ROOT, 'bin', 'wasmedge-plugin.js');
const SHIM = path.join(REPO_ROOT, 'build', 'Release', 'libwasmedge.so');
const WASMEDGE = findWasmEdge();
if (!WASMEDGE) console.warn('wasmedge not found: the real-WasmEdge checks of test/ship.test.ts are skipped (install WasmEdge 0.17.1, see ../shared/design/real-wasmedge.md, with `wasmedge` on PATH)');
if (!HAS_CARGO) console.warn('cargo not found: the Rust package → install → wasmedge check is skipped');
const ARCH = ({ x64: 'x86_64', arm64: 'aarch64' } as Record<string, string>)[process.arch] ?? process.arch;

let tmp: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  if (!fs.existsSync(SHIM)) throw new Error(`the host shim is not built (${SHIM}): run \`npx node-gyp rebuild\``);
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'commands.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json`');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wpk-ship-'));
  const shim = path.join(tmp, 'libwasmedge.so');
  fs.copyFileSync(SHIM, shim); // a private copy: a concurrent node-gyp rebuild cannot pull it away
  env = { ...process.env, WASMEDGE_PLUGIN_KIT_SHIM: shim, NO_COLOR: '1', WASMEDGE_PLUGIN_PATH: '' };
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliJson<T>(args: string[], extraEnv: NodeJS.ProcessEnv = {}): T {
  const r = cli([...args, '--json'], extraEnv);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Every file and directory under `dir` with its type, mode, size and content hash (mtimes of files too). */
function snapshot(dir: string): string[] {
  if (!fs.existsSync(dir)) return ['(absent)'];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const rel = path.relative(dir, p);
      if (st.isDirectory()) {
        out.push(`${rel}/ ${st.mode.toString(8)}`);
        walk(p);
      } else out.push(`${rel} ${st.mode.toString(8)} ${st.size} ${st.mtimeMs} ${sha256(fs.readFileSync(p))}`);
    }
  };
  walk(dir);
  return out;
}

/** The entries of a .tar.gz as the tar library reads them (independent of the kit's reader). */
function tarEntries(file: string) {
  const entries: Array<{ path: string; type: string; mode?: number; uid?: number; gid?: number; uname?: string; gname?: string; mtime?: Date; data: Buffer }> = [];
  tar.list({
    file,
    sync: true,
    onReadEntry(e) {
      const parts: Buffer[] = [];
      e.on('data', (d: Buffer) => parts.push(d));
      e.on('end', () => entries.push({ path: e.path, type: e.type, mode: e.mode, uid: e.uid, gid: e.gid, uname: e.uname, gname: e.gname, mtime: e.mtime, data: Buffer.concat(parts) }));
    },
  });
  return entries;
}

/** A copy of a package with one entry changed, re-packed with the tar library itself. */
function alteredPackage(src: string, out: string, change: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'alter-'));
  tar.extract({ file: src, cwd: dir, sync: true });
  change(dir);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of fs.readdirSync(d)) {
      const p = path.join(d, n);
      if (fs.statSync(p).isDirectory()) walk(p);
      else files.push(path.relative(dir, p));
    }
  };
  walk(dir);
  tar.create({ file: out, cwd: dir, gzip: true, sync: true, portable: true }, files.sort());
  return out;
}

/** `new` + `package --json` for one language (cached per name). */
const shipped = new Map<string, { dir: string; file: string; manifest: Manifest }>();
interface Manifest {
  packageFormat: number; name: string; version: string; apiVersion: number; library: string; sha256: string;
  wasmedge: { label: string } | null; platform: { os: string; arch: string }; language?: string;
  modules: Array<{ name: string; functions: Array<{ name: string; params: string[]; results: string[] }> }>;
  options: Array<{ name: string; type: string; default: unknown }>;
}
function newAndPackage(name: string, lang: string, extra: string[] = []) {
  const cached = shipped.get(name);
  if (cached) return cached;
  const created = cli(['new', name, '--lang', lang, '--yes', ...extra]);
  expect(created.code, created.stderr).toBe(0);
  const dir = path.join(tmp, name);
  const r = cliJson<{ file: string; manifest: Manifest }>(['package', dir]);
  const entry = { dir, file: r.file, manifest: r.manifest };
  shipped.set(name, entry);
  return entry;
}

/** The generated test/get_string.wat compiled to get_string.wasm (it exports `_start`, which WasmEdge runs). */
async function guestWasm(projectDir: string): Promise<string> {
  const wasm = path.join(projectDir, 'get_string.wasm');
  fs.writeFileSync(wasm, await watToWasm(fs.readFileSync(path.join(projectDir, 'test', 'get_string.wat'), 'utf8')));
  return wasm;
}

function runInWasmEdge(pluginDir: string, wasm: string) {
  return spawnSync(WASMEDGE!.binary, [wasm], { encoding: 'utf8', env: { ...process.env, WASMEDGE_PLUGIN_PATH: pluginDir }, timeout: 60_000 });
}

/** An install prefix whose bin/wasmedge says `version` and whose lib/ holds a libwasmedge (no real runtime). */
function fakeWasmEdge(prefix: string, version: string): string {
  fs.mkdirSync(path.join(prefix, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(prefix, 'lib'), { recursive: true });
  fs.writeFileSync(path.join(prefix, 'bin', 'wasmedge'), `#!/bin/sh\necho 'wasmedge version ${version}'\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(prefix, 'lib', 'libwasmedge.so.0'), '');
  return prefix;
}

describe('package (C project)', () => {
  let c: ReturnType<typeof newAndPackage>;
  beforeAll(() => {
    c = newAndPackage('ship_c', 'c');
  });

  it('writes <name>-<version>-<os>_<arch>.tar.gz: the library at the root, <name>/ with manifest and README', () => {
    expect(path.basename(c.file)).toBe(`ship_c-0.1.0-linux_${ARCH}.tar.gz`);
    expect(path.dirname(c.file)).toBe(path.join(c.dir, 'dist'));
    const entries = tarEntries(c.file);
    expect(entries.map((e) => e.path)).toEqual(['libship_c.so', 'ship_c/README.md', 'ship_c/wasmedge-plugin.json']);
    for (const e of entries) {
      expect(e.type).toBe('File');
      // No owner recorded (empty fields, which tar reads as 0/0), as in npm's own tarballs.
      expect([e.uid ?? 0, e.gid ?? 0, e.uname ?? '', e.gname ?? '']).toEqual([0, 0, '', '']);
      expect(e.mtime?.toISOString()).toBe('2000-01-01T00:00:00.000Z');
      expect(e.mode).toBe(e.path.endsWith('.so') ? 0o755 : 0o644);
    }
    // The library is the one `build` made, byte for byte; the manifest's checksum is its checksum.
    const lib = entries[0].data;
    expect(lib.equals(fs.readFileSync(path.join(c.dir, 'build', 'Release', 'libship_c.so')))).toBe(true);
    const manifest = JSON.parse(entries[2].data.toString('utf8')) as Manifest;
    expect(manifest).toEqual(c.manifest);
    expect(manifest.sha256).toBe(sha256(lib));
    expect(entries[1].data.equals(fs.readFileSync(path.join(c.dir, 'README.md')))).toBe(true);
    // gzip header: no time stamp, OS byte "Unix".
    const gz = fs.readFileSync(c.file);
    expect([gz.readUInt32LE(4), gz[9]]).toEqual([0, 3]);
  });

  it('reads the manifest from the built library: name, version, API, releases, modules, options, platform', () => {
    const m = c.manifest;
    expect(m).toMatchObject({ packageFormat: 1, name: 'ship_c', version: '0.1.0', apiVersion: 5, library: 'libship_c.so', language: 'c', wasmedge: { label: '0.17.x' }, platform: { os: 'linux', arch: ARCH } });
    expect(m.modules.map((x) => x.name)).toEqual(['ship_c_module']);
    expect(m.modules[0].functions).toEqual(expect.arrayContaining([
      { name: 'get_string', params: ['i32', 'i32', 'i32'], results: [] },
      { name: 'add', params: ['i32', 'i32'], results: ['i32'] },
    ]));
    expect(m.options.map((o) => [o.name, o.type, o.default])).toEqual([['string', 'string', 'hello'], ['upper', 'toggle', false]]);
  });

  it('is reproducible: two packages of one build are byte-identical; the same package again is "unchanged"', () => {
    const other = path.join(tmp, 'again');
    const r = cliJson<{ file: string; unchanged: boolean; sha256: string }>(['package', c.dir, '--out', other]);
    expect(r.unchanged).toBe(false);
    expect(fs.readFileSync(r.file).equals(fs.readFileSync(c.file))).toBe(true);
    expect(r.sha256).toBe(sha256(fs.readFileSync(c.file)));
    expect(cliJson<{ unchanged: boolean }>(['package', c.dir, '--out', other]).unchanged).toBe(true);
  });

  it('never overwrites a different file of the same name without --force', () => {
    const out = path.join(tmp, 'clobber');
    fs.mkdirSync(out);
    const file = path.join(out, path.basename(c.file));
    fs.writeFileSync(file, 'mine');
    const r = cli(['package', c.dir, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error\[E_OUTPUT_EXISTS\]: /m);
    expect(r.stderr).toMatch(/hint: .*--force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    expect(cli(['package', c.dir, '--out', out, '--force']).code).toBe(0);
    expect(fs.readFileSync(file).equals(fs.readFileSync(c.file))).toBe(true);
  });
});

describe('install → run → list --installed → uninstall', () => {
  let c: ReturnType<typeof newAndPackage>;
  let api4: ReturnType<typeof newAndPackage>;
  let pluginDir: string;
  beforeAll(() => {
    c = newAndPackage('ship_c', 'c');
    api4 = newAndPackage('ship_old', 'c', ['--api-version', '4']);
    // A WasmEdge-style directory that already holds a plug-in installed by other means (a bare library).
    pluginDir = path.join(tmp, 'home', '.wasmedge', 'plugin');
    fs.mkdirSync(pluginDir, { recursive: true });
    fs.copyFileSync(path.join(api4.dir, 'build', 'Release', 'libship_old.so'), path.join(pluginDir, 'libship_old.so'));
  });

  it('installs into --to, says why, and (with a real WasmEdge) checks that WasmEdge lists it', () => {
    const r = cliJson<{ name: string; version: string; apiVersion: number; dir: string; reason: string; library: string; unchanged: boolean; wasmedge?: { lists: boolean; detail: string } }>(['install', c.file, '--to', pluginDir]);
    expect(r).toMatchObject({ name: 'ship_c', version: '0.1.0', apiVersion: 5, dir: pluginDir, reason: '--to', library: path.join(pluginDir, 'libship_c.so'), unchanged: false });
    expect(fs.readFileSync(r.library).equals(tarEntries(c.file)[0].data)).toBe(true);
    expect(fs.statSync(r.library).mode & 0o777).toBe(0o755);
    expect(JSON.parse(fs.readFileSync(path.join(pluginDir, 'ship_c', 'wasmedge-plugin.json'), 'utf8'))).toEqual(c.manifest);
    // No temporary file is left behind.
    expect(fs.readdirSync(pluginDir).sort()).toEqual(['libship_c.so', 'libship_old.so', 'ship_c']);
    if (WASMEDGE) expect(r.wasmedge).toMatchObject({ lists: true, detail: `${r.library} (plugin "ship_c") version 0.1.0.0` });
  });

  it('installs a project directory too (built in Release and packaged on the way): the same files as its package', () => {
    const other = path.join(tmp, 'from-project');
    const r = cliJson<{ source: { kind: string }; library: string }>(['install', c.dir, '--to', other]);
    expect(r.source.kind).toBe('project');
    const unpacked = path.join(tmp, 'unpacked');
    fs.mkdirSync(unpacked);
    tar.extract({ file: c.file, cwd: unpacked, sync: true });
    const strip = (lines: string[]) => lines.map((l) => l.split(' ').filter((_w, i) => i !== 3).join(' ')); // mtimes differ
    expect(strip(snapshot(other))).toEqual(strip(snapshot(unpacked)));
  });

  it('`run` finds the installed plug-in through WASMEDGE_PLUGIN_PATH', () => {
    const r = cli(['run', path.join(c.dir, 'test', 'get_string.wat')], { WASMEDGE_PLUGIN_PATH: pluginDir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('hello\n');
  });

  it.skipIf(!WASMEDGE)('the installed plug-in runs in real WasmEdge', async () => {
    const r = runInWasmEdge(pluginDir, await guestWasm(c.dir));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('hello\n');
  });

  it('installing the same package again changes nothing', () => {
    const before = snapshot(pluginDir);
    const r = cli(['install', c.file, '--to', pluginDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^already installed ship_c 0\.1\.0/);
    expect(snapshot(pluginDir)).toEqual(before);
  });

  it('list --installed shows both plug-ins with version and API version, and which came from a package', () => {
    type Listed = { plugins: Array<{ name: string; version: string; apiVersion: number; library: string; manifest?: { version: string; sha256Matches: boolean } }> };
    const r = cliJson<Listed>(['list', '--installed'], { WASMEDGE_PLUGIN_PATH: pluginDir });
    const byName = Object.fromEntries(r.plugins.map((p) => [p.name, p]));
    expect(byName.ship_c).toMatchObject({ version: '0.1.0', apiVersion: 5, library: path.join(pluginDir, 'libship_c.so'), manifest: { version: '0.1.0', sha256Matches: true } });
    expect(byName.ship_old).toMatchObject({ version: '0.1.0', apiVersion: 4, library: path.join(pluginDir, 'libship_old.so') });
    expect(byName.ship_old.manifest).toBeUndefined();
    const text = cli(['list', '--installed', '--dir', pluginDir]);
    expect(text.stdout).toMatch(/ship_c 0\.1\.0\s+API 5 · WasmEdge 0\.17\.x\s+\S+libship_c\.so\s+package, sha256 ok/);
    expect(text.stdout).toMatch(/ship_old 0\.1\.0\s+API 4 · WasmEdge 0\.14\.1–0\.16\.x\s+\S+libship_old\.so\s+no package manifest/);
  });

  it('uninstall removes the library and its package files, and nothing else', () => {
    const r = cliJson<{ name: string; removed: string[] }>(['uninstall', 'ship_c', '--dir', pluginDir]);
    expect(r.removed).toContain(path.join(pluginDir, 'libship_c.so'));
    expect(fs.readdirSync(pluginDir)).toEqual(['libship_old.so']);
    const again = cli(['uninstall', 'ship_c', '--dir', pluginDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error\[E_NOT_INSTALLED\]: no plug-in named 'ship_c'/m);
    expect(again.stderr).toMatch(/hint: /);
  });

  it('without --to: the first directory of WASMEDGE_PLUGIN_PATH, else the found WasmEdge\'s plug-in directory', () => {
    const first = path.join(tmp, 'env-first');
    const r = cliJson<{ dir: string; reason: string }>(['install', c.file], { WASMEDGE_PLUGIN_PATH: `${first}:${pluginDir}` });
    expect(r).toMatchObject({ dir: first, reason: 'the first directory in WASMEDGE_PLUGIN_PATH' });
    expect(fs.existsSync(path.join(first, 'libship_c.so'))).toBe(true);

    // The official installer's layout: ~/.wasmedge/{bin,lib} → plug-ins in ~/.wasmedge/plugin.
    const home = path.join(tmp, 'fakehome');
    fakeWasmEdge(path.join(home, '.wasmedge'), '0.17.1');
    const viaHome = cliJson<{ dir: string; reason: string }>(['install', c.file], { HOME: home, PATH: '/usr/bin:/bin' });
    expect(viaHome.dir).toBe(path.join(home, '.wasmedge', 'plugin'));
    expect(viaHome.reason).toMatch(/plug-in directory of WasmEdge 0\.17\.1 .*~\/\.wasmedge/);

    // A system install under /usr: <libdir>/wasmedge (shown with a prefix whose lib/ is not under /usr: ../plugin).
    const prefix = fakeWasmEdge(path.join(tmp, 'opt-wasmedge'), '0.17.1');
    const viaPrefix = cliJson<{ dir: string }>(['install', c.file, '--wasmedge', prefix]);
    expect(viaPrefix.dir).toBe(path.join(prefix, 'plugin'));

    const nowhere = cli(['install', c.file], { HOME: path.join(tmp, 'emptyhome'), PATH: '/usr/bin:/bin' });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^error\[E_NO_PLUGIN_DIR\]: /m);
  });
});

describe('install refuses, and leaves the target directory unchanged', () => {
  let c: ReturnType<typeof newAndPackage>;
  let target: string;
  beforeAll(() => {
    c = newAndPackage('ship_c', 'c');
    target = path.join(tmp, 'refusals', 'plugin');
    fs.mkdirSync(path.join(target, 'vendor'), { recursive: true });
    fs.writeFileSync(path.join(target, 'notes.txt'), 'keep me\n');
  });

  function expectRefusal(args: string[], code: string, message: RegExp, extraEnv: NodeJS.ProcessEnv = {}) {
    const before = snapshot(target);
    const r = cli(['install', ...args, '--to', target], extraEnv);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error\\[${code}\\]: `, 'm'));
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^ {2}hint: \S/m);
    expect(r.stdout).toBe('');
    expect(snapshot(target)).toEqual(before);
  }

  it('a library whose SHA-256 differs from the manifest (E_CHECKSUM_MISMATCH)', () => {
    const bad = alteredPackage(c.file, path.join(tmp, 'bad-checksum.tar.gz'), (d) => {
      const lib = path.join(d, 'libship_c.so');
      const bytes = fs.readFileSync(lib);
      bytes[bytes.length - 1] ^= 0xff;
      fs.writeFileSync(lib, bytes);
    });
    expectRefusal([bad], 'E_CHECKSUM_MISMATCH', /libship_c\.so in .*bad-checksum\.tar\.gz has SHA-256 [0-9a-f]{64}, but its manifest records [0-9a-f]{64}/);
  });

  it('a manifest for another CPU architecture (E_PLATFORM_MISMATCH)', () => {
    const otherArch = ARCH === 'x86_64' ? 'aarch64' : 'x86_64';
    const bad = alteredPackage(c.file, path.join(tmp, 'bad-arch.tar.gz'), (d) => {
      const file = path.join(d, 'ship_c', 'wasmedge-plugin.json');
      const m = JSON.parse(fs.readFileSync(file, 'utf8'));
      m.platform.arch = otherArch;
      fs.writeFileSync(file, JSON.stringify(m));
    });
    expectRefusal([bad], 'E_PLATFORM_MISMATCH', new RegExp(`built for linux_${otherArch}, and this machine is linux_${ARCH}`));
  });

  it('an API-4 plug-in into a WasmEdge 0.17 (E_API_MISMATCH, with the release ranges)', () => {
    const api4 = newAndPackage('ship_old', 'c', ['--api-version', '4']);
    // The real WasmEdge when there is one; otherwise an install prefix that reports 0.17.1.
    const wasmedge = WASMEDGE && WASMEDGE.version.startsWith('0.17.') ? WASMEDGE.binary : fakeWasmEdge(path.join(tmp, 'fake-017'), '0.17.1');
    const msg = /ship_old has plug-in API version 4, which WasmEdge 0\.14\.1–0\.16\.x loads; WasmEdge 0\.17\.\d+ .* loads only API 5 \(WasmEdge 0\.17\.x\)/;
    expectRefusal([api4.file, '--wasmedge', wasmedge], 'E_API_MISMATCH', msg);
    // The bare library and the project are refused the same way.
    expectRefusal([path.join(api4.dir, 'build', 'Release', 'libship_old.so'), '--wasmedge', wasmedge], 'E_API_MISMATCH', msg);
  });

  it('a plug-in of the same name already in the directory (E_PLUGIN_INSTALLED); --force replaces it', () => {
    const copy = path.join(target, 'vendor', 'libcopy.so');
    fs.copyFileSync(path.join(c.dir, 'build', 'Release', 'libship_c.so'), copy);
    expectRefusal([c.file], 'E_PLUGIN_INSTALLED', new RegExp(`already has plug-in 'ship_c' \\(${copy.replace(/[.]/g, '\\.')}\\)`));
    const forced = cliJson<{ replaced: string[] }>(['install', c.file, '--to', target, '--force']);
    expect(forced.replaced).toEqual([copy]);
    expect(fs.existsSync(copy)).toBe(false);
    expect(fs.readdirSync(target).sort()).toEqual(['libship_c.so', 'notes.txt', 'ship_c', 'vendor']);
    expect(fs.readFileSync(path.join(target, 'notes.txt'), 'utf8')).toBe('keep me\n');
  });

  it('a file that is not a package, library or project (E_PACKAGE_INVALID / E_NOT_FOUND)', () => {
    const junk = path.join(tmp, 'junk.tar.gz');
    fs.writeFileSync(junk, Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    expectRefusal([junk], 'E_PACKAGE_INVALID', /junk\.tar\.gz is not a readable \.tar\.gz/);
    const foreign = alteredPackage(c.file, path.join(tmp, 'foreign.tar.gz'), (d) => fs.writeFileSync(path.join(d, 'evil.sh'), 'echo\n'));
    expectRefusal([foreign], 'E_PACKAGE_INVALID', /evil\.sh is neither the library nor ship_c\/wasmedge-plugin\.json/);
    expectRefusal([path.join(tmp, 'no-such.tar.gz')], 'E_NOT_FOUND', /no-such\.tar\.gz does not exist/);
  });
});

describe.each([
  ['c', true],
  ['cpp', true],
  ['rust', HAS_CARGO],
] as const)('done when (%s): new → package → install --to DIR → WASMEDGE_PLUGIN_PATH=DIR wasmedge get_string.wasm', (lang, buildable) => {
  it.skipIf(!WASMEDGE || !buildable)('prints hello', async () => {
    const project = newAndPackage(lang === 'c' ? 'ship_c' : `ship_${lang}`, lang);
    const dir = path.join(tmp, `done-${lang}`, 'plugin');
    const installed = cliJson<{ library: string; wasmedge?: { lists: boolean } }>(['install', project.file, '--to', dir]);
    expect(installed.wasmedge?.lists).toBe(true);
    const r = runInWasmEdge(dir, await guestWasm(project.dir));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('hello\n');
  });
});

describe('platform of a library and of this machine', () => {
  it('reads OS and CPU from the ELF header and glibc needs from readelf; refuses a newer glibc, another libc or CPU', () => {
    // The C++ project links libstdc++ and glibc (the C one needs no libc symbol at all).
    const { dir } = newAndPackage('ship_cpp', 'cpp');
    const here = hostPlatform();
    const lib = libraryPlatform(path.join(dir, 'build', 'Release', 'libship_cpp.so'));
    expect(lib).toMatchObject({ os: 'linux', arch: ARCH, libc: 'glibc', glibc: expect.stringMatching(/^2\.\d+/) });
    expect(shipped.get('ship_cpp')!.manifest.platform).toEqual(lib);
    expect(platformProblem(lib!, here)).toBeUndefined();
    if (here.glibc) {
      expect(platformProblem({ ...lib!, libc: 'glibc', glibc: '99.0' }, here)).toBe(`it needs glibc 99.0 or newer, and this machine has glibc ${here.glibc}`);
      expect(platformProblem({ ...lib!, libc: 'glibc', glibc: '2.2.5' }, here)).toBeUndefined();
      expect(platformProblem({ ...lib!, libc: 'musl' }, here)).toBe('it was built against musl, and this machine has glibc');
    }
    expect(platformProblem({ os: 'darwin', arch: 'arm64' }, here)).toBe(`it was built for darwin_arm64, and this machine is linux_${ARCH}`);
  });
});

describe('generated projects ship', () => {
  it('README has an Install section with the one command; CI has a release job that packages on v* tags', () => {
    const { dir } = newAndPackage('ship_c', 'c');
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/^## Install$/m);
    expect(readme).toContain('npx wasmedge-plugin-kit install ship_c-<version>-linux_x86_64.tar.gz');
    const ci = fs.readFileSync(path.join(dir, '.github', 'workflows', 'ci.yml'), 'utf8');
    const release = ci.slice(ci.indexOf('\n  release:'));
    expect(release).toContain("if: startsWith(github.ref, 'refs/tags/v')");
    expect(release).toContain('needs: build');
    expect(release).toMatch(/wasmedge-plugin package \. --out dist/);
    expect(release).toContain('gh release upload "$GITHUB_REF_NAME" dist/*.tar.gz');
    expect(release).toContain('GH_TOKEN: ${{ github.token }}');
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^\/dist\/$/m);
  });
});
