/*
 * value.c — value types and values (wasmedge_value.h in WasmEdge). Byte encodings follow docs/abi.md ("Value types", "Result encoding"):
 * ValType.Data = {0, 0, type code, heap type, 0, 0, 0, 0}; a value's payload sits little-endian in
 * the low bytes of Value and the rest is zero; references hold a pointer.
 */
#include <string.h>

#include "internal.h"

static inline WasmEdge_ValType make_type(uint8_t code, uint8_t heap) {
  WasmEdge_ValType t = {{0, 0, code, heap, 0, 0, 0, 0}};
  return t;
}

WasmEdge_ValType WasmEdge_ValTypeGenI32(void) { return make_type(WPK_TC_I32, WPK_HT_EPSILON); }
WasmEdge_ValType WasmEdge_ValTypeGenI64(void) { return make_type(WPK_TC_I64, WPK_HT_EPSILON); }
WasmEdge_ValType WasmEdge_ValTypeGenF32(void) { return make_type(WPK_TC_F32, WPK_HT_EPSILON); }
WasmEdge_ValType WasmEdge_ValTypeGenF64(void) { return make_type(WPK_TC_F64, WPK_HT_EPSILON); }
WasmEdge_ValType WasmEdge_ValTypeGenV128(void) { return make_type(WPK_TC_V128, WPK_HT_EPSILON); }
WasmEdge_ValType WasmEdge_ValTypeGenFuncRef(void) { return make_type(WPK_TC_REFNULL, WPK_HT_FUNC); }
WasmEdge_ValType WasmEdge_ValTypeGenExternRef(void) { return make_type(WPK_TC_REFNULL, WPK_HT_EXTERN); }

bool WasmEdge_ValTypeIsEqual(const WasmEdge_ValType ValType1, const WasmEdge_ValType ValType2) {
  return wpk_valtype_eq(ValType1, ValType2);
}
bool WasmEdge_ValTypeIsI32(const WasmEdge_ValType ValType) { return ValType.Data[2] == WPK_TC_I32; }
bool WasmEdge_ValTypeIsI64(const WasmEdge_ValType ValType) { return ValType.Data[2] == WPK_TC_I64; }
bool WasmEdge_ValTypeIsF32(const WasmEdge_ValType ValType) { return ValType.Data[2] == WPK_TC_F32; }
bool WasmEdge_ValTypeIsF64(const WasmEdge_ValType ValType) { return ValType.Data[2] == WPK_TC_F64; }
bool WasmEdge_ValTypeIsV128(const WasmEdge_ValType ValType) { return ValType.Data[2] == WPK_TC_V128; }
bool WasmEdge_ValTypeIsFuncRef(const WasmEdge_ValType ValType) {
  return wpk_valtype_is_ref(ValType) && ValType.Data[3] == WPK_HT_FUNC;
}
bool WasmEdge_ValTypeIsExternRef(const WasmEdge_ValType ValType) {
  return wpk_valtype_is_ref(ValType) && ValType.Data[3] == WPK_HT_EXTERN;
}
bool WasmEdge_ValTypeIsRef(const WasmEdge_ValType ValType) { return wpk_valtype_is_ref(ValType); }
bool WasmEdge_ValTypeIsRefNull(const WasmEdge_ValType ValType) { return ValType.Data[2] == WPK_TC_REFNULL; }

/* A value of `type` holding `payload` zero-extended (little-endian: low bytes first). */
static inline WasmEdge_Value make_value(WasmEdge_ValType type, uint128_t payload) {
  WasmEdge_Value v;
  v.Value = payload;
  v.Type = type;
  return v;
}

WasmEdge_Value WasmEdge_ValueGenI32(const int32_t Val) {
  return make_value(make_type(WPK_TC_I32, WPK_HT_EPSILON), (uint32_t)Val);
}
WasmEdge_Value WasmEdge_ValueGenI64(const int64_t Val) {
  return make_value(make_type(WPK_TC_I64, WPK_HT_EPSILON), (uint64_t)Val);
}
WasmEdge_Value WasmEdge_ValueGenF32(const float Val) {
  uint32_t bits;
  memcpy(&bits, &Val, sizeof bits);
  return make_value(make_type(WPK_TC_F32, WPK_HT_EPSILON), bits);
}
WasmEdge_Value WasmEdge_ValueGenF64(const double Val) {
  uint64_t bits;
  memcpy(&bits, &Val, sizeof bits);
  return make_value(make_type(WPK_TC_F64, WPK_HT_EPSILON), bits);
}
WasmEdge_Value WasmEdge_ValueGenV128(const int128_t Val) {
  return make_value(make_type(WPK_TC_V128, WPK_HT_EPSILON), (uint128_t)Val);
}
WasmEdge_Value WasmEdge_ValueGenFuncRef(const WasmEdge_FunctionInstanceContext *Cxt) {
  return make_value(make_type(WPK_TC_REFNULL, WPK_HT_FUNC), (uintptr_t)Cxt);
}
WasmEdge_Value WasmEdge_ValueGenExternRef(void *Ref) {
  return make_value(make_type(WPK_TC_REFNULL, WPK_HT_EXTERN), (uintptr_t)Ref);
}

int32_t WasmEdge_ValueGetI32(const WasmEdge_Value Val) {
  int32_t x;
  memcpy(&x, &Val.Value, sizeof x);
  return x;
}
int64_t WasmEdge_ValueGetI64(const WasmEdge_Value Val) {
  int64_t x;
  memcpy(&x, &Val.Value, sizeof x);
  return x;
}
float WasmEdge_ValueGetF32(const WasmEdge_Value Val) {
  float x;
  memcpy(&x, &Val.Value, sizeof x);
  return x;
}
double WasmEdge_ValueGetF64(const WasmEdge_Value Val) {
  double x;
  memcpy(&x, &Val.Value, sizeof x);
  return x;
}
int128_t WasmEdge_ValueGetV128(const WasmEdge_Value Val) {
  int128_t x;
  memcpy(&x, &Val.Value, sizeof x);
  return x;
}

static void *ref_pointer(const WasmEdge_Value *v) {
  void *p;
  memcpy(&p, &v->Value, sizeof p);
  return p;
}

bool WasmEdge_ValueIsNullRef(const WasmEdge_Value Val) {
  return wpk_valtype_is_ref(Val.Type) && ref_pointer(&Val) == NULL;
}
const WasmEdge_FunctionInstanceContext *WasmEdge_ValueGetFuncRef(const WasmEdge_Value Val) {
  return ref_pointer(&Val);
}
void *WasmEdge_ValueGetExternRef(const WasmEdge_Value Val) { return ref_pointer(&Val); }
