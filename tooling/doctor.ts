/**
 * `wasmedge-plugin doctor`: what the kit needs on this machine, what is there, and for each missing
 * piece the command that installs it. Runs no plug-in code (search paths are listed, not loaded).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { isKitError } from '../runtime/errors.js';
import { loadShim } from '../runtime/native/binding.js';
import { shimPath, packageRoot } from '../runtime/paths.js';
import { API_VERSION_RELEASES, compatibleWith } from '../runtime/api-versions.js';
import { describeInstall, findWasmEdge } from './wasmedge/find.js';
import { defaultPluginPaths, envPluginPaths, pluginCandidates } from '../runtime/search-paths.js';
import { fuzzToolchain, FUZZ_INSTALL_HINT } from './fuzz/toolchain.js';
import semver from 'semver';
import { findAsanRuntime, ASAN_INSTALL_HINT } from './sanitizer.js';
import { supportedNode } from './paths.js';
import { assemblyScript, wasiClang, wasiRust, type Toolchain } from './check/guest-toolchains.js';

export type CheckStatus = 'ok' | 'missing' | 'warn';

export interface DoctorCheck {
  name: string;
  status: CheckStatus;
  /** Version or what was found. */
  detail: string;
  /** What needs it ("required" for the runtime itself). */
  neededFor: string;
  required: boolean;
  /** The command that installs or fixes it, when not ok. */
  fix?: string;
  path?: string;
}

export interface SearchPathInfo { path: string; exists: boolean; fromEnv: boolean; plugins: string[] }

export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
  searchPaths: SearchPathInfo[];
}


/** First line of `cmd --version`, or undefined when the tool is not on PATH. */
function version(cmd: string, args = ['--version']): { line: string; path?: string } | undefined {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) return undefined;
  const line = `${r.stdout}${r.stderr}`.split('\n').find((l) => l.trim()) ?? '';
  const which = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return { line: line.trim(), path: which.status === 0 ? which.stdout.trim() : undefined };
}

function tool(name: string, cmd: string, neededFor: string, fix: string, required = false, args?: string[]): DoctorCheck {
  const v = version(cmd, args);
  return v
    ? { name, status: 'ok', detail: v.line, neededFor, required, path: v.path }
    : { name, status: required ? 'missing' : 'warn', detail: `${cmd} not found on PATH`, neededFor, required, fix };
}

function nodeCheck(): DoctorCheck {
  const range = supportedNode();
  const ok = semver.satisfies(process.versions.node, range);
  const minimum = semver.minVersion(range)?.version ?? range;
  return {
    name: 'node', status: ok ? 'ok' : 'missing', detail: `v${process.versions.node}${ok ? '' : ` (need ${range})`}`,
    neededFor: 'everything', required: true, path: process.execPath,
    fix: ok ? undefined : `install Node.js ${minimum} or newer (e.g. \`nvm install ${semver.major(minimum)}\`)`,
  };
}

function shimCheck(): DoctorCheck {
  const path = shimPath();
  const base = { name: 'shim', neededFor: 'inspect, call, run, test', required: true, path };
  const fix = `cd ${packageRoot} && npx node-gyp rebuild   (needs a C compiler and make)`;
  if (!existsSync(path)) return { ...base, status: 'missing', detail: `not built: ${path} does not exist`, fix };
  try {
    const shim = loadShim();
    return { ...base, status: 'ok', detail: `built and loadable (version ${shim.version() as string})` };
  } catch (e) {
    return { ...base, status: 'missing', detail: `built but not loadable: ${isKitError(e) ? e.message : String(e)}`, fix };
  }
}

function asanCheck(): DoctorCheck {
  const base = { name: 'libasan', neededFor: 'test --sanitize address', required: false };
  const p = findAsanRuntime();
  if (p) return { ...base, status: 'ok', detail: p, path: p };
  return { ...base, status: 'warn', detail: 'the AddressSanitizer runtime was not found', fix: ASAN_INSTALL_HINT };
}

