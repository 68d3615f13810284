/**
 * The template tree mirrors the output tree: `templates/shared/**` then `templates/<language>/**`
 * (a language file replaces a shared one of the same output path). `*.hbs` files are rendered by
 * Handlebars (noEscape + strict, the context is pre-escaped); other files are copied verbatim.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../paths.js';
import { treeEntries } from '../tree.js';

/**
 * Names stored under a safe name in the template tree (npm drops `.gitignore` from packages, and a
 * `.github` folder inside templates/ would be taken for this repository's own workflows).
 * Applied to every path segment. The tests reuse this map.
 */
export const DOTFILE_NAMES: Readonly<Record<string, string>> = {
  _gitignore: '.gitignore',
  _github: '.github',
  _gitattributes: '.gitattributes',
};

/** Output path (posix, relative) for a template path (posix, relative to its language folder). */
export function outputPath(templatePath: string): string {
  return templatePath
    .replace(/\.hbs$/, '')
    .split('/')
    .map((segment) => DOTFILE_NAMES[segment] ?? segment)
    .join('/');
}

/** The regular files of a template folder (links are left out), sorted: generation is deterministic. */
function listFiles(root: string): string[] {
  return treeEntries(root).filter((e) => e.entry.isFile()).map((e) => e.path).sort();
}

export interface TemplateFile {
  /** Absolute path of the template file. */
  source: string;
  /** Where it goes, posix path relative to the project root. */
  output: string;
  /** Rendered by Handlebars (`.hbs`) or copied verbatim. */
  render: boolean;
}

/** The files of a template set, shared first; the language's own files win on the same output path. */
export function templateFiles(language: string, root = templatesDir): TemplateFile[] {
  const byOutput = new Map<string, TemplateFile>();
  for (const set of ['shared', language]) {
    const dir = join(root, set);
    if (!existsSync(dir)) continue; // a pack may have no shared/ folder
    for (const rel of listFiles(dir)) {
      byOutput.set(outputPath(rel), { source: join(dir, rel), output: outputPath(rel), render: rel.endsWith('.hbs') });
    }
  }
  return [...byOutput.values()].sort((a, b) => a.output.localeCompare(b.output));
}

/**
 * A private Handlebars environment with the built-in helpers only: templates (which may come from
 * a third-party pack) are data and can neither register nor reach helpers or partials.
 */
export const handlebars = Handlebars.create();

/** Renders one template; `strict` makes a missing context key an error instead of an empty string. */
export function renderTemplate(file: TemplateFile, context: object): string {
  const text = readFileSync(file.source, 'utf8');
  if (!file.render) return text;
  const template = handlebars.compile(text, { noEscape: true, strict: true });
  try {
    return template(context);
  } catch (e) {
    throw new Error(`template ${file.source}: ${(e as Error).message}`, { cause: e });
  }
}

/** Rejects output paths that could escape the project directory (absolute, `..`, empty segments). */
export function assertInside(output: string): void {
  const norm = posix.normalize(output);
  if (norm !== output || output.startsWith('/') || output.split('/').some((s) => s === '..' || s === '')) {
    throw new Error(`refusing to write outside the project: ${JSON.stringify(output)}`);
  }
}
