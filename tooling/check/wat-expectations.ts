/**
 * Expectations written in a test .wat file, checked by `wasmedge-plugin test`. Directives are `;;`
 * comment lines starting with `@` (anywhere in the file):
 *
 *   ;; @opt name[=value]             set a program option before modules are created (repeatable)
 *   ;; @stdout <text>                one expected line of _start's stdout (repeatable); the whole stdout
 *                                    must equal these lines, each followed by "\n"
 *   ;; @exit <n>                     expected exit code of _start (default 0)
 *   ;; @invoke <export> <args…> => <results…>        call an export, compare its results
 *   ;; @invoke <export> <args…> => trap <substring>  the call must trap with a message containing it
 *   ;; @todo <what is missing>      fails (E_NOT_IMPLEMENTED) until removed: `add function` writes one
 *                                    into each stub's test so it cannot pass before the code exists
 *
 * `_start` runs when the module exports it; stdout is checked when there is at least one @stdout.
 * Invokes run in order on one fresh instance (after _start, in a separate instance).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { isKitError } from '../../runtime/errors.js';
import { PluginHost } from '../../runtime/host.js';
import { parseWasm } from '../../runtime/wasm/binary.js';
import { loadWasmFile } from '../../runtime/wasm/wat.js';
import type { WasmValue } from '../../runtime/call-engine.js';
import type { Finding } from './conformance.js';
import { ToolError } from '../errors.js';
import { reportStage } from '../stage-report.js';
import { parseLiteral } from '../literals.js';
import { applyOptions, loadPlugins } from '../engines/plugins.js';

export interface InvokeExpectation {
  line: number;
  export: string;
  args: string[];
  /** Expected results (absent with `trap`, or when no `=>` is written: then only success is checked). */
  results?: string[];
  trap?: string;
  text: string;
}

export interface WatExpectations {
  /** `@opt [plugin:]name[=value]` settings, applied by the same rule as `--opt`. */
  opts: Array<{ name: string; value?: string }>;
  stdout?: string[];
  exit: number;
  invokes: InvokeExpectation[];
  todos: Array<{ line: number; text: string }>;
}

const DIRECTIVES = ['opt', 'stdout', 'exit', 'invoke', 'todo'];

function bad(file: string, line: number, message: string): ToolError {
  return new ToolError('E_BAD_EXPECTATION', `${file}:${line}: ${message}`, { path: file });
}

/**
 * The directives of a test file. `comment` is the line-comment marker they follow: `;;` in .wat,
 * `//` in guest programs (C, Rust, AssemblyScript).
 */
export function parseWatExpectations(text: string, file = 'test.wat', comment: ';;' | '//' = ';;'): WatExpectations {
  const out: WatExpectations = { opts: [], exit: 0, invokes: [], todos: [] };
  const directive = comment === ';;' ? /^\s*;;\s?@(\w+)(?:\s(.*))?$/ : /^\s*\/\/\s?@(\w+)(?:\s(.*))?$/;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const m = directive.exec(raw.replace(/\r$/, ''));
    if (!m) return;
    const [, word, rest = ''] = m;
    switch (word) {
      case 'opt': {
        const spec = rest.trim();
        if (!spec) throw bad(file, line, '@opt needs name[=value]');
        const eq = spec.indexOf('=');
        out.opts.push(eq < 0 ? { name: spec } : { name: spec.slice(0, eq), value: spec.slice(eq + 1) });
        break;
      }
      case 'stdout':
        (out.stdout ??= []).push(rest);
        break;
      case 'exit': {
        if (!/^\s*-?\d+\s*$/.test(rest)) throw bad(file, line, `@exit needs an integer, got ${JSON.stringify(rest)}`);
        out.exit = Number(rest);
        break;
      }
      case 'todo':
        out.todos.push({ line, text: rest.trim() || 'this test is not written yet' });
        break;
      case 'invoke': {
        const [call, expect] = rest.split('=>').map((s) => s.trim());
        const [name, ...args] = (call ?? '').split(/\s+/).filter(Boolean);
        if (!name) throw bad(file, line, '@invoke needs an export name');
        const inv: InvokeExpectation = { line, export: name, args, text: rest.trim() };
        if (expect !== undefined) {
          const m2 = /^trap(?:\s+(.*))?$/.exec(expect);
          if (m2) inv.trap = (m2[1] ?? '').trim();
          else inv.results = expect.split(/\s+/).filter(Boolean);
        }
        out.invokes.push(inv);
        break;
      }
      default:
        throw bad(file, line, `unknown directive @${word}${closest(word, DIRECTIVES) ? ` (did you mean @${closest(word, DIRECTIVES)}?)` : ''}; directives: ${DIRECTIVES.map((d) => `@${d}`).join(', ')}`);
    }
  });
  return out;
}

function same(a: unknown, b: WasmValue): boolean {
  if (typeof b === 'number' && Number.isNaN(b)) return typeof a === 'number' && Number.isNaN(a);
  return a === b;
}

function show(v: unknown): string {
  return typeof v === 'bigint' ? v.toString() : String(v);
}

/**
 * Loads the plug-in, applies the file's @opt lines, runs _start (stdout to a temp file) and the
 * @invoke lines. One finding per expectation.
 */
export async function runWatTest(pluginPath: string, file: string): Promise<Finding[]> {
  const exp = parseWatExpectations(readFileSync(file, 'utf8'), file);
  return checkExpectations(pluginPath, basename(file), await loadWasmFile(file), exp, 'wat');
}

