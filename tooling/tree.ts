/**
 * Directory walks, one owner: readdirSync({ recursive, withFileTypes }) lists every entry below a
 * folder and never follows a symbolic link (a link is listed as a link, not entered), so a walk
 * neither leaves the folder nor loops. The order is the walk's own; callers that write files or
 * print findings sort. (runtime/search-paths.ts walks plug-in folders itself: it must imitate
 * WasmEdge's directory order.)
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface TreeEntry {
  /** Path relative to the root, with / separators. */
  path: string;
  entry: Dirent;
}

/** Every file, folder and link below `root`. */
export function treeEntries(root: string): TreeEntry[] {
  return readdirSync(root, { recursive: true, withFileTypes: true }).map((entry) => ({
    path: relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'),
    entry,
  }));
}
