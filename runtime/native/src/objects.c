/*
 * objects.c — live-object bookkeeping and the set of buffers the shim owns.
 *
 * WasmEdge_String/WasmEdge_Bytes are plain {Length, Buf} values: a wrapped one and a created one look
 * the same. Real WasmEdge frees Buf unconditionally in Delete (undefined behaviour on a wrapped
 * string); we remember the buffers we malloc'ed so Delete frees only those and ignores the rest.
 */
#include <pthread.h>
#include <stdlib.h>

#include "internal.h"

static uint64_t g_live; /* atomically updated: plug-ins may create objects from their own threads */

void wpk_live_inc(void) { __atomic_add_fetch(&g_live, 1, __ATOMIC_RELAXED); }
void wpk_live_dec(void) { __atomic_sub_fetch(&g_live, 1, __ATOMIC_RELAXED); }
uint64_t wpk_live_objects(void) { return __atomic_load_n(&g_live, __ATOMIC_RELAXED); }

void *wpk_obj_new(size_t size) {
  void *p = calloc(1, size);
  if (p) wpk_live_inc();
  return p;
}

void wpk_obj_delete(void *p) {
  if (!p) return;
  free(p);
  wpk_live_dec();
}

/* ---- owned buffer set: open addressing, linear probing, tombstones ---------------------------- */
#define TOMBSTONE ((uintptr_t)1)

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static uintptr_t *g_slots;
static size_t g_cap;   /* power of two, or 0 */
static size_t g_used;  /* live entries + tombstones */

static size_t hash_ptr(uintptr_t p) {
  p ^= p >> 33;
  p *= 0xff51afd7ed558ccdULL;
  p ^= p >> 33;
  return (size_t)p;
}

static void insert_raw(uintptr_t *slots, size_t cap, uintptr_t p) {
  size_t i = hash_ptr(p) & (cap - 1);
  while (slots[i] != 0 && slots[i] != TOMBSTONE) i = (i + 1) & (cap - 1);
  slots[i] = p;
}

/* Keeps the load (entries + tombstones) under 1/2; drops tombstones while rehashing. */
static bool reserve_one(void) {
  if ((g_used + 1) * 2 <= g_cap) return true;
  size_t ncap = g_cap ? g_cap * 2 : 64;
  uintptr_t *ns = calloc(ncap, sizeof *ns);
  if (!ns) return false;
  size_t n = 0;
  for (size_t i = 0; i < g_cap; i++) {
    if (g_slots[i] > TOMBSTONE) {
      insert_raw(ns, ncap, g_slots[i]);
      n++;
    }
  }
  free(g_slots);
  g_slots = ns;
  g_cap = ncap;
  g_used = n;
  return true;
}

bool wpk_owned_buf_add(const void *p) {
  bool added = false;
  if (!p) return false;
  pthread_mutex_lock(&g_lock);
  if (reserve_one()) {
    insert_raw(g_slots, g_cap, (uintptr_t)p);
    g_used++;
    added = true;
  }
  pthread_mutex_unlock(&g_lock);
  return added;
}

bool wpk_owned_buf_remove(const void *p) {
  bool found = false;
  if (!p) return false;
  pthread_mutex_lock(&g_lock);
  if (g_cap) {
    size_t i = hash_ptr((uintptr_t)p) & (g_cap - 1);
    while (g_slots[i] != 0) {
      if (g_slots[i] == (uintptr_t)p) {
        g_slots[i] = TOMBSTONE;
        found = true;
        break;
      }
      i = (i + 1) & (g_cap - 1);
    }
  }
  pthread_mutex_unlock(&g_lock);
  return found;
}

static uint64_t g_alloc_blocks; /* wpk_alloc blocks not yet freed */

void *wpk_alloc(uint64_t size) {
  if (size > SIZE_MAX) return NULL;
  void *p = calloc(1, size ? (size_t)size : 1);
  if (p) __atomic_add_fetch(&g_alloc_blocks, 1, __ATOMIC_RELAXED);
  return p;
}

void wpk_free(void *p) {
  if (!p) return;
  free(p);
  __atomic_sub_fetch(&g_alloc_blocks, 1, __ATOMIC_RELAXED);
}

uint64_t wpk_alloc_blocks(void) { return __atomic_load_n(&g_alloc_blocks, __ATOMIC_RELAXED); }
