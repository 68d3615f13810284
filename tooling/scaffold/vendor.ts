/**
 * Which parts of the kit's sdk/ are copied into a generated project, so that it builds with plain
 * cmake/cargo and no network. Layout inside the project mirrors sdk/ (the Rust crate's build.rs and
 * WasmEdgeLink.cmake find `../link` and `../include` relative to themselves).
 */
import { join } from 'node:path';
import type { Language } from './answers.js';
import { VENDOR_DIR } from './context.js';
import { sdkDir } from '../paths.js';
import { treeEntries } from '../tree.js';

export const VENDORED_SDK_PARTS: Readonly<Record<Language, readonly string[]>> = {
  c: ['include', 'link'],
  cpp: ['include', 'link', 'cpp'],
  rust: ['include', 'link', 'rust'],
};

// Build output and lock files that may sit in the kit's own sdk/ during development (a skipped
// folder is skipped with everything in it).
const SKIPPED = new Set(['target', 'build', 'Cargo.lock', 'node_modules']);
const skipped = (name: string): boolean => SKIPPED.has(name) || name.endsWith('.so') || name.endsWith('.o');

export interface VendoredFile {
  source: string;
  /** posix path relative to the generated project. */
  output: string;
}

/** The regular files of the SDK parts a language needs, sorted by output path (deterministic generation). */
export function vendoredFiles(language: Language, root = sdkDir): VendoredFile[] {
  return VENDORED_SDK_PARTS[language]
    .flatMap((part) => treeEntries(join(root, part))
      .filter((e) => e.entry.isFile() && !e.path.split('/').some(skipped))
      .map((e) => ({ source: join(root, part, e.path), output: `${VENDOR_DIR}/${part}/${e.path}` })))
    .sort((a, b) => a.output.localeCompare(b.output));
}
