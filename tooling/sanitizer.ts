/**
 * Where the AddressSanitizer runtime is: the one lookup used by `doctor` (to report it) and by
 * `test --sanitize address` (to preload it into the child, since the plug-in's ASan calls need it
 * loaded first). gcc knows the path of the libasan that matches it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const ASAN_INSTALL_HINT = 'sudo apt-get install libasan8   (or the libasan matching your gcc)';

/** The absolute path of libasan.so, or undefined when gcc or the library is missing. */
export function findAsanRuntime(): string | undefined {
  const r = spawnSync('gcc', ['-print-file-name=libasan.so'], { encoding: 'utf8' });
  const path = r.stdout?.trim();
  // Without the library, gcc echoes the bare name back: only an existing absolute path counts.
  return r.status === 0 && path?.startsWith('/') && existsSync(path) ? path : undefined;
}
