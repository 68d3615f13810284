/*
 * memory.c — memory instances. Two kinds:
 *   - owned: created by a plug-in (WasmEdge_MemoryInstanceCreate); the shim mallocs pages × 64 KiB
 *     and grows them with realloc;
 *   - external: memory 0 of a guest module; the bytes belong to a JS WebAssembly.Memory and are
 *     (re)attached by the runtime with wpk_memory_attach; growing asks the runtime (grow callback).
 * Every access is bounds-checked as offset + length <= size, computed without overflow.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static wpk_grow_fn g_grow;

void wpk_set_grow_callback(wpk_grow_fn fn) { g_grow = fn; }

/* True when [offset, offset + length) lies inside the memory. */
static inline bool in_bounds(const WasmEdge_MemoryInstanceContext *m, uint64_t offset, uint64_t length) {
  return offset <= m->size && length <= m->size - offset;
}

static uint64_t pages_limit(const struct WasmEdge_LimitContext *l) {
  return l->has_max && l->max < WPK_MAX_PAGES_32 ? l->max : WPK_MAX_PAGES_32;
}

WasmEdge_MemoryInstanceContext *WasmEdge_MemoryInstanceCreate(const WasmEdge_MemoryTypeContext *MemType) {
  if (!MemType) return NULL;
  uint64_t max = pages_limit(&MemType->limit);
  uint64_t pages = MemType->limit.min;
  if (pages > max) return NULL;
  WasmEdge_MemoryInstanceContext *m = wpk_obj_new(sizeof *m);
  if (!m) return NULL;
  m->type = *MemType;
  m->max_pages = max;
  m->size = pages * WPK_PAGE_SIZE;
  if (m->size) {
    m->base = calloc(1, (size_t)m->size);
    if (!m->base) {
      wpk_obj_delete(m);
      return NULL;
    }
  }
  return m;
}

WasmEdge_MemoryInstanceContext *wpk_memory_new_external(void) {
  WasmEdge_MemoryInstanceContext *m = wpk_obj_new(sizeof *m);
  if (!m) return NULL;
  m->external = true;
  m->max_pages = WPK_MAX_PAGES_32;
  return m;
}

void wpk_memory_attach(WasmEdge_MemoryInstanceContext *mem, uint32_t grow_id, uint8_t *base,
                       uint64_t size_bytes, uint64_t max_pages) {
  if (!mem || !mem->external) return;
  mem->grow_id = grow_id;
  mem->base = base;
  mem->size = base ? size_bytes : 0;
  mem->max_pages = max_pages;
  mem->type.limit.min = mem->size / WPK_PAGE_SIZE;
  mem->type.limit.has_max = max_pages < WPK_MAX_PAGES_32;
  mem->type.limit.max = mem->type.limit.has_max ? max_pages : 0;
}

const WasmEdge_MemoryTypeContext *WasmEdge_MemoryInstanceGetMemoryType(const WasmEdge_MemoryInstanceContext *Cxt) {
  return Cxt ? &Cxt->type : NULL;
}

WasmEdge_Result WasmEdge_MemoryInstanceGetData(const WasmEdge_MemoryInstanceContext *Cxt, uint8_t *Data,
                                               const uint64_t Offset, const uint64_t Length) {
  if (!Cxt || (!Data && Length)) return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  if (!in_bounds(Cxt, Offset, Length)) return wpk_result(WasmEdge_ErrCode_MemoryOutOfBounds);
  if (Length) memcpy(Data, Cxt->base + Offset, (size_t)Length);
  return wpk_result(WasmEdge_ErrCode_Success);
}

WasmEdge_Result WasmEdge_MemoryInstanceSetData(WasmEdge_MemoryInstanceContext *Cxt, const uint8_t *Data,
                                               const uint64_t Offset, const uint64_t Length) {
  if (!Cxt || (!Data && Length)) return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  if (!in_bounds(Cxt, Offset, Length)) return wpk_result(WasmEdge_ErrCode_MemoryOutOfBounds);
  if (Length) memmove(Cxt->base + Offset, Data, (size_t)Length);
  return wpk_result(WasmEdge_ErrCode_Success);
}

