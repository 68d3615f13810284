/**
 * Project builds, the one owner: `build` (and `test`, `package`, … through buildProject), the
 * coverage build and the fuzzing build all configure, build and find the plug-in library here.
 * C/C++ through cmake-js (used as a library to compute the configure/build commands; we spawn them
 * ourselves to capture the output for error reports and stream it on a TTY), one build tree per
 * BuildVariant; Rust through `cargo build --offline`. Returns the built library's path.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { ToolError } from './errors.js';
import { ASAN_COMPILE_FLAGS, ASAN_LINK_FLAGS, type Sanitizer } from './sanitizer.js';

export type ProjectLanguage = 'c' | 'cpp' | 'rust';
export type BuildConfig = 'Release' | 'Debug';

export interface BuildOptions {
  /** Project directory (default: the current directory). */
  dir?: string;
  /** Debug build instead of Release. */
  debug?: boolean;
  /** Stream the tools' output to stderr (default: when stderr is a TTY). */
  progress?: boolean;
  /** Extra arguments for `cargo build`. */
  cargoArgs?: string[];
  /** Extra environment for the tools (e.g. RUSTFLAGS). */
  env?: Record<string, string>;
  /** An AddressSanitizer build (C/C++ only): Debug, instrumented, in its own tree build/asan. */
  sanitize?: Sanitizer;
}

export interface BuildResult {
  /** Absolute path of the built plug-in library. */
  artifact: string;
  language: ProjectLanguage;
  config: BuildConfig;
  seconds: number;
  /** compile_commands.json copied to the project root (C/C++ only). */
  compileCommands?: string;
  sanitize?: Sanitizer;
}

/** Which language a project is written in: wasmedge-plugin.json, else Cargo.toml / CMakeLists.txt. */
export function detectLanguage(dir: string): ProjectLanguage {
  const manifest = join(dir, 'wasmedge-plugin.json');
  if (existsSync(manifest)) {
    const lang = (JSON.parse(readFileSync(manifest, 'utf8')) as { language?: string }).language;
    if (lang === 'c' || lang === 'cpp' || lang === 'rust') return lang;
  }
  if (existsSync(join(dir, 'Cargo.toml'))) return 'rust';
  const cmakeLists = join(dir, 'CMakeLists.txt');
  if (existsSync(cmakeLists)) return /\bLANGUAGES\b[^)]*\bCXX\b/.test(readFileSync(cmakeLists, 'utf8')) ? 'cpp' : 'c';
  throw new ToolError('E_NOT_A_PROJECT', `${dir} has neither CMakeLists.txt nor Cargo.toml`, { path: dir });
}

const TAIL_LINES = 25;

interface ToolRun {
  code: number;
  /** The last lines of stdout+stderr (or of stderr only when stdout is captured as data). */
  tail: string[];
  stdout: string;
}

/** Runs a tool, keeping the last lines of its output; streams them to stderr when `progress`. */
function runTool(command: string[], cwd: string, opts: { progress: boolean; env?: Record<string, string>; captureStdout?: boolean; tool: string }): Promise<ToolRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command[0], command.slice(1), { cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    let stdout = '';
    const keep = (chunk: Buffer, stream: 'out' | 'err'): void => {
      const text = chunk.toString('utf8');
      if (stream === 'out' && opts.captureStdout) {
        stdout += text;
        return;
      }
      if (opts.progress) process.stderr.write(text);
      tail.push(...text.split('\n').filter((l) => l.trim() !== ''));
      if (tail.length > TAIL_LINES * 4) tail.splice(0, tail.length - TAIL_LINES);
    };
    child.stdout.on('data', (c: Buffer) => keep(c, 'out'));
    child.stderr.on('data', (c: Buffer) => keep(c, 'err'));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(missingTool(opts.tool, `${command[0]} was not found on PATH`));
      else reject(e);
    });
    child.on('close', (code, signal) => resolvePromise({ code: code ?? (signal ? 128 : 1), tail: tail.slice(-TAIL_LINES), stdout }));
  });
}