/**
 * A compiled guest program (`wasmFile`) checked against the `// @…` directives of its source
 * (a test/*.c file, a Rust crate's main.rs, a test/*.ts file): the findings name the source.
 */
export async function runProgramTest(pluginPath: string, wasmFile: string, sourceFile: string, label: string): Promise<Finding[]> {
  const exp = parseWatExpectations(readFileSync(sourceFile, 'utf8'), sourceFile, '//');
  return checkExpectations(pluginPath, label, readFileSync(wasmFile), exp, 'guest');
}

async function checkExpectations(pluginPath: string, name: string, bytes: Uint8Array, exp: WatExpectations, check: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add = (status: Finding['status'], message: string, extra: Partial<Finding> = {}) =>
    findings.push({ check, status, file: name, message: `${name}: ${message}`, ...extra });
  const info = parseWasm(bytes);
  for (const t of exp.todos) {
    add('fail', `line ${t.line}: not implemented yet: ${t.text}`, { code: 'E_NOT_IMPLEMENTED', hint: 'Implement it, then replace the @todo line with the results you expect (@invoke <export> <args…> => <results…>).' });
  }
  const host = new PluginHost({ onStage: reportStage });
  const tmp = mkdtempSync(join(tmpdir(), 'wpk-wat-'));
  try {
    const r = loadPlugins(host, [pluginPath]);
    applyOptions(r.loaded, exp.opts.map((o) => (o.value === undefined ? o.name : `${o.name}=${o.value}`)), '@opt');
    const modules = () => r.loaded.flatMap((p) => p.moduleDescriptors.map((d) => p.createModule(d.name)));
    const hasStart = info.exports.some((e) => e.name === '_start' && e.kind === 'function');
    if (hasStart) {
      const outPath = join(tmp, 'stdout');
      const fd = openSync(outPath, 'w');
      let code: number | undefined;
      try {
        code = await host.runWasi(bytes, { modules: modules(), args: [name], stdout: fd });
      } catch (e) {
        add('fail', `_start failed: ${(e as Error).message}`, { code: isKitError(e) ? e.code : 'E_TRAP' });
      } finally {
        closeSync(fd);
      }
      if (code !== undefined) {
        if (code === exp.exit) add('pass', `_start exited ${code}`);
        else add('fail', `_start exited ${code}, expected ${exp.exit}`, { code: 'E_TEST_FAILED' });
        if (exp.stdout) {
          const got = readFileSync(outPath, 'utf8');
          const want = exp.stdout.map((l) => `${l}\n`).join('');
          if (got === want) add('pass', `stdout matches (${exp.stdout.length} line(s))`);
          else add('fail', `stdout differs:\n      expected ${JSON.stringify(want)}\n      got      ${JSON.stringify(got)}`, { code: 'E_TEST_FAILED' });
        }
      }
    } else if (exp.stdout || exp.exit !== 0) {
      add('fail', '@stdout/@exit given but the module exports no _start', { code: 'E_BAD_EXPECTATION' });
    }
    if (exp.invokes.length) {
      const inst = await host.instantiate(bytes, { modules: modules(), wasi: { args: [name] } });
      for (const inv of exp.invokes) {
        const label = `line ${inv.line}: @invoke ${inv.text}`;
        const sig = info.exports.find((e) => e.name === inv.export && e.kind === 'function')?.signature;
        if (!sig) { add('fail', `${label}: no exported function '${inv.export}'`, { code: 'E_NO_EXPORT' }); continue; }
        let args: WasmValue[];
        let want: WasmValue[] | undefined;
        try {
          if (inv.args.length !== sig.params.length) throw new Error(`'${inv.export}' takes ${sig.params.length} argument(s), ${inv.args.length} given`);
          args = inv.args.map((a, i) => parseLiteral(a, sig.params[i]));
          if (inv.results && inv.results.length !== sig.results.length) throw new Error(`'${inv.export}' returns ${sig.results.length} value(s), ${inv.results.length} expected`);
          want = inv.results?.map((a, i) => parseLiteral(a, sig.results[i]));
        } catch (e) {
          add('fail', `${label}: ${(e as Error).message}`, { code: 'E_BAD_EXPECTATION' });
          continue;
        }
        reportStage({ stage: 'invoke', function: inv.export, detail: name });
        let got: unknown[];
        try {
          const r1 = inst.invoke(inv.export, ...args);
          got = sig.results.length === 1 ? [r1] : sig.results.length === 0 ? [] : (r1 as unknown[]);
        } catch (e) {
          const msg = (e as Error).message ?? String(e);
          if (inv.trap !== undefined && msg.toLowerCase().includes(inv.trap.toLowerCase())) add('pass', `${label} (trapped: ${msg})`);
          else add('fail', `${label}: trapped: ${msg}${inv.trap !== undefined ? `; expected a trap containing ${JSON.stringify(inv.trap)}` : ''}`, { code: 'E_TRAP' });
          continue;
        }
        if (inv.trap !== undefined) add('fail', `${label}: returned ${got.map(show).join(' ') || 'nothing'} instead of trapping`, { code: 'E_TEST_FAILED' });
        else if (!want || (got.length === want.length && got.every((g, i) => same(g, want![i])))) add('pass', label);
        else add('fail', `${label}: got ${got.map(show).join(' ') || 'nothing'}`, { code: 'E_TEST_FAILED' });
      }
      inst.dispose();
    }
    if (!hasStart && exp.invokes.length === 0) add('warn', 'nothing to check: no _start export and no @invoke lines');
  } finally {
    host.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return findings;
}
