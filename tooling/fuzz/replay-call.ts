/**
 * Runs decoded fuzz calls in the kit's own runtime (inside an isolation child: a crash ends the
 * child, not the CLI). The scratch memory of a direct call is one 64 KiB page followed by V8's
 * guard region, so a byte written or read past its end faults here too, as in the harness.
 */
import { Plugin } from '../../runtime/plugin.js';
import type { PluginModule } from '../../runtime/module.js';
import type { WasmValue } from '../../runtime/call-engine.js';
import { KitError } from '../../runtime/errors.js';
import { decodeInput, randomInput, type DecodedCall } from './input.js';

function argument(type: string, bits: string): WasmValue {
  const v = BigInt(bits);
  const buf = new DataView(new ArrayBuffer(8));
  switch (type) {
    case 'i32': return Number(BigInt.asIntN(32, v));
    case 'i64': return BigInt.asIntN(64, v);
    case 'f32': buf.setUint32(0, Number(v)); return buf.getFloat32(0);
    case 'f64': buf.setBigUint64(0, v); return buf.getFloat64(0);
    default: return 0n;
  }
}

function openModule(library: string, moduleName: string): PluginModule {
  const plugin = Plugin.load(library);
  if (!plugin.moduleDescriptors.some((d) => d.name === moduleName)) {
    throw new KitError('E_NOT_FOUND', `plug-in ${plugin.name} has no module '${moduleName}'`, { path: library });
  }
  return plugin.createModule(moduleName);
}

/** Makes one decoded call; failure results are correct behaviour and are returned as text. */
function callOnce(mod: PluginModule, fn: string, call: DecodedCall): string {
  const memory = new Uint8Array(mod.scratchMemory.buffer);
  memory.fill(0);
  memory.set(Buffer.from(call.write, 'hex'), call.writeOffset);
  try {
    const results = mod.call(fn, ...call.params.map((t, i) => argument(t, call.args[i])));
    return `returned ${results.length ? results.map(String).join(', ') : 'nothing'}`;
  } catch (e) {
    return `failed: ${(e as Error).message}`;
  }
}

/** `fuzz --replay` and `test`: one reproducer's call. Returns what the call did (if it returns). */
export function replayCall(library: string, moduleName: string, fn: string, call: DecodedCall): string {
  const mod = openModule(library, moduleName);
  const outcome = callOnce(mod, fn, call);
  mod.dispose();
  return outcome;
}

/**
 * The random mode (no libFuzzer): `runs` seeded inputs, or until `seconds` pass. Progress reports
 * the index of each input before its call, so the parent can rebuild the input of a crash.
 */
export function randomCalls(library: string, moduleName: string, fn: string, seed: number, runs: number, seconds: number, progress: (index: number) => void): { runs: number } {
  const mod = openModule(library, moduleName);
  const f = mod.function(fn);
  const deadline = performance.now() + seconds * 1000;
  let i = 0;
  for (; i < runs && performance.now() < deadline; i++) {
    progress(i);
    callOnce(mod, fn, decodeInput(f.params, randomInput(f.params, seed, i)));
  }
  mod.dispose();
  return { runs: i };
}

/** Every function of every module of a plug-in, with parameter types (random mode's list). */
export function listFunctions(library: string): Array<{ module: string; function: string; params: string[]; results: string[] }> {
  const plugin = Plugin.load(library);
  const out: Array<{ module: string; function: string; params: string[]; results: string[] }> = [];
  for (const d of plugin.moduleDescriptors) {
    const mod = plugin.createModule(d.name);
    for (const f of mod.functions) out.push({ module: d.name, function: f.name, params: f.params, results: f.results });
    mod.dispose();
  }
  return out;
}
