/**
 * Sections 1–2: wasm → host-function calls from a wasm loop (loops.wat), against two floors on the
 * same loop: a pure JS import doing the add, and a bare koffi call of a C add(int, int). Variants run
 * interleaved, round by round, so a burst of load from elsewhere hits them alike; each figure is the
 * median over rounds, and a ratio is the median of the per-round ratios.
 */
import { PluginHost } from '../runtime/host.js';
import { koffi } from '../runtime/native/binding.js';
import type { Fixtures } from './fixtures.js';
import { median } from './timing.js';

export interface HostCallResult {
  calls: number;
  rounds: number;
  addCallNs: number;
  getStringCallNs: number;
  mixCallNs: number;
  sum10CallNs: number;
  bareKoffiAddNs: number;
  pureJsAddNs: number;
  addVsKoffi: number;
  addVsPureJs: number;
}

type Loop = (n: number) => number;

function nsPerCall(loop: Loop, n: number): number {
  const t = process.hrtime.bigint();
  loop(n);
  return Number(process.hrtime.bigint() - t) / n;
}

/** The imports of loops.wat done in JS, with `add` replaced (pure JS or bare koffi). */
function floorImports(add: (a: number, b: number) => number): WebAssembly.Imports {
  return {
    get_string_module: { add, get_string: () => {} },
    wpk_bench: { mix: (a: bigint, b: number, c: number) => Number(a) + b + c, sum10: () => 0 },
  };
}

export async function benchHostCalls(fx: Fixtures, calls: number, rounds: number): Promise<HostCallResult> {
  const host = new PluginHost();
  const modules = [fx.getString, fx.benchPlugin].map((p) => {
    const r = host.loadFromPath(p);
    if (r.errors.length) throw new Error(`cannot load ${p}: ${r.errors[0].message}`);
    return r.loaded[0].createModule();
  });
  const inst = await host.instantiate(fx.loops, { modules, wasi: false });
  const hostExports = inst.exports as Record<string, Loop>;

  const module = new WebAssembly.Module(fx.loops as Uint8Array<ArrayBuffer>);
  const jsLoop = (new WebAssembly.Instance(module, floorImports((a, b) => (a + b) | 0)).exports as Record<string, Loop>).loop_add;
  const bareLib = koffi.load(fx.bareAdd);
  const bareAdd = bareLib.func('int bench_add(int a, int b)') as (a: number, b: number) => number;
  const koffiLoop = (new WebAssembly.Instance(module, floorImports(bareAdd)).exports as Record<string, Loop>).loop_add;

  const variants: Array<[keyof HostCallResult, Loop]> = [
    ['addCallNs', hostExports.loop_add],
    ['bareKoffiAddNs', koffiLoop],
    ['pureJsAddNs', jsLoop],
    ['getStringCallNs', hostExports.loop_get_string],
    ['mixCallNs', hostExports.loop_mix],
    ['sum10CallNs', hostExports.loop_sum10],
  ];

  // The three add paths must agree (wrapping i32 sums), and get_string must have written "hello".
  const check = 1000;
  const expected = jsLoop(check);
  if (hostExports.loop_add(check) !== expected || koffiLoop(check) !== expected) throw new Error('add results differ between paths');
  if (hostExports.loop_get_string(3) !== 15) throw new Error('get_string did not write 5 bytes per call');
  if (hostExports.loop_sum10(1) !== 45) throw new Error('sum10 returned a wrong sum');

  // Warm-up: lets V8 tier the loops and the trampolines up before anything is timed.
  const warm = Math.min(200_000, calls);
  for (const [, loop] of variants) loop(warm);

  const perRound = Math.ceil(calls / rounds);
  const samples = new Map<string, number[]>(variants.map(([k]) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [k, loop] of variants) samples.get(k)!.push(nsPerCall(loop, perRound));
  }
  const ratio = (a: string, b: string) => median(samples.get(a)!.map((x, i) => x / samples.get(b)![i]));
  const m = (k: string) => median(samples.get(k)!);
  inst.dispose();
  host.close();
  return {
    calls: perRound * rounds,
    rounds,
    addCallNs: m('addCallNs'),
    getStringCallNs: m('getStringCallNs'),
    mixCallNs: m('mixCallNs'),
    sum10CallNs: m('sum10CallNs'),
    bareKoffiAddNs: m('bareKoffiAddNs'),
    pureJsAddNs: m('pureJsAddNs'),
    addVsKoffi: ratio('addCallNs', 'bareKoffiAddNs'),
    addVsPureJs: ratio('addCallNs', 'pureJsAddNs'),
  };
}
