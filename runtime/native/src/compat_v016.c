/*
 * compat_v016.c — the WasmEdge 0.16 (plug-in API 4) forms of the five functions whose signature
 * changed in 0.17, exported as X@WASMEDGE_0.16. They take or return the 12-byte WasmEdge_Limit
 * struct by value instead of a WasmEdge_LimitContext pointer.
 *
 * This file is compiled in API-4 mode: the header then declares only the 0.16 forms, under the
 * private assembler names wpk_v016_X, and binds them to X@WASMEDGE_0.16 itself.
 */
#define WASMEDGE_PLUGIN_API_VERSION 4
#include "internal.h"

/* The header's .symver keeps the private names too; drop them from the export table. */
__asm__(".symver wpk_v016_WasmEdge_LimitIsEqual, WasmEdge_LimitIsEqual@WASMEDGE_0.16, remove");
__asm__(".symver wpk_v016_WasmEdge_MemoryTypeCreate, WasmEdge_MemoryTypeCreate@WASMEDGE_0.16, remove");
__asm__(".symver wpk_v016_WasmEdge_MemoryTypeGetLimit, WasmEdge_MemoryTypeGetLimit@WASMEDGE_0.16, remove");
__asm__(".symver wpk_v016_WasmEdge_TableTypeCreate, WasmEdge_TableTypeCreate@WASMEDGE_0.16, remove");
__asm__(".symver wpk_v016_WasmEdge_TableTypeGetLimit, WasmEdge_TableTypeGetLimit@WASMEDGE_0.16, remove");

static struct WasmEdge_LimitContext from_v016(WasmEdge_Limit l) {
  struct WasmEdge_LimitContext c = {0};
  c.min = l.Min;
  c.has_max = l.HasMax;
  c.max = l.HasMax ? l.Max : 0;
  c.shared = l.Shared;
  return c;
}

/* 64-bit limits do not fit the 0.16 struct: saturate at UINT32_MAX. */
static WasmEdge_Limit to_v016(const struct WasmEdge_LimitContext *c) {
  WasmEdge_Limit l = {0};
  if (!c) return l;
  l.HasMax = c->has_max;
  l.Shared = c->shared;
  l.Min = c->min > UINT32_MAX ? UINT32_MAX : (uint32_t)c->min;
  l.Max = c->max > UINT32_MAX ? UINT32_MAX : (uint32_t)c->max;
  return l;
}

bool WasmEdge_LimitIsEqual(const WasmEdge_Limit Lim1, const WasmEdge_Limit Lim2) {
  return Lim1.HasMax == Lim2.HasMax && Lim1.Shared == Lim2.Shared && Lim1.Min == Lim2.Min &&
         (!Lim1.HasMax || Lim1.Max == Lim2.Max);
}

WasmEdge_MemoryTypeContext *WasmEdge_MemoryTypeCreate(const WasmEdge_Limit Limit) {
  struct WasmEdge_LimitContext c = from_v016(Limit);
  return wpk_memory_type_create(&c);
}

WasmEdge_Limit WasmEdge_MemoryTypeGetLimit(const WasmEdge_MemoryTypeContext *Cxt) {
  return to_v016(Cxt ? &Cxt->limit : NULL);
}

WasmEdge_TableTypeContext *WasmEdge_TableTypeCreate(const WasmEdge_ValType RefType, const WasmEdge_Limit Limit) {
  struct WasmEdge_LimitContext c = from_v016(Limit);
  return wpk_table_type_create(RefType, &c);
}

WasmEdge_Limit WasmEdge_TableTypeGetLimit(const WasmEdge_TableTypeContext *Cxt) {
  return to_v016(Cxt ? &Cxt->limit : NULL);
}
