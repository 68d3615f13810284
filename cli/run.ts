/** `wasmedge-plugin run <file.wasm|.wat> --plugin <path>…`: runs wasm with plug-in modules importable. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { KitError } from '../runtime/errors.js';
import { PluginHost } from '../runtime/host.js';
import { loadWasmFile } from '../runtime/wat.js';
import type { WasmValue } from '../runtime/call-engine.js';
import { parseArgument } from './call.js';
import { applyOptions, collect, createAllModules, loadPlugins } from './plugins.js';
import { printJson } from './output.js';
import { isolationOptions, runIsolatedFile, timeoutMs, type IsolationFlags } from './isolation.js';

export interface RunCommandOptions {
  plugin: string[];
  invoke?: string;
  opt: string[];
  env: string[];
  dir: string[];
  json?: boolean;
}

export interface RunOutcome {
  exitCode: number;
  results?: Array<number | string>;
}

function parseEnv(specs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const s of specs) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new KitError('E_USAGE', `--env ${s}: expected KEY=VALUE`);
    env[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return env;
}

function parseDirs(specs: string[]): Record<string, string> {
  const preopens: Record<string, string> = {};
  for (const s of specs) {
    const [hostDir, guestDir] = s.split(':');
    if (!hostDir) throw new KitError('E_USAGE', `--dir ${s}: expected HOST[:GUEST]`);
    preopens[guestDir || hostDir] = resolve(hostDir);
  }
  return preopens;
}

export async function runFile(file: string, args: string[], o: RunCommandOptions): Promise<RunOutcome> {
  const bytes = await loadWasmFile(file);
  const host = new PluginHost();
  try {
    const { loaded } = loadPlugins(host, o.plugin);
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
      throw new KitError('E_ARGUMENTS', `export '${o.invoke}' takes ${exp.signature.params.length} argument(s) (${exp.signature.params.join(', ') || 'none'}), got ${args.length}`);
    }
    const values = args.map((a, i) => parseArgument(a, exp.signature!.params[i], i, () => {
      throw new KitError('E_ARGUMENTS', '@N buffers are only available with `call`');
    }) as WasmValue);
    const r = inst.invoke(o.invoke, ...values);
    const list = exp.signature.results.length === 0 ? [] : exp.signature.results.length === 1 ? [r] : (r as unknown[]);
    return { exitCode: 0, results: list.map((v) => (typeof v === 'bigint' ? v.toString() : (v as number))) };
  } finally {
    host.close();
  }
}

export function register(program: Command): void {
  // No default timeout: a guest program may legitimately run for a long time.
  isolationOptions(program.command('run'), undefined)
    .description('run a wasm program (_start under WASI, or --invoke an export) whose imports resolve to plug-in modules')
    .argument('<file>', '.wasm or .wat file')
    .argument('[args...]', 'guest arguments (for _start) or the export\'s arguments (with --invoke); put them after --')
    .option('--plugin <path>', 'plug-in library or directory to load (repeatable)', collect, [])
    .option('--invoke <name>', 'call this export instead of _start and print its results')
    .option('--opt <name[=value]>', 'set a plug-in program option, [plugin:]name[=value] (repeatable)', collect, [])
    .option('--env <KEY=VALUE>', 'environment variable for the guest (repeatable)', collect, [])
    .option('--dir <HOST[:GUEST]>', 'pre-open a host directory for the guest (repeatable)', collect, [])
    .option('--json', 'print one JSON document ({"results": [...]} or {"exitCode": N})')
    .action(async (file: string, args: string[], opts: RunCommandOptions & IsolationFlags) => {
      const r = opts.isolate === false ? await runFile(file, args, opts) : await runIsolatedFile(file, args, opts, timeoutMs(opts, undefined));
      if (opts.json) printJson(r.results ? { results: r.results } : { exitCode: r.exitCode });
      else if (r.results) for (const v of r.results) process.stdout.write(`${v}\n`);
      process.exitCode = r.exitCode;
    });
}
