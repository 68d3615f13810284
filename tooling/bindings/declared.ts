/**
 * The `functions` section of a project's wasmedge-plugin.json: every host function of the project's
 * module with parameter names, types, results and a one-line description. `new` writes it (from the
 * template pack's manifest), `add function` appends to it, `bindings` takes its names and docs, and
 * `test` compares it with the built library (see docs/bindings.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The value types a declared function may use (what the SDKs' host functions take and return). */
export const DECLARED_TYPES = ['i32', 'i64', 'f32', 'f64', 'v128', 'funcref', 'externref'] as const;
export type DeclaredType = (typeof DECLARED_TYPES)[number];

export const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface DeclaredParam {
  name: string;
  type: DeclaredType;
}

export interface DeclaredFunction {
  name: string;
  description: string;
  params: DeclaredParam[];
  results: DeclaredType[];
  /**
   * The function reads or writes the caller's memory at addresses given as parameters: Rust
   * bindings then declare it `unsafe` (a wrong address corrupts the guest), never `safe`.
   */
  memory?: boolean;
}

export interface DeclaredProblem {
  /** JSON path inside the section, e.g. `functions[1].params[0].type`. */
  field: string;
  message: string;
}

const FUNCTION_KEYS = new Set(['name', 'description', 'params', 'results', 'memory']);

/** Checks a parsed `functions` value; returns every problem found (empty = valid). */
export function checkDeclaredFunctions(raw: unknown, at = 'functions'): DeclaredProblem[] {
  const problems: DeclaredProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ field, message });
  if (!Array.isArray(raw)) return [{ field: at, message: 'must be an array of { name, description, params, results }' }];
  const seen = new Set<string>();
  raw.forEach((f: unknown, i: number) => {
    const here = `${at}[${i}]`;
    if (typeof f !== 'object' || f === null || Array.isArray(f)) return bad(here, 'must be an object');
    const o = f as Record<string, unknown>;
    for (const key of Object.keys(o)) if (!FUNCTION_KEYS.has(key)) bad(`${here}.${key}`, `unknown key "${key}" (known: ${[...FUNCTION_KEYS].join(', ')})`);
    if (typeof o.name !== 'string' || o.name === '') bad(`${here}.name`, 'must be a non-empty string');
    else if (seen.has(o.name)) bad(`${here}.name`, `"${o.name}" is declared twice`);
    else seen.add(o.name);
    if (typeof o.description !== 'string') bad(`${here}.description`, 'must be a string (one line)');
    else if (o.description.includes('\n')) bad(`${here}.description`, 'must be one line');
    if (!Array.isArray(o.params)) bad(`${here}.params`, 'must be an array of { name, type }');
    else {
      const names = new Set<string>();
      o.params.forEach((p: unknown, j: number) => {
        const pat = `${here}.params[${j}]`;
        const q = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
        if (typeof q.name !== 'string' || !PARAM_NAME.test(q.name)) bad(`${pat}.name`, 'must be an identifier (letters, digits, _; not starting with a digit)');
        else if (names.has(q.name)) bad(`${pat}.name`, `parameter "${q.name}" appears twice`);
        else names.add(q.name);
        if (!(DECLARED_TYPES as readonly unknown[]).includes(q.type)) bad(`${pat}.type`, `must be one of ${DECLARED_TYPES.join(', ')}`);
      });
    }
    if (!Array.isArray(o.results)) bad(`${here}.results`, 'must be an array of types');
    else o.results.forEach((t: unknown, j: number) => {
      if (!(DECLARED_TYPES as readonly unknown[]).includes(t)) bad(`${here}.results[${j}]`, `must be one of ${DECLARED_TYPES.join(', ')}`);
    });
    if (o.memory !== undefined && typeof o.memory !== 'boolean') bad(`${here}.memory`, 'must be true or false');
  });
  return problems;
}

/** What bindings and checks read of a project's wasmedge-plugin.json. */
export interface ProjectDeclarations {
  file: string;
  module: string;
  /** Undefined when the manifest has no `functions` section (projects made before it existed). */
  functions?: DeclaredFunction[];
  problems: DeclaredProblem[];
}

/** Reads `dir/wasmedge-plugin.json`; undefined when there is none. */
export function readDeclarations(dir: string): ProjectDeclarations | undefined {
  const file = join(dir, 'wasmedge-plugin.json');
  if (!existsSync(file)) return undefined;
  const m = JSON.parse(readFileSync(file, 'utf8')) as { module?: unknown; functions?: unknown };
  const module = typeof m.module === 'string' ? m.module : '';
  if (m.functions === undefined) return { file, module, problems: [] };
  const problems = checkDeclaredFunctions(m.functions);
  return { file, module, functions: problems.length ? undefined : (m.functions as DeclaredFunction[]), problems };
}

/** `name(a: i32, b: i32) -> i32`, for messages. */
export function describeDeclared(f: { name: string; params: Array<{ name?: string; type: string }>; results: readonly string[] }): string {
  const params = f.params.map((p) => (p.name ? `${p.name}: ${p.type}` : p.type)).join(', ');
  return `${f.name}(${params})${f.results.length ? ` -> ${f.results.join(', ')}` : ''}`;
}
