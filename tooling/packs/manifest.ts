/**
 * Template packs: a directory (or the npm package it is published as) holding a manifest,
 * `wasmedge-plugin-template.json`, and Handlebars files laid out like the output:
 * `shared/**` for every language, then `<language>/**` (c, cpp, rust) on top. The kit's own
 * templates/ folder is the built-in pack `default`, in the same format.
 *
 * Packs are data: the kit reads the manifest and the template text, never code from the pack.
 * This file loads and validates manifests and finds packs (built-in, path, tarball, installed).
 */
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import semver from 'semver';
import * as tar from 'tar';
import { LANGUAGES } from '../scaffold/answers.js';
import { checkDeclaredFunctions, type DeclaredFunction } from '../bindings/declared.js';
import { kitVersion, templatesDir } from '../paths.js';
import { ToolError } from '../errors.js';

export const PACK_MANIFEST = 'wasmedge-plugin-template.json';
/** npm packages named like this (optionally scoped) are found as installed packs. */
export const PACK_PACKAGE_PREFIX = 'wasmedge-plugin-template-';
export const BUILTIN_PACK = 'default';

export type PromptType = 'string' | 'number' | 'boolean';

/** One placeholder of a pack: asked by `new` (or given with `--var name=value`). */
export interface PackPrompt {
  name: string;
  type: PromptType;
  message: string;
  default: string | number | boolean;
  choices?: Array<string | number>;
  /** JavaScript regular expression (source, no slashes) the whole value must match. */
  pattern?: string;
}

export interface PackManifest {
  name: string;
  version: string;
  description: string;
  languages: Array<(typeof LANGUAGES)[number]>;
  /** Semver range of wasmedge-plugin-kit versions the pack works with. */
  kit: string;
  prompts: PackPrompt[];
  /**
   * The host functions the pack's templates define, with parameter names (copied into each
   * project's wasmedge-plugin.json; see docs/bindings.md). `{{module}}`'s functions only.
   */
  functions?: DeclaredFunction[];
}

export type PackSource = 'built-in' | 'path' | 'tarball' | 'installed';

export interface TemplatePack {
  /** Directory that holds the manifest and the language folders. */
  root: string;
  manifest: PackManifest;
  source: PackSource;
  /** npm package name, when the pack has a package.json. */
  packageName?: string;
  /** Removes what resolving created (an unpacked tarball); safe to call twice. */
  dispose(): void;
}

export interface ManifestProblem {
  /** JSON path inside the manifest, e.g. `prompts[0].pattern`. */
  field: string;
  message: string;
}

/** Longest pack name: the manifest's "name" and `templates new --name` share this limit. */
export const PACK_NAME_MAX = 64;
/** The pack-name rule in words, for error messages and hints. */
export const PACK_NAME_RULE = `lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most ${PACK_NAME_MAX} characters`;
const PACK_NAME = new RegExp(`^[a-z0-9][a-z0-9._-]{0,${PACK_NAME_MAX - 1}}$`);

/** Whether `name` is a valid pack name (see PACK_NAME_RULE). */
export function isPackName(name: unknown): name is string {
  return typeof name === 'string' && PACK_NAME.test(name);
}
const PROMPT_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const KNOWN_KEYS = new Set(['$schema', 'name', 'version', 'description', 'languages', 'kit', 'prompts', 'functions']);
const PROMPT_KEYS = new Set(['name', 'type', 'message', 'default', 'choices', 'pattern']);
/** Prompt names that would shadow the escaped free-text answers in `c.*`, `rust.*`, … */
export const RESERVED_PROMPT_NAMES = new Set(['description', 'author', 'license']);

