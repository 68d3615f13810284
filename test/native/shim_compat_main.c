/* Shim test, API-5 half: the 0.17 forms (WasmEdge_LimitContext) in the same program as the API-4
 * object shim_compat_v4.c. Prints "FAIL ..." per failed check, "ALL OK" otherwise. */
#include <stdio.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

int run_v4(void);

int main(void) {
  uint64_t live0 = wpk_live_objects();
  WasmEdge_LogOff(); /* the expected grow failure would log an error */
  int failures = run_v4();

  WasmEdge_LimitContext *lim = WasmEdge_LimitCreateWithMax(2, 5, false, false);
  WasmEdge_MemoryTypeContext *mt = WasmEdge_MemoryTypeCreate(lim);
  WasmEdge_MemoryInstanceContext *mem = WasmEdge_MemoryInstanceCreate(mt);
  printf("v5 MemoryTypeCreate(LimitCreateWithMax(2, 5)): %llu pages\n",
         (unsigned long long)WasmEdge_MemoryInstanceGetPageSize(mem));
  CHECK(WasmEdge_MemoryInstanceGetPageSize(mem) == 2);
  const WasmEdge_LimitContext *got = WasmEdge_MemoryTypeGetLimit(mt);
  CHECK(WasmEdge_LimitIsEqual(got, lim) && WasmEdge_LimitGetMax(got) == 5);
  WasmEdge_TableTypeContext *tt = WasmEdge_TableTypeCreate(WasmEdge_ValTypeGenExternRef(), lim);
  CHECK(WasmEdge_LimitGetMin(WasmEdge_TableTypeGetLimit(tt)) == 2);

  WasmEdge_TableTypeDelete(tt);
  WasmEdge_MemoryInstanceDelete(mem);
  WasmEdge_MemoryTypeDelete(mt);
  WasmEdge_LimitDelete(lim);
  CHECK(wpk_live_objects() == live0);

  return check_done(failures);
}
