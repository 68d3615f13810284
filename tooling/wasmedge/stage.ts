/**
 * Stages plug-in paths for the real `wasmedge` CLI (docs/engines.md, "Staging"). WasmEdge loads
 * plug-ins only from WASMEDGE_PLUGIN_PATH entries and only files ending in exactly `.so`, so every
 * `--plugin` path gets its own entry, in order: a directory is passed as it is (WasmEdge walks it
 * itself), a file is linked into a fresh temporary directory under a `.so` name.
 */
import { mkdtempSync, rmSync, statSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { PLUGIN_EXTENSION } from '../../runtime/search-paths.js';
import { ToolError } from '../errors.js';

export interface StagedPlugins {
  /** The value for WASMEDGE_PLUGIN_PATH (never with a trailing ':', which aborts WasmEdge). */
  pluginPath: string;
  /** Removes the temporary directory (safe to call twice). */
  cleanup: () => void;
}

/** A name WasmEdge accepts: libX.so stays, libX.so.1 or libX.dylib becomes libX.so. */
export function stagedName(file: string): string {
  const base = basename(file);
  if (base.endsWith(PLUGIN_EXTENSION)) return base;
  const stem = base.replace(/\.(so(\.\d+)*|dylib|dll)$/, '');
  return `${stem || 'plugin'}${PLUGIN_EXTENSION}`;
}

export function stagePlugins(paths: string[]): StagedPlugins {
  let tmp: string | undefined;
  const entries: string[] = [];
  paths.forEach((p, i) => {
    const abs = resolve(p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new ToolError('E_NOT_FOUND', `--plugin ${p}: no such file or directory`, { path: abs });
    }
    if (isDir && !abs.includes(':')) {
      entries.push(abs);
      return;
    }
    tmp ??= mkdtempSync(join(tmpdir(), 'wpk-wasmedge-plugins-'));
    const dir = join(tmp, String(i));
    mkdirSync(dir);
    symlinkSync(abs, join(dir, isDir ? 'plugins' : stagedName(abs)));
    // A symlinked directory is not walked by WasmEdge: the entry is the link itself, which it opens.
    entries.push(isDir ? join(dir, 'plugins') : dir);
  });
  const created = tmp;
  return {
    pluginPath: entries.join(':'),
    cleanup: () => { if (created) rmSync(created, { recursive: true, force: true }); },
  };
}
