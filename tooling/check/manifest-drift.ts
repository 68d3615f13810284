/**
 * The `manifest` check of `test`: wasmedge-plugin.json's `functions` section against the functions
 * the built library's module really has. A function missing on either side, or declared with another
 * arity or other types, is one failing finding naming it (bindings would otherwise mislabel it).
 */
import { describeDeclared, type ProjectDeclarations } from '../bindings/declared.js';
import { signatureDifference } from '../bindings/model.js';
import type { Finding, FunctionRef } from './conformance.js';

const CHECK = 'manifest';
const HINT = 'Make the "functions" entry and the host function agree (the library is what WebAssembly programs see); `add function` keeps both in sync.';

export function manifestFindings(decl: ProjectDeclarations, functions: FunctionRef[]): Finding[] {
  const file = 'wasmedge-plugin.json';
  if (decl.problems.length) {
    return decl.problems.map((p) => ({ check: CHECK, status: 'fail', code: 'E_MANIFEST_DRIFT', file, message: `${file}: ${p.field}: ${p.message}`, hint: 'docs/bindings.md describes the "functions" section.' }));
  }
  if (!decl.functions) {
    return [{ check: CHECK, status: 'skip', file, message: `${file} has no "functions" section: names for bindings are p0, p1, …`, hint: 'Projects made by `wasmedge-plugin new` have one; see docs/bindings.md for its format.' }];
  }
  const built = functions.filter((f) => f.module === decl.module);
  const findings: Finding[] = [];
  const fail = (fn: string, message: string) =>
    findings.push({ check: CHECK, status: 'fail', code: 'E_MANIFEST_DRIFT', file, module: decl.module, function: fn, message: `${file}: ${message}`, hint: HINT });
  for (const d of decl.functions) {
    const lib = built.find((f) => f.function === d.name);
    if (!lib) fail(d.name, `declares ${decl.module}.${describeDeclared(d)}, which the built library's module does not have`);
    else {
      const diff = signatureDifference(d, lib);
      if (diff) fail(d.name, `${decl.module}.${d.name}: ${diff} (declared ${describeDeclared(d)}, built ${describeDeclared({ name: d.name, params: lib.params.map((type) => ({ type })), results: lib.results })})`);
    }
  }
  for (const f of built) {
    if (!decl.functions.some((d) => d.name === f.function)) {
      fail(f.function, `the built library's module has ${decl.module}.${describeDeclared({ name: f.function, params: f.params.map((type) => ({ type })), results: f.results })}, which is not declared in "functions"`);
    }
  }
  if (findings.length === 0) {
    findings.push({ check: CHECK, status: 'pass', file, module: decl.module, message: `${file} declares the ${built.length} function(s) of module ${decl.module} as built` });
  }
  return findings;
}
