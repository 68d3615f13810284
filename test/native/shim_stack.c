/* Shim test: calls of functions with many parameters and results do not put arrays sized by those
 * counts on the C stack. Run with a small stack (`ulimit -s 64`): a host function with 1000
 * parameters and 1000 results, called through wpk_invoke, calls another one through
 * WasmEdge_ExecutorInvoke. Prints "FAIL ..." per failed check, "ALL OK" otherwise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

static int failures;

#define N 1000

static WasmEdge_FunctionInstanceContext *g_inner;

/* (i32 × N) -> (i32 × N): out[i] = in[i] + 1. */
static WasmEdge_Result inner(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *in,
                             WasmEdge_Value *out) {
  (void)data; (void)frame;
  for (int i = 0; i < N; i++) out[i] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(in[i]) + 1);
  return WasmEdge_Result_Success;
}

/* (i32 × N) -> (i32 × N): inner(in) through the executor. */
static WasmEdge_Result outer(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *in,
                             WasmEdge_Value *out) {
  (void)data;
  return WasmEdge_ExecutorInvoke(WasmEdge_CallingFrameGetExecutor(frame), g_inner, in, N, out, N);
}

int main(void) {
  WasmEdge_ValType *types = malloc(N * sizeof *types);
  for (int i = 0; i < N; i++) types[i] = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *ft = WasmEdge_FunctionTypeCreate(types, N, types, N);
  free(types);
  WasmEdge_ModuleInstanceContext *mod = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("m", 1));
  g_inner = WasmEdge_FunctionInstanceCreate(ft, inner, NULL, 0);
  WasmEdge_FunctionInstanceContext *o = WasmEdge_FunctionInstanceCreate(ft, outer, NULL, 0);
  WasmEdge_FunctionTypeDelete(ft);
  WasmEdge_ModuleInstanceAddFunction(mod, WasmEdge_StringWrap("inner", 5), g_inner);
  WasmEdge_ModuleInstanceAddFunction(mod, WasmEdge_StringWrap("outer", 5), o);
  uint32_t b = wpk_bind(o, NULL);
  WasmEdge_Value *slots = wpk_slots();
  for (int i = 0; i < N; i++) slots[i].Value = (uint32_t)i;
  CHECK(wpk_invoke(b) == 0);
  int ok = 1;
  for (int i = 0; i < N; i++) ok &= WasmEdge_ValueGetI32(slots[i]) == i + 1;
  CHECK(ok);
  wpk_unbind(b);
  WasmEdge_ModuleInstanceDelete(mod);
  return check_done(failures);
}
