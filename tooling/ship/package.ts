/**
 * A plug-in package in memory, and how it is made and read (docs/packaging.md, "Layout"):
 *
 *   lib<name>.so                  the library, at the root, as in WasmEdge's own plug-in archives
 *   <name>/wasmedge-plugin.json   the package manifest
 *   <name>/README.md, LICENSE…    the project's, when present
 *
 * so that `tar -xzf <package> -C <plug-in directory>` and `wasmedge-plugin install` give the same files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildProject } from '../build.js';
import { inspectIsolated } from '../engines/isolated.js';
import type { InspectReport } from '../engines/inspect.js';
import { isErrorCode, ToolError } from '../errors.js';
import { kitVersion } from '../paths.js';
import { readTarGz, writeTarGz, type ArchiveEntry } from './archive.js';
import { DOC_FILES, MANIFEST_FILE, manifestFor, parseManifest, serializeManifest, type PackageManifest, type ProjectFacts } from './manifest.js';
import { hostPlatform, libraryPlatform, platformTag } from './platform.js';

export interface PluginPackage {
  manifest: PackageManifest;
  library: Buffer;
  /** Files that travel with the manifest in `<name>/` (README, LICENSE). */
  docs: Array<{ name: string; data: Buffer }>;
}


/** How long loading one library to read its descriptor may take. */
export const DESCRIBE_TIMEOUT_MS = 10_000;

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `<name>-<version>-<os>_<arch>.tar.gz` */
export function packageFileName(m: PackageManifest): string {
  return `${m.name}-${m.version}-${platformTag(m.platform)}.tar.gz`;
}

/** The one plug-in in a library, read in a child process (a crashing library cannot take us down). */
export async function describeLibrary(path: string, timeoutMs = DESCRIBE_TIMEOUT_MS): Promise<InspectReport['plugins'][number]> {
  const report = await inspectIsolated([path], timeoutMs);
  const error = report.errors[0];
  if (error) throw new ToolError(isErrorCode(error.code) ? error.code : 'E_INTERNAL', error.message, { path, hint: error.hint });
  if (report.plugins.length !== 1) throw new ToolError('E_PACKAGE_INVALID', `${path} holds ${report.plugins.length} plug-ins; a package holds exactly one`, { path });
  return report.plugins[0];
}

/** A package of a built library; `project` adds the project's facts and README/LICENSE. */
export async function packageLibrary(libraryPath: string, project?: { dir: string }, timeoutMs?: number): Promise<PluginPackage> {
  const path = resolve(libraryPath);
  if (!existsSync(path)) throw new ToolError('E_NOT_FOUND', `${path} does not exist`, { path });
  const plugin = await describeLibrary(path, timeoutMs);
  const library = readFileSync(path);
  const platform = libraryPlatform(path) ?? hostPlatform();
  let facts: ProjectFacts = {};
  const docs: PluginPackage['docs'] = [];
  if (project) {
    const projectManifest = join(project.dir, MANIFEST_FILE);
    if (existsSync(projectManifest)) {
      const { language, author, license } = JSON.parse(readFileSync(projectManifest, 'utf8')) as ProjectFacts;
      facts = { language, author, license };
    }
    for (const name of DOC_FILES) {
      const file = join(project.dir, name);
      if (existsSync(file)) docs.push({ name, data: readFileSync(file) });
    }
  }
  const manifest = manifestFor(plugin, { file: basename(path), sha256: sha256(library), platform }, facts, `wasmedge-plugin-kit ${kitVersion()}`);
  return { manifest, library, docs };
}

/** Builds the project in Release and packages the library. */
export async function packageProject(dir: string, opts: { progress?: boolean; timeoutMs?: number } = {}): Promise<PluginPackage> {
  const projectDir = resolve(dir);
  const built = await buildProject({ dir: projectDir, progress: opts.progress });
  return packageLibrary(built.artifact, { dir: projectDir }, opts.timeoutMs);
}

export function packageEntries(p: PluginPackage): ArchiveEntry[] {
  return [
    { path: p.manifest.library, data: p.library, mode: 0o755 },
    { path: `${p.manifest.name}/${MANIFEST_FILE}`, data: Buffer.from(serializeManifest(p.manifest)), mode: 0o644 },
    ...p.docs.map((d) => ({ path: `${p.manifest.name}/${d.name}`, data: d.data, mode: 0o644 })),
  ];
}

/** Reads a package file: exactly one `<name>/wasmedge-plugin.json`, its library at the root, nothing else. */
export function readPackage(file: string): PluginPackage {
  const entries = readTarGz(file);
  const invalid = (why: string) => new ToolError('E_PACKAGE_INVALID', `${file}: ${why}`, { path: file });
  const manifests = entries.filter((e) => /^[^/]+\/wasmedge-plugin\.json$/.test(e.path));
  if (manifests.length !== 1) throw invalid(manifests.length ? `it holds ${manifests.length} manifests` : `it holds no <name>/${MANIFEST_FILE} (it is not a wasmedge-plugin package)`);
  const manifest = parseManifest(manifests[0].data.toString('utf8'), `${file}:${manifests[0].path}`);
  if (manifests[0].path !== `${manifest.name}/${MANIFEST_FILE}`) throw invalid(`the manifest of plug-in '${manifest.name}' must be ${manifest.name}/${MANIFEST_FILE}, not ${manifests[0].path}`);
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.path)) throw invalid(`${e.path} appears twice`);
    seen.add(e.path);
    const allowed = e.path === manifest.library || [MANIFEST_FILE, ...DOC_FILES].some((f) => e.path === `${manifest.name}/${f}`);
    if (!allowed) throw invalid(`${e.path} is neither the library nor ${manifest.name}/${MANIFEST_FILE}, README or LICENSE`);
  }
  const library = entries.find((e) => e.path === manifest.library);
  if (!library) throw invalid(`the manifest names the library ${manifest.library}, which is not at the archive's root`);
  const docs = entries.filter((e) => e !== library && e !== manifests[0]).map((e) => ({ name: e.path.slice(manifest.name.length + 1), data: e.data }));
  return { manifest, library: library.data, docs };
}

export interface WrittenPackage {
  file: string;
  /** SHA-256 of the .tar.gz. */
  sha256: string;
  /** The file already held exactly these bytes. */
  unchanged: boolean;
}

/** Writes the package into `outDir` (temp name + rename). A different file of the same name needs `force`. */
export function writePackage(p: PluginPackage, outDir: string, force = false): WrittenPackage {
  const bytes = writeTarGz(packageEntries(p));
  const file = join(resolve(outDir), packageFileName(p.manifest));
  const digest = sha256(bytes);
  if (existsSync(file)) {
    if (sha256(readFileSync(file)) === digest) return { file, sha256: digest, unchanged: true };
    if (!force) throw new ToolError('E_OUTPUT_EXISTS', `${file} exists and differs from this build`, { path: file });
  }
  mkdirSync(resolve(outDir), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  return { file, sha256: digest, unchanged: false };
}
