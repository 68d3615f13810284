/**
 * The package manifest: `<name>/wasmedge-plugin.json` inside a plug-in package and next to an
 * installed library (schema in docs/packaging.md). It shares its common fields (name, description,
 * apiVersion, library, language, author, license) with the project's own wasmedge-plugin.json and
 * says which document it is with `packageFormat`. Everything in it is read from the built library
 * (through the isolated inspect engine), not from the sources.
 */
import { API_VERSION_RELEASES } from '../../runtime/api-versions.js';
import type { InspectedModule, InspectReport } from '../engines/inspect.js';
import { ToolError } from '../errors.js';
import type { Platform } from './platform.js';

export const MANIFEST_FILE = 'wasmedge-plugin.json';
export const PACKAGE_FORMAT = 1;
/** The project files that travel with the manifest in `<name>/`, when present. */
export const DOC_FILES = ['README.md', 'README', 'LICENSE', 'LICENSE.md', 'LICENSE.txt', 'COPYING', 'NOTICE'];

type InspectedPlugin = InspectReport['plugins'][number];

export interface ManifestFunction { name: string; params: string[]; results: string[] }
export interface ManifestModule { name: string; description: string; functions: ManifestFunction[] }
export interface ManifestOption { name: string; type: string; description: string; default: string | number | boolean | null }

export interface PackageManifest {
  packageFormat: typeof PACKAGE_FORMAT;
  /** The plug-in name in its descriptor (what WasmEdge lists and de-duplicates on). */
  name: string;
  /** The descriptor's version: major.minor.patch, then .build when it is not 0. */
  version: string;
  description: string;
  apiVersion: number;
  /** The WasmEdge releases that load this API version. */
  wasmedge: { first: string; last: string; label: string } | null;
  /** The library's file name: at the archive's root, and in the plug-in directory once installed. */
  library: string;
  /** SHA-256 of the library, lower-case hex. */
  sha256: string;
  platform: Platform;
  modules: ManifestModule[];
  options: ManifestOption[];
  /** From the project's wasmedge-plugin.json, when packaged from a project. */
  language?: string;
  author?: string;
  license?: string;
  /** `wasmedge-plugin-kit <version>` that wrote the package. */
  builtWith: string;
}

export interface ProjectFacts { language?: string; author?: string; license?: string }

export function versionString(v: InspectedPlugin['version']): string {
  return `${v.major}.${v.minor}.${v.patch}${v.build ? `.${v.build}` : ''}`;
}

function optionDefault(value: unknown): ManifestOption['default'] {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** The manifest of an inspected plug-in. Keys are written in one fixed order (the package is reproducible). */
export function manifestFor(plugin: InspectedPlugin, lib: { file: string; sha256: string; platform: Platform }, project: ProjectFacts, builtWith: string): PackageManifest {
  const releases = API_VERSION_RELEASES.find((r) => r.apiVersion === plugin.apiVersion);
  return {
    packageFormat: PACKAGE_FORMAT,
    name: plugin.name,
    version: versionString(plugin.version),
    description: plugin.description,
    apiVersion: plugin.apiVersion,
    wasmedge: releases ? { first: releases.first, last: releases.last, label: releases.label } : null,
    library: lib.file,
    sha256: lib.sha256,
    platform: lib.platform,
    modules: (plugin.modules as InspectedModule[]).map((m) => ({
      name: m.name,
      description: m.description,
      functions: m.functions.map((f) => ({ name: f.name, params: f.params, results: f.results })),
    })),
    options: plugin.options.map((o) => ({ name: o.name, type: o.type, description: o.description, default: optionDefault(o.default) })),
    ...(project.language ? { language: project.language } : {}),
    ...(project.author ? { author: project.author } : {}),
    ...(project.license ? { license: project.license } : {}),
    builtWith,
  };
}

export function serializeManifest(m: PackageManifest): string {
  return JSON.stringify(m, null, 2) + '\n';
}

/** A name that is safe as a file or directory name on every OS. */
export function isPlainName(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/.test(s) && s.length <= 128;
}

/** Parses and checks a package manifest; every problem is listed in one E_PACKAGE_INVALID. */
export function parseManifest(text: string, where: string): PackageManifest {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new ToolError('E_PACKAGE_INVALID', `${where} is not valid JSON: ${(e as Error).message}`, { path: where });
  }
  const problems: string[] = [];
  if (typeof m !== 'object' || m === null || Array.isArray(m)) problems.push('it is not a JSON object');
  else {
    if (m.packageFormat !== PACKAGE_FORMAT) problems.push(`"packageFormat" is ${JSON.stringify(m.packageFormat)}, expected ${PACKAGE_FORMAT}`);
    if (!isPlainName(m.name)) problems.push('"name" must be a plain name (letters, digits, _ . + -)');
    if (typeof m.version !== 'string') problems.push('"version" must be a string');
    if (!Number.isInteger(m.apiVersion)) problems.push('"apiVersion" must be an integer');
    if (!isPlainName(m.library)) problems.push('"library" must be a plain file name');
    if (typeof m.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(m.sha256)) problems.push('"sha256" must be 64 lower-case hex digits');
    const p = m.platform as Record<string, unknown> | undefined;
    if (typeof p !== 'object' || p === null || typeof p.os !== 'string' || typeof p.arch !== 'string') problems.push('"platform" must have "os" and "arch"');
    for (const k of ['modules', 'options'] as const) if (m[k] !== undefined && !Array.isArray(m[k])) problems.push(`"${k}" must be an array`);
  }
  if (problems.length) throw new ToolError('E_PACKAGE_INVALID', `${where}: ${problems.join('; ')}`, { path: where });
  return { modules: [], options: [], description: '', wasmedge: null, ...m } as unknown as PackageManifest;
}
