/**
 * The Handlebars context: plain identifiers (validated, safe everywhere) plus every free-text
 * answer pre-escaped once per target language (`c.*`, `comment.*`, `rust.*`, `toml.*`, `cmake.*`,
 * `md.*`). JSON files are not templated: see `projectManifest`.
 */
import type { ProjectAnswers } from './answers.js';
import type { DeclaredFunction } from '../bindings/declared.js';
import { cComment, cString, cmakeString, markdownText, rustString, tomlString } from './escape.js';
import { allPinned, pinned } from './versions.js';
import { kitVersion } from '../paths.js';

/** Folder inside a generated project that holds the vendored SDK (header, link stub, C++ or Rust). */
export const VENDOR_DIR = 'wasmedge-sdk';

const FREE_TEXT = ['description', 'author', 'license'] as const;

function escapedWith(answers: ProjectAnswers, escape: (s: string) => string): Record<(typeof FREE_TEXT)[number], string> {
  return Object.fromEntries(FREE_TEXT.map((k) => [k, escape(answers[k])])) as Record<(typeof FREE_TEXT)[number], string>;
}

/** File name of the built library (same on every build path: cmake, cmake-js, cargo). */
export function libraryFileName(name: string): string {
  return `lib${name}.so`;
}

export function templateContext(answers: ProjectAnswers) {
  return {
    name: answers.name,
    module: answers.module,
    language: answers.language,
    apiVersion: answers.apiVersion,
    isApi4: answers.apiVersion === 4,
    /** The WasmEdge release line the plug-in targets (for README and CI). */
    wasmedgeVersion: pinned(answers.apiVersion === 4 ? 'wasmedgeApi4' : 'wasmedge'),
    libFile: libraryFileName(answers.name),
    vendorDir: VENDOR_DIR,
    kitVersion: kitVersion(),
    versions: allPinned(),
    c: escapedWith(answers, cString),
    comment: escapedWith(answers, cComment),
    rust: escapedWith(answers, rustString),
    toml: escapedWith(answers, tomlString),
    cmake: escapedWith(answers, cmakeString),
    md: escapedWith(answers, markdownText),
  };
}

/** `wasmedge-plugin.json`: what the kit's commands read about the project (JSON.stringify, never a template). */
export function projectManifest(answers: ProjectAnswers, functions?: DeclaredFunction[]): string {
  const manifest = {
    name: answers.name,
    module: answers.module,
    language: answers.language,
    apiVersion: answers.apiVersion,
    description: answers.description,
    author: answers.author,
    license: answers.license,
    library: libraryFileName(answers.name),
    generatedBy: `wasmedge-plugin-kit ${kitVersion()}`,
    // The host functions of `module` with parameter names (docs/bindings.md), when the pack declares them.
    ...(functions ? { functions } : {}),
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}
