/**
 * `test --engine wasmedge|both`: the WasmEdge side (docs/engines.md, "test"). A `wasmedge-load`
 * finding says whether the plug-in loads in that WasmEdge (its `--version`, with the plug-in on
 * WASMEDGE_PLUGIN_PATH, lists it) and if not, why; then every expectation of each test .wat file is
 * evaluated in the real `wasmedge` CLI. The CLI cannot keep an instance between calls, so each
 * `@invoke` runs in a fresh instance (the kit runs them in order on one).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { compatibleWith } from '../../runtime/api-versions.js';
import { parseWasm } from '../../runtime/wasm/binary.js';
import { loadWasmFile } from '../../runtime/wasm/wat.js';
import type { Finding } from '../check/conformance.js';
import { parseWatExpectations } from '../check/wat-expectations.js';
import { parseLiteral } from '../literals.js';
import { runWasmEdge, wasmedgeLiteral } from './cli-runner.js';
import { sameValue } from './compare.js';
import type { WasmEdgeInstall } from './find.js';
import { optionFlags, type DeclaredOption } from './option-flags.js';
import { stagePlugins } from './stage.js';

export interface PluginFacts { name: string; apiVersion: number; options: Array<{ name: string; type: string }> }

/** Whether `library` loads in this WasmEdge, and why not. */
export function wasmedgeLoadFinding(install: WasmEdgeInstall, library: string, plugin: PluginFacts | undefined): Finding {
  const label = `WasmEdge ${install.version}`;
  const staged = stagePlugins([library]);
  let listed: boolean;
  let output = '';
  try {
    const r = spawnSync(install.binary, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, WASMEDGE_PLUGIN_PATH: staged.pluginPath } });
    output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0) {
      return { check: 'wasmedge-load', status: 'fail', code: 'E_LOAD_FAILED', message: `${label} failed while loading the plug-in (exit ${r.status ?? r.signal}):\n${output.trim().split('\n').slice(-6).join('\n')}` };
    }
    listed = plugin !== undefined && output.includes(`(plugin "${plugin.name}")`);
  } finally {
    staged.cleanup();
  }
  if (listed) return { check: 'wasmedge-load', status: 'pass', message: `loads in ${label} (${install.binary})` };
  if (plugin && install.apiVersion !== undefined && plugin.apiVersion !== install.apiVersion) {
    return {
      check: 'wasmedge-load', status: 'fail', code: 'E_API_VERSION',
      message: `${label} does not load it: the plug-in has API version ${plugin.apiVersion}, this WasmEdge loads only ${install.apiVersion} (it refuses others silently; their modules become unknown imports)`,
      hint: `rebuild with WASMEDGE_PLUGIN_API_VERSION ${install.apiVersion}, or run it in ${compatibleWith(plugin.apiVersion)}`,
    };
  }
  return {
    check: 'wasmedge-load', status: 'fail', code: 'E_LOAD_FAILED',
    message: `${label} does not list the plug-in${plugin ? ` '${plugin.name}'` : ''} in \`wasmedge --version\` (a missing symbol, a NULL descriptor, or a name already loaded from elsewhere)`,
    hint: 'ldd -r <library> shows unresolved symbols against the installed libwasmedge',
  };
}

