/**
 * `bindings`' engine: finds the plug-in library (a project is built first), reads its modules and
 * functions in a child process (the `inspect` engine, so a crashing plug-in is an error report),
 * takes names from the project's wasmedge-plugin.json, and writes one language's declarations.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { inspectIsolated } from '../engines/isolated.js';
import { ToolError } from '../errors.js';
import { readDeclarations } from './declared.js';
import { BINDINGS_FILE, emitBindings, type GuestLanguage } from './index.js';
import { buildModel, type GuestModel } from './model.js';

export interface BindingsOptions {
  language: GuestLanguage;
  /** Only this module (import or descriptor name). */
  module?: string;
  timeoutMs?: number;
  /** Build progress on stderr (a project target is built first). */
  progress?: boolean;
}

export interface BindingsResult {
  library: string;
  model: GuestModel;
  text: string;
  /** Things the user should know (the manifest disagrees, a function was skipped…). */
  warnings: string[];
}

/** The library of a target: a file as is, a project directory built first. */
export async function libraryOf(target: string, progress = false): Promise<{ library: string; project?: string }> {
  const abs = resolve(target);
  if (!existsSync(abs)) throw new ToolError('E_NOT_FOUND', `no such file or directory: ${target}`, { path: abs });
  if (!statSync(abs).isDirectory()) return { library: abs };
  if (!['CMakeLists.txt', 'Cargo.toml'].some((f) => existsSync(join(abs, f)))) {
    throw new ToolError('E_NOT_A_PROJECT', `${abs} is not a plug-in project (no CMakeLists.txt or Cargo.toml)`, { path: abs, hint: 'Give a project directory or the plug-in library (.so) itself.' });
  }
  const { buildProject } = await import('../build.js');
  return { library: (await buildProject({ dir: abs, progress })).artifact, project: abs };
}

/** The model of a library (and of the project's manifest, when given). */
export async function modelOf(library: string, project: string | undefined, o: { module?: string; timeoutMs?: number; env?: Record<string, string> }): Promise<{ model: GuestModel; warnings: string[] }> {
  const report = await inspectIsolated([library], o.timeoutMs, o.env);
  if (report.errors.length) {
    const e = report.errors[0];
    throw new ToolError(e.code as 'E_LOAD_FAILED', e.message, { path: e.path, hint: e.hint });
  }
  if (report.plugins.length === 0) throw new ToolError('E_LOAD_FAILED', `${library} holds no WasmEdge plug-in`, { path: library });
  const warnings: string[] = [];
  const decl = project ? readDeclarations(project) : undefined;
  for (const p of decl?.problems ?? []) warnings.push(`${decl!.file}: ${p.field}: ${p.message} (its names are not used)`);
  const model = buildModel(report, { module: o.module, declared: decl?.functions ? { module: decl.module, functions: decl.functions } : undefined });
  if (o.module !== undefined && model.modules.length === 0) {
    const names = report.plugins.flatMap((p) => p.modules.map((m) => (m as { instanceName?: string }).instanceName ?? m.name));
    throw new ToolError('E_USAGE', `the plug-in has no module ${JSON.stringify(o.module)}`, { hint: `its modules: ${names.join(', ') || '(none)'}` });
  }
  for (const m of model.modules) for (const f of m.functions) if (f.mismatch) warnings.push(`${m.name}.${f.name}: ${f.mismatch}`);
  return { model, warnings };
}

export async function generateBindings(target: string, o: BindingsOptions): Promise<BindingsResult> {
  const { library, project } = await libraryOf(target, o.progress);
  const { model, warnings } = await modelOf(library, project, o);
  return { library, model, text: emitBindings(o.language, model), warnings };
}

/**
 * Where `--out` writes: a path ending in the language's extension is the file itself, anything
 * else a directory that gets bindings.<ext>.
 */
export function outputFile(out: string, language: GuestLanguage): string {
  const ext = extname(BINDINGS_FILE[language]);
  return extname(out) === ext ? resolve(out) : resolve(out, BINDINGS_FILE[language]);
}

/** Writes the bindings; a file with other contents is replaced only with `force`. Returns whether it changed. */
export function writeBindings(file: string, text: string, force = false): boolean {
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new ToolError('E_OUTPUT_EXISTS', `${file} is a directory`, { path: file });
    if (readFileSync(file, 'utf8') === text) return false;
    if (!force) throw new ToolError('E_OUTPUT_EXISTS', `${file} exists and differs from the bindings`, { path: file });
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return true;
}
