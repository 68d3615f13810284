/*
 * global.c — global instances: a typed value, const or var.
 */
#include "internal.h"

WasmEdge_GlobalInstanceContext *WasmEdge_GlobalInstanceCreate(const WasmEdge_GlobalTypeContext *GlobType,
                                                              const WasmEdge_Value Value) {
  if (!GlobType || !wpk_valtype_eq(GlobType->val_type, Value.Type)) return NULL;
  WasmEdge_GlobalInstanceContext *g = wpk_obj_new(sizeof *g);
  if (!g) return NULL;
  g->type = *GlobType;
  g->value = Value;
  return g;
}

const WasmEdge_GlobalTypeContext *WasmEdge_GlobalInstanceGetGlobalType(const WasmEdge_GlobalInstanceContext *Cxt) {
  return Cxt ? &Cxt->type : NULL;
}

WasmEdge_Value WasmEdge_GlobalInstanceGetValue(const WasmEdge_GlobalInstanceContext *Cxt) {
  if (Cxt) return Cxt->value;
  return WasmEdge_ValueGenI32(0);
}

WasmEdge_Result WasmEdge_GlobalInstanceSetValue(WasmEdge_GlobalInstanceContext *Cxt, const WasmEdge_Value Value) {
  if (!Cxt) return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  if (Cxt->type.mutability != WasmEdge_Mutability_Var) return wpk_result(WasmEdge_ErrCode_SetValueToConst);
  if (!wpk_valtype_eq(Cxt->type.val_type, Value.Type)) return wpk_result(WasmEdge_ErrCode_SetValueErrorType);
  Cxt->value = Value;
  return wpk_result(WasmEdge_ErrCode_Success);
}

void wpk_global_free(WasmEdge_GlobalInstanceContext *g) { wpk_obj_delete(g); }

void WasmEdge_GlobalInstanceDelete(WasmEdge_GlobalInstanceContext *Cxt) { wpk_global_free(Cxt); }
