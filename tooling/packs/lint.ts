/**
 * `templates lint`: everything that can be checked about a template pack without building it.
 * Manifest fields, the kit range, every template parsed (and rendered with sample answers),
 * variables used but not declared, helpers/partials (packs are data), files that could escape the
 * project (symbolic links, odd names), and output-name collisions after `.hbs` stripping and the
 * dotfile renaming. Each finding names the file (relative to the pack) and, for templates, the line.
 */
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, resolveAnswers, type Language } from '../scaffold/answers.js';
import { packContext, resolvePackValues } from '../scaffold/pack-vars.js';
import { assertInside, handlebars, outputPath, renderTemplate, templateFiles } from '../scaffold/render.js';
import { MANIFEST_FILE } from '../scaffold/plan.js';
import { VENDOR_DIR } from '../scaffold/context.js';
import { ToolError } from '../errors.js';
import { treeEntries } from '../tree.js';
import { PACK_MANIFEST, PACK_PACKAGE_PREFIX, checkManifest, kitRangeProblem, type PackManifest } from './manifest.js';

export interface LintFinding {
  severity: 'error' | 'warning';
  /** posix path relative to the pack root (the manifest for manifest problems). */
  file: string;
  line?: number;
  message: string;
  hint?: string;
}

export interface LintReport {
  root: string;
  ok: boolean;
  manifest?: PackManifest;
  findings: LintFinding[];
}

/** How many lint errors an E_TEMPLATE_INVALID message lists (the rest are counted). */
const LISTED_LINT_ERRORS = 10;

/**
 * The one way a lint report stops a command: E_TEMPLATE_INVALID listing its errors (file:line and
 * message; warnings do not block). Returns the report when it has no error.
 */
export function assertLintClean(report: LintReport, packLabel = report.root): LintReport {
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return report;
  const listed = errors.slice(0, LISTED_LINT_ERRORS).map((f) => `\n  ${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`).join('');
  const more = errors.length > LISTED_LINT_ERRORS ? `\n  … and ${errors.length - LISTED_LINT_ERRORS} more` : '';
  throw new ToolError('E_TEMPLATE_INVALID', `template pack ${packLabel} has ${errors.length} lint error(s):${listed}${more}`, { path: report.root });
}

/** Helpers Handlebars itself provides; a pack cannot add any. */
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup']);
/** Blocks whose body has another context (`this`): paths inside are not checked against the root. */
const CONTEXT_BLOCKS = new Set(['each', 'with']);

