/*
 * host.c — the runtime's side of guest modules: value slots and guest module creation.
 * (Memory attachment lives in memory.c, bindings and invocation in call.c.)
 */
#include <string.h>

#include "internal.h"

WasmEdge_Value wpk_slot_array[WPK_SLOT_COUNT] __attribute__((aligned(16)));

WasmEdge_Value *wpk_slots(void) { return wpk_slot_array; }
uint32_t wpk_slot_count(void) { return WPK_SLOT_COUNT; }

WasmEdge_ModuleInstanceContext *wpk_guest_module_create(const char *name) {
  WasmEdge_ModuleInstanceContext *m =
      WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap(name, name ? (uint32_t)strlen(name) : 0));
  if (!m) return NULL;
  WasmEdge_MemoryInstanceContext *mem = wpk_memory_new_external();
  if (!mem) {
    WasmEdge_ModuleInstanceDelete(m);
    return NULL;
  }
  WasmEdge_ModuleInstanceAddMemory(m, WasmEdge_StringWrap("memory", 6), mem);
  if (m->memory0 != mem) { /* could not record it (out of memory); module_add freed it */
    WasmEdge_ModuleInstanceDelete(m);
    return NULL;
  }
  return m;
}

WasmEdge_MemoryInstanceContext *wpk_guest_memory(const WasmEdge_ModuleInstanceContext *guest) {
  return guest ? guest->memory0 : NULL;
}
