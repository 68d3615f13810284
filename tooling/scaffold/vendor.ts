/**
 * Which parts of the kit's sdk/ are copied into a generated project, so that it builds with plain
 * cmake/cargo and no network. Layout inside the project mirrors sdk/ (the Rust crate's build.rs and
 * WasmEdgeLink.cmake find `../link` and `../include` relative to themselves).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Language } from './answers.js';
import { VENDOR_DIR } from './context.js';
import { sdkDir } from '../paths.js';

export const VENDORED_SDK_PARTS: Readonly<Record<Language, readonly string[]>> = {
  c: ['include', 'link'],
  cpp: ['include', 'link', 'cpp'],
  rust: ['include', 'link', 'rust'],
};

// Build output and lock files that may sit in the kit's own sdk/ during development.
const SKIPPED = new Set(['target', 'build', 'Cargo.lock', 'node_modules']);

export interface VendoredFile {
  source: string;
  /** posix path relative to the generated project. */
  output: string;
}

export function vendoredFiles(language: Language, root = sdkDir): VendoredFile[] {
  const out: VendoredFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name) || entry.name.endsWith('.so') || entry.name.endsWith('.o')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push({ source: full, output: `${VENDOR_DIR}/${relative(root, full).split(sep).join('/')}` });
    }
  };
  for (const part of VENDORED_SDK_PARTS[language]) walk(join(root, part));
  return out.sort((a, b) => a.output.localeCompare(b.output));
}
