/**
 * AddressSanitizer, for `build --sanitize address` and `test --sanitize address` (one owner): the
 * accepted values (checked by the options schema), the compile flags of the build, and the runtime a host not built with ASan
 * must preload to load the instrumented plug-in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { ToolError } from './errors.js';

export const SANITIZERS = ['address'] as const;
export type Sanitizer = (typeof SANITIZERS)[number];

/**
 * Compile and link flags of the ASan build (a Debug build in its own tree, build/asan; tooling/build.ts).
 * Frame pointers and -g give reports with file:line; -O1 keeps the instrumented code fast enough.
 */
export const ASAN_COMPILE_FLAGS = ['-fsanitize=address', '-fno-omit-frame-pointer', '-g', '-O1'];
export const ASAN_LINK_FLAGS = ['-fsanitize=address'];

export const ASAN_INSTALL_HINT = 'sudo apt-get install libasan8   (or the libasan matching your gcc)';

/** The absolute path of libasan.so, or undefined when gcc or the library is missing (doctor reports it). */
export function findAsanRuntime(): string | undefined {
  const r = spawnSync('gcc', ['-print-file-name=libasan.so'], { encoding: 'utf8' });
  const path = r.stdout?.trim();
  // Without the library, gcc echoes the bare name back: only an existing absolute path counts.
  return r.status === 0 && path?.startsWith('/') && existsSync(path) ? path : undefined;
}

/** The AddressSanitizer runtime to preload into a host (the plug-in's ASan calls need it first). */
export function asanRuntime(): string {
  const path = findAsanRuntime();
  if (!path) {
    throw new ToolError('E_TOOL_MISSING', 'the AddressSanitizer runtime (libasan.so) was not found', { hint: `Install it with \`${ASAN_INSTALL_HINT}\`; \`wasmedge-plugin doctor\` checks it.` });
  }
  return path;
}

/** ASAN_OPTIONS for a host that runs wasm: V8 and WasmEdge handle their own SEGVs (bounds checks). */
export const ASAN_OPTIONS = 'detect_leaks=0:allow_user_segv_handler=1:handle_segv=0:verify_asan_link_order=0:print_summary=1';

/** Environment for a child process that loads an ASan-built plug-in. */
export function sanitizerEnv(): Record<string, string> {
  return {
    LD_PRELOAD: [asanRuntime(), process.env.LD_PRELOAD].filter(Boolean).join(' '),
    // Node itself leaks by design at exit.
    ASAN_OPTIONS,
  };
}

/** Whether the library was built with AddressSanitizer (it references __asan_init), as `test --sanitize address` leaves in build/asan/. */
export function hasAsan(library: string): boolean {
  try {
    return readFileSync(library).includes('__asan_init');
  } catch {
    return false;
  }
}