function libFuzzerCheck(): DoctorCheck {
  const base = { name: 'libfuzzer', neededFor: 'fuzz (coverage-guided; without it fuzz uses a seeded random mode)', required: false };
  const tc = fuzzToolchain();
  if (tc) return { ...base, status: 'ok', detail: `${tc.cc} -fsanitize=fuzzer,address links`, path: version(tc.cc)?.path };
  return { ...base, status: 'warn', detail: 'no clang with the libFuzzer and AddressSanitizer runtimes', fix: FUZZ_INSTALL_HINT.replace(/^Install clang and its runtimes: /, '').replace(/`/g, '') };
}

function wasmedgeCheck(): DoctorCheck {
  const base = { name: 'wasmedge', neededFor: '--engine wasmedge|both (real WasmEdge); optional, the kit has its own host', required: false };
  const w = findWasmEdge();
  if (w) {
    const newest = API_VERSION_RELEASES[API_VERSION_RELEASES.length - 1];
    const detail = `${describeInstall(w)}; found by ${w.source} (prefix ${w.prefix})`;
    if (w.apiVersion === newest.apiVersion) return { ...base, status: 'ok', detail, path: w.binary };
    return { ...base, status: 'warn', detail, path: w.binary, fix: `plug-ins built by this kit default to API ${newest.apiVersion} (${compatibleWith(newest.apiVersion)}); install WasmEdge ${newest.last} or build with --api-version ${w.apiVersion ?? '?'}` };
  }
  return { ...base, status: 'warn', detail: 'not found (looked at WASMEDGE_PREFIX, PATH, ~/.wasmedge)', fix: 'curl -sSf https://raw.githubusercontent.com/WasmEdge/WasmEdge/master/utils/install_v2.sh | bash -s -- -v 0.17.1   (or point at one: --wasmedge PATH, WASMEDGE_PREFIX)' };
}

/** The compilers for guest programs (`test` compiles test/*.c, Rust crates, test/*.ts with them). */
function guestToolchainChecks(): DoctorCheck[] {
  const neededFor = (what: string) => `compiling guest programs in ${what} (test/, guest/); optional`;
  const line = (name: string, t: Toolchain, what: string): DoctorCheck => (t.command
    ? { name, status: 'ok', detail: t.version ?? t.command.join(' '), neededFor: neededFor(what), required: false, path: t.command[t.command.length - 1] }
    : { name, status: 'warn', detail: 'not found', neededFor: neededFor(what), required: false, fix: t.install });
  return [
    line('wasi-cc', wasiClang(), 'C'),
    line('wasi-rust', wasiRust(), 'Rust'),
    line('asc', assemblyScript(process.cwd()), 'AssemblyScript'),
  ];
}

export function searchPaths(): SearchPathInfo[] {
  const fromEnv = new Set(envPluginPaths());
  return defaultPluginPaths().map((p) => {
    const exists = existsSync(p);
    let plugins: string[] = [];
    if (exists) {
      try {
        plugins = statSync(p).isDirectory() ? pluginCandidates(p).filter((c) => !c.skipReason).map((c) => c.path) : [p];
      } catch { /* unreadable: listed as empty */ }
    }
    return { path: p, exists, fromEnv: fromEnv.has(p), plugins };
  });
}

export function diagnose(): DoctorReport {
  const checks: DoctorCheck[] = [
    nodeCheck(),
    shimCheck(),
    tool('cc', 'cc', 'build (C plug-ins), the shim', 'sudo apt-get install build-essential'),
    tool('c++', 'c++', 'build (C++ plug-ins)', 'sudo apt-get install g++'),
    tool('cmake', 'cmake', 'build (C/C++ plug-ins)', 'sudo apt-get install cmake   (3.20 or newer)'),
    tool('make', 'make', 'build (CMake\'s default generator), the shim', 'sudo apt-get install make'),
    tool('cargo', 'cargo', 'build (Rust plug-ins)', 'curl --proto =https --tlsv1.2 -sSf https://sh.rustup.rs | sh'),
    tool('rustc', 'rustc', 'build (Rust plug-ins)', 'curl --proto =https --tlsv1.2 -sSf https://sh.rustup.rs | sh'),
    asanCheck(),
    tool('gcov', 'gcov', 'test --coverage (C/C++)', 'sudo apt-get install gcc   (gcov comes with it)'),
    libFuzzerCheck(),
    wasmedgeCheck(),
    ...guestToolchainChecks(),
  ];
  return { ok: checks.every((c) => c.status === 'ok' || !c.required), checks, searchPaths: searchPaths() };
}
