/* Shim test: plug-in threads. Several threads create and delete module instances, strings and
 * function types at once (every module must be live right after creation: the live-module list is
 * shared), and WasmEdge_ExecutorInvoke called from a thread that is not running host functions
 * returns WrongVMWorkflow at once, without calling into the guest (which would wait for the JS thread).
 * Prints "FAIL ..." per failed check, "ALL OK" otherwise. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

static int failures;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

#define THREADS 4
#define ROUNDS 20000

static void *churn(void *arg) {
  (void)arg;
  int bad = 0;
  WasmEdge_ValType i32 = WasmEdge_ValTypeGenI32();
  for (int i = 0; i < ROUNDS; i++) {
    WasmEdge_String s = WasmEdge_StringCreateByCString("m");
    WasmEdge_ModuleInstanceContext *m = WasmEdge_ModuleInstanceCreate(s);
    WasmEdge_FunctionTypeContext *t = WasmEdge_FunctionTypeCreate(&i32, 1, &i32, 1);
    if (!m || !wpk_module_is_live(m) || !t) bad++;
    WasmEdge_StringDelete(s);
    WasmEdge_FunctionTypeDelete(t);
    WasmEdge_ModuleInstanceDelete(m);
  }
  pthread_mutex_lock(&g_lock);
  CHECK(bad == 0);
  pthread_mutex_unlock(&g_lock);
  return NULL;
}

static int g_guest_calls;
static uint32_t guest_call(uint32_t id, const WasmEdge_Value *params, uint32_t np, WasmEdge_Value *returns, uint32_t nr) {
  (void)id; (void)params; (void)np; (void)returns; (void)nr;
  g_guest_calls++;
  return 0;
}

typedef struct {
  WasmEdge_ExecutorContext *exec;
  const WasmEdge_FunctionInstanceContext *fn;
  uint32_t code;
} job;

static void *invoke(void *arg) {
  job *j = arg;
  WasmEdge_Value r[1];
  j->code = WasmEdge_ExecutorInvoke(j->exec, j->fn, NULL, 0, r, 1).Code;
  return NULL;
}

static WasmEdge_ExecutorContext *g_exec;
static WasmEdge_Result get_exec(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *in,
                                WasmEdge_Value *out) {
  (void)data; (void)in; (void)out;
  g_exec = WasmEdge_CallingFrameGetExecutor(frame);
  return WasmEdge_Result_Success;
}

int main(void) {
  uint64_t live0 = wpk_live_objects();
  WasmEdge_ModuleInstanceContext *mine = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("mine", 4));
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, churn, NULL);
  for (int i = 0; i < 1000; i++) CHECK(wpk_module_is_live(mine));
  for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
  CHECK(wpk_module_is_live(mine));

  /* An executor as a host function gets it, and a guest function. */
  WasmEdge_ValType i32 = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *ft = WasmEdge_FunctionTypeCreate(NULL, 0, &i32, 1);
  WasmEdge_FunctionInstanceContext *hf = WasmEdge_FunctionInstanceCreate(ft, get_exec, NULL, 0);
  WasmEdge_ModuleInstanceAddFunction(mine, WasmEdge_StringWrap("get_exec", 8), hf);
  WasmEdge_ModuleInstanceContext *guest = wpk_guest_module_create("guest");
  WasmEdge_FunctionInstanceContext *gf = wpk_guest_function_create(ft, 1);
  WasmEdge_ModuleInstanceAddFunction(guest, WasmEdge_StringWrap("f", 1), gf);
  WasmEdge_FunctionTypeDelete(ft);
  wpk_set_guest_callback(guest_call);
  uint32_t b = wpk_bind(hf, guest);
  CHECK(wpk_invoke(b) == 0 && g_exec != NULL);

  /* From this (the host) thread the guest is called; from another thread it is refused. */
  WasmEdge_Value r[1];
  CHECK(WasmEdge_ExecutorInvoke(g_exec, gf, NULL, 0, r, 1).Code == 0 && g_guest_calls == 1);
  job j = {g_exec, gf, 0};
  pthread_t other;
  pthread_create(&other, NULL, invoke, &j);
  pthread_join(other, NULL);
  CHECK(j.code == WasmEdge_ErrCode_WrongVMWorkflow);
  CHECK(g_guest_calls == 1);

  wpk_unbind(b);
  WasmEdge_ModuleInstanceDelete(guest);
  WasmEdge_ModuleInstanceDelete(mine);
  CHECK(wpk_live_objects() == live0);
  return check_done(failures);
}
