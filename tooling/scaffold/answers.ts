/**
 * The questions of `wasmedge-plugin new`: one definition that gives the generator its options,
 * the interactive prompts, the CLI flags and the validation (so help text and types cannot drift).
 */
import { basename } from 'node:path';
import { ToolError } from '../errors.js';

export const LANGUAGES = ['c', 'cpp', 'rust'] as const;
export type Language = (typeof LANGUAGES)[number];
export const API_VERSIONS = [5, 4] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Everything the templates need to know about the project, validated. */
export interface ProjectAnswers {
  language: Language;
  name: string;
  module: string;
  description: string;
  author: string;
  license: string;
  apiVersion: ApiVersion;
}

export type AnswerKey = keyof ProjectAnswers;

export interface QuestionSpec {
  key: AnswerKey;
  /** CLI flag (kebab-case, without `--`). */
  flag: string;
  /** Value placeholder shown in --help. */
  placeholder: string;
  message: string;
  /** Fixed choices (list prompt) — validation lists them. */
  choices?: readonly string[];
  /** Default, computed from the answers given so far and the target directory. */
  default: (sofar: Partial<ProjectAnswers>, targetDir: string) => string;
}

// Lower-case identifiers are valid C/C++ identifiers, Rust crate names and Cargo package names,
// and make `lib<name>.so` predictable. Keywords are refused so the name can be used as a symbol.
const IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;
const KEYWORDS = new Set(
  // C11 + C++17 + Rust 2024 keywords and Rust's built-in crate names, all lower case.
  ('auto break case char const continue default do double else enum extern float for goto if inline int long ' +
    'register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while ' +
    'alignas alignof and and_eq asm bitand bitor bool catch char16_t char32_t class compl constexpr const_cast ' +
    'decltype delete dynamic_cast explicit export false friend mutable namespace new noexcept not not_eq nullptr ' +
    'operator or or_eq private protected public reinterpret_cast static_assert static_cast template this ' +
    'thread_local throw true try typeid typename using virtual wchar_t xor xor_eq ' +
    'as async await crate dyn fn impl in let loop match mod move mut pub ref self super trait type unsafe use where ' +
    'abstract become box final gen macro override priv typeof unsized yield ' +
    'std core alloc test proc_macro main').split(' '),
);
// Plug-in names WasmEdge handles specially (its VM creates or mocks their modules), and module names
// it registers itself: a user plug-in with one of these names would be shadowed.
const RESERVED_PLUGINS = new Set(['wasi_nn', 'wasi_crypto', 'wasi_logging', 'wasmedge_process', 'wasmedge_tensorflow',
  'wasmedge_tensorflowlite', 'wasmedge_image', 'wasmedge_stablediffusion']);
const RESERVED_MODULES = new Set([...RESERVED_PLUGINS, 'wasi_snapshot_preview1', 'wasi_ephemeral_nn',
  'wasi_ephemeral_crypto_common', 'wasi_ephemeral_crypto_asymmetric_common', 'wasi_ephemeral_crypto_kx',
  'wasi_ephemeral_crypto_signatures', 'wasi_ephemeral_crypto_symmetric', 'env']);

const IDENTIFIER_RULE = 'lower-case letters, digits and underscores, starting with a letter, at most 64 characters, not a C/C++/Rust keyword';

/** Turns a directory name into a usable default name (`My-Plugin` → `my_plugin`). */
export function identifierFrom(text: string): string {
  const id = text.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+/, '').replace(/_+$/, '').slice(0, 64);
  return id && !KEYWORDS.has(id) && !RESERVED_PLUGINS.has(id) ? id : 'my_plugin';
}

