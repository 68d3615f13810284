/**
 * The libFuzzer toolchain: clang with its fuzzer and AddressSanitizer runtimes (Debian: clang and
 * libclang-rt-<N>-dev). Probed once by compiling a one-line fuzz target; `doctor` reports the same.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FuzzToolchain {
  cc: string;
  cxx: string;
}

export const FUZZ_INSTALL_HINT = 'Install clang and its runtimes: `sudo apt-get install clang libclang-rt-dev` (Debian 12: clang-16 libclang-rt-16-dev; Ubuntu: clang and libclang-rt-<N>-dev).';

const CANDIDATES = ['clang', 'clang-19', 'clang-18', 'clang-17', 'clang-16', 'clang-15', 'clang-14'];
let probed: { value: FuzzToolchain | undefined } | undefined;

/** The first clang on PATH that links a libFuzzer target with AddressSanitizer, or undefined. */
export function fuzzToolchain(): FuzzToolchain | undefined {
  if (probed) return probed.value;
  probed = { value: undefined };
  if (process.env.WPK_FUZZ_NO_LIBFUZZER) return undefined; // tests of the random mode
  const dir = mkdtempSync(join(tmpdir(), 'wpk-fuzz-probe-'));
  try {
    const src = join(dir, 'probe.c');
    writeFileSync(src, '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n');
    for (const cc of CANDIDATES) {
      const r = spawnSync(cc, ['-fsanitize=fuzzer,address', src, '-o', join(dir, 'probe')], { encoding: 'utf8' });
      if (!r.error && r.status === 0) {
        probed.value = { cc, cxx: cc.replace(/^clang/, 'clang++') };
        break;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return probed.value;
}
