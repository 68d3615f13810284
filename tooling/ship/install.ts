/**
 * `install`: puts a plug-in where the user's WasmEdge loads it (docs/packaging.md, "Install").
 * Every check runs before anything is written, so a refusal leaves the target directory as it was:
 * checksum, platform, the library's own descriptor (read in a child process), the API version the
 * found WasmEdge loads, and name clashes in the target. Files are written under a temporary name and
 * renamed into place; afterwards the found WasmEdge is asked whether it lists the plug-in.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { compatibleWith } from '../../runtime/api-versions.js';
import { PLUGIN_EXTENSION } from '../../runtime/search-paths.js';
import { inspectIsolated } from '../engines/isolated.js';
import { ToolError } from '../errors.js';
import type { InspectReport } from '../engines/inspect.js';
import type { WasmEdgeInstall } from '../wasmedge/find.js';
import { removePackageFiles, manifestBeside } from './installed.js';
import { DOC_FILES, MANIFEST_FILE, serializeManifest } from './manifest.js';
import { describeLibrary, packageLibrary, packageProject, readPackage, sha256, type PluginPackage } from './package.js';
import { binaryPlatform, hostPlatform, platformProblem, platformTag } from './platform.js';
import { checkWritable, installDir, wasmEdgeOnThisMachine, type PluginDir } from './plugin-dirs.js';

export interface InstallOptions {
  /** Target directory (default: see installDir). */
  to?: string;
  /** Replace a plug-in of the same name (or a file of the same name) in the target. */
  force?: boolean;
  /** `--wasmedge`: the WasmEdge to check against (default: the one found on this machine). */
  wasmedge?: string;
  env?: NodeJS.ProcessEnv;
  /** Stream build output (project sources). */
  progress?: boolean;
  timeoutMs?: number;
}

export interface InstallReport {
  name: string;
  version: string;
  apiVersion: number;
  /** What was installed from: a package file, a project directory or a library. */
  source: { kind: 'package' | 'project' | 'library'; path: string };
  dir: string;
  /** Why that directory (--to, WASMEDGE_PLUGIN_PATH, the found WasmEdge). */
  reason: string;
  library: string;
  /** The same files were already installed: nothing was written. */
  unchanged: boolean;
  /** Files that --force replaced or removed. */
  replaced: string[];
  /** What the found WasmEdge says after the copy. */
  wasmedge?: { version: string; binary: string; lists: boolean; detail: string };
  /** Checks that could not run (e.g. no WasmEdge to compare the API version with). */
  notes: string[];
}

