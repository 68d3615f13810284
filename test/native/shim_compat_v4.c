/* Shim test, API-4 half: compiled with WASMEDGE_PLUGIN_API_VERSION=4, so the five changed functions
 * bind to their @WASMEDGE_0.16 forms (12-byte WasmEdge_Limit by value). Linked into one program
 * with shim_compat_main.c (API 5) to show both forms coexist. Returns the number of failures. */
#define WASMEDGE_PLUGIN_API_VERSION 4
#include <stdio.h>

#include "wasmedge/wasmedge.h"
#include "check.h"

int run_v4(void);
int run_v4(void) {
  int failures = 0;
  WasmEdge_Limit lim = {.HasMax = true, .Shared = false, .Min = 2, .Max = 5};
  WasmEdge_MemoryTypeContext *mt = WasmEdge_MemoryTypeCreate(lim);
  WasmEdge_MemoryInstanceContext *mem = WasmEdge_MemoryInstanceCreate(mt);
  printf("v4 MemoryTypeCreate({HasMax, Min 2, Max 5}): %llu pages\n",
         (unsigned long long)WasmEdge_MemoryInstanceGetPageSize(mem));
  CHECK(WasmEdge_MemoryInstanceGetPageSize(mem) == 2);
  CHECK(WasmEdge_ResultOK(WasmEdge_MemoryInstanceGrowPage(mem, 3)));
  CHECK(!WasmEdge_ResultOK(WasmEdge_MemoryInstanceGrowPage(mem, 1)));
  WasmEdge_Limit got = WasmEdge_MemoryTypeGetLimit(mt);
  CHECK(got.HasMax && !got.Shared && got.Min == 2 && got.Max == 5);
  CHECK(WasmEdge_LimitIsEqual(got, lim));
  WasmEdge_Limit other = {.HasMax = false, .Shared = false, .Min = 2, .Max = 0};
  CHECK(!WasmEdge_LimitIsEqual(other, lim));

  WasmEdge_TableTypeContext *tt = WasmEdge_TableTypeCreate(WasmEdge_ValTypeGenFuncRef(), other);
  WasmEdge_Limit tl = WasmEdge_TableTypeGetLimit(tt);
  CHECK(tt != NULL && !tl.HasMax && tl.Min == 2);
  WasmEdge_TableInstanceContext *tab = WasmEdge_TableInstanceCreate(tt);
  CHECK(WasmEdge_TableInstanceGetSize(tab) == 2);

  WasmEdge_TableInstanceDelete(tab);
  WasmEdge_TableTypeDelete(tt);
  WasmEdge_MemoryInstanceDelete(mem);
  WasmEdge_MemoryTypeDelete(mt);
  return failures;
}
