/* Shim test: calling host functions — wpk_bind/wpk_invoke with values in the slots (zero-extended,
 * typed), returns written back to the slots, the calling frame (guest module, memory 0, executor),
 * WasmEdge_ExecutorInvoke on host and guest functions with signature checks, nesting
 * (host -> guest -> host), binding functions (CreateBinding), error codes passed through unchanged,
 * and wpk_current_function. Prints "FAIL ..." per failed check, "ALL OK" otherwise. */
#include <stdio.h>
#include <string.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

static int failures;

static WasmEdge_String S(const char *s) { return WasmEdge_StringWrap(s, (uint32_t)strlen(s)); }

static WasmEdge_ModuleInstanceContext *g_guest;
static WasmEdge_FunctionInstanceContext *g_guest_fn, *g_add_fn;
static uint32_t g_add_binding;

/* Checks that a parameter's bytes above its payload width are zero. */
static int upper_zero(const WasmEdge_Value *v, size_t width) {
  const unsigned char *b = (const unsigned char *)&v->Value;
  for (size_t i = width; i < 16; i++)
    if (b[i]) return 0;
  return 1;
}

/* (i32 a, i32 b) -> i32: a + b; also checks its frame. */
static WasmEdge_Result add(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *in,
                           WasmEdge_Value *out) {
  CHECK(data == (void *)0x1234);
  CHECK(WasmEdge_ValTypeIsI32(in[0].Type) && WasmEdge_ValTypeIsI32(in[1].Type));
  CHECK(upper_zero(&in[0], 4) && upper_zero(&in[1], 4));
  CHECK(WasmEdge_CallingFrameGetModuleInstance(frame) == g_guest);
  CHECK(WasmEdge_CallingFrameGetMemoryInstance(frame, 0) == wpk_guest_memory(g_guest));
  CHECK(WasmEdge_CallingFrameGetMemoryInstance(frame, 1) == NULL);
  CHECK(WasmEdge_CallingFrameGetExecutor(frame) != NULL);
  const char *cur = wpk_current_function();
  CHECK(cur != NULL && strcmp(cur, "add") == 0);
  out[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(in[0]) + WasmEdge_ValueGetI32(in[1]));
  return WasmEdge_Result_Success;
}

/* (i32, i64, f32, f64, v128) -> (f64, i64): sum as f64, and the v128's high half. */
static WasmEdge_Result mixed(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *in,
                             WasmEdge_Value *out) {
  (void)data; (void)frame;
  CHECK(upper_zero(&in[0], 4) && upper_zero(&in[1], 8) && upper_zero(&in[2], 4) && upper_zero(&in[3], 8));
  CHECK(WasmEdge_ValTypeIsI64(in[1].Type) && WasmEdge_ValTypeIsF32(in[2].Type) && WasmEdge_ValTypeIsV128(in[4].Type));
  double sum = WasmEdge_ValueGetI32(in[0]) + (double)WasmEdge_ValueGetI64(in[1]) + WasmEdge_ValueGetF32(in[2]) +
               WasmEdge_ValueGetF64(in[3]);
  out[0] = WasmEdge_ValueGenF64(sum);
  out[1] = WasmEdge_ValueGenI64((int64_t)(WasmEdge_ValueGetV128(in[4]) >> 64));
  return WasmEdge_Result_Success;
}

/* () -> i32: calls the guest export through the executor (which calls back into "add"). */
static WasmEdge_Result call_guest(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *in,
                                  WasmEdge_Value *out) {
  (void)data; (void)in;
  WasmEdge_ExecutorContext *exec = WasmEdge_CallingFrameGetExecutor(frame);
  const WasmEdge_ModuleInstanceContext *guest = WasmEdge_CallingFrameGetModuleInstance(frame);
  const WasmEdge_FunctionInstanceContext *fn = WasmEdge_ModuleInstanceFindFunction(guest, S("double_it"));
  CHECK(fn == g_guest_fn);
  WasmEdge_Value p[1] = {WasmEdge_ValueGenI32(21)}, r[1];
  WasmEdge_Result res = WasmEdge_ExecutorInvoke(exec, fn, p, 1, r, 1);
  CHECK(WasmEdge_ResultOK(res) && WasmEdge_ValueGetI32(r[0]) == 42);
  CHECK(strcmp(wpk_current_function(), "call_guest") == 0); /* restored after the nested call */
  /* Signature checks. */
  WasmEdge_Value bad[1] = {WasmEdge_ValueGenI64(21)};
  CHECK(WasmEdge_ExecutorInvoke(exec, fn, bad, 1, r, 1).Code == WasmEdge_ErrCode_FuncSigMismatch);
  CHECK(WasmEdge_ExecutorInvoke(exec, fn, p, 0, r, 1).Code == WasmEdge_ErrCode_FuncSigMismatch);
  CHECK(WasmEdge_ExecutorInvoke(NULL, fn, p, 1, r, 1).Code != 0);
  CHECK(WasmEdge_ExecutorInvoke(exec, NULL, p, 1, r, 1).Code != 0);
  /* A host function, called directly with the current frame. */
  WasmEdge_Value ap[2] = {WasmEdge_ValueGenI32(2), WasmEdge_ValueGenI32(3)};
  CHECK(WasmEdge_ResultOK(WasmEdge_ExecutorInvoke(exec, g_add_fn, ap, 2, r, 1)) && WasmEdge_ValueGetI32(r[0]) == 5);
  out[0] = r[0];
  return WasmEdge_Result_Success;
}

