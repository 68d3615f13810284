/**
 * The benchmark's inputs, compiled fresh into a temporary directory: the get_string example, the
 * wpk_bench plug-in (mix, sum10), plug-ins with many host functions, the bare C add and loops.wat.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../runtime/paths.js';
import { watToWasm } from '../runtime/wasm/wat.js';

const FIXTURES = join(packageRoot, 'bench', 'fixtures');

export interface Fixtures {
  dir: string;
  getString: string;
  benchPlugin: string;
  bareAdd: string;
  /** Number of functions → plug-in path. */
  many: Map<number, string>;
  loops: Uint8Array;
  /** A fresh copy of `lib` (another path, so loading it is a real dlopen). */
  copy(lib: string, tag: string): string;
  cleanup(): void;
}

/** Compiles one C file into a shared library against the kit's SDK header (no link flags needed). */
function compile(src: string, out: string, defines: string[] = []): string {
  execFileSync(process.env.CC ?? 'cc', [
    '-std=c11', '-O2', '-fPIC', '-shared', '-fvisibility=hidden', '-Wall', '-Wextra',
    '-I', join(packageRoot, 'sdk', 'include'), ...defines.map((d) => `-D${d}`), src, '-o', out,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  return out;
}

export async function buildFixtures(manyCounts: number[]): Promise<Fixtures> {
  const dir = mkdtempSync(join(tmpdir(), 'wpk-bench-'));
  let copies = 0;
  const many = new Map<number, string>();
  for (const n of manyCounts) {
    many.set(n, compile(join(FIXTURES, 'many_functions.c'), join(dir, `libwpk_many_${n}.so`), [`WPK_NFUNCS=${n}`]));
  }
  return {
    dir,
    getString: compile(join(packageRoot, 'examples', 'get-string', 'get_string.c'), join(dir, 'libget_string.so')),
    benchPlugin: compile(join(FIXTURES, 'bench_plugin.c'), join(dir, 'libwpk_bench.so')),
    bareAdd: compile(join(FIXTURES, 'bare_add.c'), join(dir, 'libbare_add.so')),
    many,
    loops: await watToWasm(readFileSync(join(FIXTURES, 'loops.wat'), 'utf8'), 'loops.wat'),
    copy(lib, tag) {
      const out = join(dir, 'copies', `${tag}-${copies++}.so`);
      mkdirSync(join(dir, 'copies'), { recursive: true });
      copyFileSync(lib, out);
      return out;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