/** The expectations of one .wat file, evaluated in the real `wasmedge` CLI. */
export async function watTestInWasmEdge(install: WasmEdgeInstall, library: string, file: string, declared: DeclaredOption[], timeoutMs: number | undefined): Promise<Finding[]> {
  const name = basename(file);
  const label = `WasmEdge ${install.version}`;
  const findings: Finding[] = [];
  const add = (status: Finding['status'], message: string, extra: Partial<Finding> = {}) =>
    findings.push({ check: 'wasmedge', status, file: name, message: `${name} in ${label}: ${message}`, ...extra });
  const exp = parseWatExpectations(readFileSync(file, 'utf8'), file);
  const bytes = await loadWasmFile(file);
  const info = parseWasm(bytes);
  const tmp = mkdtempSync(join(tmpdir(), 'wpk-wasmedge-wat-'));
  try {
    const wasmFile = join(tmp, name.replace(/\.wat$/i, '') + '.wasm');
    writeFileSync(wasmFile, bytes);
    const optionFlagsForFile = optionFlags(exp.opts.map((o) => (o.value === undefined ? o.name : `${o.name}=${o.value}`)), declared);
    const run = { wasmFile, pluginPaths: [library], optionFlags: optionFlagsForFile, timeoutMs };
    if (info.exports.some((e) => e.name === '_start' && e.kind === 'function')) {
      const o = runWasmEdge(install, { ...run, args: [] });
      if (o.kind !== 'exit') add('fail', `_start ended with ${o.kind}: ${o.message ?? ''}`, { code: o.kind === 'trap' ? 'E_TRAP' : 'E_WASMEDGE_FAILED' });
      else {
        if (o.guestExit === exp.exit) add('pass', `_start exited ${o.guestExit}`);
        else add('fail', `_start exited ${o.guestExit}, expected ${exp.exit}`, { code: 'E_ENGINES_DIFFER' });
        if (exp.stdout) {
          const want = exp.stdout.map((l) => `${l}\n`).join('');
          if (o.stdout === want) add('pass', `stdout matches (${exp.stdout.length} line(s))`);
          else add('fail', `stdout differs:\n      expected ${JSON.stringify(want)}\n      ${label.padEnd(8)} ${JSON.stringify(o.stdout)}`, { code: 'E_ENGINES_DIFFER' });
        }
      }
    }
    for (const inv of exp.invokes) {
      const what = `line ${inv.line}: @invoke ${inv.text}`;
      const sig = info.exports.find((e) => e.name === inv.export && e.kind === 'function')?.signature;
      if (!sig || inv.args.length !== sig.params.length) continue; // the kit side reports the malformed line
      let args: string[];
      try {
        args = inv.args.map((a, i) => wasmedgeLiteral(parseLiteral(a, sig.params[i]) as number | bigint));
      } catch {
        continue;
      }
      const o = runWasmEdge(install, { ...run, args, invoke: inv.export, resultTypes: sig.results });
      if (inv.trap !== undefined) {
        if (o.kind === 'trap') add('pass', `${what} (trapped: ${o.message})`);
        else add('fail', `${what}: ${o.kind === 'results' ? `returned ${o.results?.join(' ') || 'nothing'}` : `${o.kind} ${o.message ?? ''}`} instead of trapping`, { code: 'E_ENGINES_DIFFER' });
      } else if (o.kind !== 'results') {
        add('fail', `${what}: ${o.kind}${o.message ? `: ${o.message}` : ''}`, { code: o.kind === 'trap' ? 'E_TRAP' : 'E_ENGINES_DIFFER' });
      } else if (!inv.results || (o.results!.length === inv.results.length && inv.results.every((w, i) => sameValue(String(parseLiteral(w, sig.results[i])), o.results![i], sig.results[i])))) {
        add('pass', what);
      } else add('fail', `${what}: got ${o.results!.join(' ') || 'nothing'}`, { code: 'E_ENGINES_DIFFER' });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return findings;
}

/** Every WasmEdge-side finding of `test`: the load check, then each .wat file's expectations. */
export async function wasmedgeFindings(install: WasmEdgeInstall, library: string, wats: string[], timeoutMs: number | undefined, add: (f: Finding) => void): Promise<void> {
  const { inspectIsolated } = await import('../engines/isolated.js');
  const report = await inspectIsolated([library], timeoutMs);
  const plugin = report.plugins[0];
  const load = wasmedgeLoadFinding(install, library, plugin);
  add(load);
  if (load.status !== 'pass') return; // every expectation would fail the same way
  const declared = report.plugins.flatMap((p) => p.options.map((o) => ({ plugin: p.name, name: o.name, type: o.type })));
  for (const file of wats) {
    try {
      (await watTestInWasmEdge(install, library, file, declared, timeoutMs)).forEach(add);
    } catch (e) {
      const err = e as { code?: string; message?: string; hint?: string };
      add({ check: 'wasmedge', status: 'fail', file: basename(file), code: err.code ?? 'E_INTERNAL', message: `${basename(file)}: ${err.message ?? String(e)}`, hint: err.hint });
    }
  }
}
