// Helpers for tests that compile real C/C++ against our SDK and inspect the
// results with readelf. Everything is synchronous and throws with the tool's
// full output on failure, so a failing test shows the compiler error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SDK_DIR = path.join(REPO_ROOT, 'sdk');
export const SDK_INCLUDE = path.join(SDK_DIR, 'include');
export const HEADER = path.join(SDK_INCLUDE, 'wasmedge', 'wasmedge.h');
export const LINK_DIR = path.join(SDK_DIR, 'link');
export const VERSION_SCRIPT = path.join(LINK_DIR, 'libwasmedge.map');
export const STUB_SOURCE = path.join(LINK_DIR, 'wasmedge_stub.c');

/** Strict flags the SDK must stay clean under. */
export const STRICT_C = ['-std=c11', '-Wall', '-Wextra', '-Werror', '-pedantic'];
export const STRICT_CXX = ['-std=c++17', '-Wall', '-Wextra', '-Werror', '-pedantic'];

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run a program; never throws (check `status`). */
export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: opts.cwd, env: opts.env ?? process.env });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Run a program and throw (with its output) unless it exits 0. */
export function runOk(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = run(cmd, args, opts);
  if (r.status !== 0) {
    const how = r.signal ? `was killed by ${r.signal}` : `exited ${r.status}`;
    throw new Error(`${cmd} ${args.join(' ')} ${how}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/**
 * Whether cargo is installed. Rust suites skip without it (with a notice): rustup needs the internet
 * and Debian's Rust predates edition 2024, so a machine may lack it; this kind of machine ships it.
 */
export const HAS_CARGO = spawnSync('cargo', ['--version']).status === 0;
if (!HAS_CARGO) console.warn('cargo not found: the Rust suites are skipped');

/** The languages whose end-to-end tests can run here. */
export const BUILDABLE_LANGUAGES = (['c', 'cpp', 'rust'] as const).filter((l) => l !== 'rust' || HAS_CARGO);

/** A fresh directory under os.tmpdir(); remove it with `removeDir`. */
export function makeTempDir(prefix = 'wpk-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** Write `text` to `dir/name` and return the path. */
export function writeFile(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

export type Lang = 'c' | 'c++';

export interface CompileOptions {
  lang?: Lang; // default: from the first source's extension (.c → c, else c++)
  flags?: string[]; // default: STRICT_C / STRICT_CXX
  defines?: Record<string, string | number | true>;
  includes?: string[]; // added after SDK_INCLUDE
  extra?: string[]; // appended last (libraries, -l, -Wl,…)
}

function langOf(sources: string[], lang?: Lang): Lang {
  return lang ?? (sources[0].endsWith('.c') ? 'c' : 'c++');
}

function compilerArgs(sources: string[], o: CompileOptions): { cc: string; args: string[] } {
  const lang = langOf(sources, o.lang);
  const cc = lang === 'c' ? 'cc' : 'c++';
  const flags = o.flags ?? (lang === 'c' ? STRICT_C : STRICT_CXX);
  const defs = Object.entries(o.defines ?? {}).map(([k, v]) => (v === true ? `-D${k}` : `-D${k}=${v}`));
  const incs = [SDK_INCLUDE, ...(o.includes ?? [])].map((d) => `-I${d}`);
  // -x forces the language even for a .c file compiled as C++.
  return { cc, args: [...flags, ...defs, ...incs, '-x', lang, ...sources, '-x', 'none'] };
}

/** Compile sources to an object file (`-c`). Returns `out`. */
export function compileObject(sources: string[], out: string, o: CompileOptions = {}): string {
  const { cc, args } = compilerArgs(sources, o);
  runOk(cc, [...args, '-fPIC', '-c', '-o', out, ...(o.extra ?? [])]);
  return out;
}

/** Compile and link an executable. Returns `out`. */
export function compileExecutable(sources: string[], out: string, o: CompileOptions = {}): string {
  const { cc, args } = compilerArgs(sources, o);
  runOk(cc, [...args, '-o', out, ...(o.extra ?? [])]);
  return out;
}

/** Try to compile (syntax + semantics only); returns the result instead of throwing. */
export function tryCompile(sources: string[], o: CompileOptions = {}): RunResult {
  const { cc, args } = compilerArgs(sources, o);
  return run(cc, [...args, '-fsyntax-only', ...(o.extra ?? [])]);
}

/**
 * Build the link-only stub libwasmedge.so.0 (+ libwasmedge.so symlink) into
 * `dir`, exactly as sdk/link/WasmEdgeLink.cmake does. Returns `dir`.
 */
export function buildStub(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const so0 = path.join(dir, 'libwasmedge.so.0');
  if (!fs.existsSync(so0)) {
    runOk('cc', [
      '-std=c11', '-fPIC', '-shared', '-o', so0, STUB_SOURCE,
      '-Wl,-soname,libwasmedge.so.0', `-Wl,--version-script=${VERSION_SCRIPT}`,
    ]);
    fs.symlinkSync('libwasmedge.so.0', path.join(dir, 'libwasmedge.so'));
  }
  return dir;
}

/**
 * Build a plug-in-style shared library from sources with our include path,
 * linked against the stub in `stubDir` (built there if missing) and without
 * any RPATH, like wasmedge_plugin_link(). Returns `out`.
 */
export function buildPluginLib(
  sources: string[], out: string, o: CompileOptions & { stubDir?: string } = {},
): string {
  const stubDir = buildStub(o.stubDir ?? path.join(path.dirname(out), 'wasmedge-link-stub'));
  const { cc, args } = compilerArgs(sources, o);
  runOk(cc, [...args, '-fPIC', '-shared', '-o', out, `-L${stubDir}`, '-lwasmedge', ...(o.extra ?? [])]);
  return out;
}

/** Configure and build a CMake project; returns the build dir. */
export function cmakeBuild(srcDir: string, buildDir: string, defs: Record<string, string> = {}): string {
  const d = Object.entries(defs).map(([k, v]) => `-D${k}=${v}`);
  runOk('cmake', ['-S', srcDir, '-B', buildDir, ...d]);
  runOk('cmake', ['--build', buildDir, '--parallel', '2']);
  return buildDir;
}

export interface DynSym {
  name: string; // without version
  version: string | null; // e.g. "WASMEDGE_0.16"
  defaultVersion: boolean; // "@@" (definition's default version)
  defined: boolean; // false for UND references
  type: string; // FUNC, OBJECT, …
  bind: string; // GLOBAL, WEAK, …
}

/** Parse `readelf --dyn-syms -W`. */
export function dynSyms(file: string): DynSym[] {
  const out = runOk('readelf', ['--dyn-syms', '-W', file]).stdout;
  const syms: DynSym[] = [];
  for (const line of out.split('\n')) {
    // Num: Value Size Type Bind Vis Ndx Name [(verindex)]
    const m = /^\s*\d+:\s+[0-9a-f]+\s+\S+\s+(\S+)\s+(\S+)\s+\S+\s+(\S+)\s+(\S+)/.exec(line);
    if (!m || m[4] === '') continue;
    const [, type, bind, ndx, full] = m;
    const vm = /^([^@]+)(@@?)(.+)$/.exec(full);
    syms.push({
      name: vm ? vm[1] : full,
      version: vm ? vm[3] : null,
      defaultVersion: vm ? vm[2] === '@@' : false,
      defined: ndx !== 'UND',
      type,
      bind,
    });
  }
  return syms;
}

export interface DynamicSection {
  needed: string[];
  soname: string | null;
  runpath: string | null;
  rpath: string | null;
}

/** Parse `readelf -d`. */
export function dynamicSection(file: string): DynamicSection {
  const out = runOk('readelf', ['-d', '-W', file]).stdout;
  const pick = (tag: string) => [...out.matchAll(new RegExp(`\\(${tag}\\)\\s+[^\\[]*\\[([^\\]]*)\\]`, 'g'))].map((m) => m[1]);
  return {
    needed: pick('NEEDED'),
    soname: pick('SONAME')[0] ?? null,
    runpath: pick('RUNPATH')[0] ?? null,
    rpath: pick('RPATH')[0] ?? null,
  };
}

/** Names of all WasmEdge_* functions declared in our header (API v5 unless told). */
export function headerFunctions(defines: Record<string, string | number> = {}): string[] {
  // Preprocess, then collect every `WasmEdge_Name(` that is a declaration
  // (not a return type followed by a function-pointer declarator `(*`).
  const { cc, args } = compilerArgs([HEADER], { lang: 'c', defines, flags: ['-std=c11'] });
  const pre = runOk(cc, [...args, '-E', '-P']).stdout;
  const names = new Set<string>();
  for (const m of pre.matchAll(/\b(WasmEdge_[A-Za-z0-9_]+)\s*\((?!\s*\*)/g)) names.add(m[1]);
  return [...names].sort();
}