function isGzip(path: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The package to install, from a package file (checksum verified), a project (built) or a library. */
async function resolveSource(source: string, opts: InstallOptions): Promise<{ pkg: PluginPackage; kind: InstallReport['source']['kind'] }> {
  const path = resolve(source);
  if (!existsSync(path)) throw new ToolError('E_NOT_FOUND', `${path} does not exist`, { path, hint: 'Give a package (.tar.gz from `wasmedge-plugin package`), a project directory or a plug-in library.' });
  if (statSync(path).isDirectory()) return { pkg: await packageProject(path, { progress: opts.progress, timeoutMs: opts.timeoutMs }), kind: 'project' };
  if (!isGzip(path)) return { pkg: await packageLibrary(path, undefined, opts.timeoutMs), kind: 'library' };
  const pkg = readPackage(path);
  const actual = sha256(pkg.library);
  if (actual !== pkg.manifest.sha256) {
    throw new ToolError('E_CHECKSUM_MISMATCH', `${pkg.manifest.library} in ${path} has SHA-256 ${actual}, but its manifest records ${pkg.manifest.sha256}`, { path });
  }
  return { pkg, kind: 'package' };
}

/** Refuses a library WasmEdge would not load here: its file name, the manifest's platform and the binary's own header. */
function checkPlatform(pkg: PluginPackage): void {
  const here = hostPlatform();
  const declared = platformProblem(pkg.manifest.platform, here);
  if (declared) throw new ToolError('E_PLATFORM_MISMATCH', `${pkg.manifest.name} cannot load here: ${declared} (manifest)`);
  if (extname(pkg.manifest.library) !== PLUGIN_EXTENSION) {
    throw new ToolError('E_PACKAGE_INVALID', `${pkg.manifest.library}: WasmEdge loads only files whose name ends in ${PLUGIN_EXTENSION}`, { hint: `Rename the library to end in ${PLUGIN_EXTENSION}, then install it.` });
  }
  const binary = binaryPlatform(pkg.library.subarray(0, 64));
  if (binary && (binary.os !== here.os || binary.arch !== here.arch)) {
    throw new ToolError('E_PLATFORM_MISMATCH', `${pkg.manifest.library} is a ${platformTag(binary)} binary, and this machine is ${platformTag(here)}`);
  }
}

type Inspected = InspectReport['plugins'][number];

/**
 * Reads the package's library (a private copy) and every plug-in already in the target directory, in
 * child processes: nothing of either runs in this one. Two separate loads, because one host keeps only
 * the first plug-in of a name, which would hide exactly the clash we look for.
 */
async function inspectLibraryAndTarget(pkg: PluginPackage, target: PluginDir, timeoutMs?: number): Promise<{ plugin: Inspected; installed: Inspected[] }> {
  const stage = mkdtempSync(join(tmpdir(), 'wpk-install-'));
  try {
    const file = join(stage, pkg.manifest.library);
    writeFileSync(file, pkg.library);
    const [plugin, installed] = await Promise.all([
      describeLibrary(file, timeoutMs),
      existsSync(target.dir) ? inspectIsolated([target.dir], timeoutMs).then((r) => r.plugins) : Promise.resolve([]),
    ]);
    return { plugin, installed };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The library's own descriptor must say what the manifest says. */
function checkDescriptor(pkg: PluginPackage, plugin: Inspected): void {
  if (plugin.name !== pkg.manifest.name || plugin.apiVersion !== pkg.manifest.apiVersion) {
    throw new ToolError('E_PACKAGE_INVALID', `the manifest says plug-in '${pkg.manifest.name}' (API ${pkg.manifest.apiVersion}), but the library declares '${plugin.name}' (API ${plugin.apiVersion})`);
  }
}

function checkApiVersion(pkg: PluginPackage, w: WasmEdgeInstall | undefined, notes: string[]): void {
  const api = pkg.manifest.apiVersion;
  if (!w) {
    notes.push(`no WasmEdge found on this machine: the API version (${api}, ${compatibleWith(api)}) was not checked against one`);
    return;
  }
  if (w.apiVersion === undefined) {
    notes.push(`WasmEdge ${w.version} is a release this kit does not know: the API version (${api}) was not checked`);
    return;
  }
  if (w.apiVersion !== api) {
    throw new ToolError('E_API_MISMATCH', `${pkg.manifest.name} has plug-in API version ${api}, which ${compatibleWith(api)} loads; WasmEdge ${w.version} (${w.binary}) loads only API ${w.apiVersion} (${compatibleWith(w.apiVersion)}) and would ignore it`);
  }
}

/** What in the target directory stands in the way: the same plug-in name anywhere in it, or our file names. */
function findClashes(pkg: PluginPackage, target: PluginDir, installed: Inspected[]): { sameName: string[]; paths: string[]; identical: boolean } {
  if (!existsSync(target.dir)) return { sameName: [], paths: [], identical: false };
  const dest = join(target.dir, pkg.manifest.library);
  const sameName = installed.filter((p) => p.name === pkg.manifest.name).map((p) => p.path);
  const metaDir = join(target.dir, pkg.manifest.name);
  const paths = [dest, metaDir].filter((p) => existsSync(p));
  // `<name>/` may hold only what a package puts there: never delete a user's other files, even with --force.
  if (existsSync(metaDir)) {
    const ours = new Set([MANIFEST_FILE, ...DOC_FILES]);
    const foreign = statSync(metaDir).isDirectory() ? readdirSync(metaDir).filter((f) => !ours.has(f)) : [pkg.manifest.name];
    if (foreign.length) throw new ToolError('E_PLUGIN_INSTALLED', `${metaDir} exists and holds ${foreign.join(', ')}, which a package does not install; it is where ${pkg.manifest.name}'s manifest goes`, { path: metaDir, hint: 'Move those files elsewhere, then install again.' });
  }
  // Installing exactly what is there already (same bytes, same manifest) is not a clash.
  const beside = existsSync(dest) ? manifestBeside(dest) : undefined;
  const identical = sameName.length === 1 && sameName[0] === dest && sha256(readFileSync(dest)) === pkg.manifest.sha256 && beside?.manifest.sha256 === pkg.manifest.sha256;
  return { sameName, paths: [...new Set([...sameName, ...paths])], identical };
}

/** Writes `data` as `file` through a temporary name in the same directory (never a half-written file). */
function writeAtomically(file: string, data: Buffer, mode: number): void {
  const temp = join(resolve(file, '..'), `.${file.split('/').pop()}.wpk-tmp-${process.pid}`);
  try {
    writeFileSync(temp, data, { mode });
    chmodSync(temp, mode);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The package's `<name>/` directory, built beside the target and renamed into place. */
function writeMetadata(pkg: PluginPackage, metaDir: string): void {
  const temp = `${resolve(metaDir, '..')}/.${pkg.manifest.name}.wpk-tmp-${process.pid}`;
  try {
    mkdirSync(temp);
    writeFileSync(join(temp, MANIFEST_FILE), serializeManifest(pkg.manifest), { mode: 0o644 });
    for (const d of pkg.docs) writeFileSync(join(temp, d.name), d.data, { mode: 0o644 });
    if (existsSync(metaDir)) removePackageFiles(metaDir); // findClashes made sure it holds nothing else
    renameSync(temp, metaDir);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Asks WasmEdge (`wasmedge --version` with the directory on WASMEDGE_PLUGIN_PATH) whether it lists the library. */
export function wasmEdgeLists(w: WasmEdgeInstall, dir: string, library: string, name: string): { lists: boolean; detail: string } {
  const r = spawnSync(w.binary, ['--version'], { encoding: 'utf8', timeout: 15_000, env: { ...process.env, WASMEDGE_PLUGIN_PATH: dir } });
  if (r.error || r.status !== 0) return { lists: false, detail: `\`wasmedge --version\` failed (${r.error?.message ?? (r.signal ? `signal ${r.signal}` : `exit status ${r.status}`)})` };
  const line = r.stdout.split('\n').find((l) => l.includes(`${library} (plugin "${name}")`));
  return line ? { lists: true, detail: line.trim() } : { lists: false, detail: `WasmEdge ${w.version} does not list ${library}` };
}

export async function install(source: string, opts: InstallOptions = {}): Promise<InstallReport> {
  const env = opts.env ?? process.env;
  const notes: string[] = [];
  const { pkg, kind } = await resolveSource(source, opts);
  checkPlatform(pkg);
  const w = wasmEdgeOnThisMachine(opts.wasmedge, env);
  const target = installDir({ to: opts.to, env, wasmedge: w });
  const { plugin, installed } = await inspectLibraryAndTarget(pkg, target, opts.timeoutMs);
  checkDescriptor(pkg, plugin);
  checkApiVersion(pkg, w, notes);
  const clashes = findClashes(pkg, target, installed);
  const library = join(target.dir, pkg.manifest.library);
  const base = { name: pkg.manifest.name, version: pkg.manifest.version, apiVersion: pkg.manifest.apiVersion, source: { kind, path: resolve(source) }, dir: target.dir, reason: target.reason, library, notes };
  if (clashes.identical) return { ...base, unchanged: true, replaced: [], ...(w ? { wasmedge: { version: w.version, binary: w.binary, ...wasmEdgeLists(w, target.dir, library, pkg.manifest.name) } } : {}) };
  if (clashes.paths.length && !opts.force) {
    throw new ToolError('E_PLUGIN_INSTALLED', `${target.dir} already has ${clashes.sameName.length ? `plug-in '${pkg.manifest.name}' (${clashes.sameName.join(', ')})` : clashes.paths.join(', ')}`, { path: target.dir });
  }

  checkWritable(target.dir);
  mkdirSync(target.dir, { recursive: true });
  writeMetadata(pkg, join(target.dir, pkg.manifest.name));
  writeAtomically(library, pkg.library, 0o755);
  // Other copies of the same plug-in would be loaded first or instead: --force removes them.
  for (const other of clashes.sameName) if (other !== library) rmSync(other, { force: true });
  const result: InstallReport = { ...base, unchanged: false, replaced: clashes.paths };
  if (w) result.wasmedge = { version: w.version, binary: w.binary, ...wasmEdgeLists(w, target.dir, library, pkg.manifest.name) };
  return result;
}
