/*
 * wpk_fuzz.c — the libFuzzer target `wasmedge-plugin fuzz` builds (docs/fuzzing.md).
 *
 * Linked with clang -fsanitize=fuzzer,address against an instrumented build of the kit's shim
 * (a libwasmedge.so.0 standing in for WasmEdge). It loads one plug-in, creates one of its modules,
 * and calls one host function per input, with a fresh guest memory of WPK_FUZZ_MEMORY bytes:
 *
 *   input = { selector: u8, value: u64 little-endian } per parameter, then the memory contents.
 *
 * The selector (mod 4) says how the value becomes the argument, so that the cases that matter for
 * pointer/length code are likely: 0 raw bits, 1 near the end of memory (size - value % 256),
 * 2 small (value % 256, for lengths), 3 anywhere in memory (value % size). The rest of the input is
 * copied into memory at the first i32 argument that points inside it (else at 0), truncated at the
 * end of memory. The memory is followed by an inaccessible guard page (as in WasmEdge, whose memories
 * sit in a large reservation), so the first byte written or read past its end faults at once, whether
 * the plug-in was built with AddressSanitizer or not.
 *
 * Environment: WPK_FUZZ_PLUGIN (path), WPK_FUZZ_MODULE, WPK_FUZZ_FUNCTION (names). WPK_FUZZ_LIST=1
 * prints every module's functions as JSON lines and exits; WPK_FUZZ_DESCRIBE=1 prints each decoded
 * call as one JSON line on stderr before making it (for reproducers).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"

#define WPK_FUZZ_MEMORY 65536u
#define MAX_PARAMS 16

static WasmEdge_FunctionInstanceContext *Target;
static uint32_t Binding;
static uint32_t ParamCount;
static char ParamKind[MAX_PARAMS]; /* 'i' i32, 'I' i64, 'f' f32, 'F' f64, 'o' other */
static WasmEdge_MemoryInstanceContext *GuestMemory;
static uint8_t *Memory;
static int Describe;

static void die(const char *What, const char *Name) {
  fprintf(stderr, "wpk_fuzz: %s%s%s\n", What, Name ? ": " : "", Name ? Name : "");
  exit(2);
}

static char kind_of(WasmEdge_ValType T) {
  if (WasmEdge_ValTypeIsI32(T)) return 'i';
  if (WasmEdge_ValTypeIsI64(T)) return 'I';
  if (WasmEdge_ValTypeIsF32(T)) return 'f';
  if (WasmEdge_ValTypeIsF64(T)) return 'F';
  return 'o';
}

static const char *type_name(char K) {
  switch (K) {
  case 'i': return "i32";
  case 'I': return "i64";
  case 'f': return "f32";
  case 'F': return "f64";
  default: return "other";
  }
}

/* Prints {"module":…,"function":…,"params":[…]} for every function of every module. */
static void list_functions(const WasmEdge_PluginDescriptor *D) {
  for (uint32_t M = 0; M < D->ModuleCount; M++) {
    const WasmEdge_ModuleDescriptor *MD = &D->ModuleDescriptions[M];
    WasmEdge_ModuleInstanceContext *Mod = MD->Create(MD);
    if (!Mod) continue;
    uint32_t N = WasmEdge_ModuleInstanceListFunctionLength(Mod);
    WasmEdge_String *Names = calloc(N ? N : 1, sizeof *Names);
    WasmEdge_ModuleInstanceListFunction(Mod, Names, N);
    for (uint32_t F = 0; F < N; F++) {
      const WasmEdge_FunctionInstanceContext *Fn = WasmEdge_ModuleInstanceFindFunction(Mod, Names[F]);
      const WasmEdge_FunctionTypeContext *Ty = Fn ? WasmEdge_FunctionInstanceGetFunctionType(Fn) : NULL;
      uint32_t P = Ty ? WasmEdge_FunctionTypeGetParametersLength(Ty) : 0;
      WasmEdge_ValType Types[MAX_PARAMS];
      if (Ty) WasmEdge_FunctionTypeGetParameters(Ty, Types, MAX_PARAMS);
      printf("{\"module\":\"%s\",\"function\":\"%.*s\",\"params\":[", MD->Name, (int)Names[F].Length, Names[F].Buf);
      for (uint32_t I = 0; I < P && I < MAX_PARAMS; I++) printf("%s\"%s\"", I ? "," : "", type_name(kind_of(Types[I])));
      printf("]}\n");
    }
    free(Names);
    WasmEdge_ModuleInstanceDelete(Mod);
  }
}

