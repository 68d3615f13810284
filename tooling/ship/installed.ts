/**
 * What is installed in plug-in directories: every library WasmEdge would load there, read from the
 * library itself through the isolated inspect engine (so plug-ins installed by other means are listed
 * too), plus the package manifest beside it when `install` put one there. And `uninstall`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { compatibleWith } from '../../runtime/api-versions.js';
import { inspectIsolated } from '../engines/isolated.js';
import { ToolError } from '../errors.js';
import { DOC_FILES, MANIFEST_FILE, parseManifest, versionString, type PackageManifest } from './manifest.js';
import { checkWritable, type PluginDir } from './plugin-dirs.js';

export interface InstalledPlugin {
  /** The searched directory it was found under. */
  dir: string;
  library: string;
  /** From the library's descriptor; absent when the library could not be read. */
  name?: string;
  version?: string;
  apiVersion?: number;
  compatibleWith?: string;
  /** The package manifest beside it, when it was installed from a package. */
  manifest?: { path: string; version: string; apiVersion: number; sha256Matches: boolean };
  error?: { code: string; message: string };
}

export interface InstalledReport {
  dirs: PluginDir[];
  plugins: InstalledPlugin[];
}

/** How long reading every library of the directories may take without progress. */
const LIST_TIMEOUT_MS = 30_000;

/** `<libdir>/<name>/wasmedge-plugin.json` naming this library, if any (the layout install writes). */
export function manifestBeside(library: string): { path: string; manifest: PackageManifest } | undefined {
  const dir = dirname(library);
  let subdirs: string[];
  try {
    subdirs = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return undefined;
  }
  for (const sub of subdirs) {
    const path = join(dir, sub, MANIFEST_FILE);
    if (!existsSync(path)) continue;
    try {
      const manifest = parseManifest(readFileSync(path, 'utf8'), path);
      if (manifest.library === basename(library) && manifest.name === sub) return { path, manifest };
    } catch {
      // not a package manifest (e.g. a project's own wasmedge-plugin.json): not ours to report
    }
  }
  return undefined;
}

function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function owningDir(path: string, dirs: PluginDir[]): string {
  return dirs.map((d) => d.dir).filter((d) => path === d || path.startsWith(d.endsWith(sep) ? d : d + sep)).sort((a, b) => b.length - a.length)[0] ?? dirname(path);
}

/** Every plug-in library under the directories, in WasmEdge's search order. */
export async function listInstalled(dirs: PluginDir[], timeoutMs = LIST_TIMEOUT_MS): Promise<InstalledReport> {
  if (dirs.length === 0) return { dirs, plugins: [] };
  const report = await inspectIsolated(dirs.map((d) => d.dir), timeoutMs);
  const plugins: InstalledPlugin[] = [];
  const describe = (library: string): Pick<InstalledPlugin, 'manifest'> => {
    const found = manifestBeside(library);
    if (!found) return {};
    const { manifest } = found;
    return { manifest: { path: found.path, version: manifest.version, apiVersion: manifest.apiVersion, sha256Matches: fileSha256(library) === manifest.sha256 } };
  };
  for (const p of report.plugins) {
    plugins.push({ dir: owningDir(p.path, dirs), library: p.path, name: p.name, version: versionString(p.version), apiVersion: p.apiVersion, compatibleWith: compatibleWith(p.apiVersion), ...describe(p.path) });
  }
  for (const e of report.errors) {
    if (plugins.some((p) => p.library === e.path) || !existsSync(e.path) || !statSync(e.path).isFile()) continue;
    const beside = manifestBeside(e.path);
    plugins.push({ dir: owningDir(e.path, dirs), library: e.path, ...(beside ? { name: beside.manifest.name } : {}), ...describe(e.path), error: { code: e.code, message: e.message } });
  }
  const order = dirs.map((d) => d.dir);
  plugins.sort((a, b) => order.indexOf(a.dir) - order.indexOf(b.dir) || (a.library < b.library ? -1 : a.library > b.library ? 1 : 0));
  return { dirs, plugins };
}

/** Removes the files a package puts in `<name>/` (and the directory when that leaves it empty). */
export function removePackageFiles(metaDir: string): string[] {
  const removed: string[] = [];
  for (const f of [MANIFEST_FILE, ...DOC_FILES]) {
    const path = join(metaDir, f);
    if (existsSync(path)) {
      rmSync(path, { force: true });
      removed.push(path);
    }
  }
  if (readdirSync(metaDir).length === 0) rmSync(metaDir, { recursive: true, force: true });
  return removed;
}

export interface UninstallReport {
  name: string;
  removed: string[];
}

/** Removes every library of plug-in `name` under the directories, and the package files beside it. */
export async function uninstall(name: string, dirs: PluginDir[], timeoutMs?: number): Promise<UninstallReport> {
  const { plugins } = await listInstalled(dirs, timeoutMs);
  const matches = plugins.filter((p) => p.name === name);
  if (matches.length === 0) {
    const looked = dirs.map((d) => d.dir).join(', ') || '(no plug-in directory exists)';
    throw new ToolError('E_NOT_INSTALLED', `no plug-in named '${name}' is installed in ${looked}`);
  }
  const removed: string[] = [];
  for (const p of matches) checkWritable(dirname(p.library));
  for (const p of matches) {
    const beside = manifestBeside(p.library);
    rmSync(p.library, { force: true });
    removed.push(p.library);
    if (beside) removed.push(...removePackageFiles(dirname(beside.path)));
  }
  return { name, removed };
}