uint8_t *WasmEdge_MemoryInstanceGetPointer(WasmEdge_MemoryInstanceContext *Cxt, const uint64_t Offset,
                                           const uint64_t Length) {
  if (!Cxt || !Cxt->base || !in_bounds(Cxt, Offset, Length)) return NULL;
  return Cxt->base + Offset;
}

const uint8_t *WasmEdge_MemoryInstanceGetPointerConst(const WasmEdge_MemoryInstanceContext *Cxt,
                                                      const uint64_t Offset, const uint64_t Length) {
  if (!Cxt || !Cxt->base || !in_bounds(Cxt, Offset, Length)) return NULL;
  return Cxt->base + Offset;
}

uint64_t WasmEdge_MemoryInstanceGetPageSize(const WasmEdge_MemoryInstanceContext *Cxt) {
  return Cxt ? Cxt->size / WPK_PAGE_SIZE : 0;
}

WasmEdge_Result WasmEdge_MemoryInstanceGrowPage(WasmEdge_MemoryInstanceContext *Cxt, const uint64_t Page) {
  if (!Cxt) return wpk_result(WasmEdge_ErrCode_WrongVMWorkflow);
  uint64_t cur = Cxt->size / WPK_PAGE_SIZE;
  if (Page > Cxt->max_pages || cur > Cxt->max_pages - Page) {
    wpk_log(WasmEdge_LogLevel_Error, "memory grow failed: %llu + %llu pages exceeds the maximum of %llu",
            (unsigned long long)cur, (unsigned long long)Page, (unsigned long long)Cxt->max_pages);
    return wpk_result(WasmEdge_ErrCode_MemoryOutOfBounds);
  }
  if (Page == 0) return wpk_result(WasmEdge_ErrCode_Success);

  if (Cxt->external) {
    /* The JS side grows the WebAssembly.Memory and re-attaches the new buffer: only from the host
     * thread (from another one the callback would wait for the JS thread, which may wait for it). */
    if (!wpk_on_host_thread()) {
      wpk_log(WasmEdge_LogLevel_Error, "memory grow from a thread of the plug-in: the memory belongs to wasm, which "
              "only the host thread can grow, so the grow fails; see docs/threads.md");
      return wpk_result(WasmEdge_ErrCode_MemoryOutOfBounds);
    }
    if (!g_grow || Page > UINT32_MAX || g_grow(Cxt->grow_id, (uint32_t)Page) != 0 ||
        Cxt->size / WPK_PAGE_SIZE < cur + Page)
      return wpk_result(WasmEdge_ErrCode_MemoryOutOfBounds);
    return wpk_result(WasmEdge_ErrCode_Success);
  }

  uint64_t size = (cur + Page) * WPK_PAGE_SIZE;
  if (size > SIZE_MAX) return wpk_result(WasmEdge_ErrCode_MemoryOutOfBounds);
  uint8_t *p = realloc(Cxt->base, (size_t)size);
  if (!p) return wpk_result(WasmEdge_ErrCode_MemoryOutOfBounds);
  memset(p + Cxt->size, 0, (size_t)(size - Cxt->size));
  Cxt->base = p;
  Cxt->size = size;
  Cxt->type.limit.min = cur + Page;
  return wpk_result(WasmEdge_ErrCode_Success);
}

void wpk_memory_free(WasmEdge_MemoryInstanceContext *m) {
  if (!m) return;
  if (!m->external) free(m->base);
  wpk_obj_delete(m);
}

void WasmEdge_MemoryInstanceDelete(WasmEdge_MemoryInstanceContext *Cxt) { wpk_memory_free(Cxt); }
