/**
 * `wasmedge-plugin add function <name> --params i32,i32 --results i32 [dir]`: a Yeoman
 * sub-generator that adds a host function skeleton, its registration and a test/<name>.wat stub
 * to a project made by `new` (C, C++ or Rust). It edits only between the marker comments, refuses
 * a name the project already has, and checks everything before writing anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Generator from 'yeoman-generator';
import { LANGUAGES, type Language } from '../../tooling/scaffold/answers.js';
import { MANIFEST_FILE } from '../../tooling/scaffold/plan.js';
import { runGenerator } from '../run.js';
import { declareOptions } from '../options.js';
import { FUNCTION_GENERATOR_OPTIONS } from '../../tooling/options/commands.js';
import { FUNCTION_NAME, SOURCE_FILE, declaredEntry, existingFunction, definition, insertAtMarker, parseParams, parseTypes, registration, watStub, withDeclaredFunction, type Signature } from '../../tooling/scaffold/function-code.js';
import { ToolError } from '../../tooling/errors.js';
import { treeEntries } from '../../tooling/tree.js';

interface Project {
  language: Language;
  module: string;
  /** posix path of the source file with the markers, relative to the project. */
  source: string;
}

/** Reads wasmedge-plugin.json and finds the source file that carries the markers. */
export function readProject(dir: string): Project {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) {
    throw new ToolError('E_NOT_A_PROJECT', `${dir} has no ${MANIFEST_FILE}: add function works on projects made by \`wasmedge-plugin new\``, { path: dir });
  }
  const m = JSON.parse(readFileSync(file, 'utf8')) as { language?: string; module?: string };
  if (!(LANGUAGES as readonly (string | undefined)[]).includes(m.language) || typeof m.module !== 'string') {
    throw new ToolError('E_NOT_A_PROJECT', `${file} has no valid "language" (${LANGUAGES.join(', ')}) and "module"`, { path: file });
  }
  const language = m.language as Language;
  let source = SOURCE_FILE[language];
  // A template pack may name its source differently: take the file under src/ that has the markers.
  if (!existsSync(join(dir, source)) || !readFileSync(join(dir, source), 'utf8').includes('wasmedge-plugin:functions:end')) {
    const srcDir = join(dir, 'src');
    const found = existsSync(srcDir) ? treeEntries(srcDir).find((e) => !e.entry.isDirectory() && /\.(c|cc|cpp|rs)$/.test(e.path) && readFileSync(join(srcDir, e.path), 'utf8').includes('wasmedge-plugin:functions:end'))?.path : undefined;
    if (!found) throw new ToolError('E_NO_MARKERS', `no source file under ${srcDir} has the wasmedge-plugin:functions / wasmedge-plugin:registrations marker comments`, { path: join(dir, source) });
    source = `src/${found}`;
  }
  return { language, module: m.module, source };
}

export default class FunctionGenerator extends Generator {
  declare options: Generator['options'] & { name?: string; params?: string; results?: string; description?: string };
  signature!: Signature;
  project!: Project;
  written: string[] = [];

  constructor(args: string[], options: Record<string, unknown>) {
    super(args, options as never);
    declareOptions(this, FUNCTION_GENERATOR_OPTIONS);
  }

  initializing(): void {
    const name = String(this.options.name ?? '');
    if (!FUNCTION_NAME.test(name)) throw new ToolError('E_USAGE', `invalid function name ${JSON.stringify(name)}`, { hint: 'valid values: lower-case letters, digits and underscores, starting with a letter, at most 64 characters' });
    const description = this.options.description as string | undefined;
    if (description !== undefined && /[\r\n]/.test(description)) throw new ToolError('E_USAGE', '--description must be one line', { hint: 'put longer documentation in the host function\'s source comment' });
    const params = parseParams(this.options.params as string | undefined);
    this.signature = { name, params: params.types, paramNames: params.names, results: parseTypes('results', this.options.results as string | undefined) };
    this.project = readProject(this.destinationRoot());
    const source = readFileSync(this.destinationPath(this.project.source), 'utf8');
    const existing = existingFunction(source, name);
    if (existing) {
      throw new ToolError('E_FUNCTION_EXISTS', `${this.project.source}:${existing.line} already has a host function "${name}": ${existing.text}`, {
        path: this.destinationPath(this.project.source),
        hint: `Choose another name, or edit the existing "${name}"${existsSync(this.destinationPath(`test/${name}.wat`)) ? ` (its test: test/${name}.wat)` : ''}.`,
      });
    }
    const wat = `test/${name}.wat`;
    if (existsSync(this.destinationPath(wat))) throw new ToolError('E_FUNCTION_EXISTS', `${wat} already exists`, { path: this.destinationPath(wat) });
  }

  writing(): void {
    const { language, source, module } = this.project;
    const file = this.destinationPath(source);
    let text = readFileSync(file, 'utf8');
    text = insertAtMarker(text, 'functions', () => definition(language, this.signature), source);
    text = insertAtMarker(text, 'registrations', (indent) => registration(language, this.signature, indent), source);
    this.fs.write(file, text);
    this.fs.write(this.destinationPath(`test/${this.signature.name}.wat`), watStub(module, this.signature, source));
    this.written.push(source, `test/${this.signature.name}.wat`);
    // Keep wasmedge-plugin.json's `functions` (names for bindings, checked by `test`) in sync.
    const description = String(this.options.description ?? `${this.signature.name}: added by \`wasmedge-plugin add function\``);
    const manifest = withDeclaredFunction(readFileSync(this.destinationPath(MANIFEST_FILE), 'utf8'), declaredEntry(this.signature, description));
    if (manifest) {
      this.fs.write(this.destinationPath(MANIFEST_FILE), manifest);
      this.written.push(MANIFEST_FILE);
    }
  }
}

export interface AddFunctionOptions {
  dir?: string;
  name: string;
  params?: string;
  results?: string;
  description?: string;
}

/** Runs the generator in the project; returns the files it changed or created. */
export async function addFunction(o: AddFunctionOptions): Promise<{ dir: string; language: Language; files: string[]; signature: Signature }> {
  const dir = resolve(o.dir ?? '.');
  if (!existsSync(dir)) throw new ToolError('E_NOT_FOUND', `${dir} does not exist`, { path: dir });
  const g = await runGenerator(FunctionGenerator, fileURLToPath(import.meta.url), dir, { name: o.name, params: o.params, results: o.results, description: o.description });
  return { dir, language: g.project.language, files: g.written, signature: g.signature };
}