const INSTALL_HINTS: Record<string, string> = {
  cmake: 'Install CMake 3.16+ (Debian/Ubuntu: `sudo apt-get install cmake g++`; macOS: `brew install cmake`; or https://cmake.org/download/).',
  'C compiler': 'Install a C compiler (Debian/Ubuntu: `sudo apt-get install gcc`; Fedora: `sudo dnf install gcc`; macOS: `xcode-select --install`).',
  'C++ compiler': 'Install a C++17 compiler (Debian/Ubuntu: `sudo apt-get install g++`; Fedora: `sudo dnf install gcc-c++`; macOS: `xcode-select --install`).',
  make: 'Install make or ninja (Debian/Ubuntu: `sudo apt-get install make`).',
  cargo: 'Install Rust with rustup: `curl --proto \'=https\' --tlsv1.2 -sSf https://sh.rustup.rs | sh` (see https://rustup.rs), then open a new shell.',
};

function missingTool(tool: string, message: string): ToolError {
  return new ToolError('E_TOOL_MISSING', `${message}: ${tool} is needed to build this project`, { hint: INSTALL_HINTS[tool] });
}

/** Known "tool missing" messages inside a failed tool's output. */
function diagnoseMissingTool(tail: string[]): ToolError | undefined {
  const text = tail.join('\n');
  if (/No CMAKE_CXX_COMPILER could be found|CMAKE_CXX_COMPILER.*(not found|NOTFOUND)/.test(text)) return missingTool('C++ compiler', 'CMake found no C++ compiler');
  if (/No CMAKE_C_COMPILER could be found|CMAKE_C_COMPILER.*(not found|NOTFOUND)|cannot run the C compiler/.test(text)) return missingTool('C compiler', 'no C compiler was found');
  if (/CMAKE_MAKE_PROGRAM is not set|Unable to find the build program/.test(text)) return missingTool('make', 'CMake found no build program');
  return undefined;
}

function buildFailed(step: string, run: ToolRun, dir?: string): ToolError {
  const missing = diagnoseMissingTool(run.tail);
  if (missing) return missing;
  return new ToolError('E_BUILD_FAILED', `${step} failed (exit status ${run.code}); last lines of its output:\n${run.tail.map((l) => `    ${l}`).join('\n')}`, dir ? { path: dir } : {});
}

// cmake-js is CommonJS.
const require = createRequire(import.meta.url);

