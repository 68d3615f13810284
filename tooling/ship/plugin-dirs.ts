/**
 * Where plug-ins are installed and looked for (docs/packaging.md, "Where install puts the library").
 * install: `--to`, else the first WASMEDGE_PLUGIN_PATH entry, else the plug-in directory of the
 * WasmEdge found on this machine. list/uninstall look at WASMEDGE_PLUGIN_PATH's entries and that
 * directory, in WasmEdge's own search order.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { envPluginPaths, pluginDirForLibDir } from '../../runtime/search-paths.js';
import { ToolError } from '../errors.js';
import { findWasmEdge, requireWasmEdge, type WasmEdgeInstall } from '../wasmedge/find.js';

export interface PluginDir {
  dir: string;
  /** Why this directory, in words for the report. */
  reason: string;
}

/** The directory a WasmEdge installation loads plug-ins from (next to its libwasmedge). */
export function wasmEdgePluginDir(w: WasmEdgeInstall): string {
  const libDir = ['lib', 'lib64'].map((d) => join(w.prefix, d)).find((d) => existsSync(join(d, 'libwasmedge.so.0')) || existsSync(join(d, 'libwasmedge.so'))) ?? join(w.prefix, 'lib');
  return pluginDirForLibDir(libDir);
}

function fromWasmEdge(w: WasmEdgeInstall): PluginDir {
  return { dir: wasmEdgePluginDir(w), reason: `the plug-in directory of WasmEdge ${w.version} at ${w.prefix} (found through ${w.source})` };
}

/** The one directory `install` writes to. */
export function installDir(opts: { to?: string; env?: NodeJS.ProcessEnv; wasmedge?: WasmEdgeInstall }): PluginDir {
  if (opts.to !== undefined) return { dir: resolve(opts.to), reason: '--to' };
  // An entry may name a library file rather than a directory: those cannot be installed into.
  const first = envPluginPaths((opts.env ?? process.env).WASMEDGE_PLUGIN_PATH).find((p) => !existsSync(p) || statSync(p).isDirectory());
  if (first) return { dir: resolve(first), reason: 'the first directory in WASMEDGE_PLUGIN_PATH' };
  if (opts.wasmedge) return fromWasmEdge(opts.wasmedge);
  throw new ToolError('E_NO_PLUGIN_DIR', 'no plug-in directory to install into: no --to, WASMEDGE_PLUGIN_PATH is empty, and no WasmEdge was found');
}

/** Every directory WasmEdge would search (that exists), or just `dir` when given. */
export function searchedDirs(opts: { dir?: string; env?: NodeJS.ProcessEnv; wasmedge?: WasmEdgeInstall }): PluginDir[] {
  if (opts.dir !== undefined) return [{ dir: resolve(opts.dir), reason: '--dir' }];
  const out: PluginDir[] = envPluginPaths((opts.env ?? process.env).WASMEDGE_PLUGIN_PATH).map((d) => ({ dir: resolve(d), reason: 'WASMEDGE_PLUGIN_PATH' }));
  if (opts.wasmedge) out.push(fromWasmEdge(opts.wasmedge));
  const seen = new Set<string>();
  return out.filter((d) => !seen.has(d.dir) && seen.add(d.dir) && existsSync(d.dir));
}

/** The user's WasmEdge: `--wasmedge` must be usable; otherwise none found is fine (install and list work without). */
export function wasmEdgeOnThisMachine(explicit?: string, env: NodeJS.ProcessEnv = process.env): WasmEdgeInstall | undefined {
  return explicit === undefined ? findWasmEdge({ env }) : requireWasmEdge({ explicit, env });
}

/** Refuses up front (nothing written yet) when the directory, or the ancestor it would be created in, is not writable. */
export function checkWritable(dir: string): void {
  let existing = resolve(dir);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new ToolError('E_NOT_WRITABLE', `${existing} is not writable${existing === resolve(dir) ? '' : ` (${dir} would be created there)`}`, { path: existing });
  }
}
