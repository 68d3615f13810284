/*
 * call.c — calling functions: calling frames, the executor, WasmEdge_ExecutorInvoke, bindings and
 * wpk_invoke (the hot path from JS).
 *
 * Every running call has a record on the C stack of call_function, linked innermost first (g_call):
 * the function, the frame host functions see, and what went wrong in the calls back into wasm that a
 * host function made. The records belong to the host thread (the JS thread): only it runs calls, so
 * g_call and the call state are plain statics. A plug-in thread that calls into wasm is refused.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- calling frames and the executor -------------------------------------------------------- */
static WasmEdge_ExecutorContext g_executor;
static const WasmEdge_CallingFrameContext g_no_frame = {NULL};

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

/* ---- running calls ---------------------------------------------------------------------------- */
wpk_call *volatile g_call; /* innermost running call; read by the signal handler (crash.c) */
static wpk_call_state g_state;

wpk_call_state *wpk_call_state_words(void) { return &g_state; }

const char *wpk_current_function(void) {
  const wpk_call *c = g_call;
  return c && c->fn->kind != WPK_FN_GUEST ? c->fn->name : NULL;
}

/* ---- guest callback ------------------------------------------------------------------------- */
static wpk_guest_call_fn g_guest;

void wpk_set_guest_callback(wpk_guest_call_fn fn) { g_guest = fn; }

/* Calls `fn` with `frame` as the calling frame. params/returns hold exactly the declared counts. */
static uint32_t call_function(const WasmEdge_FunctionInstanceContext *fn, const WasmEdge_CallingFrameContext *frame,
                              const WasmEdge_Value *params, WasmEdge_Value *returns) {
  wpk_call rec = {fn, frame, 0, 0, g_call};
  uint32_t code;
  __atomic_signal_fence(__ATOMIC_RELEASE); /* rec is complete before a signal handler can see it */
  if (fn->kind == WPK_FN_GUEST) {
    if (!g_guest) return WasmEdge_ErrCode_FuncNotFound;
    g_call = &rec;
    g_state.depth++;
    code = g_guest(fn->guest_id, params, fn->type.nparams, returns, fn->type.nreturns);
    /* The JS side keeps what went wrong under this depth; the host function that called owns it. */
    if (code != WasmEdge_ErrCode_Success && rec.outer) {
      rec.outer->failure = code;
      rec.outer->failure_depth = g_state.depth;
    }
    g_state.depth--;
    g_call = rec.outer;
    return code;
  }
  g_call = &rec;
  g_state.depth++;
  WasmEdge_Result r;
  if (fn->kind == WPK_FN_HOST)
    r = fn->host(fn->data, frame, params, returns);
  else
    r = fn->wrap(fn->binding, fn->data, frame, params, fn->type.nparams, returns, fn->type.nreturns);
  g_state.depth--;
  g_call = rec.outer;
  /* A host function called through ExecutorInvoke that passes on a wasm failure passes it to its caller. */
  if (rec.failure && r.Code == rec.failure && rec.outer) {
    rec.outer->failure = rec.failure;
    rec.outer->failure_depth = rec.failure_depth;
  }
  g_state.failure = rec.failure;
  g_state.failure_depth = rec.failure_depth;
  return r.Code;
}

static void init_returns(const WasmEdge_FunctionInstanceContext *fn, WasmEdge_Value *returns) {
  const WasmEdge_ValType *types = fn->type.types + fn->type.nparams;
  for (uint32_t i = 0; i < fn->type.nreturns; i++) {
    returns[i].Value = 0;
    returns[i].Type = types[i];
  }
}

/* Values of one call: on the stack up to INLINE_VALUES, else on the heap. A function may have
 * WPK_SLOT_COUNT parameters and as many results; arrays sized by those counts would take up to 64 KiB
 * of stack per nesting level. */
#define INLINE_VALUES 16
typedef struct {
  WasmEdge_Value *v;
  WasmEdge_Value inline_values[INLINE_VALUES];
} value_buf;

static WasmEdge_Value *values_get(value_buf *b, uint32_t n) {
  b->v = n <= INLINE_VALUES ? b->inline_values : malloc((size_t)n * sizeof *b->v);
  return b->v;
}

static void values_put(value_buf *b) {
  if (b->v != b->inline_values) free(b->v);
}