/** Whether an executable called `name` is on PATH (checked up front so the error names the right tool). */
function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => {
    if (!d) return false;
    try {
      accessSync(join(d, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Options of one build step or build, as the coverage and fuzzing builds give them. */
export interface StepOptions {
  /** Stream the tools' output to stderr (default: when stderr is a TTY). */
  progress?: boolean;
  /** Extra environment for the tools. */
  env?: Record<string, string>;
  /** Working directory (default: the current one). */
  cwd?: string;
  /** The tool's name for a "not found" error (its install hint, when known). */
  tool?: string;
}

/** Runs one build command; a non-zero exit is E_BUILD_FAILED with the last lines of its output. */
export async function runBuildStep(command: string[], step: string, opts: StepOptions = {}): Promise<void> {
  const run = await runTool(command, opts.cwd ?? process.cwd(), { progress: opts.progress ?? Boolean(process.stderr.isTTY), env: opts.env, tool: opts.tool ?? command[0] });
  if (run.code !== 0) throw buildFailed(step, run, opts.cwd);
}

/**
 * One CMake build of a project: the plain build (Release or Debug), the AddressSanitizer build, the
 * coverage build, the fuzzing build. Each has its own tree, so that none overwrites another's objects
 * (the Release tree stays as it was when a coverage or fuzzing build runs).
 */
export interface BuildVariant {
  /** The tree, build/<tree>; the library is put right there. */
  tree: string;
  config: BuildConfig;
  /** What error messages call this build ("coverage build"); none for the plain build. */
  label?: string;
  /** C and C++ compilers (default: the ones CMake finds). */
  cc?: string;
  cxx?: string;
  /** Compile flags for C and C++ (they replace the default CMAKE_C_FLAGS/CMAKE_CXX_FLAGS). */
  flags?: readonly string[];
  /** Link flags of the shared library. */
  linkerFlags?: readonly string[];
}

/** The tree of `build` itself: build/Release, build/Debug, or build/asan (a Debug build with ASan). */
function projectVariant(config: BuildConfig, sanitize: Sanitizer | undefined): BuildVariant {
  if (sanitize === 'address') return { tree: 'asan', config: 'Debug', flags: ASAN_COMPILE_FLAGS, linkerFlags: ASAN_LINK_FLAGS };
  return { tree: config, config };
}

/** The CMake `-D…` arguments a variant adds to what cmake-js computes (later ones win). */
function variantCMakeArgs(workDir: string, v: BuildVariant): string[] {
  const flags = v.flags?.join(' ');
  return [
    // cmake-js would put the library one level down (build/asan/Debug) when the tree is not named
    // after the configuration: keep it in its tree.
    `-DCMAKE_LIBRARY_OUTPUT_DIRECTORY=${workDir}`,
    ...(flags ? [`-DCMAKE_C_FLAGS=${flags}`, `-DCMAKE_CXX_FLAGS=${flags}`] : []),
    ...(v.linkerFlags?.length ? [`-DCMAKE_SHARED_LINKER_FLAGS=${v.linkerFlags.join(' ')}`] : []),
  ];
}

/**
 * Configures (once per tree) and builds one variant of a C/C++ project; returns the plug-in library
 * and the tree. Every CMake build of the kit goes through here.
 */
export async function buildCMakeVariant(dir: string, variant: BuildVariant, opts: StepOptions = {}): Promise<{ library: string; buildDir: string }> {
  if (!onPath('cmake')) throw missingTool('cmake', 'cmake was not found on PATH');
  const progress = opts.progress ?? Boolean(process.stderr.isTTY);
  const { BuildSystem } = require('cmake-js') as { BuildSystem: new (o: object) => CMakeJsBuildSystem };
  // Plain `cmake -B build` (README) uses build/ itself and does not collide with these trees.
  const workDir = join(dir, 'build', variant.tree);
  const extraCMakeArgs = variantCMakeArgs(workDir, variant);
  const system = new BuildSystem({
    directory: dir,
    out: workDir,
    config: variant.config,
    ...(variant.cc && variant.cxx ? { cCompilerPath: variant.cc, cppCompilerPath: variant.cxx } : {}),
    // A plug-in is a plain shared library: Node headers are never needed, so cmake-js must not
    // try to download them. The Node-API mode skips that; the runtime directory is the local Node.
    runtimeDirectory: dirname(dirname(process.execPath)),
    parallel: Math.max(1, Math.min(availableParallelism(), 8)),
    extraCMakeArgs,
    silent: true,
    noLog: true,
  });
  system.options.isNodeApi = true;
  let configure: string[];
  let build: string[];
  try {
    configure = await system.getConfigureCommand();
    // cmake-js appends the configure-time arguments to `cmake --build` too, where they do not belong.
    const withExtra = await system.getBuildCommand();
    build = withExtra.slice(0, withExtra.length - extraCMakeArgs.length);
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (/compiler toolset is not available/i.test(message)) throw missingTool('C++ compiler', 'cmake-js found no g++ or clang++');
    if (/CMake executable is not found|CMake is not installed/i.test(message)) throw missingTool('cmake', 'cmake was not found on PATH');
    throw e;
  }
  const of = variant.label ? `, ${variant.label}` : '';
  if (!existsSync(join(workDir, 'CMakeCache.txt'))) {
    mkdirSync(workDir, { recursive: true });
    // cmake-js's configure command runs in the build tree (it would chdir there itself).
    const run = await runTool(configure, workDir, { progress, env: opts.env, tool: 'cmake' });
    if (run.code !== 0) throw buildFailed(`cmake (configure${of})`, run, dir);
  }
  const run = await runTool(build, dir, { progress, env: opts.env, tool: 'cmake' });
  if (run.code !== 0) throw buildFailed(variant.label ? `cmake --build (${variant.label})` : 'cmake --build', run, dir);
  return { library: findCMakeArtifact(dir, workDir), buildDir: workDir };
}

/** Copies the tree's compile_commands.json (when the project exports one) to the project root, for editors. */
function publishCompileCommands(dir: string, buildDir: string): string | undefined {
  const exported = join(buildDir, 'compile_commands.json');
  if (!existsSync(exported)) return undefined;
  copyFileSync(exported, join(dir, 'compile_commands.json'));
  return join(dir, 'compile_commands.json');
}

interface CMakeJsBuildSystem {
  options: Record<string, unknown>;
  getConfigureCommand(): Promise<string[]>;
  getBuildCommand(): Promise<string[]>;
}

/** The plug-in library in the build tree: the manifest's name, else the only lib*.so that is not the link stub. */
function findCMakeArtifact(dir: string, workDir: string): string {
  const manifest = join(dir, 'wasmedge-plugin.json');
  if (existsSync(manifest)) {
    const library = (JSON.parse(readFileSync(manifest, 'utf8')) as { library?: string }).library;
    if (library && existsSync(join(workDir, library))) return join(workDir, library);
  }
  const candidates = readdirSync(workDir).filter((f) => f.endsWith('.so') && !f.startsWith('libwasmedge.'));
  if (candidates.length === 1) return join(workDir, candidates[0]);
  throw new ToolError('E_BUILD_FAILED', `the build succeeded but ${candidates.length === 0 ? 'no' : 'more than one'} plug-in library was found in ${workDir}${candidates.length ? `: ${candidates.join(', ')}` : ''}`, {
    path: workDir,
    hint: 'Keep one SHARED library target per project, or name it in wasmedge-plugin.json ("library").',
  });
}

async function buildCargo(dir: string, config: BuildConfig, opts: BuildOptions, progress: boolean): Promise<string> {
  const command = ['cargo', 'build', '--offline', '--message-format=json-render-diagnostics', ...(config === 'Release' ? ['--release'] : []), ...(opts.cargoArgs ?? [])];
  const run = await runTool(command, dir, { progress, env: opts.env, captureStdout: true, tool: 'cargo' });
  if (run.code !== 0) throw buildFailed('cargo build', run, dir);
  // The JSON messages name every artifact; the cdylib's .so is the plug-in.
  for (const line of run.stdout.split('\n').reverse()) {
    if (!line.startsWith('{')) continue;
    let msg: { reason?: string; target?: { kind?: string[] }; filenames?: string[] };
    try {
      msg = JSON.parse(line) as { reason?: string; target?: { kind?: string[] }; filenames?: string[] };
    } catch {
      continue;
    }
    if (msg.reason === 'compiler-artifact' && msg.target?.kind?.includes('cdylib')) {
      const so = msg.filenames?.find((f) => f.endsWith('.so') || f.endsWith('.dylib'));
      if (so) return so;
    }
  }
  throw new ToolError('E_BUILD_FAILED', 'cargo build succeeded but produced no cdylib', { path: dir, hint: 'Set `crate-type = ["cdylib"]` in the [lib] section of Cargo.toml.' });
}

export async function buildProject(opts: BuildOptions = {}): Promise<BuildResult> {
  const dir = resolve(opts.dir ?? '.');
  if (!existsSync(dir)) throw new ToolError('E_NOT_FOUND', `${dir} does not exist`, { path: dir });
  const language = detectLanguage(dir);
  if (opts.sanitize && language === 'rust') {
    throw new ToolError('E_USAGE', `--sanitize ${opts.sanitize} supports C and C++ projects (Rust needs a nightly toolchain for -Zsanitizer)`, { hint: 'Build and test Rust projects without --sanitize.' });
  }
  const config: BuildConfig = opts.debug || opts.sanitize ? 'Debug' : 'Release';
  const progress = opts.progress ?? Boolean(process.stderr.isTTY);
  const started = performance.now();
  let artifact: string;
  let compileCommands: string | undefined;
  if (language === 'rust') artifact = await buildCargo(dir, config, opts, progress);
  else {
    const built = await buildCMakeVariant(dir, projectVariant(config, opts.sanitize), { progress, env: opts.env });
    artifact = built.library;
    compileCommands = publishCompileCommands(dir, built.buildDir);
  }
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  return { artifact, language, config, seconds, ...(compileCommands ? { compileCommands } : {}), ...(opts.sanitize ? { sanitize: opts.sanitize } : {}) };
}
