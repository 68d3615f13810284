/*
 * call.c — calling functions: calling frames, the executor, WasmEdge_ExecutorInvoke, bindings and
 * wpk_invoke (the hot path from JS).
 *
 * The shim runs host functions on the thread that calls wpk_invoke (the JS thread); the current
 * frame and the function-name stack are plain statics, saved and restored around every call so
 * nested calls (host → wasm → host) see the right frame.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- calling frames and the executor -------------------------------------------------------- */
static WasmEdge_ExecutorContext g_executor;
static const WasmEdge_CallingFrameContext g_no_frame = {NULL};
static const WasmEdge_CallingFrameContext *g_frame; /* frame of the innermost running host function */

WasmEdge_ExecutorContext *WasmEdge_CallingFrameGetExecutor(const WasmEdge_CallingFrameContext *Cxt) {
  return Cxt ? &g_executor : NULL;
}

const WasmEdge_ModuleInstanceContext *WasmEdge_CallingFrameGetModuleInstance(const WasmEdge_CallingFrameContext *Cxt) {
  return Cxt ? Cxt->module : NULL;
}

WasmEdge_MemoryInstanceContext *WasmEdge_CallingFrameGetMemoryInstance(const WasmEdge_CallingFrameContext *Cxt,
                                                                       const uint32_t Idx) {
  if (!Cxt || !Cxt->module || Idx != 0) return NULL;
  return Cxt->module->memory0;
}

/* ---- name stack (crash reports) ------------------------------------------------------------- */
#define NAME_STACK 64
static const char *g_names[NAME_STACK];
static uint32_t g_depth; /* may exceed NAME_STACK: deeper names are not recorded */

const char *wpk_current_function(void) {
  if (g_depth == 0) return NULL;
  return g_names[(g_depth <= NAME_STACK ? g_depth : NAME_STACK) - 1];
}

/* ---- guest callback ------------------------------------------------------------------------- */
static wpk_guest_call_fn g_guest;

void wpk_set_guest_callback(wpk_guest_call_fn fn) { g_guest = fn; }

/* Calls `fn` with `frame` as the calling frame. params/returns hold exactly the declared counts. */
static uint32_t call_function(const WasmEdge_FunctionInstanceContext *fn, const WasmEdge_CallingFrameContext *frame,
                              const WasmEdge_Value *params, WasmEdge_Value *returns) {
  if (fn->kind == WPK_FN_GUEST) {
    if (!g_guest) return WasmEdge_ErrCode_FuncNotFound;
    /* While wasm runs no host function is innermost: a NULL name keeps crash reports accurate. */
    if (g_depth < NAME_STACK) g_names[g_depth] = NULL;
    g_depth++;
    uint32_t code = g_guest(fn->guest_id, params, fn->type.nparams, returns, fn->type.nreturns);
    g_depth--;
    return code;
  }
  const WasmEdge_CallingFrameContext *saved = g_frame;
  g_frame = frame;
  if (g_depth < NAME_STACK) g_names[g_depth] = fn->name;
  g_depth++;
  WasmEdge_Result r;
  if (fn->kind == WPK_FN_HOST)
    r = fn->host(fn->data, frame, params, returns);
  else
    r = fn->wrap(fn->binding, fn->data, frame, params, fn->type.nparams, returns, fn->type.nreturns);
  g_depth--;
  g_frame = saved;
  return r.Code;
}

static void init_returns(const WasmEdge_FunctionInstanceContext *fn, WasmEdge_Value *returns) {
  const WasmEdge_ValType *types = fn->type.types + fn->type.nparams;
  for (uint32_t i = 0; i < fn->type.nreturns; i++) {
    returns[i].Value = 0;
    returns[i].Type = types[i];
  }
}

WasmEdge_Result WasmEdge_ExecutorInvoke(WasmEdge_ExecutorContext *Cxt, const WasmEdge_FunctionInstanceContext *FuncCxt,
                                        const WasmEdge_Value *Params, const uint32_t ParamLen,
                                        WasmEdge_Value *Returns, const uint32_t ReturnLen) {
  if (!Cxt || !FuncCxt || (ParamLen && !Params) || (ReturnLen && !Returns))
    return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  const uint32_t np = FuncCxt->type.nparams, nr = FuncCxt->type.nreturns;
  if (ParamLen != np) return wpk_result(WasmEdge_ErrCode_FuncSigMismatch);
  for (uint32_t i = 0; i < np; i++)
    if (!wpk_valtype_eq(Params[i].Type, FuncCxt->type.types[i])) return wpk_result(WasmEdge_ErrCode_FuncSigMismatch);
  if (nr > WPK_SLOT_COUNT) return wpk_result(WasmEdge_ErrCode_FuncSigMismatch);

  /* Results go to a local array of the declared size; the caller gets at most ReturnLen of them. */
  WasmEdge_Value results[nr + 1];
  init_returns(FuncCxt, results);
  uint32_t code = call_function(FuncCxt, g_frame ? g_frame : &g_no_frame, Params, results);
  if (code == WasmEdge_ErrCode_Success || code == WasmEdge_ErrCode_Terminated)
    for (uint32_t i = 0; i < nr && i < ReturnLen; i++) Returns[i] = results[i];
  WasmEdge_Result r;
  r.Code = code;
  return r;
}

