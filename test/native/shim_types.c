/* Shim test: limits (0.17 contexts), function/table/memory/global types, table and global
 * instances, NULL inputs. Prints "FAIL ..." per failed check, "ALL OK" at the end otherwise. */
#include <stdio.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"
#include "check.h"

static int failures;

static uint32_t code(WasmEdge_Result r) { return r.Code; }

int main(void) {
  uint64_t live0 = wpk_live_objects();

  /* Limits: 64-bit min/max, shared, 64-bit flag. */
  WasmEdge_LimitContext *l1 = WasmEdge_LimitCreateWithMax(2, 5, false, false);
  WasmEdge_LimitContext *l2 = WasmEdge_LimitCreateWithMax(2, 5, false, false);
  WasmEdge_LimitContext *l3 = WasmEdge_LimitCreate(1ULL << 40, true);
  WasmEdge_LimitContext *l4 = WasmEdge_LimitCreateWithMax(1, 1ULL << 33, true, true);
  CHECK(WasmEdge_LimitGetMin(l1) == 2 && WasmEdge_LimitGetMax(l1) == 5 && WasmEdge_LimitHasMax(l1));
  CHECK(!WasmEdge_LimitIsShared(l1) && !WasmEdge_LimitIs64Bit(l1));
  CHECK(WasmEdge_LimitIsEqual(l1, l2) && !WasmEdge_LimitIsEqual(l1, l3));
  CHECK(WasmEdge_LimitGetMin(l3) == (1ULL << 40) && !WasmEdge_LimitHasMax(l3) && WasmEdge_LimitIs64Bit(l3));
  CHECK(WasmEdge_LimitGetMax(l4) == (1ULL << 33) && WasmEdge_LimitIsShared(l4) && WasmEdge_LimitIs64Bit(l4));
  CHECK(WasmEdge_LimitGetMin(NULL) == 0 && !WasmEdge_LimitHasMax(NULL) && !WasmEdge_LimitIsEqual(l1, NULL));
  CHECK(wpk_live_objects() == live0 + 4);

  /* Memory type: the limit is copied; GetLimit is owned by the type. */
  WasmEdge_MemoryTypeContext *mt = WasmEdge_MemoryTypeCreate(l1);
  const WasmEdge_LimitContext *ml = WasmEdge_MemoryTypeGetLimit(mt);
  CHECK(ml != NULL && ml != l1 && WasmEdge_LimitIsEqual(ml, l1));
  CHECK(WasmEdge_MemoryTypeCreate(NULL) == NULL && WasmEdge_MemoryTypeGetLimit(NULL) == NULL);

  /* Table type: reference types only. */
  WasmEdge_TableTypeContext *tt = WasmEdge_TableTypeCreate(WasmEdge_ValTypeGenExternRef(), l1);
  CHECK(tt != NULL && WasmEdge_ValTypeIsExternRef(WasmEdge_TableTypeGetRefType(tt)));
  CHECK(WasmEdge_LimitGetMin(WasmEdge_TableTypeGetLimit(tt)) == 2 && WasmEdge_LimitGetMax(WasmEdge_TableTypeGetLimit(tt)) == 5);
  CHECK(WasmEdge_TableTypeCreate(WasmEdge_ValTypeGenI32(), l1) == NULL);
  CHECK(WasmEdge_TableTypeCreate(WasmEdge_ValTypeGenFuncRef(), NULL) == NULL);

  /* Function type: copies the lists; Get* return the full count and copy at most Len. */
  WasmEdge_ValType ps[3] = {WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI64(), WasmEdge_ValTypeGenF64()};
  WasmEdge_ValType rs[1] = {WasmEdge_ValTypeGenF32()};
  WasmEdge_FunctionTypeContext *ft = WasmEdge_FunctionTypeCreate(ps, 3, rs, 1);
  ps[0] = WasmEdge_ValTypeGenV128();
  WasmEdge_ValType out[3];
  CHECK(WasmEdge_FunctionTypeGetParametersLength(ft) == 3 && WasmEdge_FunctionTypeGetReturnsLength(ft) == 1);
  CHECK(WasmEdge_FunctionTypeGetParameters(ft, out, 2) == 3);
  CHECK(WasmEdge_ValTypeIsI32(out[0]) && WasmEdge_ValTypeIsI64(out[1]));
  CHECK(WasmEdge_FunctionTypeGetReturns(ft, out, 3) == 1 && WasmEdge_ValTypeIsF32(out[0]));
  CHECK(WasmEdge_FunctionTypeGetParametersLength(NULL) == 0 && WasmEdge_FunctionTypeGetParameters(NULL, out, 3) == 0);
  WasmEdge_FunctionTypeContext *empty = WasmEdge_FunctionTypeCreate(NULL, 0, NULL, 0);
  CHECK(empty != NULL && WasmEdge_FunctionTypeGetReturnsLength(empty) == 0);
  WasmEdge_FunctionTypeDelete(empty);

  /* Table instances: null-filled, bounds-checked, typed, growable up to the maximum. */
  WasmEdge_TableInstanceContext *tab = WasmEdge_TableInstanceCreate(tt);
  CHECK(tab != NULL && WasmEdge_TableInstanceGetSize(tab) == 2);
  WasmEdge_Value got = WasmEdge_ValueGenI32(99);
  CHECK(code(WasmEdge_TableInstanceGetData(tab, &got, 1)) == 0 && WasmEdge_ValueIsNullRef(got));
  CHECK(code(WasmEdge_TableInstanceGetData(tab, &got, 2)) == WasmEdge_ErrCode_TableOutOfBounds);
  int marker = 0;
  CHECK(code(WasmEdge_TableInstanceSetData(tab, WasmEdge_ValueGenExternRef(&marker), 1)) == 0);
  CHECK(code(WasmEdge_TableInstanceGetData(tab, &got, 1)) == 0 && WasmEdge_ValueGetExternRef(got) == &marker);
  CHECK(code(WasmEdge_TableInstanceSetData(tab, WasmEdge_ValueGenExternRef(&marker), 2)) == WasmEdge_ErrCode_TableOutOfBounds);
  CHECK(code(WasmEdge_TableInstanceSetData(tab, WasmEdge_ValueGenI32(1), 0)) != 0);
  CHECK(code(WasmEdge_TableInstanceSetData(tab, WasmEdge_ValueGenFuncRef(NULL), 0)) != 0);
  CHECK(code(WasmEdge_TableInstanceGrow(tab, 3)) == 0 && WasmEdge_TableInstanceGetSize(tab) == 5);
  CHECK(code(WasmEdge_TableInstanceGetData(tab, &got, 4)) == 0 && WasmEdge_ValueIsNullRef(got));
  CHECK(code(WasmEdge_TableInstanceGrow(tab, 1)) == WasmEdge_ErrCode_TableOutOfBounds);
  CHECK(code(WasmEdge_TableInstanceGrow(tab, UINT64_MAX)) == WasmEdge_ErrCode_TableOutOfBounds);
  CHECK(WasmEdge_TableInstanceGetSize(tab) == 5);
  CHECK(WasmEdge_LimitGetMin(WasmEdge_TableTypeGetLimit(WasmEdge_TableInstanceGetTableType(tab))) == 5);
  CHECK(WasmEdge_TableInstanceGetSize(NULL) == 0 && code(WasmEdge_TableInstanceGrow(NULL, 1)) != 0);
  WasmEdge_TableInstanceContext *tab2 = WasmEdge_TableInstanceCreateWithInit(tt, WasmEdge_ValueGenExternRef(&marker));
  CHECK(code(WasmEdge_TableInstanceGetData(tab2, &got, 0)) == 0 && WasmEdge_ValueGetExternRef(got) == &marker);
  CHECK(WasmEdge_TableInstanceCreateWithInit(tt, WasmEdge_ValueGenI32(0)) == NULL);

  /* Global types and instances: const vs var, type mismatch. */
  WasmEdge_GlobalTypeContext *gc = WasmEdge_GlobalTypeCreate(WasmEdge_ValTypeGenI64(), WasmEdge_Mutability_Const);
  WasmEdge_GlobalTypeContext *gv = WasmEdge_GlobalTypeCreate(WasmEdge_ValTypeGenF64(), WasmEdge_Mutability_Var);
  CHECK(WasmEdge_GlobalTypeGetMutability(gc) == WasmEdge_Mutability_Const);
  CHECK(WasmEdge_GlobalTypeGetMutability(gv) == WasmEdge_Mutability_Var && WasmEdge_ValTypeIsF64(WasmEdge_GlobalTypeGetValType(gv)));
  CHECK(WasmEdge_GlobalInstanceCreate(gc, WasmEdge_ValueGenI32(1)) == NULL);
  WasmEdge_GlobalInstanceContext *g1 = WasmEdge_GlobalInstanceCreate(gc, WasmEdge_ValueGenI64(42));
  WasmEdge_GlobalInstanceContext *g2 = WasmEdge_GlobalInstanceCreate(gv, WasmEdge_ValueGenF64(1.5));
  CHECK(WasmEdge_ValueGetI64(WasmEdge_GlobalInstanceGetValue(g1)) == 42);
  CHECK(code(WasmEdge_GlobalInstanceSetValue(g1, WasmEdge_ValueGenI64(1))) == WasmEdge_ErrCode_SetValueToConst);
  CHECK(WasmEdge_ValueGetI64(WasmEdge_GlobalInstanceGetValue(g1)) == 42);
  CHECK(code(WasmEdge_GlobalInstanceSetValue(g2, WasmEdge_ValueGenI64(1))) == WasmEdge_ErrCode_SetValueErrorType);
  CHECK(code(WasmEdge_GlobalInstanceSetValue(g2, WasmEdge_ValueGenF64(-2.25))) == 0);
  CHECK(WasmEdge_ValueGetF64(WasmEdge_GlobalInstanceGetValue(g2)) == -2.25);
  CHECK(WasmEdge_GlobalTypeGetMutability(WasmEdge_GlobalInstanceGetGlobalType(g2)) == WasmEdge_Mutability_Var);
  CHECK(code(WasmEdge_GlobalInstanceSetValue(NULL, WasmEdge_ValueGenI64(1))) != 0);

  /* NULL tags. */
  CHECK(WasmEdge_TagInstanceGetTagType(NULL) == NULL && WasmEdge_TagTypeGetFunctionType(NULL) == NULL);

  WasmEdge_GlobalInstanceDelete(g1);
  WasmEdge_GlobalInstanceDelete(g2);
  WasmEdge_GlobalTypeDelete(gc);
  WasmEdge_GlobalTypeDelete(gv);
  WasmEdge_TableInstanceDelete(tab);
  WasmEdge_TableInstanceDelete(tab2);
  WasmEdge_FunctionTypeDelete(ft);
  WasmEdge_TableTypeDelete(tt);
  WasmEdge_MemoryTypeDelete(mt);
  WasmEdge_LimitDelete(l1);
  WasmEdge_LimitDelete(l2);
  WasmEdge_LimitDelete(l3);
  WasmEdge_LimitDelete(l4);
  /* Deleting NULL is a no-op everywhere. */
  WasmEdge_LimitDelete(NULL);
  WasmEdge_FunctionTypeDelete(NULL);
  WasmEdge_TableTypeDelete(NULL);
  WasmEdge_MemoryTypeDelete(NULL);
  WasmEdge_GlobalTypeDelete(NULL);
  WasmEdge_TableInstanceDelete(NULL);
  WasmEdge_GlobalInstanceDelete(NULL);
  CHECK(wpk_live_objects() == live0);

  return check_done(failures);
}
