/**
 * Guest programs as tests: `test` compiles the WebAssembly programs under a project's test/ folder
 * — `*.c` (clang, wasm32-wasi), Rust crates (a folder with Cargo.toml, wasm32-wasip1), `*.ts`
 * (AssemblyScript) — against bindings freshly generated from the built library, then runs each with
 * the `// @stdout`, `// @exit`, `// @opt`, `// @invoke` directives of its source (like .wat tests).
 * A missing compiler is a skip naming how to install it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BINDINGS_FILE, type GuestLanguage } from '../bindings/index.js';
import { ToolError } from '../errors.js';
import { RUST_WASI_TARGET, assemblyScript, wasiClang, wasiRust, type Toolchain } from './guest-toolchains.js';

export interface GuestProgram {
  language: Exclude<GuestLanguage, 'wat'>;
  /** The .c/.ts file or the crate folder. */
  path: string;
  /** The file holding the `// @…` directives. */
  source: string;
  /** How findings name it: test/<name>. */
  label: string;
}

export const GUEST_KINDS: Record<GuestProgram['language'], string> = { c: 'C', rust: 'Rust', assemblyscript: 'AssemblyScript' };

/** The guest programs of a test folder, sorted by name. */
export function findGuestPrograms(testDir: string): GuestProgram[] {
  if (!existsSync(testDir)) return [];
  const out: GuestProgram[] = [];
  for (const name of readdirSync(testDir).sort()) {
    const path = join(testDir, name);
    const label = `test/${name}`;
    if (statSync(path).isDirectory()) {
      if (existsSync(join(path, 'Cargo.toml'))) out.push({ language: 'rust', path, source: join(path, 'src', 'main.rs'), label });
    } else if (name.endsWith('.c')) out.push({ language: 'c', path, source: path, label });
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && name !== BINDINGS_FILE.assemblyscript) out.push({ language: 'assemblyscript', path, source: path, label });
  }
  return out;
}

/** The toolchain a program needs (the AssemblyScript one may be the project's own package). */
export function toolchainFor(p: GuestProgram, projectDir?: string): Toolchain {
  return p.language === 'c' ? wasiClang() : p.language === 'rust' ? wasiRust() : assemblyScript(projectDir);
}

function run(cmd: string[], label: string, workDir: string, env?: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', env: env ?? process.env, timeout: 300_000 });
  if (r.error) throw new ToolError('E_TOOL_MISSING', `cannot run ${cmd[0]}: ${r.error.message}`);
  if (r.status !== 0) {
    // The copy in the work folder is what the compiler saw; name the user's file instead.
    const text = `${r.stdout}\n${r.stderr}`.split(workDir).join('test').trim();
    const tail = text.split('\n').slice(-25).map((l) => `    ${l}`).join('\n');
    throw new ToolError('E_GUEST_BUILD_FAILED', `${label} did not compile:\n${tail}`);
  }
}

/**
 * Compiles one program in `workDir` (its own folder, with the bindings next to the source) and
 * returns the .wasm path. `bindings(language)` gives the bindings text of a language.
 */
export function compileGuest(p: GuestProgram, tool: Toolchain, bindings: (l: GuestLanguage) => string, workDir: string, testDir: string): string {
  if (!tool.command) throw new ToolError('E_TOOL_MISSING', `no ${GUEST_KINDS[p.language]} toolchain for WebAssembly`, { hint: tool.install });
  const dir = join(workDir, basename(p.path).replace(/\.[^.]+$/, ''));
  mkdirSync(dir, { recursive: true });
  const wasm = join(dir, 'program.wasm');
  switch (p.language) {
    case 'c': {
      cpSync(p.path, join(dir, basename(p.path)));
      writeFileSync(join(dir, BINDINGS_FILE.c), bindings('c'));
      run([...tool.command, '-O1', '-Wall', `-I${testDir}`, join(dir, basename(p.path)), '-o', wasm], p.label, dir);
      return wasm;
    }
    case 'assemblyscript': {
      cpSync(p.path, join(dir, basename(p.path)));
      writeFileSync(join(dir, BINDINGS_FILE.assemblyscript), bindings('assemblyscript'));
      // The stub runtime and no `abort` import: the program needs nothing but the plug-in and WASI.
      run([...tool.command, join(dir, basename(p.path)), '-o', wasm, '--runtime', 'stub', '--use', 'abort=', '-O1'], p.label, dir);
      return wasm;
    }
    case 'rust': {
      const crate = join(dir, 'crate');
      cpSync(p.path, crate, { recursive: true, filter: (src) => basename(src) !== 'target' });
      mkdirSync(join(crate, 'src'), { recursive: true });
      writeFileSync(join(crate, 'src', BINDINGS_FILE.rust), bindings('rust'));
      const target = join(dir, 'target');
      run([...tool.command, 'build', '--offline', '--release', '--quiet', '--target', RUST_WASI_TARGET, '--manifest-path', join(crate, 'Cargo.toml')], p.label, dir, { ...process.env, CARGO_TARGET_DIR: target });
      const out = join(target, RUST_WASI_TARGET, 'release');
      const built = readdirSync(out).filter((f) => f.endsWith('.wasm'));
      if (built.length !== 1) throw new ToolError('E_GUEST_BUILD_FAILED', `${p.label}: expected one .wasm program in ${out}, found ${built.length ? built.join(', ') : 'none'}`, { hint: 'A guest crate has one binary target (src/main.rs).' });
      return join(out, built[0]);
    }
  }
}