WasmEdge_Result WasmEdge_ExecutorInvoke(WasmEdge_ExecutorContext *Cxt, const WasmEdge_FunctionInstanceContext *FuncCxt,
                                        const WasmEdge_Value *Params, const uint32_t ParamLen,
                                        WasmEdge_Value *Returns, const uint32_t ReturnLen) {
  if (!Cxt || !FuncCxt || (ParamLen && !Params) || (ReturnLen && !Returns))
    return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  if (!wpk_on_host_thread()) {
    /* The guest callback would be queued to the JS thread, which may be waiting for this thread. */
    wpk_log(WasmEdge_LogLevel_Error,
            "WasmEdge_ExecutorInvoke called from a thread of the plug-in: wasmedge-plugin-kit runs wasm and "
            "host functions on one thread only, so the call fails (WrongVMWorkflow); see docs/threads.md");
    return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  }
  const uint32_t np = FuncCxt->type.nparams, nr = FuncCxt->type.nreturns;
  if (ParamLen != np) return wpk_result(WasmEdge_ErrCode_FuncSigMismatch);
  for (uint32_t i = 0; i < np; i++)
    if (!wpk_valtype_eq(Params[i].Type, FuncCxt->type.types[i])) return wpk_result(WasmEdge_ErrCode_FuncSigMismatch);
  if (nr > WPK_SLOT_COUNT) return wpk_result(WasmEdge_ErrCode_FuncSigMismatch);

  /* Results go to an array of the declared size; the caller gets at most ReturnLen of them. */
  value_buf buf;
  WasmEdge_Value *results = values_get(&buf, nr);
  if (!results) return wpk_result(WasmEdge_ErrCode_RuntimeError);
  init_returns(FuncCxt, results);
  /* A host function called from a host function sees its caller's frame. */
  const wpk_call *caller = g_call;
  uint32_t code = call_function(FuncCxt, caller ? caller->frame : &g_no_frame, Params, results);
  if (code == WasmEdge_ErrCode_Success || code == WasmEdge_ErrCode_Terminated)
    for (uint32_t i = 0; i < nr && i < ReturnLen; i++) Returns[i] = results[i];
  values_put(&buf);
  WasmEdge_Result r;
  r.Code = code;
  return r;
}

/* ---- bindings ------------------------------------------------------------------------------- */
typedef struct {
  const WasmEdge_FunctionInstanceContext *fn; /* NULL: free entry */
  const WasmEdge_CallingFrameContext *frame;  /* the guest module's frame, stable while it lives */
  uint32_t next_free;
  bool called;                                /* has run once: its signal handlers were checked */
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
  g_binds[id].called = false;
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
  g_state.failure = 0; /* this call's own, whatever returns early */
  if (binding == 0 || binding >= g_nbinds) return WasmEdge_ErrCode_WrongVMWorkflow;
  /* Copy out of the table: a nested wpk_bind may move it. */
  const WasmEdge_FunctionInstanceContext *fn = g_binds[binding].fn;
  const WasmEdge_CallingFrameContext *frame = g_binds[binding].frame;
  const bool first = !g_binds[binding].called;
  if (!fn) return WasmEdge_ErrCode_WrongVMWorkflow;
  const uint32_t np = fn->type.nparams, nr = fn->type.nreturns;
  WasmEdge_Value *slots = wpk_slot_array;

  /* Parameters move out of the slots so nested calls may reuse them. */
  value_buf buf;
  WasmEdge_Value *params = values_get(&buf, np + nr);
  if (!params) return WasmEdge_ErrCode_RuntimeError;
  WasmEdge_Value *returns = params + np;
  for (uint32_t i = 0; i < np; i++) {
    params[i].Type = fn->type.types[i];
    params[i].Value = slot_payload(&slots[i], params[i].Type);
  }
  init_returns(fn, returns);
  uint32_t code = call_function(fn, frame, params, returns);
  if (code == WasmEdge_ErrCode_Success || code == WasmEdge_ErrCode_Terminated)
    for (uint32_t i = 0; i < nr; i++) slots[i] = returns[i];
  values_put(&buf);
  /* Plug-ins that install signal handlers often do it on first use: check after each binding's
   * first call (not on every call: that would cost syscalls on the hot path). */
  if (first) {
    g_binds[binding].called = true;
    wpk_signals_check(fn->name);
  }
  return code;
}

/* ---- argument-free entry (the JS trampolines' path) ----------------------------------------------
 * koffi marshals every argument, and even one uint32 costs more than the rest of a call. So the JS
 * trampolines write the binding id into this shim-owned word (mapped once with koffi.view) and call
 * wpk_invoke_next(void). The word is read before anything runs, so nested calls may overwrite it. */
static uint32_t g_next_binding;

WPK_API uint32_t *wpk_next_binding(void) { return &g_next_binding; }

WPK_API uint32_t wpk_invoke_next(void) { return wpk_invoke(g_next_binding); }
