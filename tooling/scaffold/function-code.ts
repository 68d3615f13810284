/**
 * The code `add function` writes, per language: a host function skeleton (returns zeros), its
 * registration, and a `.wat` test stub; plus the marker-based insertion. Only text between a
 * `wasmedge-plugin:<kind>:begin` / `:end` pair is ever changed (new code goes right above `:end`).
 */
import type { Language } from './answers.js';
import { ToolError } from '../errors.js';
import { PARAM_NAME, type DeclaredFunction } from '../bindings/declared.js';

export const VALUE_TYPES = ['i32', 'i64', 'f32', 'f64'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const FUNCTION_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** Source file that holds the markers, per language (as `new` writes it). */
export const SOURCE_FILE: Record<Language, string> = { c: 'src/plugin.c', cpp: 'src/plugin.cpp', rust: 'src/lib.rs' };

/** `i32,i32` → ['i32', 'i32']; empty → []; throws E_USAGE naming the valid types. */
export function parseTypes(flag: string, text: string | undefined): ValueType[] {
  if (text === undefined || text.trim() === '') return [];
  const types = text.split(',').map((t) => t.trim());
  const bad = types.find((t) => !(VALUE_TYPES as readonly string[]).includes(t));
  if (bad !== undefined) throw new ToolError('E_USAGE', `invalid --${flag} ${JSON.stringify(text)}: unknown type ${JSON.stringify(bad)}`, { hint: `valid values: a comma-separated list of ${VALUE_TYPES.join(', ')} (or nothing)` });
  return types as ValueType[];
}

/**
 * `a:i32,b:i32` (or `i32,i32`) → names and types; an unnamed parameter is `p<index>`, as in the
 * bindings of a library without names. Throws E_USAGE for an unknown type or a bad/duplicate name.
 */
export function parseParams(text: string | undefined): { names: string[]; types: ValueType[] } {
  if (text === undefined || text.trim() === '') return { names: [], types: [] };
  const items = text.split(',').map((t) => t.trim());
  const names = items.map((item, i) => (item.includes(':') ? item.slice(0, item.indexOf(':')).trim() : `p${i}`));
  const types = parseTypes('params', items.map((item) => (item.includes(':') ? item.slice(item.indexOf(':') + 1).trim() : item)).join(','));
  const bad = names.find((n) => !PARAM_NAME.test(n));
  if (bad !== undefined) throw new ToolError('E_USAGE', `invalid --params ${JSON.stringify(text)}: ${JSON.stringify(bad)} is not a parameter name`, { hint: 'write name:type pairs, e.g. --params a:i32,b:i32 (names: letters, digits, _; not starting with a digit)' });
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new ToolError('E_USAGE', `invalid --params ${JSON.stringify(text)}: parameter ${JSON.stringify(twice)} appears twice`, { hint: 'give each parameter its own name' });
  return { names, types };
}

export interface Signature {
  name: string;
  params: ValueType[];
  results: ValueType[];
  /** Parameter names (from `--params a:i32,…`), recorded in wasmedge-plugin.json. */
  paramNames?: string[];
}

const C_TYPE: Record<ValueType, string> = { i32: 'int32_t', i64: 'int64_t', f32: 'float', f64: 'double' };
const C_SUFFIX: Record<ValueType, string> = { i32: 'I32', i64: 'I64', f32: 'F32', f64: 'F64' };
const RUST_ZERO: Record<ValueType, string> = { i32: '0', i64: '0', f32: '0.0', f64: '0.0' };

function describe(s: Signature): string {
  return `${s.name}(${s.params.join(', ')})${s.results.length ? ` -> ${s.results.join(', ')}` : ''}`;
}

/** The host function's definition (inserted in the `functions` block), followed by a blank line. */
export function definition(language: Language, s: Signature): string {
  const what = `${describe(s)}: added by \`wasmedge-plugin add function\`; replace the body (it returns zeros).`;
  const args = s.params.map((_t, i) => `a${i}`);
  switch (language) {
    case 'c': {
      const lines = [
        `/* ${what} */`,
        `static WasmEdge_Result host_${s.name}(void *Data,`,
        `    const WasmEdge_CallingFrameContext *Frame,`,
        `    const WasmEdge_Value *Params, WasmEdge_Value *Returns) {`,
        '  (void)Data;',
        '  (void)Frame;',
      ];
      if (s.params.length === 0) lines.push('  (void)Params;');
      s.params.forEach((t, i) => lines.push(`  ${C_TYPE[t]} A${i} = WasmEdge_ValueGet${C_SUFFIX[t]}(Params[${i}]);`, `  (void)A${i};`));
      if (s.results.length === 0) lines.push('  (void)Returns;');
      s.results.forEach((t, i) => lines.push(`  Returns[${i}] = WasmEdge_ValueGen${C_SUFFIX[t]}(0);`));
      lines.push('  return WasmEdge_Result_Success;', '}', '', '');
      return lines.join('\n');
    }
    case 'cpp': {
      const ret = s.results.length === 0 ? 'void' : s.results.length === 1 ? C_TYPE[s.results[0]] : `std::tuple<${s.results.map((t) => C_TYPE[t]).join(', ')}>`;
      const lines = [`// ${what}`, `static ${ret} host_${s.name}(${s.params.map((t, i) => `${C_TYPE[t]} ${args[i]}`).join(', ')}) {`];
      for (const a of args) lines.push(`  (void)${a};`);
      if (s.results.length > 0) lines.push('  return {};');
      lines.push('}', '', '');
      return lines.join('\n');
    }
    case 'rust': {
      const ret = s.results.length === 0 ? '' : s.results.length === 1 ? ` -> ${s.results[0]}` : ` -> (${s.results.join(', ')})`;
      const lines = [`/// ${what}`, `fn host_${s.name}(${s.params.map((t, i) => `${args[i]}: ${t}`).join(', ')})${ret} {`];
      if (args.length === 1) lines.push(`    let _ = ${args[0]};`);
      if (args.length > 1) lines.push(`    let _ = (${args.join(', ')});`);
      if (s.results.length === 1) lines.push(`    ${RUST_ZERO[s.results[0]]}`);
      if (s.results.length > 1) lines.push(`    (${s.results.map((t) => RUST_ZERO[t]).join(', ')})`);
      lines.push('}', '', '');
      return lines.join('\n');
    }
  }
}

/** The registration (inserted in the `registrations` block, indented like its end marker). */
export function registration(language: Language, s: Signature, indent: string): string {
  switch (language) {
    case 'c': {
      const arr = (name: string, types: ValueType[]) => (types.length ? `${indent}  WasmEdge_ValType ${name}[] = {${types.map((t) => `WasmEdge_ValTypeGen${C_SUFFIX[t]}()`).join(', ')}};\n` : '');
      const ref = (name: string, types: ValueType[]) => (types.length ? `${name}, ${types.length}` : 'NULL, 0');
      return `${indent}if (Ok) {\n${arr('Params', s.params)}${arr('Results', s.results)}${indent}  Ok = add_function(Mod, "${s.name}", ${ref('Params', s.params)}, ${ref('Results', s.results)}, host_${s.name});\n${indent}}\n`;
    }
    case 'cpp':
      return `${indent}m.function("${s.name}", host_${s.name});\n`;
    case 'rust':
      return `${indent}let module = module.function("${s.name}", host_${s.name});\n`;
  }
}

/**
 * test/<name>.wat: re-exports the function and invokes it with zeros. Its `@todo` line fails
 * `wasmedge-plugin test` until the author removes it: a stub must not pass its own test.
 */
export function watStub(module: string, s: Signature, source: string): string {
  const sig = `${s.params.length ? ` (param ${s.params.join(' ')})` : ''}${s.results.length ? ` (result ${s.results.join(' ')})` : ''}`;
  const zeros = s.params.map(() => '0').join(' ');
  const call = `${s.name}${zeros ? ` ${zeros}` : ''}`;
  const example = `${s.name}${s.params.map((_t, i) => ` ${i + 2}`).join('')}${s.results.length ? ` => ${s.results.map(() => '<expected>').join(' ')}` : ''}`;
  return `;; @todo host_${s.name} is a stub added by \`wasmedge-plugin add function\` (it returns zeros): implement it in ${source}, then delete this line
;; @invoke ${call}
;;
;; Test for ${describe(s)}. Write the results you expect after \`=>\` above, for example
;; \`@invoke ${example}\`, and add more @invoke lines. \`wasmedge-plugin test\` checks them; by hand:
;;   wasmedge-plugin run test/${s.name}.wat --plugin <built library> --invoke ${call}
(module
  (import "${module}" "${s.name}" (func $${s.name}${sig}))
  (memory (export "memory") 1)
  (func (export "${s.name}")${sig}
    (call $${s.name}${s.params.map((_t, i) => ` (local.get ${i})`).join('')}))
  ;; Nothing to do when run as a program.
  (func (export "_start")))
`;
}

/**
 * Where the source already defines or registers a host function with this name: its 1-based line
 * and text (registrations: `add_function(…, "name", …)`, `m.function("name", …)`, `.function("name", …)`).
 */
export function existingFunction(source: string, name: string): { line: number; text: string } | undefined {
  const quoted = `"${name}"`;
  const defines = new RegExp(`\\bhost_${name}\\b`);
  const lines = source.split('\n');
  const i = lines.findIndex((l) => /function\s*\(/.test(l) && l.includes(quoted));
  const at = i >= 0 ? i : lines.findIndex((l) => defines.test(l));
  return at >= 0 ? { line: at + 1, text: lines[at].trim() } : undefined;
}

/** Inserts `text` right above the `wasmedge-plugin:<kind>:end` line (after its `:begin`). */
export function insertAtMarker(source: string, kind: 'functions' | 'registrations', text: (indent: string) => string, file: string): string {
  const lines = source.split('\n');
  const begin = lines.findIndex((l) => l.includes(`wasmedge-plugin:${kind}:begin`));
  const end = lines.findIndex((l) => l.includes(`wasmedge-plugin:${kind}:end`));
  if (begin < 0 || end < 0 || end < begin) {
    throw new ToolError('E_NO_MARKERS', `${file} has no wasmedge-plugin:${kind}:begin / :end marker comments (in that order)`, { path: file });
  }
  const indent = /^\s*/.exec(lines[end])![0];
  const inserted = text(indent).replace(/\n$/, '').split('\n');
  lines.splice(end, 0, ...inserted);
  return lines.join('\n');
}

/** The function's wasmedge-plugin.json entry (see docs/bindings.md). */
export function declaredEntry(s: Signature, description: string): DeclaredFunction {
  return { name: s.name, description, params: s.params.map((type, i) => ({ name: s.paramNames?.[i] ?? `p${i}`, type })), results: [...s.results] };
}

/**
 * wasmedge-plugin.json with the function appended to its `functions` section; unchanged (undefined)
 * when the manifest has no such section (a project made before it existed: nothing to keep in sync).
 */
export function withDeclaredFunction(manifestText: string, entry: DeclaredFunction): string | undefined {
  const m = JSON.parse(manifestText) as { functions?: unknown };
  if (!Array.isArray(m.functions)) return undefined;
  m.functions.push(entry);
  return JSON.stringify(m, null, 2) + '\n';
}
