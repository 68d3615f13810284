/** The run engine: a wasm program (_start under WASI, or one export) with plug-in modules importable. */
import { resolve } from 'node:path';
import { PluginHost } from '../../runtime/host.js';
import { loadWasmFile } from '../../runtime/wasm/wat.js';
import type { WasmValue } from '../../runtime/call-engine.js';
import { parseArgument } from './call.js';
import { applyOptions, createAllModules, loadPlugins } from './plugins.js';
import { ToolError } from '../errors.js';
import { formatSignature } from '../../runtime/value-types.js';

export interface RunCommandOptions {
  plugin: string[];
  invoke?: string;
  opt: string[];
  env: string[];
  dir: string[];
  json?: boolean;
  /** Files of --plugin directories not to load (they crashed while loading in an earlier attempt). */
  skip?: string[];
}

export interface RunOutcome {
  exitCode: number;
  results?: Array<number | string>;
}

function parseEnv(specs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const s of specs) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new ToolError('E_USAGE', `--env ${s}: expected KEY=VALUE`);
    env[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return env;
}

function parseDirs(specs: string[]): Record<string, string> {
  const preopens: Record<string, string> = {};
  for (const s of specs) {
    const [hostDir, guestDir] = s.split(':');
    if (!hostDir) throw new ToolError('E_USAGE', `--dir ${s}: expected HOST[:GUEST]`);
    preopens[guestDir || hostDir] = resolve(hostDir);
  }
  return preopens;
}

export async function runFile(file: string, args: string[], o: RunCommandOptions): Promise<RunOutcome> {
  const bytes = await loadWasmFile(file);
  const host = new PluginHost();
  try {
    const { loaded } = loadPlugins(host, o.plugin, o.skip);
    applyOptions(loaded, o.opt);
    const modules = createAllModules(loaded);
    const wasi = { args: [file, ...args], env: parseEnv(o.env), preopens: parseDirs(o.dir) };
    if (!o.invoke) {
      return { exitCode: await host.runWasi(bytes, { modules, ...wasi }) };
    }
    const inst = await host.instantiate(bytes, { modules, wasi });
    const exp = inst.info.exports.find((e) => e.name === o.invoke && e.kind === 'function');
    if (!exp?.signature) return { exitCode: 0, results: [inst.invoke(o.invoke) as number] }; // throws E_NO_EXPORT
    if (args.length !== exp.signature.params.length) {
      throw new ToolError('E_ARGUMENTS', `export '${o.invoke}' takes ${exp.signature.params.length} argument(s) ${formatSignature(exp.signature)}, got ${args.length}`);
    }
    const values = args.map((a, i) => parseArgument(a, exp.signature!.params[i], i, () => {
      throw new ToolError('E_ARGUMENTS', '@N buffers are only available with `call`');
    }) as WasmValue);
    const r = inst.invoke(o.invoke, ...values);
    const list = exp.signature.results.length === 0 ? [] : exp.signature.results.length === 1 ? [r] : (r as unknown[]);
    return { exitCode: 0, results: list.map((v) => (typeof v === 'bigint' ? v.toString() : (v as number))) };
  } finally {
    host.close();
  }
}
