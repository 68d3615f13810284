/*
 * function.c — function instances: host functions (WasmEdge_HostFunc_t), binding functions
 * (WasmEdge_WrapFunc_t) and guest functions (wasm exports called back through the TS runtime).
 */
#include <stdlib.h>

#include "internal.h"

static WasmEdge_FunctionInstanceContext *function_new(const WasmEdge_FunctionTypeContext *type, wpk_fn_kind kind) {
  if (!type) return NULL;
  WasmEdge_FunctionInstanceContext *f = wpk_obj_new(sizeof *f);
  if (!f) return NULL;
  if (!wpk_functype_copy(&f->type, type)) {
    wpk_obj_delete(f);
    return NULL;
  }
  f->kind = kind;
  return f;
}

WasmEdge_FunctionInstanceContext *WasmEdge_FunctionInstanceCreate(const WasmEdge_FunctionTypeContext *Type,
                                                                  WasmEdge_HostFunc_t HostFunc, void *Data,
                                                                  const uint64_t Cost) {
  if (!HostFunc) return NULL;
  WasmEdge_FunctionInstanceContext *f = function_new(Type, WPK_FN_HOST);
  if (!f) return NULL;
  f->host = HostFunc;
  f->data = Data;
  f->cost = Cost;
  return f;
}

WasmEdge_FunctionInstanceContext *WasmEdge_FunctionInstanceCreateBinding(const WasmEdge_FunctionTypeContext *Type,
                                                                         WasmEdge_WrapFunc_t WrapFunc,
                                                                         void *Binding, void *Data,
                                                                         const uint64_t Cost) {
  if (!WrapFunc) return NULL;
  WasmEdge_FunctionInstanceContext *f = function_new(Type, WPK_FN_BINDING);
  if (!f) return NULL;
  f->wrap = WrapFunc;
  f->binding = Binding;
  f->data = Data;
  f->cost = Cost;
  return f;
}

WasmEdge_FunctionInstanceContext *wpk_guest_function_create(const WasmEdge_FunctionTypeContext *type,
                                                            uint32_t guest_id) {
  WasmEdge_FunctionInstanceContext *f = function_new(type, WPK_FN_GUEST);
  if (f) f->guest_id = guest_id;
  return f;
}

const void *WasmEdge_FunctionInstanceGetData(const WasmEdge_FunctionInstanceContext *Cxt) {
  return Cxt ? Cxt->data : NULL;
}

const WasmEdge_FunctionTypeContext *WasmEdge_FunctionInstanceGetFunctionType(const WasmEdge_FunctionInstanceContext *Cxt) {
  return Cxt ? &Cxt->type : NULL;
}

void wpk_function_free(WasmEdge_FunctionInstanceContext *f) {
  if (!f) return;
  wpk_functype_free(&f->type);
  free(f->name);
  wpk_obj_delete(f);
}

void WasmEdge_FunctionInstanceDelete(WasmEdge_FunctionInstanceContext *Cxt) { wpk_function_free(Cxt); }