/* The "JS side" of guest export double_it(i32) -> i32: computes through the add binding. */
static uint32_t guest_call(uint32_t id, const WasmEdge_Value *params, uint32_t np, WasmEdge_Value *returns,
                           uint32_t nr) {
  CHECK(id == 77 && np == 1 && nr == 1);
  int32_t x = WasmEdge_ValueGetI32(params[0]);
  WasmEdge_Value *slots = wpk_slots();
  slots[0].Value = (uint32_t)x;
  slots[1].Value = (uint32_t)x;
  uint32_t code = wpk_invoke(g_add_binding); /* re-entrant: slots reused by the nested call */
  if (code) return code;
  returns[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(slots[0]));
  return 0;
}

static WasmEdge_Result fail_user(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *in,
                                 WasmEdge_Value *out) {
  (void)data; (void)frame; (void)in; (void)out;
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_UserLevelError, 0xABCDEF);
}

static WasmEdge_Result terminate(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *in,
                                 WasmEdge_Value *out) {
  (void)data; (void)frame; (void)in; (void)out;
  return WasmEdge_Result_Terminate;
}

/* A binding wrapper: This and Data as given, explicit lengths. (i64) -> i64: x * 3. */
static int g_this;
static WasmEdge_Result wrap(void *This, void *Data, const WasmEdge_CallingFrameContext *frame,
                            const WasmEdge_Value *in, const uint32_t nin, WasmEdge_Value *out, const uint32_t nout) {
  (void)frame;
  CHECK(This == &g_this && Data == (void *)0x99 && nin == 1 && nout == 1);
  out[0] = WasmEdge_ValueGenI64(WasmEdge_ValueGetI64(in[0]) * 3);
  return WasmEdge_Result_Success;
}

static WasmEdge_FunctionInstanceContext *make(WasmEdge_ModuleInstanceContext *mod, const char *name,
                                              WasmEdge_HostFunc_t fn, void *data, const WasmEdge_ValType *ps,
                                              uint32_t np, const WasmEdge_ValType *rs, uint32_t nr) {
  WasmEdge_FunctionTypeContext *ft = WasmEdge_FunctionTypeCreate(ps, np, rs, nr);
  WasmEdge_FunctionInstanceContext *f = WasmEdge_FunctionInstanceCreate(ft, fn, data, 0);
  WasmEdge_FunctionTypeDelete(ft);
  WasmEdge_ModuleInstanceAddFunction(mod, S(name), f);
  return f;
}

