/**
 * One rule for program options, on the command line (`--opt`) and in test .wat files (`@opt`): an
 * option declared by several loaded plug-ins must be qualified as plugin:name — `@opt` used to set
 * it silently on the first plug-in. Two real plug-ins declaring the same option, loaded from one
 * directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runWatTest } from '../tooling/check/wat-expectations.js';
import { runFile } from '../tooling/engines/run.js';
import { buildPluginLib, makeTempDir, removeDir, writeFile } from './helpers/cbuild.js';

const SOURCE = `#include <wasmedge/wasmedge.h>
static int32_t level = 0, level_default = 1;
static WasmEdge_Result get(void *d, const WasmEdge_CallingFrameContext *f, const WasmEdge_Value *in, WasmEdge_Value *out) {
  (void)d; (void)f; (void)in;
  out[0] = WasmEdge_ValueGenI32(level);
  return WasmEdge_Result_Success;
}
static WasmEdge_ModuleInstanceContext *create(const WasmEdge_ModuleDescriptor *desc) {
  (void)desc;
  WasmEdge_String name = WasmEdge_StringCreateByCString(NAME "_mod");
  WasmEdge_ModuleInstanceContext *mod = WasmEdge_ModuleInstanceCreate(name);
  WasmEdge_StringDelete(name);
  WasmEdge_ValType r[1] = {WasmEdge_ValTypeGenI32()};
  WasmEdge_FunctionTypeContext *t = WasmEdge_FunctionTypeCreate(NULL, 0, r, 1);
  WasmEdge_String fname = WasmEdge_StringCreateByCString("get");
  WasmEdge_ModuleInstanceAddFunction(mod, fname, WasmEdge_FunctionInstanceCreate(t, get, NULL, 0));
  WasmEdge_StringDelete(fname);
  WasmEdge_FunctionTypeDelete(t);
  return mod;
}
static WasmEdge_ModuleDescriptor modules[] = {{.Name = NAME "_mod", .Description = "m", .Create = create}};
static WasmEdge_ProgramOption options[] = {{.Name = "level", .Description = "a level", .Type = WasmEdge_ProgramOptionType_Int32, .Storage = &level, .DefaultValue = &level_default}};
static WasmEdge_PluginDescriptor descriptor = {
  .Name = NAME, .Description = "declares level", .APIVersion = WasmEdge_Plugin_CurrentAPIVersion, .Version = {1, 0, 0, 0},
  .ModuleCount = 1, .ProgramOptionCount = 1, .ModuleDescriptions = modules, .ProgramOptions = options,
};
WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) { return &descriptor; }
`;

const WAT = `(module
  (import "one_mod" "get" (func $one (result i32)))
  (import "two_mod" "get" (func $two (result i32)))
  (func (export "one") (result i32) (call $one))
  (func (export "two") (result i32) (call $two)))`;

let dir: string;
let libs: string;
beforeAll(() => {
  dir = makeTempDir('wpk-opt-');
  libs = path.join(dir, 'libs');
  fs.mkdirSync(libs);
  const src = writeFile(dir, 'level.c', SOURCE);
  for (const name of ['one', 'two']) {
    buildPluginLib([src], path.join(libs, `lib${name}.so`), { defines: { NAME: `"${name}"` }, flags: ['-std=c11', '-Wall', '-Wextra', '-Werror'], stubDir: path.join(dir, 'stub') });
  }
});
afterAll(() => removeDir(dir));

test('@opt: an option two plug-ins declare is refused unless qualified, as --opt is', async () => {
  const ambiguous = writeFile(dir, 'ambiguous.wat', `;; @opt level=5\n;; @invoke one => 5\n${WAT}`);
  await expect(runWatTest(libs, ambiguous)).rejects.toThrow("@opt level=5: several plug-ins declare 'level' (one, two)");
  await expect(runFile(path.join(dir, 'ambiguous.wat'), [], { plugin: [libs], opt: ['level=5'], env: [], dir: [], invoke: 'one' })).rejects.toThrow("--opt level=5: several plug-ins declare 'level'");

  const qualified = writeFile(dir, 'qualified.wat', `;; @opt two:level=7\n;; @invoke two => 7\n;; @invoke one => 0\n${WAT}`);
  const findings = await runWatTest(libs, qualified);
  expect(findings.map((f) => [f.status, f.message])).toEqual([
    ['pass', 'qualified.wat: line 2: @invoke two => 7'],
    ['pass', 'qualified.wat: line 3: @invoke one => 0'],
  ]);
});

test('@opt: an option no plug-in declares names the declared ones', async () => {
  const unknown = writeFile(dir, 'unknown.wat', `;; @opt colour=red\n${WAT}`);
  await expect(runWatTest(libs, unknown)).rejects.toThrow(/@opt colour=red: no loaded plug-in declares an option 'colour'[\s\S]*/);
});
