/*
 * table.c — table instances: a growable array of reference values.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Largest element count the table may reach. */
static uint64_t table_max(const WasmEdge_TableInstanceContext *t) {
  uint64_t cap = t->type.limit.is64 ? UINT64_MAX : WPK_MAX_TABLE_32;
  return t->type.limit.has_max && t->type.limit.max < cap ? t->type.limit.max : cap;
}

/* A reference value fits a table of `ref` type when the heap types agree; a null reference needs
 * a nullable element type. */
static bool ref_fits(WasmEdge_ValType ref, const WasmEdge_Value *v) {
  if (!wpk_valtype_is_ref(v->Type) || v->Type.Data[3] != ref.Data[3]) return false;
  if (ref.Data[2] == WPK_TC_REF && WasmEdge_ValueIsNullRef(*v)) return false;
  return true;
}

static WasmEdge_TableInstanceContext *table_new(const WasmEdge_TableTypeContext *type, const WasmEdge_Value *init) {
  if (!type || !ref_fits(type->ref_type, init)) return NULL;
  uint64_t n = type->limit.min;
  if (n > SIZE_MAX / sizeof(WasmEdge_Value) || (type->limit.has_max && n > type->limit.max)) return NULL;
  WasmEdge_TableInstanceContext *t = wpk_obj_new(sizeof *t);
  if (!t) return NULL;
  t->type = *type;
  t->size = n;
  if (n) {
    t->elems = malloc((size_t)n * sizeof(WasmEdge_Value));
    if (!t->elems) {
      wpk_obj_delete(t);
      return NULL;
    }
    for (uint64_t i = 0; i < n; i++) t->elems[i] = *init;
  }
  return t;
}

WasmEdge_TableInstanceContext *WasmEdge_TableInstanceCreate(const WasmEdge_TableTypeContext *TabType) {
  if (!TabType) return NULL;
  WasmEdge_Value null_ref = WasmEdge_ValueGenExternRef(NULL);
  null_ref.Type = TabType->ref_type; /* fails in table_new for non-nullable element types */
  return table_new(TabType, &null_ref);
}

WasmEdge_TableInstanceContext *WasmEdge_TableInstanceCreateWithInit(const WasmEdge_TableTypeContext *TabType,
                                                                    const WasmEdge_Value Value) {
  return table_new(TabType, &Value);
}

const WasmEdge_TableTypeContext *WasmEdge_TableInstanceGetTableType(const WasmEdge_TableInstanceContext *Cxt) {
  return Cxt ? &Cxt->type : NULL;
}

WasmEdge_Result WasmEdge_TableInstanceGetData(const WasmEdge_TableInstanceContext *Cxt, WasmEdge_Value *Data,
                                              const uint64_t Offset) {
  if (!Cxt || !Data) return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  if (Offset >= Cxt->size) return wpk_result(WasmEdge_ErrCode_TableOutOfBounds);
  *Data = Cxt->elems[Offset];
  return wpk_result(WasmEdge_ErrCode_Success);
}

WasmEdge_Result WasmEdge_TableInstanceSetData(WasmEdge_TableInstanceContext *Cxt, WasmEdge_Value Data,
                                              const uint64_t Offset) {
  if (!Cxt) return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  if (!ref_fits(Cxt->type.ref_type, &Data)) return wpk_result(WasmEdge_ErrCode_RefTypeMismatch);
  if (Offset >= Cxt->size) return wpk_result(WasmEdge_ErrCode_TableOutOfBounds);
  Cxt->elems[Offset] = Data;
  return wpk_result(WasmEdge_ErrCode_Success);
}

uint64_t WasmEdge_TableInstanceGetSize(const WasmEdge_TableInstanceContext *Cxt) { return Cxt ? Cxt->size : 0; }

WasmEdge_Result WasmEdge_TableInstanceGrow(WasmEdge_TableInstanceContext *Cxt, const uint64_t Size) {
  if (!Cxt) return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  uint64_t max = table_max(Cxt);
  if (Size > max - Cxt->size) return wpk_result(WasmEdge_ErrCode_TableOutOfBounds);
  if (Size == 0) return wpk_result(WasmEdge_ErrCode_Success);
  uint64_t n = Cxt->size + Size;
  if (n > SIZE_MAX / sizeof(WasmEdge_Value)) return wpk_result(WasmEdge_ErrCode_TableOutOfBounds);
  WasmEdge_Value *e = realloc(Cxt->elems, (size_t)n * sizeof(WasmEdge_Value));
  if (!e) return wpk_result(WasmEdge_ErrCode_TableOutOfBounds);
  /* New elements are null references of the table's type. */
  WasmEdge_Value null_ref = WasmEdge_ValueGenExternRef(NULL);
  null_ref.Type = Cxt->type.ref_type;
  for (uint64_t i = Cxt->size; i < n; i++) e[i] = null_ref;
  Cxt->elems = e;
  Cxt->size = n;
  Cxt->type.limit.min = n;
  return wpk_result(WasmEdge_ErrCode_Success);
}

void wpk_table_free(WasmEdge_TableInstanceContext *t) {
  if (!t) return;
  free(t->elems);
  wpk_obj_delete(t);
}

void WasmEdge_TableInstanceDelete(WasmEdge_TableInstanceContext *Cxt) { wpk_table_free(Cxt); }
