/**
 * WasmEdge's plug-in search rules (docs/abi.md, "Loader rules"), done right: WASMEDGE_PLUGIN_PATH split on ':' with empty
 * entries ignored (a trailing ':' aborts real WasmEdge), then the directory an installation uses.
 */
import { existsSync, opendirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** Shared-library extension WasmEdge accepts on this OS (it compares `path.extension()` exactly). */
export const PLUGIN_EXTENSION = process.platform === 'darwin' ? '.dylib' : process.platform === 'win32' ? '.dll' : '.so';

export function envPluginPaths(value = process.env.WASMEDGE_PLUGIN_PATH): string[] {
  if (!value) return [];
  return value.split(':').filter((p) => p.length > 0);
}

/**
 * The directory next to an installed libwasmedge: `<libdir>/wasmedge` when libdir starts with /usr or
 * /lib (a plain prefix test, as WasmEdge does), otherwise `<libdir>/../plugin`. We look for the library
 * where installers put it; `WASMEDGE_LIB_DIR` names it explicitly.
 */
export function installPluginPaths(): string[] {
  const libDirs = process.env.WASMEDGE_LIB_DIR
    ? [process.env.WASMEDGE_LIB_DIR]
    : [
        join(process.env.HOME ?? '', '.wasmedge', 'lib'),
        '/usr/local/lib',
        '/usr/lib',
        '/usr/lib/x86_64-linux-gnu',
        '/usr/lib/aarch64-linux-gnu',
        '/lib',
      ];
  const out: string[] = [];
  for (const libDir of libDirs) {
    if (!existsSync(join(libDir, 'libwasmedge.so.0')) && !existsSync(join(libDir, 'libwasmedge.so'))) continue;
    out.push(pluginDirForLibDir(libDir));
  }
  return out;
}

/** The plug-in directory WasmEdge searches for a libwasmedge that lives in `libDir` (FACTS §3). */
export function pluginDirForLibDir(libDir: string): string {
  return libDir.startsWith('/usr') || libDir.startsWith('/lib') ? join(libDir, 'wasmedge') : resolve(libDir, '..', 'plugin');
}

/** The default search paths in WasmEdge's order, each reported even when it does not exist. */
export function defaultPluginPaths(): string[] {
  return [...envPluginPaths(), ...installPluginPaths()];
}

export interface Candidate {
  path: string;
  /** Set when a path given directly is not something WasmEdge would load. */
  skipReason?: string;
}

/**
 * A directory's entries in the order the file system returns them, as WasmEdge's directory iterator
 * sees them (not sorted: with two copies of one plug-in name, the first one in this order wins).
 * readdirSync sorts its result, so read the directory handle itself. Unreadable: no entries.
 */
function directoryOrder(dir: string): Dirent[] {
  let handle;
  try {
    handle = opendirSync(dir);
  } catch {
    return []; // skip_permission_denied
  }
  const out: Dirent[] = [];
  try {
    for (let e = handle.readSync(); e; e = handle.readSync()) out.push(e);
  } finally {
    handle.closeSync();
  }
  return out;
}

/**
 * Plug-in files under a file or directory, like WasmEdge: directories are walked recursively (in
 * directory order) without following symlinked directories; symlinked files are followed; only
 * `.so` files count.
 */
export function pluginCandidates(fileOrDir: string): Candidate[] {
  const abs = resolve(fileOrDir);
  const st = statSync(abs); // throws ENOENT: the caller reports it
  if (st.isFile()) {
    return extname(abs) === PLUGIN_EXTENSION
      ? [{ path: abs }]
      : [{ path: abs, skipReason: `WasmEdge only loads files whose extension is exactly ${PLUGIN_EXTENSION}` }];
  }
  const out: Candidate[] = [];
  const walk = (dir: string) => {
    for (const e of directoryOrder(dir)) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.startsWith('libwasmedge.so')) continue; // the host library (or our link stub), never a plug-in
      else if (e.isSymbolicLink()) {
        try {
          if (statSync(p).isFile() && extname(p) === PLUGIN_EXTENSION) out.push({ path: p });
        } catch {
          /* dangling link */
        }
      } else if (e.isFile() && extname(p) === PLUGIN_EXTENSION) out.push({ path: p });
    }
  };
  walk(abs);
  return out;
}

/** Canonical identity of a file, to avoid loading the same library twice through two paths. */
export function fileIdentity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
