/**
 * What `dev` watches: the project's sources, build files, tests and manifest — everything in the
 * project except build outputs, editor droppings and version control. chokidar (4.x) rather than
 * fs.watch: it copes with editors that save by writing a new file and renaming it over the old one,
 * and with directories created after the start, the two cases where a bare fs.watch misses edits.
 */
import { watch, type FSWatcher } from 'chokidar';
import { relative, sep } from 'node:path';

const IGNORED_TOP = new Set(['build', 'target', 'coverage', 'fuzz', 'node_modules', '.git', 'compile_commands.json']);

export function isWatched(projectDir: string, path: string): boolean {
  const rel = relative(projectDir, path);
  if (!rel) return true;
  const parts = rel.split(sep);
  if (IGNORED_TOP.has(parts[0])) return false;
  const name = parts[parts.length - 1];
  // Editor swap/backup files and dot-directories (.cache from clangd, .vscode …).
  return !(/\.(swp|swx|tmp)$|~$|^#.*#$|^\.#/.test(name) || parts.some((p) => p.startsWith('.') && p.length > 1));
}

/** Calls onChange with the changed paths (relative), `debounceMs` after the last event of a burst. */
export function watchProject(projectDir: string, debounceMs: number, onChange: (paths: string[]) => void): { ready: Promise<void>; close: () => Promise<void> } {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(projectDir, {
    ignored: (p: string) => !isWatched(projectDir, p),
    ignoreInitial: true,
    atomic: true,
  });
  watcher.on('all', (_event, path) => {
    pending.add(relative(projectDir, path));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending].sort();
      pending.clear();
      onChange(paths);
    }, debounceMs);
  });
  const ready = new Promise<void>((resolvePromise) => watcher.once('ready', () => resolvePromise()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
