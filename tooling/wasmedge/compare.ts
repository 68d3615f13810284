/**
 * Compares the kit's and WasmEdge's outcomes of one run by meaning, not text (docs/engines.md,
 * "Mapping"): the kind of ending, the guest's stdout and exit status, and result values as numbers
 * of their type. Trap and error messages are shown side by side but not compared: the engines word
 * them differently.
 */
import type { EngineOutcome } from './outcome.js';

export interface Comparison {
  same: boolean;
  /** One line per difference, e.g. "stdout: kit "hi\n", wasmedge "HI\n"". */
  differences: string[];
}

/** A printed value as a number of its type (f32 rounded as f32; i64 as a bigint). */
function valueOf(text: string, type: string | undefined): number | bigint | undefined {
  const t = text.trim().toLowerCase();
  if (type === 'i64') {
    try { return BigInt.asIntN(64, BigInt(t)); } catch { return undefined; }
  }
  const n = t === 'nan' || t === '-nan' ? NaN : t === 'inf' || t === '+inf' || t === 'infinity' ? Infinity : t === '-inf' || t === '-infinity' ? -Infinity : Number(t);
  if (t === '' || (Number.isNaN(n) && !t.endsWith('nan'))) return undefined;
  if (type === 'i32') return n | 0;
  return type === 'f32' ? Math.fround(n) : n;
}

export function sameValue(a: string, b: string, type: string | undefined): boolean {
  if (a === b) return true;
  const x = valueOf(a, type);
  const y = valueOf(b, type);
  if (x === undefined || y === undefined) return false;
  if (typeof x === 'number' && typeof y === 'number' && Number.isNaN(x)) return Number.isNaN(y);
  return x === y || (typeof x === 'number' && typeof y === 'number' && x === y);
}

export function compareOutcomes(kit: EngineOutcome, we: EngineOutcome): Comparison {
  const d: string[] = [];
  const show = (o: EngineOutcome) => o.kind + (o.message ? ` (${o.message.split('\n')[0]})` : '') + (o.guestExit !== undefined ? ` ${o.guestExit}` : '');
  if (kit.kind !== we.kind) d.push(`ending: kit ${show(kit)}, wasmedge ${show(we)}`);
  else if (kit.kind === 'exit' && kit.guestExit !== we.guestExit) d.push(`exit status: kit ${kit.guestExit}, wasmedge ${we.guestExit}`);
  if (kit.kind === we.kind && (kit.kind === 'exit' || kit.kind === 'results' || kit.kind === 'trap' || kit.kind === 'terminated') && kit.stdout !== we.stdout) {
    d.push(`stdout: kit ${JSON.stringify(kit.stdout)}, wasmedge ${JSON.stringify(we.stdout)}`);
  }
  if (kit.kind === 'results' && we.kind === 'results') {
    const a = kit.results ?? [];
    const b = we.results ?? [];
    const types = kit.resultTypes ?? we.resultTypes ?? [];
    if (a.length !== b.length || a.some((v, i) => !sameValue(v, b[i], types[i]))) {
      d.push(`results: kit ${a.join(' ') || '(none)'}, wasmedge ${b.join(' ') || '(none)'}`);
    }
  }
  return { same: d.length === 0, differences: d };
}

/** The human report of a comparison: a verdict line, then both sides. */
export function formatComparison(kit: EngineOutcome, we: EngineOutcome, c: Comparison, wasmedgeLabel = 'wasmedge'): string {
  const side = (o: EngineOutcome) => {
    const parts = [`ending: ${o.kind}${o.guestExit !== undefined ? ` (exit ${o.guestExit})` : ''}`];
    if (o.results) parts.push(`results: ${o.results.join(' ') || '(none)'}`);
    if (o.message) parts.push(`message: ${o.message.split('\n')[0]}${o.code ? ` [${o.code}]` : ''}`);
    parts.push(`stdout: ${JSON.stringify(o.stdout.length > 200 ? o.stdout.slice(0, 200) + '…' : o.stdout)}`);
    return parts;
  };
  const left = side(kit);
  const right = side(we);
  const width = Math.max(20, ...left.map((l) => l.length));
  const rows = Array.from({ length: Math.max(left.length, right.length) }, (_, i) => `  ${(left[i] ?? '').padEnd(width)}  │ ${right[i] ?? ''}`);
  const head = `  ${'kit'.padEnd(width)}  │ ${wasmedgeLabel}`;
  const verdict = c.same ? 'same in both engines' : `DIFFERENT in the two engines:\n${c.differences.map((x) => `  - ${x}`).join('\n')}`;
  return [verdict, head, ...rows].join('\n');
}