int LLVMFuzzerInitialize(int *Argc, char ***Argv) {
  (void)Argc;
  (void)Argv;
  const char *Path = getenv("WPK_FUZZ_PLUGIN");
  if (!Path) die("WPK_FUZZ_PLUGIN is not set", NULL);
  void *Lib = dlopen(Path, RTLD_NOW | RTLD_LOCAL);
  if (!Lib) die("cannot load the plug-in", dlerror());
  const WasmEdge_PluginDescriptor *(*GetDescriptor)(void) =
      (const WasmEdge_PluginDescriptor *(*)(void))dlsym(Lib, "WasmEdge_Plugin_GetDescriptor");
  if (!GetDescriptor) die("the plug-in does not export WasmEdge_Plugin_GetDescriptor", Path);
  const WasmEdge_PluginDescriptor *D = GetDescriptor();
  if (!D) die("WasmEdge_Plugin_GetDescriptor returned NULL", Path);
  if (getenv("WPK_FUZZ_LIST")) {
    list_functions(D);
    fflush(stdout);
    exit(0);
  }
  const char *ModName = getenv("WPK_FUZZ_MODULE");
  const char *FnName = getenv("WPK_FUZZ_FUNCTION");
  if (!ModName || !FnName) die("WPK_FUZZ_MODULE and WPK_FUZZ_FUNCTION must be set", NULL);
  WasmEdge_ModuleInstanceContext *Mod = NULL;
  for (uint32_t M = 0; M < D->ModuleCount && !Mod; M++) {
    const WasmEdge_ModuleDescriptor *MD = &D->ModuleDescriptions[M];
    if (strcmp(MD->Name, ModName) == 0) Mod = MD->Create(MD);
  }
  if (!Mod) die("no such module (or its Create returned NULL)", ModName);
  WasmEdge_String Name = WasmEdge_StringCreateByCString(FnName);
  Target = WasmEdge_ModuleInstanceFindFunction(Mod, Name);
  WasmEdge_StringDelete(Name);
  if (!Target) die("no such function", FnName);
  const WasmEdge_FunctionTypeContext *Ty = WasmEdge_FunctionInstanceGetFunctionType(Target);
  ParamCount = WasmEdge_FunctionTypeGetParametersLength(Ty);
  if (ParamCount > MAX_PARAMS) die("too many parameters to fuzz", FnName);
  WasmEdge_ValType Types[MAX_PARAMS];
  WasmEdge_FunctionTypeGetParameters(Ty, Types, MAX_PARAMS);
  for (uint32_t I = 0; I < ParamCount; I++) ParamKind[I] = kind_of(Types[I]);

  WasmEdge_ModuleInstanceContext *Guest = wpk_guest_module_create("fuzz");
  GuestMemory = wpk_guest_memory(Guest);
  Memory = mmap(NULL, WPK_FUZZ_MEMORY + 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (Memory == MAP_FAILED || mprotect(Memory + WPK_FUZZ_MEMORY, 4096, PROT_NONE) != 0) die("cannot map the guest memory", NULL);
  wpk_memory_attach(GuestMemory, 0, Memory, WPK_FUZZ_MEMORY, 1);
  Binding = wpk_bind(Target, Guest);
  if (!Binding) die("cannot bind the function", FnName);
  Describe = getenv("WPK_FUZZ_DESCRIBE") != NULL;
  return 0;
}

static uint64_t read_u64(const uint8_t *P) {
  uint64_t V = 0;
  for (int I = 7; I >= 0; I--) V = (V << 8) | P[I];
  return V;
}

int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  const size_t Header = (size_t)ParamCount * 9;
  uint8_t Head[MAX_PARAMS * 9];
  memset(Head, 0, sizeof Head);
  memcpy(Head, Data, Size < Header ? Size : Header);
  const uint8_t *Rest = Size > Header ? Data + Header : NULL;
  size_t RestLen = Size > Header ? Size - Header : 0;

  WasmEdge_Value *Slots = wpk_slots();
  uint64_t Args[MAX_PARAMS];
  int64_t At = -1; /* where the memory contents go: the first i32 argument inside memory */
  for (uint32_t I = 0; I < ParamCount; I++) {
    uint8_t Selector = Head[I * 9] & 3;
    uint64_t V = read_u64(Head + I * 9 + 1);
    switch (Selector) {
    case 1: V = WPK_FUZZ_MEMORY - (V % 256); break;
    case 2: V = V % 256; break;
    case 3: V = V % WPK_FUZZ_MEMORY; break;
    default: break;
    }
    if (ParamKind[I] == 'i' || ParamKind[I] == 'f') V &= 0xffffffffu;
    if (ParamKind[I] == 'o') V = 0; /* references: null */
    Args[I] = V;
    memset(&Slots[I], 0, sizeof Slots[I]);
    memcpy(&Slots[I], &V, 8); /* payload in the low bytes (little-endian) */
    if (At < 0 && ParamKind[I] == 'i' && V < WPK_FUZZ_MEMORY) At = (int64_t)V;
  }
  if (At < 0) At = 0;
  memset(Memory, 0, WPK_FUZZ_MEMORY);
  size_t Copy = RestLen;
  if (Copy > WPK_FUZZ_MEMORY - (size_t)At) Copy = WPK_FUZZ_MEMORY - (size_t)At;
  if (Copy) memcpy(Memory + At, Rest, Copy);

  if (Describe) {
    fprintf(stderr, "WPK_FUZZ_MEMORY_BASE %p\n", (void *)Memory);
    fprintf(stderr, "WPK_FUZZ_CALL {\"params\":[");
    for (uint32_t I = 0; I < ParamCount; I++) fprintf(stderr, "%s\"%s\"", I ? "," : "", type_name(ParamKind[I]));
    fprintf(stderr, "],\"args\":[");
    for (uint32_t I = 0; I < ParamCount; I++) fprintf(stderr, "%s\"%llu\"", I ? "," : "", (unsigned long long)Args[I]);
    fprintf(stderr, "],\"memoryBytes\":%u,\"writeOffset\":%lld,\"write\":\"", WPK_FUZZ_MEMORY, (long long)At);
    for (size_t I = 0; I < Copy; I++) fprintf(stderr, "%02x", Memory[At + I]);
    fprintf(stderr, "\"}\n");
  }
  (void)wpk_invoke(Binding); /* failure results and terminate are correct behaviour */
  return 0;
}
