/**
 * `wasmedge-plugin templates new <dir>`: scaffolds a template pack that starts as a copy of the
 * built-in pack (so it renders, builds and passes `templates test` from the first minute), with
 * one example placeholder (`banner`, used in each README), a manifest, a package.json following
 * the naming convention, and a README on editing, testing and publishing it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Generator from 'yeoman-generator';
import { LANGUAGES, type Language } from '../../tooling/scaffold/answers.js';
import { templateFiles } from '../../tooling/scaffold/render.js';
import { kitVersion, templatesDir } from '../../tooling/paths.js';
import { PACK_MANIFEST, PACK_NAME_MAX, PACK_NAME_RULE, PACK_PACKAGE_PREFIX, isPackName, type PackManifest } from '../../tooling/packs/manifest.js';
import { ToolError } from '../../tooling/errors.js';
import { declareOptions } from '../options.js';
import { PACK_GENERATOR_OPTIONS } from '../../tooling/options/commands.js';

export interface PackAnswers {
  name: string;
  description: string;
  languages: Language[];
}

/** Validates the options (strings from flags) and fills defaults from the directory name. */
export function resolvePackAnswers(given: { name?: unknown; description?: unknown; languages?: unknown }, dir: string): PackAnswers {
  const name = given.name === undefined ? basename(dir).toLowerCase().replace(/^wasmedge-plugin-template-/, '').replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, PACK_NAME_MAX) || 'my-template' : String(given.name);
  if (!isPackName(name)) throw new ToolError('E_USAGE', `invalid --name ${JSON.stringify(name)}`, { hint: `valid values: ${PACK_NAME_RULE}` });
  const description = given.description === undefined ? `WasmEdge plug-in template: ${name}` : String(given.description);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(description) || description.trim() === '') throw new ToolError('E_USAGE', 'invalid --description', { hint: 'valid values: one non-empty line of text' });
  const languages = (given.languages === undefined ? [...LANGUAGES] : String(given.languages).split(',').map((l) => l.trim())) as Language[];
  const unknown = languages.filter((l) => !(LANGUAGES as readonly string[]).includes(l));
  if (languages.length === 0 || unknown.length > 0) throw new ToolError('E_USAGE', `invalid --languages ${JSON.stringify(String(given.languages))}`, { hint: `valid values: a comma-separated list of ${LANGUAGES.join(', ')}` });
  return { name, description, languages: [...new Set(languages)] };
}

export function packManifest(a: PackAnswers): PackManifest {
  return {
    name: a.name,
    version: '0.1.0',
    description: a.description,
    languages: a.languages,
    // 0.x: a minor release of the kit may change the template context.
    kit: `^${kitVersion()}`,
    prompts: [
      { name: 'banner', type: 'string', message: 'One line shown at the top of the README', default: `Made from the ${a.name} template.`, pattern: '[^<>`]{1,120}' },
    ],
  };
}

export default class PackGenerator extends Generator {
  declare options: Generator['options'] & { name?: string; description?: string; languages?: string; defaultsDir?: string };
  answers!: PackAnswers;
  written: string[] = [];

  constructor(args: string[], options: Record<string, unknown>) {
    super(args, options as never);
    declareOptions(this, PACK_GENERATOR_OPTIONS);
  }

  initializing(): void {
    this.answers = resolvePackAnswers(this.options as never, (this.options.defaultsDir as string | undefined) ?? this.destinationRoot());
  }

  writing(): void {
    const put = (output: string, contents: string): void => {
      this.fs.write(this.destinationPath(output), contents);
      this.written.push(output);
    };
    const { name, languages } = this.answers;
    // The built-in templates, stored under their template names (shared/ once, then each language).
    const copied = new Set<string>();
    for (const language of languages) {
      for (const file of templateFiles(language, templatesDir)) {
        const rel = file.source.slice(templatesDir.length + 1).split('\\').join('/');
        if (copied.has(rel)) continue;
        copied.add(rel);
        let text = readFileSync(file.source, 'utf8');
        // The example placeholder, pre-escaped for Markdown (md.*), right under the title.
        if (rel.endsWith('README.md.hbs')) text = text.replace(/^(# .*\n)/, '$1\n> {{md.banner}}\n');
        put(rel, text);
      }
    }
    put(PACK_MANIFEST, JSON.stringify(packManifest(this.answers), null, 2) + '\n');
    const pkg = {
      name: `${PACK_PACKAGE_PREFIX}${name}`,
      version: '0.1.0',
      description: this.answers.description,
      keywords: ['wasmedge-plugin-template', 'wasmedge', 'plugin', 'template'],
      license: 'Apache-2.0',
      files: [PACK_MANIFEST, 'shared/', ...languages.map((l) => `${l}/`), 'README.md'],
    };
    put('package.json', JSON.stringify(pkg, null, 2) + '\n');
    put('.gitignore', '*.tgz\nnode_modules/\n');
    put('README.md', packReadme(this.answers));
  }
}

function packReadme(a: PackAnswers): string {
  const pkg = `${PACK_PACKAGE_PREFIX}${a.name}`;
  return `# ${pkg}

${a.description}

A template pack for [wasmedge-plugin-kit](https://www.npmjs.com/package/wasmedge-plugin-kit)
(languages: ${a.languages.join(', ')}). Use it with:

\`\`\`sh
npm install ${pkg}                 # or npm install -g
npx wasmedge-plugin-kit new my_plugin --template ${a.name} --var banner="Hello"
\`\`\`

## Layout

- \`${PACK_MANIFEST}\` — name, version, languages, the kit versions it works with (\`kit\`), and
  the placeholders (\`prompts\`) \`new\` asks for (or takes as \`--var name=value\`).
- \`shared/\` — files for every language; \`c/\`, \`cpp/\`, \`rust/\` — each language's files (they
  replace a shared file with the same output path). Laid out like the generated project.
  \`*.hbs\` files are rendered with Handlebars (no HTML escaping, missing values are errors); other
  files are copied. \`_gitignore\` / \`_github\` become \`.gitignore\` / \`.github\`.
- In templates: \`{{name}}\`, \`{{module}}\`, \`{{language}}\`, \`{{apiVersion}}\`, \`{{libFile}}\`,
  \`{{versions.*}}\`; free text pre-escaped per target: \`{{c.description}}\`, \`{{rust.author}}\`,
  \`{{toml.license}}\`, \`{{md.description}}\`, …; placeholders as \`{{vars.banner}}\` (raw) and
  \`{{c.banner}}\`, \`{{comment.banner}}\`, \`{{rust.banner}}\`, \`{{toml.banner}}\`, \`{{cmake.banner}}\`,
  \`{{md.banner}}\` (escaped). Only the built-in helpers (if, unless, each, with, lookup).

Keep the \`wasmedge-plugin:functions\` / \`wasmedge-plugin:registrations\` marker comments in the
source files so that \`wasmedge-plugin add function\` works on generated projects.

## Check, test, publish

\`\`\`sh
npx wasmedge-plugin-kit templates lint .    # manifest, templates, undeclared variables, unsafe files
npx wasmedge-plugin-kit templates test .    # renders each language, builds it, runs its tests
npx wasmedge-plugin-kit templates pack .    # lint + test + npm pack: prints the tarball path
npm publish ./${pkg}-0.1.0.tgz
\`\`\`
`;
}
