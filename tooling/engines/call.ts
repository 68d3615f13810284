/** The call engine: one host function of a plug-in, called directly with command-line arguments. */
import { PluginHost } from '../../runtime/host.js';
import type { ScratchBuffer } from '../../runtime/module.js';
import type { WasmValue } from '../../runtime/call-engine.js';
import type { ValueTypeName } from '../../runtime/value-types.js';
import { formatSignature } from '../../runtime/value-types.js';
import { applyOptions, loadPlugins } from './plugins.js';
import { ToolError } from '../errors.js';
import { LiteralError, isLiteralType, parseLiteral, quoteLiteral } from '../literals.js';

export interface CallReport {
  plugin: string;
  module: string;
  function: string;
  signature: string;
  results: Array<number | string>;
  buffers: Array<{ argument: number; address: number; size: number; text: string; hex: string; u32?: number; u64?: string }>;
}

/** Parses one command-line argument for a parameter of type `t`; `@N` is a scratch buffer. */
export function parseArgument(raw: string, t: ValueTypeName, index: number, alloc: (n: number) => ScratchBuffer): WasmValue | ScratchBuffer {
  const bad = (what: string) => new ToolError('E_ARGUMENTS', `argument ${index + 1} (${t}): ${quoteLiteral(raw)} is not ${what}`);
  if (raw.startsWith('@')) {
    const n = Number(raw.slice(1));
    if (!Number.isInteger(n) || n <= 0 || n > 64 * 1024 * 1024) throw bad('a buffer size (@1 … @67108864)');
    if (t !== 'i32' && t !== 'i64') throw bad('a number (a buffer address must go into an i32 or i64 parameter)');
    return alloc(n);
  }
  try {
    return parseLiteral(raw, t);
  } catch (e) {
    if (!(e instanceof LiteralError)) throw e;
    if (!isLiteralType(t)) throw new ToolError('E_ARGUMENTS', `argument ${index + 1} has type ${t}, which cannot be given on the command line`);
    throw new ToolError('E_ARGUMENTS', `argument ${index + 1} (${t}): ${e.message}`);
  }
}

function describeBuffer(b: ScratchBuffer, argument: number): CallReport['buffers'][number] {
  const bytes = b.read();
  const nul = bytes.indexOf(0);
  const head = Buffer.from(nul < 0 ? bytes : bytes.subarray(0, nul));
  // Text only when it reads as text; small integers (counts, lengths) show as u32/u64 and hex.
  const text = /^[^\x00-\x08\x0e-\x1f\x7f]*$/.test(head.toString('latin1')) ? head.toString('utf8') : '';
  const out: CallReport['buffers'][number] = { argument, address: b.address, size: b.size, text, hex: Buffer.from(bytes).toString('hex') };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.size === 4) out.u32 = view.getUint32(0, true);
  if (b.size === 8) out.u64 = view.getBigUint64(0, true).toString();
  return out;
}

/** `skip`: files of a plug-in directory not to load (they crashed while loading in an earlier attempt). */
export function callFunction(pluginPath: string, target: string, rawArgs: string[], opts: string[], skip: string[] = []): CallReport {
  const dot = target.lastIndexOf('.');
  if (dot <= 0 || dot === target.length - 1) {
    throw new ToolError('E_USAGE', `'${target}' is not <module>.<function>`, { hint: 'e.g. wasmedge-plugin call ./libget_string.so get_string_module.add 1 2' });
  }
  const moduleName = target.slice(0, dot);
  const fnName = target.slice(dot + 1);
  const host = new PluginHost();
  try {
    const { loaded } = loadPlugins(host, [pluginPath], skip);
    const plugin = loaded.find((p) => p.moduleDescriptors.some((m) => m.name === moduleName)) ?? loaded[0];
    applyOptions(loaded, opts);
    const desc = plugin.moduleDescriptors.find((m) => m.name === moduleName);
    let mod = desc ? plugin.createModule(desc.name) : undefined;
    if (!mod) {
      // Accept the instance name too (what wasm imports), which may differ from the descriptor's.
      for (const d of plugin.moduleDescriptors) {
        const m = plugin.createModule(d.name);
        if (m.instanceName === moduleName) { mod = m; break; }
        m.dispose();
      }
    }
    if (!mod) {
      throw new ToolError('E_UNKNOWN_MODULE', `plug-in '${plugin.name}' has no module '${moduleName}'`, { hint: `modules: ${plugin.moduleDescriptors.map((m) => m.name).join(', ') || '(none)'}` });
    }
    const fn = mod.function(fnName);
    if (rawArgs.length !== fn.params.length) {
      throw new ToolError('E_ARGUMENTS', `${moduleName}.${fnName}${formatSignature(fn)} takes ${fn.params.length} argument(s), got ${rawArgs.length}`, {
        hint: `usage: wasmedge-plugin call ${pluginPath} ${target}${fn.params.map((t) => ` <${t}>`).join('')}`,
      });
    }
    const args = rawArgs.map((a, i) => parseArgument(a, fn.params[i], i, (n) => mod!.scratchBuffer(n)));
    const results = mod.call(fnName, ...args);
    const buffers = args.flatMap((a, i) => (typeof a === 'object' ? [describeBuffer(a, i + 1)] : []));
    return {
      plugin: plugin.name, module: mod.instanceName, function: fnName, signature: formatSignature(fn),
      results: results.map((r) => (typeof r === 'bigint' ? r.toString() : r)), buffers,
    };
  } finally {
    host.close();
  }
}