/** Checks a parsed manifest; returns every problem found (empty = valid). */
export function checkManifest(raw: unknown): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ field, message });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [{ field: '', message: 'must be a JSON object' }];
  const m = raw as Record<string, unknown>;
  for (const key of Object.keys(m)) if (!KNOWN_KEYS.has(key)) bad(key, `unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  if (!isPackName(m.name)) bad('name', `must be ${PACK_NAME_RULE}, got ${JSON.stringify(m.name)}`);
  if (typeof m.version !== 'string' || !semver.valid(m.version)) bad('version', `must be a semver version such as "1.0.0", got ${JSON.stringify(m.version)}`);
  if (typeof m.description !== 'string' || m.description.trim() === '') bad('description', 'must be a non-empty string');
  if (!Array.isArray(m.languages) || m.languages.length === 0) bad('languages', `must be a non-empty array of ${LANGUAGES.join(', ')}`);
  else {
    m.languages.forEach((l, i) => {
      if (!(LANGUAGES as readonly unknown[]).includes(l)) bad(`languages[${i}]`, `unknown language ${JSON.stringify(l)} (valid: ${LANGUAGES.join(', ')})`);
    });
    if (new Set(m.languages).size !== m.languages.length) bad('languages', 'lists a language twice');
  }
  if (typeof m.kit !== 'string' || semver.validRange(m.kit) === null) bad('kit', `must be a semver range of wasmedge-plugin-kit versions such as "^${kitVersion()}", got ${JSON.stringify(m.kit)}`);
  if (m.prompts !== undefined && !Array.isArray(m.prompts)) bad('prompts', 'must be an array');
  const seen = new Set<string>();
  (Array.isArray(m.prompts) ? m.prompts : []).forEach((p: unknown, i: number) => {
    const at = `prompts[${i}]`;
    if (typeof p !== 'object' || p === null) return bad(at, 'must be an object');
    const q = p as Record<string, unknown>;
    for (const key of Object.keys(q)) if (!PROMPT_KEYS.has(key)) bad(`${at}.${key}`, `unknown key "${key}" (known: ${[...PROMPT_KEYS].join(', ')})`);
    if (typeof q.name !== 'string' || !PROMPT_NAME.test(q.name)) bad(`${at}.name`, `must be an identifier (letters, digits, "_"; starting with a letter), got ${JSON.stringify(q.name)}`);
    else if (RESERVED_PROMPT_NAMES.has(q.name)) bad(`${at}.name`, `"${q.name}" is a built-in answer (use it as {{${q.name}}} escaped, e.g. {{c.${q.name}}}); choose another name`);
    else if (seen.has(q.name)) bad(`${at}.name`, `"${q.name}" is declared twice`);
    else seen.add(q.name);
    if (!['string', 'number', 'boolean'].includes(q.type as string)) return bad(`${at}.type`, `must be "string", "number" or "boolean", got ${JSON.stringify(q.type)}`);
    if (typeof q.message !== 'string' || q.message === '') bad(`${at}.message`, 'must be a non-empty string (the question asked)');
    if (typeof q.default !== q.type) return bad(`${at}.default`, `must be a ${q.type as string}, got ${JSON.stringify(q.default)}`);
    if (q.pattern !== undefined) {
      if (q.type !== 'string') bad(`${at}.pattern`, 'only string prompts take a pattern');
      else if (typeof q.pattern !== 'string') bad(`${at}.pattern`, 'must be a string (a regular expression)');
      else {
        try {
          new RegExp(q.pattern, 'u');
        } catch (e) {
          bad(`${at}.pattern`, `is not a valid regular expression: ${(e as Error).message}`);
        }
      }
    }
    if (q.choices !== undefined) {
      if (!Array.isArray(q.choices) || q.choices.length === 0 || q.choices.some((c) => typeof c !== q.type)) bad(`${at}.choices`, `must be a non-empty array of ${q.type as string}s`);
      else if (!q.choices.includes(q.default)) bad(`${at}.default`, `${JSON.stringify(q.default)} is not one of the choices`);
    }
    const problem = problems.some((x) => x.field.startsWith(at)) ? undefined : checkPromptValue(q as unknown as PackPrompt, q.default as PackPrompt['default']);
    if (problem) bad(`${at}.default`, `the default does not pass its own validation: ${problem}`);
  });
  if (m.functions !== undefined) problems.push(...checkDeclaredFunctions(m.functions));
  return problems;
}

/** Error text for a value that does not fit the prompt, or undefined. */
export function checkPromptValue(p: PackPrompt, value: string | number | boolean): string | undefined {
  if (typeof value !== p.type) return `expected a ${p.type}`;
  if (p.choices && !p.choices.includes(value as string | number)) return `valid values: ${p.choices.join(', ')}`;
  if (p.type === 'number' && !Number.isFinite(value)) return 'expected a finite number';
  if (p.type === 'string') {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value as string)) return 'one line of text without control characters';
    if (p.pattern && !new RegExp(`^(?:${p.pattern})$`, 'u').test(value as string)) return `must match /${p.pattern}/`;
  }
  return undefined;
}

/** Turns a command-line string into the prompt's type (`--var flag=true`, `--var n=3`). */
export function parsePromptValue(p: PackPrompt, text: string): string | number | boolean {
  if (p.type === 'boolean') {
    if (['true', 'yes', '1'].includes(text)) return true;
    if (['false', 'no', '0'].includes(text)) return false;
    return text; // rejected by checkPromptValue
  }
  if (p.type === 'number') return text.trim() === '' ? NaN : Number(text);
  return text;
}

/** Reads and validates `<root>/wasmedge-plugin-template.json`; throws E_TEMPLATE_INVALID. */
export function readManifest(root: string): PackManifest {
  const file = join(root, PACK_MANIFEST);
  if (!existsSync(file)) {
    throw new ToolError('E_TEMPLATE_INVALID', `${root} is not a template pack: it has no ${PACK_MANIFEST}`, { path: root, hint: 'Create one with `wasmedge-plugin templates new <dir>`; docs/template-packs.md describes the format.' });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ToolError('E_TEMPLATE_INVALID', `${PACK_MANIFEST} is not valid JSON: ${(e as Error).message}`, { path: file });
  }
  const problems = checkManifest(raw);
  if (problems.length > 0) {
    throw new ToolError('E_TEMPLATE_INVALID', `${PACK_MANIFEST}: ${problems.map((p) => `${p.field ? `"${p.field}" ` : ''}${p.message}`).join('; ')}`, { path: file, hint: 'Run `wasmedge-plugin templates lint` on the pack for every problem.' });
  }
  const m = raw as PackManifest;
  return { ...m, prompts: m.prompts ?? [] };
}

/** Why the running kit cannot use this pack, or undefined when it can. */
export function kitRangeProblem(manifest: Pick<PackManifest, 'kit'>): string | undefined {
  if (semver.satisfies(kitVersion(), manifest.kit, { includePrerelease: true })) return undefined;
  return `"kit": ${JSON.stringify(manifest.kit)} excludes the running wasmedge-plugin-kit ${kitVersion()}`;
}

function packageNameOf(root: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: unknown };
    return typeof pkg.name === 'string' ? pkg.name : undefined;
  } catch {
    return undefined;
  }
}

function openPack(root: string, source: PackSource, dispose: () => void = () => {}): TemplatePack {
  try {
    return { root, manifest: readManifest(root), source, packageName: packageNameOf(root), dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

export function builtinPack(): TemplatePack {
  return openPack(templatesDir, 'built-in');
}

/** Entry types a pack tarball may hold: plain files and folders (no links, devices or fifos). */
const TARBALL_ENTRY_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/** Why this tarball entry may not be unpacked (link, absolute path, `..`), or undefined. */
function tarballEntryProblem(entry: { path: string; type: string }): string | undefined {
  if (!TARBALL_ENTRY_TYPES.has(entry.type)) return `${JSON.stringify(entry.path)} is a ${entry.type} (a pack holds only files and folders)`;
  const p = entry.path.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return `${JSON.stringify(entry.path)} is an absolute path`;
  if (p.split('/').includes('..')) return `${JSON.stringify(entry.path)} leaves the pack (it contains "..")`;
  return undefined;
}

/**
 * `npm pack` output (`package/…` inside a gzipped tar) → a temp directory; the pack is `package/`.
 * Every entry is checked before anything is written: one link or escaping path refuses the lot.
 */
function unpackTarball(file: string): TemplatePack {
  const invalid = (why: string) => new ToolError('E_TEMPLATE_INVALID', `cannot unpack ${file}: ${why}`, { path: file, hint: 'Give a tarball made by `npm pack` (or `wasmedge-plugin templates pack`).' });
  const problems: string[] = [];
  try {
    tar.t({ file, sync: true, strict: true, onReadEntry: (entry) => {
      const problem = tarballEntryProblem(entry);
      if (problem) problems.push(problem);
    } });
  } catch (e) {
    throw invalid((e as Error).message);
  }
  if (problems.length > 0) throw invalid(problems.join('; '));
  const dir = mkdtempSync(join(tmpdir(), 'wpk-pack-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    // The filter repeats the check, so what was listed is exactly what may be written.
    tar.x({ file, cwd: dir, sync: true, strict: true, preserveOwner: false, filter: (_path, entry) => 'type' in entry && tarballEntryProblem(entry) === undefined });
  } catch (e) {
    dispose();
    throw invalid((e as Error).message);
  }
  const root = existsSync(join(dir, 'package')) ? join(dir, 'package') : dir;
  return openPack(root, 'tarball', dispose);
}

// ---- installed packs ------------------------------------------------------------------------------

export interface InstalledPack {
  packageName: string;
  root: string;
  /** The node_modules folder it was found in. */
  nodeModules: string;
  global: boolean;
}

/** The global node_modules folder of npm (`npm root -g`), without spawning npm. */
export function globalNodeModules(): string {
  const prefix = process.env.npm_config_global_prefix || process.env.NPM_CONFIG_PREFIX || process.env.npm_config_prefix || dirname(dirname(process.execPath));
  return join(prefix, 'lib', 'node_modules');
}

/** node_modules of `cwd` and each parent, nearest first, then the global one. */
export function searchFolders(cwd = process.cwd()): Array<{ dir: string; global: boolean }> {
  const out: Array<{ dir: string; global: boolean }> = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    out.push({ dir: join(dir, 'node_modules'), global: false });
    if (dirname(dir) === dir) break;
  }
  out.push({ dir: globalNodeModules(), global: true });
  return out;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Installed packs: packages named `wasmedge-plugin-template-*` or `@scope/wasmedge-plugin-template-*`
 * in the search folders. A package name found twice resolves like Node does: the nearest wins.
 */
export function findInstalledPacks(cwd = process.cwd()): InstalledPack[] {
  const found = new Map<string, InstalledPack>();
  for (const { dir, global } of searchFolders(cwd)) {
    if (!isDir(dir)) continue;
    const candidates: string[] = [];
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith(PACK_PACKAGE_PREFIX)) candidates.push(entry);
      else if (entry.startsWith('@') && isDir(join(dir, entry))) {
        for (const sub of readdirSync(join(dir, entry))) if (sub.startsWith(PACK_PACKAGE_PREFIX)) candidates.push(`${entry}/${sub}`);
      }
    }
    for (const packageName of candidates.sort()) {
      if (!found.has(packageName) && isDir(join(dir, packageName))) found.set(packageName, { packageName, root: join(dir, packageName), nodeModules: dir, global });
    }
  }
  return [...found.values()];
}

/** `foo` matches `wasmedge-plugin-template-foo`, `@x/wasmedge-plugin-template-foo` and a manifest named foo. */
function matchesName(pack: InstalledPack, spec: string): boolean {
  if (pack.packageName === spec) return true;
  const short = pack.packageName.replace(/^(@[^/]+\/)?wasmedge-plugin-template-/, '');
  if (short === spec || pack.packageName === `${PACK_PACKAGE_PREFIX}${spec}`) return true;
  try {
    return (JSON.parse(readFileSync(join(pack.root, PACK_MANIFEST), 'utf8')) as { name?: unknown }).name === spec;
  } catch {
    return false;
  }
}

function looksLikePath(spec: string): boolean {
  return isAbsolute(spec) || spec.startsWith('.') || spec.includes('/') && !spec.startsWith('@') || /\.(tgz|tar\.gz)$/.test(spec);
}

/**
 * Resolves `new --template <spec>`: `default` (built-in), a pack directory, an `npm pack` tarball,
 * or the name of an installed pack. Throws E_TEMPLATE_NOT_FOUND / E_TEMPLATE_INVALID.
 */
export function resolvePack(spec: string | undefined, cwd = process.cwd()): TemplatePack {
  if (spec === undefined || spec === BUILTIN_PACK) return builtinPack();
  const asPath = resolve(cwd, spec);
  if (looksLikePath(spec) || existsSync(asPath)) {
    if (!existsSync(asPath)) throw new ToolError('E_TEMPLATE_NOT_FOUND', `template pack ${spec}: ${asPath} does not exist`, { path: asPath });
    if (lstatSync(asPath).isFile()) return unpackTarball(asPath);
    return openPack(asPath, 'path');
  }
  const installed = findInstalledPacks(cwd).find((p) => matchesName(p, spec));
  if (installed) return openPack(installed.root, 'installed');
  const known = [BUILTIN_PACK, ...findInstalledPacks(cwd).map((p) => p.packageName)];
  throw new ToolError('E_TEMPLATE_NOT_FOUND', `no template pack named "${spec}" (known: ${known.join(', ')})`, {
    hint: `Install it (npm install ${spec.startsWith('@') || spec.startsWith(PACK_PACKAGE_PREFIX) ? spec : PACK_PACKAGE_PREFIX + spec}), or give a pack directory or .tgz path; \`wasmedge-plugin templates list\` shows what is installed.`,
  });
}