export function lintPack(root: string): LintReport {
  const findings: LintFinding[] = [];
  const add = (f: LintFinding) => findings.push(f);

  // ---- manifest ---------------------------------------------------------------------------------
  const manifestFile = join(root, PACK_MANIFEST);
  let manifest: PackManifest | undefined;
  if (!existsSync(manifestFile)) {
    add({ severity: 'error', file: PACK_MANIFEST, message: `missing: a pack is a folder with ${PACK_MANIFEST} at its root`, hint: '`wasmedge-plugin templates new <dir>` writes a complete pack.' });
  } else {
    try {
      const raw = JSON.parse(readFileSync(manifestFile, 'utf8')) as unknown;
      const problems = checkManifest(raw);
      for (const p of problems) add({ severity: 'error', file: PACK_MANIFEST, message: `${p.field ? `"${p.field}" ` : ''}${p.message}` });
      if (problems.length === 0) manifest = { ...(raw as PackManifest), prompts: (raw as PackManifest).prompts ?? [] };
    } catch (e) {
      add({ severity: 'error', file: PACK_MANIFEST, message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  if (manifest) {
    const range = kitRangeProblem(manifest);
    if (range) add({ severity: 'error', file: PACK_MANIFEST, message: range, hint: 'Widen "kit" to include this version once `templates test` passes with it.' });
    lintPackageJson(root, manifest, add);
  }

  // ---- files ------------------------------------------------------------------------------------
  const claimed = manifest?.languages ?? [];
  const folders = ['shared', ...LANGUAGES];
  for (const folder of folders) {
    const dir = join(root, folder);
    if (!existsSync(dir)) {
      if ((claimed as string[]).includes(folder)) add({ severity: 'error', file: `${folder}/`, message: `"languages" claims ${folder} but the pack has no ${folder}/ folder`, hint: `Put the ${folder} project's templates under ${folder}/ (laid out like the output).` });
      continue;
    }
    if (folder !== 'shared' && !(claimed as string[]).includes(folder)) add({ severity: 'warning', file: `${folder}/`, message: `${folder}/ exists but "languages" does not claim ${folder}: it is never rendered` });
    lintFolder(root, folder, add);
  }

  // ---- templates: parse, helpers, variables; then render with sample answers ----------------------
  if (manifest) {
    for (const language of manifest.languages) lintLanguage(root, manifest, language, add);
  }
  // One finding per (file, line, message): a shared template is checked once per language.
  const unique = [...new Map(findings.map((f) => [`${f.severity}|${f.file}|${f.line}|${f.message}`, f])).values()];
  return { root, ok: !unique.some((f) => f.severity === 'error'), manifest, findings: unique };
}

function lintPackageJson(root: string, manifest: PackManifest, add: (f: LintFinding) => void): void {
  const file = join(root, 'package.json');
  if (!existsSync(file)) {
    add({ severity: 'warning', file: 'package.json', message: 'missing: the pack works from a folder, but `templates pack` and npm need a package.json', hint: `Name the package ${PACK_PACKAGE_PREFIX}${manifest.name} so that installed copies are found.` });
    return;
  }
  let pkg: { name?: unknown; version?: unknown; files?: unknown };
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    add({ severity: 'error', file: 'package.json', message: `not valid JSON: ${(e as Error).message}` });
    return;
  }
  if (typeof pkg.name !== 'string' || !/^(@[^/]+\/)?wasmedge-plugin-template-/.test(pkg.name)) {
    add({ severity: 'warning', file: 'package.json', message: `"name" ${JSON.stringify(pkg.name)} does not follow the naming convention, so an installed copy is not found by name`, hint: `Use ${PACK_PACKAGE_PREFIX}${manifest.name} or @scope/${PACK_PACKAGE_PREFIX}${manifest.name}.` });
  }
  if (pkg.version !== manifest.version) add({ severity: 'warning', file: 'package.json', message: `"version" ${JSON.stringify(pkg.version)} differs from the manifest's "version" ${JSON.stringify(manifest.version)}` });
  if (Array.isArray(pkg.files)) {
    const listed = (pkg.files as unknown[]).map((f) => String(f).replace(/^\.\//, '').replace(/\/$/, ''));
    for (const needed of [PACK_MANIFEST, 'shared', ...manifest.languages]) {
      if (existsSync(join(root, needed)) && !listed.some((f) => f === needed || f === `${needed}/**` || needed.startsWith(`${f}/`))) {
        add({ severity: 'error', file: 'package.json', message: `"files" leaves out ${needed}: the published pack would not contain it`, hint: `Add "${needed}" to "files".` });
      }
    }
  }
}

/** Links, special files and names that do not map to a safe output path; collisions after renaming. */
function lintFolder(root: string, folder: string, add: (f: LintFinding) => void): void {
  const outputs = new Map<string, string>();
  // Sorted by path: findings come in the same order on every file system, and of two files that
  // render to the same output, the first in that order is kept and the second is reported.
  const entries = treeEntries(join(root, folder)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path: relPath, entry } of entries) {
    const file = `${folder}/${relPath}`;
    if (entry.isSymbolicLink()) {
      // Listed, never entered: a linked folder's contents are not walked.
      add({ severity: 'error', file, message: `is a symbolic link (→ ${readlinkSync(join(root, file))}): a link can make a project read or write outside its directory`, hint: 'Replace it with a regular file (packs contain regular files and folders only).' });
      continue;
    }
    if (entry.isDirectory()) continue;
    if (!entry.isFile()) {
      add({ severity: 'error', file, message: 'is not a regular file (device, socket or FIFO)' });
      continue;
    }
    const output = outputPath(relPath);
    try {
      assertInside(output);
      if (/[\\:]/.test(output)) throw new Error('backslash or colon');
    } catch {
      add({ severity: 'error', file, message: `renders to ${JSON.stringify(output)}, which would escape the project directory or is not portable` });
      continue;
    }
    if (output === MANIFEST_FILE || output === VENDOR_DIR || output.startsWith(`${VENDOR_DIR}/`)) {
      add({ severity: 'error', file, message: `renders to ${output}, which the kit writes itself (the project manifest and the vendored SDK)`, hint: 'Remove it from the pack.' });
    }
    const clash = outputs.get(output);
    if (clash) add({ severity: 'error', file, message: `renders to ${output}, like ${folder}/${clash} (after .hbs stripping and dotfile renaming): one would silently replace the other`, hint: 'Keep one of the two files.' });
    else outputs.set(output, relPath);
    if (relPath.split('/').some((s) => s === '.gitignore' || s === '.npmignore')) {
      add({ severity: 'warning', file, message: 'npm drops or renames this file when publishing', hint: 'Store it as _gitignore (renamed to .gitignore on output).' });
    }
    if (!relPath.endsWith('.hbs') && /(?<!\$)\{\{/.test(readFileSync(join(root, file), 'latin1'))) {
      add({ severity: 'warning', file, message: 'contains {{ but is not a .hbs file: it is copied verbatim, not rendered', hint: 'Add .hbs to the name if it should be rendered.' });
    }
  }
}

function lintLanguage(root: string, manifest: PackManifest, language: Language, add: (f: LintFinding) => void): void {
  const answers = resolveAnswers({ language }, join(root, 'sample_plugin'));
  const context = packContext(answers, resolvePackValues(manifest.prompts));
  const declared = manifest.prompts.map((p) => p.name);
  for (const file of templateFiles(language, root)) {
    if (!file.render) continue;
    const rel = file.source.slice(root.length + 1).split('\\').join('/');
    let ast: hbs.AST.Program;
    try {
      ast = handlebars.parse(readFileSync(file.source, 'utf8'));
    } catch (e) {
      const msg = (e as Error).message.split('\n');
      const line = /line (\d+)/.exec(msg[0])?.[1];
      add({ severity: 'error', file: rel, line: line ? Number(line) : undefined, message: `does not parse as Handlebars: ${msg.join(' ').replace(/\s+/g, ' ')}` });
      continue;
    }
    let problems = 0;
    checkNode(ast, context, 0, (line, message, hint) => {
      problems++;
      add({ severity: 'error', file: rel, line, message, hint });
    }, declared);
    if (problems > 0) continue;
    try {
      renderTemplate(file, context);
    } catch (e) {
      const cause = (e as Error).cause as Error | undefined;
      add({ severity: 'error', file: rel, message: `fails to render for ${language} with sample answers: ${(cause ?? (e as Error)).message}` });
    }
  }
}

type Report = (line: number | undefined, message: string, hint?: string) => void;

/** Walks a Handlebars AST: only built-in helpers, no partials/decorators, every root path defined. */
function checkNode(node: hbs.AST.Node | undefined | null, context: object, depth: number, report: Report, declared: string[]): void {
  if (!node) return;
  const line = node.loc?.start.line;
  switch (node.type) {
    case 'Program':
      for (const s of (node as hbs.AST.Program).body) checkNode(s, context, depth, report, declared);
      return;
    case 'PartialStatement':
    case 'PartialBlockStatement':
      report(line, 'uses a partial ({{> …}}): packs are data and cannot define partials', 'Inline the text, or use {{#if}} to vary it.');
      return;
    case 'Decorator':
    case 'DecoratorBlock':
      report(line, 'uses a decorator ({{* …}}): not supported in packs');
      return;
    case 'MustacheStatement':
    case 'SubExpression':
    case 'BlockStatement': {
      const n = node as hbs.AST.MustacheStatement | hbs.AST.BlockStatement;
      const path = n.path as hbs.AST.PathExpression;
      const isCall = n.params.length > 0 || (n.hash?.pairs.length ?? 0) > 0 || node.type !== 'MustacheStatement';
      if (isCall) {
        if (path.type !== 'PathExpression' || !BUILTIN_HELPERS.has(path.original)) {
          report(line, `calls ${JSON.stringify(path.original ?? path.type)}, which is not a built-in helper (packs may use ${[...BUILTIN_HELPERS].join(', ')} only)`);
        }
      } else checkPath(path, context, depth, line, report, declared);
      for (const p of n.params) checkExpr(p, context, depth, line, report, declared);
      for (const pair of n.hash?.pairs ?? []) checkExpr(pair.value, context, depth, line, report, declared);
      if (node.type === 'BlockStatement') {
        const b = node as hbs.AST.BlockStatement;
        const inner = CONTEXT_BLOCKS.has(path.original) ? depth + 1 : depth;
        checkNode(b.program, context, inner, report, declared);
        checkNode(b.inverse, context, depth, report, declared);
      }
      return;
    }
    default:
      return; // content, comments
  }
}

function checkExpr(e: hbs.AST.Expression, context: object, depth: number, line: number | undefined, report: Report, declared: string[]): void {
  if (e.type === 'PathExpression') checkPath(e as hbs.AST.PathExpression, context, depth, line, report, declared);
  else if (e.type === 'SubExpression') checkNode(e as unknown as hbs.AST.Node, context, depth, report, declared);
}

function checkPath(p: hbs.AST.PathExpression, context: object, depth: number, line: number | undefined, report: Report, declared: string[]): void {
  if (p.type !== 'PathExpression') return;
  // Inside {{#each}}/{{#with}} paths are relative to the block's value: only @root.… is checked.
  let parts = p.parts;
  if (p.data) {
    if (parts[0] !== 'root') return; // @index, @key, @first…
    parts = parts.slice(1);
  } else if (depth > 0 || p.depth > 0 || parts.length === 0) return;
  let value: unknown = context;
  for (const part of parts) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, part)) {
      const shown = p.original;
      const isVar = parts[0] === 'vars' || (parts.length === 2 && ['c', 'comment', 'rust', 'toml', 'cmake', 'md'].includes(parts[0]));
      report(line, `uses {{${shown}}}, which is not declared`, isVar
        ? `Declare "${parts[1]}" in "prompts" of ${PACK_MANIFEST} (declared: ${declared.join(', ') || 'none'}).`
        : 'Use a declared placeholder (vars.<name>, c.<name>, …) or a built-in value (name, module, language, apiVersion, c.description, versions.*, … — docs/template-packs.md lists them).');
      return;
    }
    value = (value as Record<string, unknown>)[part];
  }
}
