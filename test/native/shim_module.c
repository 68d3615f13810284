/* Shim test: module instances — names, host data, exports of every kind (sorted listing, strings
 * owned by the module), replacement, finalizer run exactly once at delete, live objects back to
 * their starting value, NULL inputs. Prints "FAIL ..." per failed check, "ALL OK" otherwise. */
#include <stdio.h>
#include <string.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

static int failures;

static WasmEdge_String S(const char *s) { return WasmEdge_StringWrap(s, (uint32_t)strlen(s)); }

static int g_finalized;
static void *g_finalized_with;
static void finalizer(void *data) {
  g_finalized++;
  g_finalized_with = data;
}

static WasmEdge_Result nop(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *in,
                           WasmEdge_Value *out) {
  (void)data; (void)frame; (void)in; (void)out;
  return WasmEdge_Result_Success;
}

static void print_names(const char *label, WasmEdge_String *names, uint32_t n) {
  printf("%s:", label);
  for (uint32_t i = 0; i < n; i++) printf(" %.*s", (int)names[i].Length, names[i].Buf);
  printf("\n");
}

int main(void) {
  uint64_t live0 = wpk_live_objects();
  int host_data = 0;

  /* The name is copied: a stack buffer may go away. */
  char name[] = "example_mod";
  WasmEdge_ModuleInstanceContext *mod = WasmEdge_ModuleInstanceCreateWithData(S(name), &host_data, finalizer);
  memset(name, 'x', sizeof name - 1);
  CHECK(mod != NULL);
  WasmEdge_String mname = WasmEdge_ModuleInstanceGetModuleName(mod);
  CHECK(WasmEdge_StringIsEqual(mname, S("example_mod")));
  WasmEdge_StringDelete(mname); /* owned by the module: must be ignored */
  CHECK(WasmEdge_StringIsEqual(WasmEdge_ModuleInstanceGetModuleName(mod), S("example_mod")));
  CHECK(WasmEdge_ModuleInstanceGetHostData(mod) == &host_data);

  /* Functions, added out of order; listing is sorted. */
  WasmEdge_ValType i32 = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *ft = WasmEdge_FunctionTypeCreate(&i32, 1, &i32, 1);
  const char *fnames[] = {"zeta", "add", "get_string", "Add", "a", "ab"};
  WasmEdge_FunctionInstanceContext *fns[6];
  for (int i = 0; i < 6; i++) {
    fns[i] = WasmEdge_FunctionInstanceCreate(ft, nop, &fns[i], 0);
    WasmEdge_ModuleInstanceAddFunction(mod, S(fnames[i]), fns[i]);
  }
  WasmEdge_FunctionTypeDelete(ft); /* the instances keep their own copies */
  CHECK(WasmEdge_FunctionTypeGetParametersLength(WasmEdge_FunctionInstanceGetFunctionType(fns[0])) == 1);
  CHECK(WasmEdge_FunctionInstanceGetData(fns[1]) == &fns[1]);
  CHECK(WasmEdge_ModuleInstanceListFunctionLength(mod) == 6);
  WasmEdge_String names[8];
  CHECK(WasmEdge_ModuleInstanceListFunction(mod, names, 8) == 6);
  print_names("functions", names, 6);
  CHECK(WasmEdge_ModuleInstanceListFunction(mod, names, 2) == 6);
  CHECK(WasmEdge_ModuleInstanceListFunction(mod, NULL, 0) == 6);
  for (int i = 0; i < 6; i++) CHECK(WasmEdge_ModuleInstanceFindFunction(mod, S(fnames[i])) == fns[i]);
  CHECK(WasmEdge_ModuleInstanceFindFunction(mod, S("missing")) == NULL);
  CHECK(WasmEdge_ModuleInstanceFindFunction(mod, S("ad")) == NULL);

  /* Adding under an existing name replaces the export (the old instance stays owned). */
  WasmEdge_FunctionTypeContext *ft0 = WasmEdge_FunctionTypeCreate(NULL, 0, NULL, 0);
  WasmEdge_FunctionInstanceContext *add2 = WasmEdge_FunctionInstanceCreate(ft0, nop, NULL, 0);
  WasmEdge_ModuleInstanceAddFunction(mod, S("add"), add2);
  CHECK(WasmEdge_ModuleInstanceFindFunction(mod, S("add")) == add2);
  CHECK(WasmEdge_ModuleInstanceListFunctionLength(mod) == 6);
  WasmEdge_FunctionTypeDelete(ft0);

  /* Memories, tables, globals. */
  WasmEdge_LimitContext *lim = WasmEdge_LimitCreateWithMax(1, 2, false, false);
  WasmEdge_MemoryTypeContext *mt = WasmEdge_MemoryTypeCreate(lim);
  WasmEdge_MemoryInstanceContext *mem1 = WasmEdge_MemoryInstanceCreate(mt);
  WasmEdge_MemoryInstanceContext *mem2 = WasmEdge_MemoryInstanceCreate(mt);
  WasmEdge_ModuleInstanceAddMemory(mod, S("mem_b"), mem1);
  WasmEdge_ModuleInstanceAddMemory(mod, S("mem_a"), mem2);
  CHECK(WasmEdge_ModuleInstanceListMemory(mod, names, 8) == 2);
  print_names("memories", names, 2);
  CHECK(WasmEdge_ModuleInstanceFindMemory(mod, S("mem_a")) == mem2);
  WasmEdge_TableTypeContext *tt = WasmEdge_TableTypeCreate(WasmEdge_ValTypeGenFuncRef(), lim);
  WasmEdge_ModuleInstanceAddTable(mod, S("tab"), WasmEdge_TableInstanceCreate(tt));
  CHECK(WasmEdge_ModuleInstanceListTableLength(mod) == 1 && WasmEdge_ModuleInstanceFindTable(mod, S("tab")) != NULL);
  WasmEdge_GlobalTypeContext *gt = WasmEdge_GlobalTypeCreate(i32, WasmEdge_Mutability_Var);
  WasmEdge_ModuleInstanceAddGlobal(mod, S("g2"), WasmEdge_GlobalInstanceCreate(gt, WasmEdge_ValueGenI32(2)));
  WasmEdge_ModuleInstanceAddGlobal(mod, S("g1"), WasmEdge_GlobalInstanceCreate(gt, WasmEdge_ValueGenI32(1)));
  CHECK(WasmEdge_ModuleInstanceListGlobal(mod, names, 8) == 2);
  print_names("globals", names, 2);
  CHECK(WasmEdge_ValueGetI32(WasmEdge_GlobalInstanceGetValue(WasmEdge_ModuleInstanceFindGlobal(mod, S("g1")))) == 1);
  /* Tags: never present. */
  CHECK(WasmEdge_ModuleInstanceListTagLength(mod) == 0 && WasmEdge_ModuleInstanceListTag(mod, names, 8) == 0);
  CHECK(WasmEdge_ModuleInstanceFindTag(mod, S("t")) == NULL);
  WasmEdge_GlobalTypeDelete(gt);
  WasmEdge_TableTypeDelete(tt);
  WasmEdge_MemoryTypeDelete(mt);
  WasmEdge_LimitDelete(lim);

  /* NULL inputs never crash. */
  CHECK(WasmEdge_ModuleInstanceGetModuleName(NULL).Length == 0);
  CHECK(WasmEdge_ModuleInstanceGetHostData(NULL) == NULL);
  CHECK(WasmEdge_ModuleInstanceFindFunction(NULL, S("add")) == NULL);
  CHECK(WasmEdge_ModuleInstanceListFunctionLength(NULL) == 0 && WasmEdge_ModuleInstanceListMemory(NULL, names, 8) == 0);
  WasmEdge_ModuleInstanceAddFunction(mod, S("null"), NULL);
  WasmEdge_ModuleInstanceAddFunction(NULL, S("null"), NULL);
  CHECK(WasmEdge_FunctionInstanceCreate(NULL, nop, NULL, 0) == NULL);
  CHECK(WasmEdge_FunctionInstanceGetFunctionType(NULL) == NULL && WasmEdge_FunctionInstanceGetData(NULL) == NULL);
  CHECK(WasmEdge_CallingFrameGetExecutor(NULL) == NULL && WasmEdge_CallingFrameGetModuleInstance(NULL) == NULL);
  CHECK(WasmEdge_CallingFrameGetMemoryInstance(NULL, 0) == NULL);
  WasmEdge_ModuleInstanceDelete(NULL);
  WasmEdge_FunctionInstanceDelete(NULL);
  /* A name with a NULL buffer (and a bogus length) is the empty name. */
  WasmEdge_String bogus = {5, NULL};
  WasmEdge_FunctionTypeContext *ftn = WasmEdge_FunctionTypeCreate(NULL, 0, NULL, 0);
  WasmEdge_FunctionInstanceContext *unnamed = WasmEdge_FunctionInstanceCreate(ftn, nop, NULL, 0);
  WasmEdge_FunctionTypeDelete(ftn);
  WasmEdge_ModuleInstanceAddFunction(mod, bogus, unnamed);
  CHECK(WasmEdge_ModuleInstanceFindFunction(mod, bogus) == unnamed);
  CHECK(WasmEdge_ModuleInstanceFindFunction(mod, WasmEdge_StringWrap("", 0)) == unnamed);
  CHECK(WasmEdge_ModuleInstanceListFunctionLength(mod) == 7);

  /* Delete: everything freed, the finalizer runs exactly once with the host data. */
  CHECK(g_finalized == 0);
  WasmEdge_ModuleInstanceDelete(mod);
  CHECK(g_finalized == 1 && g_finalized_with == &host_data);
  CHECK(wpk_live_objects() == live0);

  /* A module without data or finalizer, and an empty name. */
  WasmEdge_ModuleInstanceContext *plain = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap(NULL, 0));
  CHECK(plain != NULL && WasmEdge_ModuleInstanceGetModuleName(plain).Length == 0);
  WasmEdge_ModuleInstanceDelete(plain);
  CHECK(g_finalized == 1);
  CHECK(wpk_live_objects() == live0);

  /* An instance added twice is owned (and freed) once: the same module exports it under both
   * names, another module ignores it. Counted for `wasmedge-plugin test`. */
  uint64_t dup0 = wpk_duplicate_adds();
  WasmEdge_ModuleInstanceContext *one = WasmEdge_ModuleInstanceCreate(S("one")), *two = WasmEdge_ModuleInstanceCreate(S("two"));
  WasmEdge_FunctionTypeContext *nt = WasmEdge_FunctionTypeCreate(NULL, 0, NULL, 0);
  WasmEdge_FunctionInstanceContext *twice = WasmEdge_FunctionInstanceCreate(nt, nop, NULL, 0);
  WasmEdge_FunctionTypeDelete(nt);
  WasmEdge_ModuleInstanceAddFunction(one, S("f"), twice);
  WasmEdge_ModuleInstanceAddFunction(one, S("g"), twice);
  WasmEdge_ModuleInstanceAddFunction(two, S("f"), twice);
  CHECK(wpk_duplicate_adds() == dup0 + 2);
  CHECK(WasmEdge_ModuleInstanceFindFunction(one, S("g")) == twice);
  CHECK(WasmEdge_ModuleInstanceFindFunction(two, S("f")) == NULL);
  WasmEdge_ModuleInstanceDelete(two);
  WasmEdge_ModuleInstanceDelete(one);
  CHECK(wpk_live_objects() == live0);
  printf("live objects back to start: %s\n", wpk_live_objects() == live0 ? "yes" : "no");

  return check_done(failures);
}
