/*
 * types.c — limits, function/table/memory/global/tag types (wasmedge_ast.h in WasmEdge), API
 * version 5 (WasmEdge 0.17) forms.
 *
 * Five functions changed signature in 0.17. Their 0.17 forms are defined here under private names
 * and exported as X@@WASMEDGE_0.17 (the default version, what new links bind to); compat_v016.c
 * exports the 0.16 forms as X@WASMEDGE_0.16. ", remove" drops the private name from the symbol
 * table so only the versioned names are exported.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define WPK_EXPORT_V017(impl, name) \
  __asm__(".symver " #impl ", " #name "@@WASMEDGE_0.17, remove")

/* ---- limits --------------------------------------------------------------------------------- */
static WasmEdge_LimitContext *limit_new(uint64_t min, uint64_t max, bool has_max, bool shared, bool is64) {
  WasmEdge_LimitContext *l = wpk_obj_new(sizeof *l);
  if (!l) return NULL;
  l->min = min;
  l->max = has_max ? max : 0;
  l->has_max = has_max;
  l->shared = shared;
  l->is64 = is64;
  return l;
}

WasmEdge_LimitContext *WasmEdge_LimitCreate(const uint64_t Min, const bool Is64) {
  return limit_new(Min, 0, false, false, Is64);
}

WasmEdge_LimitContext *WasmEdge_LimitCreateWithMax(const uint64_t Min, const uint64_t Max,
                                                   const bool Shared, const bool Is64) {
  return limit_new(Min, Max, true, Shared, Is64);
}

uint64_t WasmEdge_LimitGetMin(const WasmEdge_LimitContext *Cxt) { return Cxt ? Cxt->min : 0; }
uint64_t WasmEdge_LimitGetMax(const WasmEdge_LimitContext *Cxt) { return Cxt && Cxt->has_max ? Cxt->max : 0; }
bool WasmEdge_LimitHasMax(const WasmEdge_LimitContext *Cxt) { return Cxt && Cxt->has_max; }
bool WasmEdge_LimitIsShared(const WasmEdge_LimitContext *Cxt) { return Cxt && Cxt->shared; }
bool WasmEdge_LimitIs64Bit(const WasmEdge_LimitContext *Cxt) { return Cxt && Cxt->is64; }
void WasmEdge_LimitDelete(WasmEdge_LimitContext *Cxt) { wpk_obj_delete(Cxt); }

WPK_API bool wpk_v017_LimitIsEqual(const WasmEdge_LimitContext *Cxt1, const WasmEdge_LimitContext *Cxt2);
WPK_EXPORT_V017(wpk_v017_LimitIsEqual, WasmEdge_LimitIsEqual);
bool wpk_v017_LimitIsEqual(const WasmEdge_LimitContext *Cxt1, const WasmEdge_LimitContext *Cxt2) {
  if (!Cxt1 || !Cxt2) return Cxt1 == Cxt2;
  return Cxt1->min == Cxt2->min && Cxt1->has_max == Cxt2->has_max &&
         (!Cxt1->has_max || Cxt1->max == Cxt2->max) && Cxt1->shared == Cxt2->shared &&
         Cxt1->is64 == Cxt2->is64;
}

/* ---- function types ------------------------------------------------------------------------- */
static bool functype_init(struct WasmEdge_FunctionTypeContext *t, const WasmEdge_ValType *params,
                          uint32_t np, const WasmEdge_ValType *returns, uint32_t nr) {
  t->nparams = np;
  t->nreturns = nr;
  t->types = NULL;
  if ((np && !params) || (nr && !returns)) return false;
  if (np + (uint64_t)nr == 0) return true;
  t->types = malloc(((size_t)np + nr) * sizeof(WasmEdge_ValType));
  if (!t->types) return false;
  if (np) memcpy(t->types, params, np * sizeof(WasmEdge_ValType));
  if (nr) memcpy(t->types + np, returns, nr * sizeof(WasmEdge_ValType));
  return true;
}

bool wpk_functype_copy(struct WasmEdge_FunctionTypeContext *dst, const struct WasmEdge_FunctionTypeContext *src) {
  return functype_init(dst, src->types, src->nparams, src->types + src->nparams, src->nreturns);
}

void wpk_functype_free(struct WasmEdge_FunctionTypeContext *t) {
  free(t->types);
  t->types = NULL;
}

WasmEdge_FunctionTypeContext *WasmEdge_FunctionTypeCreate(const WasmEdge_ValType *ParamList,
                                                          const uint32_t ParamLen,
                                                          const WasmEdge_ValType *ReturnList,
                                                          const uint32_t ReturnLen) {
  WasmEdge_FunctionTypeContext *t = wpk_obj_new(sizeof *t);
  if (!t) return NULL;
  if (!functype_init(t, ParamList, ParamLen, ReturnList, ReturnLen)) {
    wpk_obj_delete(t);
    return NULL;
  }
  return t;
}

uint32_t WasmEdge_FunctionTypeGetParametersLength(const WasmEdge_FunctionTypeContext *Cxt) {
  return Cxt ? Cxt->nparams : 0;
}

uint32_t WasmEdge_FunctionTypeGetParameters(const WasmEdge_FunctionTypeContext *Cxt,
                                            WasmEdge_ValType *List, const uint32_t Len) {
  if (!Cxt) return 0;
  uint32_t n = Cxt->nparams < Len ? Cxt->nparams : Len;
  if (List && n) memcpy(List, Cxt->types, n * sizeof *List);
  return Cxt->nparams;
}

