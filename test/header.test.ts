// The C ABI header (sdk/include/wasmedge/wasmedge.h), the link-only stub
// (sdk/link/) and the C get_string example: they compile cleanly, match the
// WasmEdge 0.17 layouts, and produce plug-ins with the right symbol versions.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT, STRICT_C, STRICT_CXX, VERSION_SCRIPT,
  buildPluginLib, buildStub, cmakeBuild, compileExecutable, compileObject,
  dynSyms, dynamicSection, headerFunctions, makeTempDir, removeDir, run, runOk,
  tryCompile, writeFile,
} from './helpers/cbuild.js';

let tmp: string;
let stubDir: string;
beforeAll(() => {
  tmp = makeTempDir('wpk-header-');
  stubDir = buildStub(path.join(tmp, 'stub'));
});
afterAll(() => removeDir(tmp));

const CHANGED = [
  'WasmEdge_LimitIsEqual', 'WasmEdge_MemoryTypeCreate', 'WasmEdge_MemoryTypeGetLimit',
  'WasmEdge_TableTypeCreate', 'WasmEdge_TableTypeGetLimit',
];

describe('header compiles alone', () => {
  const INCLUDE_ONLY = '#include <wasmedge/wasmedge.h>\n';
  for (const api of [5, 4]) {
    const defines: Record<string, number> = api === 4 ? { WASMEDGE_PLUGIN_API_VERSION: 4 } : {};
    it(`as C11 and as C++17, -Wall -Wextra -Werror -pedantic (API ${api})`, () => {
      const c = writeFile(tmp, `alone${api}.c`, INCLUDE_ONLY);
      const cpp = writeFile(tmp, `alone${api}.cpp`, INCLUDE_ONLY);
      for (const [src, flags] of [[c, STRICT_C], [cpp, STRICT_CXX]] as const) {
        const r = tryCompile([src], { flags: [...flags], defines });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      }
    });
  }

  it('rejects any other WASMEDGE_PLUGIN_API_VERSION with a clear #error', () => {
    const src = writeFile(tmp, 'badver.c', '#include <wasmedge/wasmedge.h>\n');
    const r = tryCompile([src], { defines: { WASMEDGE_PLUGIN_API_VERSION: 3 } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/#error.*WASMEDGE_PLUGIN_API_VERSION must be 5 .* or 4/);
  });

  it('declares the version macros', () => {
    const src = writeFile(tmp, 'versions.c', `
#include <stdio.h>
#include <wasmedge/wasmedge.h>
int main(void) {
  printf("%s %d.%d.%d %d %s %d.%d.%d\\n", WASMEDGE_VERSION, WASMEDGE_VERSION_MAJOR,
         WASMEDGE_VERSION_MINOR, WASMEDGE_VERSION_PATCH, WasmEdge_Plugin_CurrentAPIVersion,
         WASMEDGE_PLUGIN_KIT_VERSION_STRING, WASMEDGE_PLUGIN_KIT_VERSION_MAJOR,
         WASMEDGE_PLUGIN_KIT_VERSION_MINOR, WASMEDGE_PLUGIN_KIT_VERSION_PATCH);
  return 0;
}
`);
    const exe5 = compileExecutable([src], path.join(tmp, 'versions5'));
    expect(runOk(exe5, []).stdout).toBe('0.17.1 0.17.1 5 0.1.0 0.1.0\n');
    const exe4 = compileExecutable([src], path.join(tmp, 'versions4'), { defines: { WASMEDGE_PLUGIN_API_VERSION: 4 } });
    expect(runOk(exe4, []).stdout).toBe('0.17.1 0.17.1 4 0.1.0 0.1.0\n');
  });
});

describe('two translation units', () => {
  it('including the header (C and C++) link into one binary', () => {
    const a = writeFile(tmp, 'tu_a.c', `
#include <wasmedge/wasmedge.h>
WasmEdge_Result tu_b(void);
uint32_t tu_c(void);
int main(void) {
  WasmEdge_Result r = WasmEdge_Result_Terminate;
  return (int)(r.Code + tu_b().Code + tu_c()) == 1 + 2 + 0 ? 0 : 1;
}
`);
    const b = writeFile(tmp, 'tu_b.c', `
#include <wasmedge/wasmedge.h>
WasmEdge_Result tu_b(void);
WasmEdge_Result tu_b(void) { return WasmEdge_Result_Fail; }
`);
    const c = writeFile(tmp, 'tu_c.cpp', `
#include <wasmedge/wasmedge.h>
extern "C" uint32_t tu_c(void);
extern "C" uint32_t tu_c(void) { return WasmEdge_Result_Success.Code; }
`);
    const objs = [
      compileObject([a], path.join(tmp, 'tu_a.o')),
      compileObject([b], path.join(tmp, 'tu_b.o')),
      compileObject([c], path.join(tmp, 'tu_c.o')),
    ];
    const exe = path.join(tmp, 'two_tus');
    runOk('c++', ['-o', exe, ...objs]);
    expect(run(exe, []).status).toBe(0);
  });
});

// Every number of FACTS.md §1 (x86-64), printed by a probe compiled against our header.
const LAYOUT_PROBE = `
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <wasmedge/wasmedge.h>
#ifdef __cplusplus
#define SA(c) static_assert(c, #c)
#define ALIGNOF(t) alignof(t)
#else
#define SA(c) _Static_assert(c, #c)
#define ALIGNOF(t) _Alignof(t)
#endif
#define SZ(t) printf("sizeof(%s) = %zu, alignof = %zu\\n", #t, sizeof(t), (size_t)ALIGNOF(t))
#define OFF(t, m) printf("  offsetof(%s, %s) = %zu\\n", #t, #m, offsetof(t, m))

SA(sizeof(WasmEdge_String) == 16 && offsetof(WasmEdge_String, Buf) == 8);
SA(sizeof(WasmEdge_Bytes) == 16 && offsetof(WasmEdge_Bytes, Buf) == 8);
SA(sizeof(WasmEdge_Result) == 4);
SA(sizeof(WasmEdge_ValType) == 8 && ALIGNOF(WasmEdge_ValType) == 1);
SA(sizeof(uint128_t) == 16 && ALIGNOF(uint128_t) == 16);
SA(sizeof(WasmEdge_Value) == 32 && ALIGNOF(WasmEdge_Value) == 16);
SA(offsetof(WasmEdge_Value, Type) == 16);
SA(sizeof(WasmEdge_ProgramOption) == 40 && offsetof(WasmEdge_ProgramOption, DefaultValue) == 32);
SA(sizeof(WasmEdge_ModuleDescriptor) == 24 && offsetof(WasmEdge_ModuleDescriptor, Create) == 16);
SA(sizeof(WasmEdge_PluginVersionData) == 16);
SA(sizeof(WasmEdge_PluginDescriptor) == 64 && offsetof(WasmEdge_PluginDescriptor, ProgramOptions) == 56);
SA(sizeof(WasmEdge_LogMessage) == 56 && offsetof(WasmEdge_LogMessage, ThreadId) == 48);

int main(void) {
  printf("WasmEdge_Plugin_CurrentAPIVersion = %d\\n", WasmEdge_Plugin_CurrentAPIVersion);
  SZ(WasmEdge_String); OFF(WasmEdge_String, Length); OFF(WasmEdge_String, Buf);
  SZ(WasmEdge_Bytes); OFF(WasmEdge_Bytes, Length); OFF(WasmEdge_Bytes, Buf);
  SZ(WasmEdge_Result); OFF(WasmEdge_Result, Code);
  SZ(WasmEdge_ValType); OFF(WasmEdge_ValType, Data);
  SZ(uint128_t); SZ(int128_t);
  SZ(WasmEdge_Value); OFF(WasmEdge_Value, Value); OFF(WasmEdge_Value, Type);
  SZ(WasmEdge_ProgramOptionType);
  SZ(WasmEdge_ProgramOption); OFF(WasmEdge_ProgramOption, Name); OFF(WasmEdge_ProgramOption, Description);
  OFF(WasmEdge_ProgramOption, Type); OFF(WasmEdge_ProgramOption, Storage); OFF(WasmEdge_ProgramOption, DefaultValue);
  SZ(WasmEdge_ModuleDescriptor); OFF(WasmEdge_ModuleDescriptor, Name);
  OFF(WasmEdge_ModuleDescriptor, Description); OFF(WasmEdge_ModuleDescriptor, Create);
  SZ(WasmEdge_PluginVersionData); OFF(WasmEdge_PluginVersionData, Major); OFF(WasmEdge_PluginVersionData, Minor);
  OFF(WasmEdge_PluginVersionData, Patch); OFF(WasmEdge_PluginVersionData, Build);
  SZ(WasmEdge_PluginDescriptor); OFF(WasmEdge_PluginDescriptor, Name); OFF(WasmEdge_PluginDescriptor, Description);
  OFF(WasmEdge_PluginDescriptor, APIVersion); OFF(WasmEdge_PluginDescriptor, Version);
  OFF(WasmEdge_PluginDescriptor, ModuleCount); OFF(WasmEdge_PluginDescriptor, ProgramOptionCount);
  OFF(WasmEdge_PluginDescriptor, ModuleDescriptions); OFF(WasmEdge_PluginDescriptor, ProgramOptions);
  SZ(enum WasmEdge_ErrCategory); SZ(enum WasmEdge_ErrCode);
  SZ(WasmEdge_LogMessage); OFF(WasmEdge_LogMessage, Message); OFF(WasmEdge_LogMessage, LoggerName);
  OFF(WasmEdge_LogMessage, Level); OFF(WasmEdge_LogMessage, Time); OFF(WasmEdge_LogMessage, ThreadId);
  printf("ProgramOptionType: None=%d Toggle=%d Int8=%d Int16=%d Int32=%d Int64=%d UInt8=%d UInt16=%d UInt32=%d UInt64=%d Float=%d Double=%d String=%d\\n",
    WasmEdge_ProgramOptionType_None, WasmEdge_ProgramOptionType_Toggle, WasmEdge_ProgramOptionType_Int8,
    WasmEdge_ProgramOptionType_Int16, WasmEdge_ProgramOptionType_Int32, WasmEdge_ProgramOptionType_Int64,
    WasmEdge_ProgramOptionType_UInt8, WasmEdge_ProgramOptionType_UInt16, WasmEdge_ProgramOptionType_UInt32,
    WasmEdge_ProgramOptionType_UInt64, WasmEdge_ProgramOptionType_Float, WasmEdge_ProgramOptionType_Double,
    WasmEdge_ProgramOptionType_String);
  printf("ErrCategory: WASM=%d UserLevelError=%d\\n", WasmEdge_ErrCategory_WASM, WasmEdge_ErrCategory_UserLevelError);
  printf("Result_Success=0x%08x Result_Terminate=0x%08x Result_Fail=0x%08x\\n",
    WasmEdge_Result_Success.Code, WasmEdge_Result_Terminate.Code, WasmEdge_Result_Fail.Code);
  printf("ErrCode samples: Terminated=0x%x RuntimeError=0x%x UserDefError=0x%x ModuleNameConflict=0x%x UnknownImport=0x%x IncompatibleImportType=0x%x FuncSigMismatch=0x%x MemoryOutOfBounds=0x%x HostFuncError=0x%x\\n",
    WasmEdge_ErrCode_Terminated, WasmEdge_ErrCode_RuntimeError, WasmEdge_ErrCode_UserDefError,
    WasmEdge_ErrCode_ModuleNameConflict, WasmEdge_ErrCode_UnknownImport, WasmEdge_ErrCode_IncompatibleImportType,
    WasmEdge_ErrCode_FuncSigMismatch, WasmEdge_ErrCode_MemoryOutOfBounds, WasmEdge_ErrCode_HostFuncError);
  printf("TypeCode: I32=0x%x I64=0x%x F32=0x%x F64=0x%x V128=0x%x Ref=0x%x RefNull=0x%x; HeapType Func=0x%x Extern=0x%x\\n",
    WasmEdge_TypeCode_I32, WasmEdge_TypeCode_I64, WasmEdge_TypeCode_F32, WasmEdge_TypeCode_F64,
    WasmEdge_TypeCode_V128, WasmEdge_TypeCode_Ref, WasmEdge_TypeCode_RefNull,
    WasmEdge_TypeCode_FuncRef, WasmEdge_TypeCode_ExternRef);
  printf("Mutability: Const=%d Var=%d\\n", WasmEdge_Mutability_Const, WasmEdge_Mutability_Var);
  return 0;
}
`;

const LAYOUT_EXPECTED = `WasmEdge_Plugin_CurrentAPIVersion = 5
sizeof(WasmEdge_String) = 16, alignof = 8
  offsetof(WasmEdge_String, Length) = 0
  offsetof(WasmEdge_String, Buf) = 8
sizeof(WasmEdge_Bytes) = 16, alignof = 8
  offsetof(WasmEdge_Bytes, Length) = 0
  offsetof(WasmEdge_Bytes, Buf) = 8
sizeof(WasmEdge_Result) = 4, alignof = 4
  offsetof(WasmEdge_Result, Code) = 0
sizeof(WasmEdge_ValType) = 8, alignof = 1
  offsetof(WasmEdge_ValType, Data) = 0
sizeof(uint128_t) = 16, alignof = 16
sizeof(int128_t) = 16, alignof = 16
sizeof(WasmEdge_Value) = 32, alignof = 16
  offsetof(WasmEdge_Value, Value) = 0
  offsetof(WasmEdge_Value, Type) = 16
sizeof(WasmEdge_ProgramOptionType) = 4, alignof = 4
sizeof(WasmEdge_ProgramOption) = 40, alignof = 8
  offsetof(WasmEdge_ProgramOption, Name) = 0
  offsetof(WasmEdge_ProgramOption, Description) = 8
  offsetof(WasmEdge_ProgramOption, Type) = 16
  offsetof(WasmEdge_ProgramOption, Storage) = 24
  offsetof(WasmEdge_ProgramOption, DefaultValue) = 32
sizeof(WasmEdge_ModuleDescriptor) = 24, alignof = 8
  offsetof(WasmEdge_ModuleDescriptor, Name) = 0
  offsetof(WasmEdge_ModuleDescriptor, Description) = 8
  offsetof(WasmEdge_ModuleDescriptor, Create) = 16
sizeof(WasmEdge_PluginVersionData) = 16, alignof = 4
  offsetof(WasmEdge_PluginVersionData, Major) = 0
  offsetof(WasmEdge_PluginVersionData, Minor) = 4
  offsetof(WasmEdge_PluginVersionData, Patch) = 8
  offsetof(WasmEdge_PluginVersionData, Build) = 12
sizeof(WasmEdge_PluginDescriptor) = 64, alignof = 8
  offsetof(WasmEdge_PluginDescriptor, Name) = 0
  offsetof(WasmEdge_PluginDescriptor, Description) = 8
  offsetof(WasmEdge_PluginDescriptor, APIVersion) = 16
  offsetof(WasmEdge_PluginDescriptor, Version) = 20
  offsetof(WasmEdge_PluginDescriptor, ModuleCount) = 36
  offsetof(WasmEdge_PluginDescriptor, ProgramOptionCount) = 40
  offsetof(WasmEdge_PluginDescriptor, ModuleDescriptions) = 48
  offsetof(WasmEdge_PluginDescriptor, ProgramOptions) = 56
sizeof(enum WasmEdge_ErrCategory) = 4, alignof = 4
sizeof(enum WasmEdge_ErrCode) = 4, alignof = 4
sizeof(WasmEdge_LogMessage) = 56, alignof = 8
  offsetof(WasmEdge_LogMessage, Message) = 0
  offsetof(WasmEdge_LogMessage, LoggerName) = 16
  offsetof(WasmEdge_LogMessage, Level) = 32
  offsetof(WasmEdge_LogMessage, Time) = 40
  offsetof(WasmEdge_LogMessage, ThreadId) = 48
ProgramOptionType: None=0 Toggle=1 Int8=2 Int16=3 Int32=4 Int64=5 UInt8=6 UInt16=7 UInt32=8 UInt64=9 Float=10 Double=11 String=12
ErrCategory: WASM=0 UserLevelError=1
Result_Success=0x00000000 Result_Terminate=0x00000001 Result_Fail=0x00000002
ErrCode samples: Terminated=0x1 RuntimeError=0x2 UserDefError=0xc ModuleNameConflict=0x300 UnknownImport=0x302 IncompatibleImportType=0x301 FuncSigMismatch=0x403 MemoryOutOfBounds=0x408 HostFuncError=0x40e
TypeCode: I32=0x7f I64=0x7e F32=0x7d F64=0x7c V128=0x7b Ref=0x64 RefNull=0x63; HeapType Func=0x70 Extern=0x6f
Mutability: Const=0 Var=1
`;

describe('layouts match WasmEdge 0.17.1 (FACTS §1, x86-64)', () => {
  it.runIf(process.arch === 'x64')('as C11 (static asserts + printed sizes/offsets)', () => {
    const src = writeFile(tmp, 'layout.c', LAYOUT_PROBE);
    const exe = compileExecutable([src], path.join(tmp, 'layout_c'));
    expect(runOk(exe, []).stdout).toBe(LAYOUT_EXPECTED);
  });

  it.runIf(process.arch === 'x64')('as C++17 (same numbers)', () => {
    const src = writeFile(tmp, 'layout.cpp', LAYOUT_PROBE);
    // -pedantic off: the probe itself (not the header) uses C-isms like %zu on size_t casts.
    const exe = compileExecutable([src], path.join(tmp, 'layout_cpp'), { flags: ['-std=c++17', '-Wall', '-Wextra', '-Werror'] });
    expect(runOk(exe, []).stdout).toBe(LAYOUT_EXPECTED);
  });

  it('API 4: WasmEdge_Limit is the 12-byte 0.16 struct', () => {
    const src = writeFile(tmp, 'limit4.c', `
#define WASMEDGE_PLUGIN_API_VERSION 4
#include <stddef.h>
#include <stdio.h>
#include <wasmedge/wasmedge.h>
_Static_assert(sizeof(WasmEdge_Limit) == 12, "WasmEdge_Limit is 12 bytes");
int main(void) {
  printf("%zu %zu %zu %zu %zu %zu %d\\n", sizeof(WasmEdge_Limit), _Alignof(WasmEdge_Limit),
         offsetof(WasmEdge_Limit, HasMax), offsetof(WasmEdge_Limit, Shared),
         offsetof(WasmEdge_Limit, Min), offsetof(WasmEdge_Limit, Max), WasmEdge_Plugin_CurrentAPIVersion);
  return 0;
}
`);
    const exe = compileExecutable([src], path.join(tmp, 'limit4'));
    expect(runOk(exe, []).stdout).toBe('12 4 0 1 4 8 4\n');
  });

  it('API 4 does not declare the LimitContext functions; API 5 has no WasmEdge_Limit struct', () => {
    const v4 = writeFile(tmp, 'v4_limitctx.c', `
#define WASMEDGE_PLUGIN_API_VERSION 4
#include <wasmedge/wasmedge.h>
void f(void);
void f(void) { (void)WasmEdge_LimitCreate(1, false); }
`);
    expect(tryCompile([v4]).status).not.toBe(0);
    const v5 = writeFile(tmp, 'v5_limit.c', `
#include <wasmedge/wasmedge.h>
WasmEdge_Limit l;
`);
    expect(tryCompile([v5]).status).not.toBe(0);
  });
});

describe('symbol versions', () => {
  it('the version script and the stub cover exactly the header\'s functions', () => {
    const declared = headerFunctions().filter((n) => n !== 'WasmEdge_Plugin_GetDescriptor');
    expect(declared).toHaveLength(138);
    expect(headerFunctions()).toContain('WasmEdge_Plugin_GetDescriptor');

    const map = fs.readFileSync(VERSION_SCRIPT, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const node = (name: string) => {
      const m = new RegExp(`${name.replace('.', '\\.')}\\s*\\{([^}]*)\\}`).exec(map);
      return (m?.[1].match(/WasmEdge_\w+/g) ?? []).sort();
    };
    expect(node('WASMEDGE_0.17')).toEqual([...CHANGED].sort());
    expect(node('WASMEDGE_0.16')).toEqual(declared.filter((n) => !CHANGED.includes(n)));
    expect(map).not.toMatch(/local\s*:/);

    const stub = path.join(stubDir, 'libwasmedge.so.0');
    expect(dynamicSection(stub).soname).toBe('libwasmedge.so.0');
    const syms = dynSyms(stub).filter((s) => s.defined && s.name.startsWith('WasmEdge_'));
    const defaults = syms.filter((s) => s.defaultVersion).map((s) => `${s.name}@@${s.version}`).sort();
    expect(defaults).toEqual(declared.map((n) => `${n}@@WASMEDGE_0.${CHANGED.includes(n) ? 17 : 16}`).sort());
    const compat = syms.filter((s) => !s.defaultVersion).map((s) => `${s.name}@${s.version}`).sort();
    expect(compat).toEqual(CHANGED.map((n) => `${n}@WASMEDGE_0.16`).sort());
  });

  const USES_CHANGED = (api: number) => `
${api === 4 ? '#define WASMEDGE_PLUGIN_API_VERSION 4' : ''}
#include <wasmedge/wasmedge.h>
WasmEdge_MemoryTypeContext *make_memory_type(void);
WasmEdge_MemoryTypeContext *make_memory_type(void) {
#if WASMEDGE_PLUGIN_API_VERSION == 4
  WasmEdge_Limit Lim = {true, false, 2, 5};
  return WasmEdge_MemoryTypeCreate(Lim);
#else
  WasmEdge_LimitContext *Lim = WasmEdge_LimitCreateWithMax(2, 5, false, false);
  WasmEdge_MemoryTypeContext *T = WasmEdge_MemoryTypeCreate(Lim);
  WasmEdge_LimitDelete(Lim);
  return T;
#endif
}
`;
  const refs = (lib: string) =>
    dynSyms(lib).filter((s) => !s.defined && s.name.startsWith('WasmEdge_')).map((s) => `${s.name}@${s.version}`).sort();

  for (const lang of ['c', 'c++'] as const) {
    it(`API 4 (${lang}) references WasmEdge_MemoryTypeCreate@WASMEDGE_0.16`, () => {
      const src = writeFile(tmp, `v4.${lang === 'c' ? 'c' : 'cpp'}`, USES_CHANGED(4));
      const lib = buildPluginLib([src], path.join(tmp, `libv4_${lang === 'c' ? 'c' : 'cpp'}.so`), { stubDir });
      expect(refs(lib)).toEqual(['WasmEdge_MemoryTypeCreate@WASMEDGE_0.16']);
    });

    it(`API 5 (${lang}) references WasmEdge_MemoryTypeCreate@WASMEDGE_0.17`, () => {
      const src = writeFile(tmp, `v5.${lang === 'c' ? 'c' : 'cpp'}`, USES_CHANGED(5));
      const lib = buildPluginLib([src], path.join(tmp, `libv5_${lang === 'c' ? 'c' : 'cpp'}.so`), { stubDir });
      expect(refs(lib)).toEqual([
        'WasmEdge_LimitCreateWithMax@WASMEDGE_0.16',
        'WasmEdge_LimitDelete@WASMEDGE_0.16',
        'WasmEdge_MemoryTypeCreate@WASMEDGE_0.17',
      ]);
      expect(dynamicSection(lib).needed).toContain('libwasmedge.so.0');
    });
  }
});

describe('examples/get-string (C) with plain cmake', () => {
  let build: string;
  let lib: string;
  beforeAll(() => {
    build = cmakeBuild(path.join(REPO_ROOT, 'examples/get-string'), path.join(tmp, 'get-string-build'));
    lib = path.join(build, 'libget_string.so');
  });

  it('builds libget_string.so with NEEDED libwasmedge.so.0 and no RUNPATH/RPATH', () => {
    expect(fs.existsSync(lib)).toBe(true);
    const d = dynamicSection(lib);
    expect(d.needed).toContain('libwasmedge.so.0');
    expect(d.runpath).toBeNull();
    expect(d.rpath).toBeNull();
    // The stub must not sit next to the plug-in (it would be picked up as a library).
    expect(fs.readdirSync(build).filter((f) => f.startsWith('libwasmedge'))).toEqual([]);
  });

  it('has only versioned WasmEdge_* references and exports only the descriptor', () => {
    const syms = dynSyms(lib);
    const refs = syms.filter((s) => !s.defined && s.name.startsWith('WasmEdge_'));
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(`${r.name}@${r.version}`).toBe(`${r.name}@WASMEDGE_0.16`);
    const exported = syms.filter((s) => s.defined && s.type === 'FUNC').map((s) => s.name);
    expect(exported).toEqual(['WasmEdge_Plugin_GetDescriptor']);
  });

  it('describes itself correctly (descriptor read by a dlopen host)', () => {
    const host = writeFile(tmp, 'read_descriptor.c', `
#include <dlfcn.h>
#include <stdio.h>
#include <wasmedge/wasmedge.h>
int main(int argc, char **argv) {
  (void)argc;
  void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!h) { fprintf(stderr, "%s\\n", dlerror()); return 2; }
  const WasmEdge_PluginDescriptor *(*get)(void) =
      (const WasmEdge_PluginDescriptor *(*)(void))dlsym(h, "WasmEdge_Plugin_GetDescriptor");
  const WasmEdge_PluginDescriptor *d = get();
  printf("%s api=%u v=%u.%u.%u.%u desc=%d\\n", d->Name, d->APIVersion, d->Version.Major,
         d->Version.Minor, d->Version.Patch, d->Version.Build, d->Description && *d->Description);
  for (uint32_t i = 0; i < d->ProgramOptionCount; i++) {
    const WasmEdge_ProgramOption *o = &d->ProgramOptions[i];
    printf("option %s type=%d default=%s", o->Name, (int)o->Type, o->DefaultValue ? "set" : "NULL");
    if (o->Type == WasmEdge_ProgramOptionType_String) {
      const WasmEdge_String *s = (const WasmEdge_String *)o->Storage;
      const WasmEdge_String *dv = (const WasmEdge_String *)o->DefaultValue;
      printf(" value=%.*s dflt=%.*s", (int)s->Length, s->Buf, (int)dv->Length, dv->Buf);
    } else if (o->Type == WasmEdge_ProgramOptionType_Toggle) {
      printf(" value=%d", *(const bool *)o->Storage);
    }
    printf("\\n");
  }
  for (uint32_t i = 0; i < d->ModuleCount; i++)
    printf("module %s create=%d\\n", d->ModuleDescriptions[i].Name, d->ModuleDescriptions[i].Create != NULL);
  return 0;
}
`);
    // No -pedantic: ISO C forbids casting dlsym's void * to a function pointer.
    const exe = compileExecutable([host], path.join(tmp, 'read_descriptor'), {
      flags: ['-std=c11', '-Wall', '-Wextra', '-Werror'], extra: ['-ldl'],
    });
    // The plug-in's NEEDED libwasmedge.so.0 resolves to the stub here; the test
    // never calls into it (Create is not invoked).
    const r = runOk(exe, [lib], { env: { ...process.env, LD_LIBRARY_PATH: stubDir } });
    expect(r.stdout).toBe(
      'get_string api=5 v=0.1.0.0 desc=1\n' +
      'option string type=12 default=set value=hello dflt=hello\n' +
      'option upper type=1 default=set value=0\n' +
      'module get_string_module create=1\n',
    );
  });

  // Calls the host functions for real through our host shim (built by `npm install`).
  it('get_string and add behave as documented (called through the host shim)', () => {
    const shimDir = path.join(REPO_ROOT, 'build/Release');
    expect(fs.existsSync(path.join(shimDir, 'libwasmedge.so.0')), 'host shim not built: run npm install').toBe(true);
    const harness = writeFile(tmp, 'call_get_string.c', `
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <wasmedge/wasmedge.h>
#include "wpk_host.h"

static uint8_t Mem[65536];

static uint32_t call(uint32_t Binding, int32_t A, int32_t B, int32_t C) {
  WasmEdge_Value *S = wpk_slots();
  int32_t Args[3] = {A, B, C};
  for (int I = 0; I < 3; I++) { memset(&S[I], 0, sizeof S[I]); memcpy(&S[I].Value, &Args[I], 4); }
  return wpk_invoke(Binding);
}

static void get(uint32_t Binding, int32_t Buf, int32_t Len, int32_t WrittenPtr) {
  memset(Mem, 0xAA, sizeof Mem);
  uint32_t Code = call(Binding, Buf, Len, WrittenPtr);
  uint32_t Written = 0;
  if (WrittenPtr >= 0 && WrittenPtr <= 65532) memcpy(&Written, Mem + WrittenPtr, 4);
  printf("get(%d,%d,%d) code=0x%x", Buf, Len, WrittenPtr, Code);
  if (Code == 0) printf(" written=%u text=%.*s next=0x%02x", Written, (int)Written, (char *)Mem + Buf, Mem[Buf + Written]);
  printf("\\n");
}

int main(int argc, char **argv) {
  (void)argc;
  void *H = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!H) { fprintf(stderr, "%s\\n", dlerror()); return 2; }
  const WasmEdge_PluginDescriptor *(*Get)(void);
  *(void **)&Get = dlsym(H, "WasmEdge_Plugin_GetDescriptor");
  const WasmEdge_PluginDescriptor *D = Get();
  WasmEdge_ModuleInstanceContext *Mod = D->ModuleDescriptions[0].Create(&D->ModuleDescriptions[0]);
  WasmEdge_ModuleInstanceContext *Guest = wpk_guest_module_create("guest");
  wpk_memory_attach(wpk_guest_memory(Guest), 1, Mem, sizeof Mem, 1);
  WasmEdge_String Name = WasmEdge_StringCreateByCString("get_string");
  uint32_t GetString = wpk_bind(WasmEdge_ModuleInstanceFindFunction(Mod, Name), Guest);
  WasmEdge_StringDelete(Name);
  Name = WasmEdge_StringCreateByCString("add");
  uint32_t Add = wpk_bind(WasmEdge_ModuleInstanceFindFunction(Mod, Name), Guest);
  WasmEdge_StringDelete(Name);

  get(GetString, 100, 255, 8);          /* default "hello" */
  get(GetString, 100, 3, 8);            /* truncated */
  get(GetString, 65534, 255, 8);        /* buffer out of bounds */
  get(GetString, 100, 255, 65534);      /* written_ptr out of bounds */
  /* Options are read at call time: change them after Create. */
  *(bool *)D->ProgramOptions[1].Storage = true;
  get(GetString, 100, 255, 8);          /* "HELLO" */
  *(WasmEdge_String *)D->ProgramOptions[0].Storage = WasmEdge_StringWrap("Mixed Case!", 11);
  get(GetString, 0, 255, 200);
  uint32_t Code = call(Add, 2, 3, 0);
  printf("add(2,3) code=0x%x -> %d\\n", Code, WasmEdge_ValueGetI32(wpk_slots()[0]));
  Code = call(Add, 2147483647, 1, 0);
  printf("add(max,1) code=0x%x -> %d\\n", Code, WasmEdge_ValueGetI32(wpk_slots()[0]));

  wpk_unbind(GetString);
  wpk_unbind(Add);
  WasmEdge_ModuleInstanceDelete(Mod);
  WasmEdge_ModuleInstanceDelete(Guest);
  return 0;
}
`);
    const exe = compileExecutable([harness], path.join(tmp, 'call_get_string'), {
      flags: ['-std=c11', '-Wall', '-Wextra', '-Werror'],
      includes: [path.join(REPO_ROOT, 'runtime/native')],
      extra: [`-L${shimDir}`, '-l:libwasmedge.so.0', '-ldl'],
    });
    // The plug-in's NEEDED libwasmedge.so.0 binds to the shim the harness already loaded.
    const r = runOk(exe, [lib], { env: { ...process.env, LD_LIBRARY_PATH: shimDir } });
    expect(r.stdout).toBe(
      'get(100,255,8) code=0x0 written=5 text=hello next=0xaa\n' +
      'get(100,3,8) code=0x0 written=3 text=hel next=0xaa\n' +
      'get(65534,255,8) code=0x408\n' +
      'get(100,255,65534) code=0x408\n' +
      'get(100,255,8) code=0x0 written=5 text=HELLO next=0xaa\n' +
      'get(0,255,200) code=0x0 written=11 text=MIXED CASE! next=0xaa\n' +
      'add(2,3) code=0x0 -> 5\n' +
      'add(max,1) code=0x0 -> -2147483648\n',
    );
  });
});