// ---- listing ------------------------------------------------------------------------------------

export interface PackListing {
  name: string;
  version?: string;
  description?: string;
  languages?: string[];
  kit?: string;
  /** Whether the running kit is inside the pack's kit range. */
  compatible: boolean;
  source: 'built-in' | 'installed' | 'global';
  packageName?: string;
  path: string;
  /** Why the pack cannot be used (invalid manifest), when it cannot. */
  problem?: string;
}

/** Built-in pack first, then installed packs (local folders nearest first, then global). */
export function listPacks(cwd = process.cwd()): PackListing[] {
  const builtin = builtinPack();
  const out: PackListing[] = [{ ...summary(builtin.manifest), source: 'built-in', path: builtin.root }];
  for (const p of findInstalledPacks(cwd)) {
    const source = p.global ? 'global' : 'installed';
    try {
      out.push({ ...summary(readManifest(p.root)), source, packageName: p.packageName, path: p.root });
    } catch (e) {
      out.push({ name: p.packageName, compatible: false, source, packageName: p.packageName, path: p.root, problem: (e as Error).message });
    }
  }
  return out;
}

function summary(m: PackManifest) {
  return { name: m.name, version: m.version, description: m.description, languages: m.languages, kit: m.kit, compatible: kitRangeProblem(m) === undefined };
}