/* ---- bindings ------------------------------------------------------------------------------- */
typedef struct {
  const WasmEdge_FunctionInstanceContext *fn; /* NULL: free entry */
  const WasmEdge_CallingFrameContext *frame;  /* the guest module's frame, stable while it lives */
  uint32_t next_free;
} wpk_binding;

static wpk_binding *g_binds; /* index 0 is never used: id 0 is invalid */
static uint32_t g_nbinds, g_capbinds, g_free_head;

uint32_t wpk_bind(const WasmEdge_FunctionInstanceContext *fn, const WasmEdge_ModuleInstanceContext *guest) {
  if (!fn || fn->type.nparams > WPK_SLOT_COUNT || fn->type.nreturns > WPK_SLOT_COUNT) return 0;
  uint32_t id;
  if (g_free_head) {
    id = g_free_head;
    g_free_head = g_binds[id].next_free;
  } else {
    if (g_nbinds == 0) g_nbinds = 1;
    if (g_nbinds >= g_capbinds) {
      uint32_t ncap = g_capbinds ? g_capbinds * 2 : 64;
      wpk_binding *p = realloc(g_binds, ncap * sizeof *p);
      if (!p) return 0;
      g_binds = p;
      g_capbinds = ncap;
    }
    id = g_nbinds++;
  }
  g_binds[id].fn = fn;
  g_binds[id].frame = guest ? &guest->frame : &g_no_frame;
  g_binds[id].next_free = 0;
  return id;
}

void wpk_unbind(uint32_t binding) {
  if (binding == 0 || binding >= g_nbinds || !g_binds[binding].fn) return;
  g_binds[binding].fn = NULL;
  g_binds[binding].next_free = g_free_head;
  g_free_head = binding;
}

/* Zero-extends the payload in `slot` to the declared width (4, 8 or 16 bytes). */
static inline uint128_t slot_payload(const WasmEdge_Value *slot, WasmEdge_ValType type) {
  switch (wpk_payload_width(type)) {
    case 4: return (uint32_t)slot->Value;
    case 8: return (uint64_t)slot->Value;
    default: return slot->Value;
  }
}

uint32_t wpk_invoke(uint32_t binding) {
  if (binding == 0 || binding >= g_nbinds) return WasmEdge_ErrCode_WrongVMWorkflow;
  /* Copy out of the table: a nested wpk_bind may move it. */
  const WasmEdge_FunctionInstanceContext *fn = g_binds[binding].fn;
  const WasmEdge_CallingFrameContext *frame = g_binds[binding].frame;
  if (!fn) return WasmEdge_ErrCode_WrongVMWorkflow;
  const uint32_t np = fn->type.nparams, nr = fn->type.nreturns;
  WasmEdge_Value *slots = wpk_slot_array;

  /* Parameters move to the stack so nested calls may reuse the slots. */
  WasmEdge_Value params[np + 1], returns[nr + 1];
  for (uint32_t i = 0; i < np; i++) {
    params[i].Type = fn->type.types[i];
    params[i].Value = slot_payload(&slots[i], params[i].Type);
  }
  init_returns(fn, returns);
  uint32_t code = call_function(fn, frame, params, returns);
  if (code == WasmEdge_ErrCode_Success || code == WasmEdge_ErrCode_Terminated)
    for (uint32_t i = 0; i < nr; i++) slots[i] = returns[i];
  return code;
}

/* ---- argument-free entry (the JS trampolines' path) ----------------------------------------------
 * koffi marshals every argument, and even one uint32 costs more than the rest of a call. So the JS
 * trampolines write the binding id into this shim-owned word (mapped once with koffi.view) and call
 * wpk_invoke_next(void). The word is read before anything runs, so nested calls may overwrite it. */
static uint32_t g_next_binding;

WPK_API uint32_t *wpk_next_binding(void) { return &g_next_binding; }

WPK_API uint32_t wpk_invoke_next(void) { return wpk_invoke(g_next_binding); }