export const QUESTIONS: readonly QuestionSpec[] = [
  { key: 'language', flag: 'lang', placeholder: 'language', message: 'Language', choices: LANGUAGES, default: () => 'c' },
  { key: 'name', flag: 'name', placeholder: 'name', message: 'Plug-in name (also the library and package name)', default: (_a, dir) => identifierFrom(basename(dir)) },
  { key: 'module', flag: 'module', placeholder: 'name', message: 'Module name (what wasm code imports from)', default: (a) => `${a.name ?? 'my_plugin'}_module` },
  { key: 'description', flag: 'description', placeholder: 'text', message: 'Description', default: () => 'A WasmEdge plug-in with get_string and add host functions' },
  { key: 'author', flag: 'author', placeholder: 'name', message: 'Author', default: (a) => `The ${a.name ?? 'my_plugin'} authors` },
  { key: 'license', flag: 'license', placeholder: 'spdx', message: 'Licence (SPDX expression)', default: () => 'Apache-2.0' },
  { key: 'apiVersion', flag: 'api-version', placeholder: '5|4', message: 'Plug-in API version (5 = WasmEdge 0.17.x, 4 = 0.14.1–0.16.x)', choices: API_VERSIONS.map(String), default: () => '5' },
];

/** Returns an error message for an invalid value, or undefined when it is valid. */
export function checkAnswer(key: AnswerKey, value: string): string | undefined {
  const spec = QUESTIONS.find((q) => q.key === key)!;
  if (spec.choices) {
    return spec.choices.includes(value) ? undefined : `valid values: ${spec.choices.join(', ')}`;
  }
  switch (key) {
    case 'name':
    case 'module': {
      const reserved = key === 'name' ? RESERVED_PLUGINS : RESERVED_MODULES;
      if (!IDENTIFIER.test(value) || KEYWORDS.has(value)) return `valid values: ${IDENTIFIER_RULE}`;
      if (reserved.has(value)) return `"${value}" is reserved by WasmEdge (it would be shadowed); valid values: ${IDENTIFIER_RULE}, other than ${[...reserved].join(', ')}`;
      return undefined;
    }
    case 'description':
    case 'author':
      // Control characters (newlines, NUL) would break one-line fields in every output format.
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(value)) return 'valid values: one line of text without control characters (newline, tab, NUL)';
      if (value.length > 500) return 'valid values: at most 500 characters';
      return undefined;
    case 'license':
      return /^[A-Za-z0-9][A-Za-z0-9.+\-() ]{0,99}$/.test(value)
        ? undefined
        : 'valid values: an SPDX licence expression such as Apache-2.0, MIT or "MIT OR Apache-2.0"';
    default:
      return undefined;
  }
}

/** The usage error for an invalid value (exit status 2), naming the flag and the valid values. */
export function invalidAnswer(key: AnswerKey, value: string, problem: string): ToolError {
  const spec = QUESTIONS.find((q) => q.key === key)!;
  return new ToolError('E_USAGE', `invalid --${spec.flag} ${JSON.stringify(value)}`, { hint: problem });
}

/**
 * Validates the values given (as strings, from flags or prompts) and fills the rest with defaults.
 * Throws KitError E_USAGE on the first invalid value — never a silent fallback.
 */
export function resolveAnswers(given: Partial<Record<AnswerKey, unknown>>, targetDir: string): ProjectAnswers {
  const out: Partial<Record<AnswerKey, string>> = {};
  for (const spec of QUESTIONS) {
    const raw = given[spec.key];
    const value = raw === undefined || raw === null ? spec.default(out as Partial<ProjectAnswers>, targetDir) : String(raw);
    const problem = checkAnswer(spec.key, value);
    if (problem) throw invalidAnswer(spec.key, value, problem);
    out[spec.key] = value;
  }
  const answers = { ...(out as Record<AnswerKey, string>), language: out.language as Language, apiVersion: Number(out.apiVersion) as ApiVersion };
  // The Rust crate targets API version 5 only (WasmEdge 0.17.x).
  if (answers.language === 'rust' && answers.apiVersion !== 5) {
    throw invalidAnswer('apiVersion', String(answers.apiVersion), 'valid values with --lang rust: 5 (the Rust SDK crate targets WasmEdge 0.17.x only); use --lang c or cpp for API version 4');
  }
  return answers;
}
