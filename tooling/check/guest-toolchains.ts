/**
 * The compilers that turn guest programs into WebAssembly, found on this machine: clang with a
 * wasm32-wasi sysroot (C), cargo with the wasm32-wasip1 target (Rust), the `assemblyscript` npm
 * package (AssemblyScript). Each answer says how to install what is missing; `test` skips the guest
 * programs of a missing toolchain with that hint, and `doctor` lists them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../runtime/paths.js';

export interface Toolchain {
  /** The command (and leading arguments) that compiles. */
  command?: string[];
  /** Version line, when found. */
  version?: string;
  /** How to install it, when missing. */
  install: string;
}

export const WASI_TARGET = 'wasm32-wasi';
export const RUST_WASI_TARGET = 'wasm32-wasip1';

/** clang names to try, newest first (Debian installs versioned names). */
const CLANGS = ['clang', 'clang-20', 'clang-19', 'clang-18', 'clang-17', 'clang-16', 'clang-15'];

function firstLine(cmd: string, args: string[]): string | undefined {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) return undefined;
  return `${r.stdout}${r.stderr}`.split('\n').find((l) => l.trim())?.trim();
}

let clang: Toolchain | undefined;
/** A clang that links a WASI program with stdio (so the sysroot and wasm-ld are there too). `WASI_CC` wins. */
export function wasiClang(): Toolchain {
  if (clang) return clang;
  const install = 'sudo apt-get install clang lld wasi-libc   (or set WASI_CC to a clang with a wasm32-wasi sysroot, e.g. from wasi-sdk)';
  const tmp = mkdtempSync(join(tmpdir(), 'wpk-cc-'));
  try {
    writeFileSync(join(tmp, 'probe.c'), '#include <stdio.h>\nint main(void) { puts("ok"); return 0; }\n');
    const candidates = process.env.WASI_CC ? [process.env.WASI_CC] : CLANGS;
    for (const cc of candidates) {
      const r = spawnSync(cc, [`--target=${WASI_TARGET}`, '-O1', join(tmp, 'probe.c'), '-o', join(tmp, 'probe.wasm')], { encoding: 'utf8', timeout: 120_000 });
      if (!r.error && r.status === 0 && existsSync(join(tmp, 'probe.wasm'))) {
        clang = { command: [cc, `--target=${WASI_TARGET}`], version: firstLine(cc, ['--version']), install };
        return clang;
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  clang = { install };
  return clang;
}

let rust: Toolchain | undefined;
/** cargo plus the standard library of wasm32-wasip1. */
export function wasiRust(): Toolchain {
  if (rust) return rust;
  const install = `rustup target add ${RUST_WASI_TARGET}   (Rust itself: https://rustup.rs)`;
  const version = firstLine('cargo', ['--version']);
  const libdir = version ? spawnSync('rustc', ['--print', 'target-libdir', '--target', RUST_WASI_TARGET], { encoding: 'utf8' }).stdout?.trim() : undefined;
  rust = version && libdir && existsSync(libdir) ? { command: ['cargo'], version, install } : { install, version };
  return rust;
}

/**
 * The AssemblyScript compiler: the project's own `assemblyscript` package when it has one, else
 * one installed next to the kit. Not cached: it depends on the project.
 */
export function assemblyScript(projectDir?: string): Toolchain {
  const install = 'npm install --save-dev assemblyscript   (in the project)';
  for (const from of [projectDir, packageRoot].filter((d): d is string => Boolean(d))) {
    try {
      const pkg = createRequire(join(from, 'package.json')).resolve('assemblyscript/package.json');
      const asc = join(dirname(pkg), 'bin', 'asc.js');
      if (!existsSync(asc)) continue;
      // The version from package.json: starting asc (binaryen) just to ask takes seconds.
      const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string };
      return { command: [process.execPath, asc], version: `assemblyscript ${version ?? '(unknown version)'}`, install };
    } catch {
      // not installed there
    }
  }
  return { install };
}