uint32_t WasmEdge_FunctionTypeGetReturnsLength(const WasmEdge_FunctionTypeContext *Cxt) {
  return Cxt ? Cxt->nreturns : 0;
}

uint32_t WasmEdge_FunctionTypeGetReturns(const WasmEdge_FunctionTypeContext *Cxt,
                                         WasmEdge_ValType *List, const uint32_t Len) {
  if (!Cxt) return 0;
  uint32_t n = Cxt->nreturns < Len ? Cxt->nreturns : Len;
  if (List && n) memcpy(List, Cxt->types + Cxt->nparams, n * sizeof *List);
  return Cxt->nreturns;
}

void WasmEdge_FunctionTypeDelete(WasmEdge_FunctionTypeContext *Cxt) {
  if (!Cxt) return;
  wpk_functype_free(Cxt);
  wpk_obj_delete(Cxt);
}

/* ---- table types ---------------------------------------------------------------------------- */
WasmEdge_TableTypeContext *wpk_table_type_create(WasmEdge_ValType ref, const struct WasmEdge_LimitContext *limit) {
  if (!limit || !wpk_valtype_is_ref(ref)) return NULL;
  WasmEdge_TableTypeContext *t = wpk_obj_new(sizeof *t);
  if (!t) return NULL;
  t->ref_type = ref;
  t->limit = *limit;
  return t;
}

WPK_API WasmEdge_TableTypeContext *wpk_v017_TableTypeCreate(const WasmEdge_ValType RefType, const WasmEdge_LimitContext *Limit);
WPK_EXPORT_V017(wpk_v017_TableTypeCreate, WasmEdge_TableTypeCreate);
WasmEdge_TableTypeContext *wpk_v017_TableTypeCreate(const WasmEdge_ValType RefType, const WasmEdge_LimitContext *Limit) {
  return wpk_table_type_create(RefType, Limit);
}

WasmEdge_ValType WasmEdge_TableTypeGetRefType(const WasmEdge_TableTypeContext *Cxt) {
  if (Cxt) return Cxt->ref_type;
  return WasmEdge_ValTypeGenFuncRef();
}

WPK_API const WasmEdge_LimitContext *wpk_v017_TableTypeGetLimit(const WasmEdge_TableTypeContext *Cxt);
WPK_EXPORT_V017(wpk_v017_TableTypeGetLimit, WasmEdge_TableTypeGetLimit);
const WasmEdge_LimitContext *wpk_v017_TableTypeGetLimit(const WasmEdge_TableTypeContext *Cxt) {
  return Cxt ? &Cxt->limit : NULL;
}

void WasmEdge_TableTypeDelete(WasmEdge_TableTypeContext *Cxt) { wpk_obj_delete(Cxt); }

/* ---- memory types --------------------------------------------------------------------------- */
WasmEdge_MemoryTypeContext *wpk_memory_type_create(const struct WasmEdge_LimitContext *limit) {
  if (!limit) return NULL;
  WasmEdge_MemoryTypeContext *t = wpk_obj_new(sizeof *t);
  if (!t) return NULL;
  t->limit = *limit;
  return t;
}

WPK_API WasmEdge_MemoryTypeContext *wpk_v017_MemoryTypeCreate(const WasmEdge_LimitContext *Limit);
WPK_EXPORT_V017(wpk_v017_MemoryTypeCreate, WasmEdge_MemoryTypeCreate);
WasmEdge_MemoryTypeContext *wpk_v017_MemoryTypeCreate(const WasmEdge_LimitContext *Limit) {
  return wpk_memory_type_create(Limit);
}

WPK_API const WasmEdge_LimitContext *wpk_v017_MemoryTypeGetLimit(const WasmEdge_MemoryTypeContext *Cxt);
WPK_EXPORT_V017(wpk_v017_MemoryTypeGetLimit, WasmEdge_MemoryTypeGetLimit);
const WasmEdge_LimitContext *wpk_v017_MemoryTypeGetLimit(const WasmEdge_MemoryTypeContext *Cxt) {
  return Cxt ? &Cxt->limit : NULL;
}

void WasmEdge_MemoryTypeDelete(WasmEdge_MemoryTypeContext *Cxt) { wpk_obj_delete(Cxt); }

/* ---- tag and global types ------------------------------------------------------------------- */
const WasmEdge_FunctionTypeContext *WasmEdge_TagTypeGetFunctionType(const WasmEdge_TagTypeContext *Cxt) {
  return Cxt ? &Cxt->type : NULL;
}

WasmEdge_GlobalTypeContext *WasmEdge_GlobalTypeCreate(const WasmEdge_ValType ValType,
                                                      const enum WasmEdge_Mutability Mut) {
  if (Mut != WasmEdge_Mutability_Const && Mut != WasmEdge_Mutability_Var) return NULL;
  WasmEdge_GlobalTypeContext *t = wpk_obj_new(sizeof *t);
  if (!t) return NULL;
  t->val_type = ValType;
  t->mutability = (uint32_t)Mut;
  return t;
}

WasmEdge_ValType WasmEdge_GlobalTypeGetValType(const WasmEdge_GlobalTypeContext *Cxt) {
  if (Cxt) return Cxt->val_type;
  return WasmEdge_ValTypeGenI32();
}

enum WasmEdge_Mutability WasmEdge_GlobalTypeGetMutability(const WasmEdge_GlobalTypeContext *Cxt) {
  return Cxt ? (enum WasmEdge_Mutability)Cxt->mutability : WasmEdge_Mutability_Const;
}

void WasmEdge_GlobalTypeDelete(WasmEdge_GlobalTypeContext *Cxt) { wpk_obj_delete(Cxt); }