int main(void) {
  uint64_t live0 = wpk_live_objects();
  WasmEdge_ValType i32 = WasmEdge_ValTypeGenI32(), i64 = WasmEdge_ValTypeGenI64();
  WasmEdge_ValType ii[2] = {i32, i32};
  WasmEdge_ValType mixed_ps[5] = {i32, i64, WasmEdge_ValTypeGenF32(), WasmEdge_ValTypeGenF64(), WasmEdge_ValTypeGenV128()};
  WasmEdge_ValType mixed_rs[2] = {WasmEdge_ValTypeGenF64(), i64};

  CHECK(wpk_slot_count() >= 16 && ((uintptr_t)wpk_slots() % 16) == 0);
  CHECK(wpk_current_function() == NULL);

  /* The plug-in side. */
  WasmEdge_ModuleInstanceContext *plugin = WasmEdge_ModuleInstanceCreate(S("plugin_mod"));
  g_add_fn = make(plugin, "add", add, (void *)0x1234, ii, 2, &i32, 1);
  WasmEdge_FunctionInstanceContext *mixed_fn = make(plugin, "mixed", mixed, NULL, mixed_ps, 5, mixed_rs, 2);
  WasmEdge_FunctionInstanceContext *call_fn = make(plugin, "call_guest", call_guest, NULL, NULL, 0, &i32, 1);
  WasmEdge_FunctionInstanceContext *fail_fn = make(plugin, "fail_user", fail_user, NULL, NULL, 0, NULL, 0);
  WasmEdge_FunctionInstanceContext *term_fn = make(plugin, "terminate", terminate, NULL, NULL, 0, NULL, 0);
  WasmEdge_FunctionTypeContext *ft64 = WasmEdge_FunctionTypeCreate(&i64, 1, &i64, 1);
  WasmEdge_FunctionInstanceContext *wrap_fn = WasmEdge_FunctionInstanceCreateBinding(ft64, wrap, &g_this, (void *)0x99, 0);
  CHECK(WasmEdge_FunctionInstanceGetData(wrap_fn) == (void *)0x99);
  WasmEdge_ModuleInstanceAddFunction(plugin, S("triple"), wrap_fn);
  WasmEdge_FunctionTypeDelete(ft64);

  /* The guest side: a wasm instance with export double_it. */
  g_guest = wpk_guest_module_create("guest");
  WasmEdge_FunctionTypeContext *ft1 = WasmEdge_FunctionTypeCreate(&i32, 1, &i32, 1);
  g_guest_fn = wpk_guest_function_create(ft1, 77);
  WasmEdge_FunctionTypeDelete(ft1);
  WasmEdge_ModuleInstanceAddFunction(g_guest, S("double_it"), g_guest_fn);
  wpk_set_guest_callback(guest_call);

  CHECK(wpk_bind(NULL, g_guest) == 0);
  g_add_binding = wpk_bind(g_add_fn, g_guest);
  uint32_t mixed_b = wpk_bind(mixed_fn, g_guest), call_b = wpk_bind(call_fn, g_guest);
  uint32_t fail_b = wpk_bind(fail_fn, g_guest), term_b = wpk_bind(term_fn, g_guest);
  uint32_t wrap_b = wpk_bind(wrap_fn, g_guest);
  CHECK(g_add_binding != 0 && mixed_b != 0 && call_b != 0 && wrap_b != 0 && mixed_b != g_add_binding);

  /* add: garbage above the payload must not reach the host function. */
  WasmEdge_Value *slots = wpk_slots();
  memset(slots, 0xEE, 4 * sizeof *slots);
  memcpy(&slots[0].Value, &(int32_t){40}, 4);
  memcpy(&slots[1].Value, &(int32_t){-38}, 4);
  CHECK(wpk_invoke(g_add_binding) == 0);
  CHECK(WasmEdge_ValueGetI32(slots[0]) == 2);
  printf("add(40, -38) = %d\n", WasmEdge_ValueGetI32(slots[0]));

  memset(slots, 0xEE, 5 * sizeof *slots);
  memcpy(&slots[0].Value, &(int32_t){1}, 4);
  memcpy(&slots[1].Value, &(int64_t){1LL << 40}, 8);
  memcpy(&slots[2].Value, &(float){0.5f}, 4);
  memcpy(&slots[3].Value, &(double){0.25}, 8);
  slots[4].Value = ((uint128_t)0x7777ULL << 64) | 5;
  CHECK(wpk_invoke(mixed_b) == 0);
  CHECK(WasmEdge_ValueGetF64(slots[0]) == 1.0 + (double)(1LL << 40) + 0.75);
  CHECK(WasmEdge_ValueGetI64(slots[1]) == 0x7777);

  /* Nesting: host -> guest (callback) -> host binding, and ExecutorInvoke on a host function. */
  CHECK(wpk_invoke(call_b) == 0);
  CHECK(WasmEdge_ValueGetI32(slots[0]) == 5);
  CHECK(wpk_current_function() == NULL);

  /* Error results come back unchanged; Terminate is code 1. */
  CHECK(wpk_invoke(fail_b) == 0x01ABCDEF);
  CHECK(wpk_invoke(term_b) == 1);

  /* Binding functions. */
  slots[0].Value = ~(uint128_t)0; /* all ones: only the low 8 bytes are the i64 */
  memcpy(&slots[0].Value, &(int64_t){-7}, 8);
  CHECK(wpk_invoke(wrap_b) == 0 && WasmEdge_ValueGetI64(slots[0]) == -21);

  /* Unbound ids and id 0 fail; unbinding frees the id for reuse. */
  CHECK(wpk_invoke(0) != 0 && wpk_invoke(9999) != 0);
  wpk_unbind(term_b);
  CHECK(wpk_invoke(term_b) != 0);
  uint32_t again = wpk_bind(term_fn, NULL);
  CHECK(again == term_b && wpk_invoke(again) == 1);

  wpk_unbind(g_add_binding);
  wpk_unbind(mixed_b);
  wpk_unbind(call_b);
  wpk_unbind(fail_b);
  wpk_unbind(again);
  wpk_unbind(wrap_b);
  wpk_unbind(0);
  WasmEdge_ModuleInstanceDelete(plugin);
  WasmEdge_ModuleInstanceDelete(g_guest);
  CHECK(wpk_live_objects() == live0);

  return check_done(failures);
}
