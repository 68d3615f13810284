/**
 * The isolated `inspect` runs plug-in code in a native probe and judges what it read with the
 * runtime's rules; the Node child runs the runtime itself. Both must give the same report, the same
 * errors (or the same crash) and announce the same stages, for plug-ins good and bad in every way
 * the fixtures know.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, buildPluginLib, makeTempDir, removeDir, run, writeFile } from './helpers/cbuild.js';
import { cli, ensureBuilt } from './helpers/cli.js';
import { inspectWithProbe } from '../tooling/engines/inspect-probe.js';
import { runIsolated } from '../tooling/isolation/parent.js';
import { probePath } from '../tooling/isolation/probe.js';
import type { StageEvent } from '../runtime/stages.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
let tmp: string;
let probe: string;

function fixture(name: string, source: string, defines: Record<string, string | number | true> = {}): string {
  return buildPluginLib([path.join(FIXTURES, source)], path.join(tmp, `lib${name}.so`), {
    flags: ['-std=c11', '-w', '-g'], defines, stubDir: path.join(tmp, 'stub'),
  });
}

/** A report or a rejection as plain JSON (bigints as strings, as the Node child sends them). */
async function outcome(work: () => Promise<unknown>): Promise<unknown> {
  try {
    return JSON.parse(JSON.stringify(await work(), (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  } catch (e) {
    const err = e as { code?: string; message: string };
    // The stderr tail differs by nature (one is Node, one is not): compare what the message says before it.
    return { rejected: err.code, message: err.message.split('\n  stderr (last lines):')[0] };
  }
}

/** Both engines on the same files, each with its stages. */
async function both(files: string[]) {
  const stages = { probe: [] as StageEvent[], node: [] as StageEvent[] };
  const o = (list: StageEvent[]) => ({ stdout: 'stderr' as const, timeoutMs: 20_000, onStage: (e: StageEvent) => list.push(e) });
  const viaProbe = await outcome(() => inspectWithProbe(probe, files, o(stages.probe)));
  // `searched` is the caller's (inspectIsolated): the probe engine leaves it out.
  const viaNode = await outcome(async () => {
    const { searched: _searched, ...report } = await runIsolated('inspect', [files], o(stages.node));
    return report;
  });
  return { viaProbe, viaNode, stages };
}

/** A module that exports a mutable i64 and a constant f32 global (no other fixture has globals). */
const GLOBALS_PLUGIN = `#include <wasmedge/wasmedge.h>
static void add(WasmEdge_ModuleInstanceContext *mod, const char *name, WasmEdge_ValType t, enum WasmEdge_Mutability m, WasmEdge_Value v) {
  WasmEdge_GlobalTypeContext *gt = WasmEdge_GlobalTypeCreate(t, m);
  WasmEdge_String n = WasmEdge_StringCreateByCString(name);
  WasmEdge_ModuleInstanceAddGlobal(mod, n, WasmEdge_GlobalInstanceCreate(gt, v));
  WasmEdge_StringDelete(n);
  WasmEdge_GlobalTypeDelete(gt);
}
static WasmEdge_ModuleInstanceContext *create(const WasmEdge_ModuleDescriptor *d) {
  (void)d;
  WasmEdge_String n = WasmEdge_StringCreateByCString("globals");
  WasmEdge_ModuleInstanceContext *mod = WasmEdge_ModuleInstanceCreate(n);
  WasmEdge_StringDelete(n);
  add(mod, "counter", WasmEdge_ValTypeGenI64(), WasmEdge_Mutability_Var, WasmEdge_ValueGenI64(7));
  add(mod, "ratio", WasmEdge_ValTypeGenF32(), WasmEdge_Mutability_Const, WasmEdge_ValueGenF32(0.5f));
  return mod;
}
static WasmEdge_ModuleDescriptor modules[] = {{.Name = "globals", .Description = "g", .Create = create}};
static WasmEdge_PluginDescriptor desc = {.Name = "globals", .Description = "", .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
  .ModuleCount = 1, .ModuleDescriptions = modules};
WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) { return &desc; }
`;

const lib: Record<string, string> = {};

beforeAll(() => {
  ensureBuilt();
  tmp = makeTempDir('wpk-probe-');
  probe = probePath()!;
  lib.basic = fixture('basic', 'runtime/basic.c');
  lib.features = fixture('features', 'runtime/features.c');
  lib.globals = buildPluginLib([writeFile(tmp, 'globals.c', GLOBALS_PLUGIN)], path.join(tmp, 'libglobals.so'), { stubDir: path.join(tmp, 'stub') });
  lib.getString = buildPluginLib([path.join(REPO_ROOT, 'examples', 'get-string', 'get_string.c')], path.join(tmp, 'libget_string.so'), { stubDir: path.join(tmp, 'stub') });
  for (let n = 1; n <= 13; n++) lib[`break${n}`] = fixture(`break${n}`, 'runtime/bad_descriptor.c', { BREAK: n });
  for (const d of ['NULL_DESCRIPTOR', 'BAD_OPTION_TYPE', 'NULL_OPTION_STORAGE', 'DUP_OPTION', 'DUP_MODULE', 'NULL_CREATE', 'COUNT_MISMATCH', 'CREATE_RETURNS_NULL', 'EMPTY_PLUGIN_NAME']) {
    lib[d] = fixture(d.toLowerCase(), 'bad/descriptor.c', { [d]: true });
  }
  lib.api3 = fixture('api3', 'bad/descriptor.c', { API_VERSION: 3 });
  lib.api4 = fixture('api4', 'diagnosis/misbehave.c', { WASMEDGE_PLUGIN_API_VERSION: 4, PLUGIN_NAME: '"good_v4"' });
  lib.noEntry = fixture('no_entry', 'bad/descriptor.c', { NO_ENTRY: true });
  lib.missingSymbol = fixture('missing_symbol', 'runtime/missing_symbol.c');
  lib.noDescriptor = fixture('no_descriptor', 'runtime/no_descriptor.c');
  // A plug-in whose NEEDED library is gone by the time it is loaded.
  const needDir = path.join(tmp, 'need');
  fs.mkdirSync(needDir);
  buildPluginLib([writeFile(needDir, 'need.c', 'int wpk_needed(void) { return 1; }\n')], path.join(needDir, 'libwpkneed.so'), { stubDir: path.join(tmp, 'stub') });
  lib.needsMissing = buildPluginLib([path.join(FIXTURES, 'runtime', 'basic.c'), writeFile(needDir, 'use.c', 'int wpk_needed(void);\nint wpk_use(void) { return wpk_needed(); }\n')],
    path.join(tmp, 'libneeds_missing.so'), { stubDir: path.join(tmp, 'stub'), extra: [`-L${needDir}`, '-lwpkneed'] });
  fs.rmSync(path.join(needDir, 'libwpkneed.so'));
  lib.sighandler = fixture('sighandler', 'bad/sighandler.c');
  lib.dtor = fixture('dtor', 'diagnosis/misbehave.c', { DTOR_CRASH: true, PLUGIN_NAME: '"dtor"' });
  lib.renamed = fixture('renamed', 'diagnosis/misbehave.c', { RENAMED: true, PLUGIN_NAME: '"renamed"' });
  for (const where of ['IN_CONSTRUCTOR', 'IN_GETDESCRIPTOR', 'IN_CREATE']) lib[where] = fixture(where.toLowerCase(), 'bad/crash.c', { [where]: true });
  lib.hang = fixture('hang', 'bad/crash.c', { IN_CREATE: true, HOW_HANG: true });
  lib.abort = fixture('abort', 'bad/crash.c', { IN_GETDESCRIPTOR: true, HOW_ABORT: true });
  lib.exit = fixture('exit', 'bad/crash.c', { IN_CONSTRUCTOR: true, HOW_EXIT: true });
  // Not plug-ins: text named .so, a wrong extension, a missing path; the same plug-in twice by name and by file.
  lib.text = path.join(tmp, 'libtext.so');
  fs.writeFileSync(lib.text, 'not an ELF file\n');
  lib.wrongExt = path.join(tmp, 'basic.dylib');
  fs.copyFileSync(lib.basic, lib.wrongExt);
  lib.copy = path.join(tmp, 'copy', 'libbasic.so');
  fs.mkdirSync(path.dirname(lib.copy));
  fs.copyFileSync(lib.basic, lib.copy);
  lib.link = path.join(tmp, 'libbasic-link.so');
  fs.symlinkSync(lib.basic, lib.link);
}, 240_000);

afterAll(() => removeDir(tmp));

describe('the probe and the Node child give the same inspect report', () => {
  type Report = { plugins: Array<{ name: string; options: unknown[]; modules: Array<{ functions: unknown[]; memories?: unknown[]; globals?: unknown[] }> }>; errors: Array<{ code: string }> };
  /** `check` makes sure the case says what it is about (two empty reports would be equal too). */
  const same = (name: string, files: () => string[], check: (probeReport: Report) => void = () => {}) => test(name, async () => {
    const { viaProbe, viaNode, stages } = await both(files());
    expect(viaProbe).toEqual(viaNode);
    expect(stages.probe).toEqual(stages.node);
    check(viaProbe as Report);
  }, 60_000);

  same('good plug-ins: options, modules, functions, memories, globals, instance names, API 4', () => [lib.basic, lib.features, lib.getString, lib.renamed, lib.api4, lib.globals], (r) => {
    expect(r.errors).toEqual([]);
    expect(r.plugins).toHaveLength(6);
    const all = r.plugins.flatMap((p) => p.modules);
    expect(all.filter((m) => m.functions.length > 0)).toHaveLength(all.length - 1);
    expect(all.some((m) => m.memories?.length)).toBe(true);
    expect(all.flatMap((m) => m.globals ?? [])).toEqual([{ name: 'counter', type: 'i64', mutable: true }, { name: 'ratio', type: 'f32', mutable: false }]);
    expect(r.plugins.find((p) => p.name === 'get_string')?.options).toHaveLength(2);
  });
  same('every broken descriptor field (bad_descriptor.c BREAK=1…13)', () => Array.from({ length: 13 }, (_, i) => lib[`break${i + 1}`]), (r) => {
    expect(r.errors.length).toBeGreaterThanOrEqual(13 - r.plugins.length);
    // All are named 'bad': those that load after the first are refused as duplicates.
    expect(new Set(r.errors.map((e) => e.code))).toEqual(new Set(['E_BAD_DESCRIPTOR', 'E_CREATE_FAILED', 'E_DUPLICATE_PLUGIN']));
  });
  same('descriptor rules of bad/descriptor.c, and API version 3', () => ['NULL_DESCRIPTOR', 'BAD_OPTION_TYPE', 'NULL_OPTION_STORAGE', 'DUP_OPTION', 'DUP_MODULE', 'NULL_CREATE', 'COUNT_MISMATCH', 'CREATE_RETURNS_NULL', 'EMPTY_PLUGIN_NAME', 'api3'].map((k) => lib[k]));
  same('loader failures: no entry point, the internal entry, a missing symbol, a missing library, not ELF, wrong extension, missing path',
    () => [lib.noEntry, lib.noDescriptor, lib.missingSymbol, lib.needsMissing, lib.text, lib.wrongExt, path.join(tmp, 'nope.so')],
    (r) => expect(r.errors.map((e) => e.code)).toEqual(['E_NO_DESCRIPTOR', 'E_NO_DESCRIPTOR', 'E_MISSING_SYMBOL', 'E_LOAD_FAILED', 'E_NOT_A_LIBRARY', 'E_NOT_A_LIBRARY', 'E_NOT_FOUND']));
  same('the same name twice (first wins) and the same file twice (one plug-in, listed twice)', () => [lib.basic, lib.copy, lib.link, lib.basic]);
  same('a plug-in that replaces the SIGSEGV handler in Create', () => [lib.sighandler]);
  same('a crash at exit (library destructor) keeps the report', () => [lib.dtor]);
  for (const k of ['IN_CONSTRUCTOR', 'IN_GETDESCRIPTOR', 'IN_CREATE', 'abort', 'exit']) {
    // Alone (nothing runs after the crash) and after a good plug-in (whose modules are still to come).
    same(`a crash ${k} names the same stage and plug-in`, () => [lib[k]], (r) => expect(r).toMatchObject({ rejected: expect.stringMatching(/^E_CRASH$/) }));
    same(`a crash ${k} after a good plug-in`, () => [lib.basic, lib[k]], (r) => expect(r).toMatchObject({ rejected: 'E_CRASH' }));
  }
});

test('a hang in Create is killed after the timeout and named the same way', async () => {
  const o = { stdout: 'stderr' as const, timeoutMs: 1500 };
  const viaProbe = await outcome(() => inspectWithProbe(probe, [lib.hang], o));
  const viaNode = await outcome(() => runIsolated('inspect', [[lib.hang]], o));
  expect(viaProbe).toMatchObject({ rejected: 'E_TIMEOUT' });
  expect(viaProbe).toEqual(viaNode);
}, 60_000);

test('`inspect DIR` with a crashing plug-in lists the others and names the culprit (through the probe)', async () => {
  const dir = path.join(tmp, 'mixed');
  fs.mkdirSync(dir);
  fs.copyFileSync(lib.basic, path.join(dir, 'libbasic.so'));
  fs.copyFileSync(lib.IN_CREATE, path.join(dir, 'libcrash.so'));
  const r = await cli(['inspect', '--json', dir]);
  expect(r.status).toBe(1);
  const report = JSON.parse(r.stdout) as { plugins: Array<{ name: string }>; errors: Array<{ code: string; path: string; message: string }> };
  expect(report.plugins.map((p) => p.name)).toEqual(['basic']);
  expect(report.errors).toMatchObject([{ code: 'E_CRASH', path: path.join(dir, 'libcrash.so') }]);
  expect(report.errors[0].message).toContain("in Create of module 'crash_module'");
});

test('the probe refuses to run without its shim and says why', () => {
  const r = run(probe, [path.join(tmp, 'no-such-shim.so')]);
  expect(r.status).toBe(70);
  expect(r.stderr).toContain('cannot load the host shim');
});
