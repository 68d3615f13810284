/*
 * internal.h — the real structures behind the opaque WasmEdge_*Context types, and helpers shared by
 * the shim's source files. Nothing here is visible to plug-ins or to the TS runtime.
 *
 * Symbol visibility: the shim is compiled with -fvisibility=hidden; the public headers are included
 * under `#pragma GCC visibility push(default)` so exactly the functions they declare are exported.
 */
#ifndef WPK_INTERNAL_H
#define WPK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#pragma GCC visibility push(default)
#include "wasmedge/wasmedge.h"
#include "../wpk_host.h"
#pragma GCC visibility pop

/* Marks a definition that must be exported although it is not declared by a public header (the
 * private names that .symver turns into versioned WasmEdge_* symbols). */
#define WPK_API __attribute__((visibility("default")))

/* ---- constants ------------------------------------------------------------------------------ */
#define WPK_PAGE_SIZE 65536u
#define WPK_MAX_PAGES_32 65536u       /* 4 GiB: the most a 32-bit memory can address */
#define WPK_MAX_TABLE_32 0xFFFFFFFFu  /* table size limit when the type has no maximum */

/* Type codes in byte 2 of WasmEdge_ValType.Data, heap types in byte 3 (FACTS §1). */
enum {
  WPK_TC_I32 = 0x7F, WPK_TC_I64 = 0x7E, WPK_TC_F32 = 0x7D, WPK_TC_F64 = 0x7C, WPK_TC_V128 = 0x7B,
  WPK_TC_REF = 0x64, WPK_TC_REFNULL = 0x63,
  WPK_HT_EPSILON = 0x40, WPK_HT_FUNC = 0x70, WPK_HT_EXTERN = 0x6F,
};

/* Error codes we produce (values of FACTS §1 and WasmEdge's error table). */
enum {
  WPK_ERR_SUCCESS = 0x00, WPK_ERR_TERMINATED = 0x01, WPK_ERR_RUNTIME = 0x02,
  WPK_ERR_WRONG_VM_WORKFLOW = 0x04, WPK_ERR_SET_VALUE_TO_CONST = 0x0A,
  WPK_ERR_SET_VALUE_ERROR_TYPE = 0x0B,
  WPK_ERR_FUNC_SIG_MISMATCH = 0x403, WPK_ERR_TABLE_OOB = 0x407, WPK_ERR_MEMORY_OOB = 0x408,
  WPK_ERR_HOST_FUNC = 0x40E, WPK_ERR_REF_TYPE_MISMATCH = 0x40F,
};

static inline WasmEdge_Result wpk_result(uint32_t code) {
  WasmEdge_Result r;
  r.Code = code; /* category 0 (WASM) */
  return r;
}

/* ---- the contexts --------------------------------------------------------------------------- */
struct WasmEdge_LimitContext {
  uint64_t min;
  uint64_t max;     /* meaningful only when has_max */
  bool has_max;
  bool shared;
  bool is64;        /* 64-bit index type (memory64 / table64) */
};

/* Parameter and return types in one array: types[0..nparams) then types[nparams..+nreturns). */
struct WasmEdge_FunctionTypeContext {
  uint32_t nparams;
  uint32_t nreturns;
  WasmEdge_ValType *types;
};

struct WasmEdge_TableTypeContext {
  WasmEdge_ValType ref_type;
  struct WasmEdge_LimitContext limit;
};

struct WasmEdge_MemoryTypeContext {
  struct WasmEdge_LimitContext limit;
};

struct WasmEdge_GlobalTypeContext {
  WasmEdge_ValType val_type;
  uint32_t mutability; /* WasmEdge_Mutability: 0 const, 1 var */
};

/* Plug-ins can only read tag types from tag instances, which nothing here creates. */
struct WasmEdge_TagTypeContext {
  struct WasmEdge_FunctionTypeContext type;
};
struct WasmEdge_TagInstanceContext {
  struct WasmEdge_TagTypeContext type;
};

typedef enum { WPK_FN_HOST, WPK_FN_BINDING, WPK_FN_GUEST } wpk_fn_kind;

struct WasmEdge_FunctionInstanceContext {
  wpk_fn_kind kind;
  struct WasmEdge_FunctionTypeContext type; /* own copy */
  WasmEdge_HostFunc_t host;                 /* WPK_FN_HOST */
  WasmEdge_WrapFunc_t wrap;                 /* WPK_FN_BINDING */
  void *binding;                            /* WPK_FN_BINDING: the `This` argument of wrap */
  void *data;                               /* HOST/BINDING: the Data argument */
  uint64_t cost;
  uint32_t guest_id;                        /* WPK_FN_GUEST */
  char *name;                               /* malloc'ed, set by ModuleInstanceAddFunction; or NULL */
  const void *owner;                        /* the module it was added to (which frees it), or NULL */
};

struct WasmEdge_TableInstanceContext {
  struct WasmEdge_TableTypeContext type;    /* limit.min tracks the current size */
  WasmEdge_Value *elems;
  uint64_t size;
  const void *owner;                        /* the module it was added to, or NULL */
};

struct WasmEdge_MemoryInstanceContext {
  struct WasmEdge_MemoryTypeContext type;   /* limit.min tracks the current page count */
  uint8_t *base;                            /* owned unless external */
  uint64_t size;                            /* bytes */
  uint64_t max_pages;                       /* growth limit */
  bool external;                            /* bytes belong to a JS WebAssembly.Memory */
  uint32_t grow_id;                         /* external: passed to the grow callback */
  const void *owner;                        /* the module it was added to, or NULL */
};

struct WasmEdge_GlobalInstanceContext {
  struct WasmEdge_GlobalTypeContext type;
  WasmEdge_Value value;
  const void *owner;                        /* the module it was added to, or NULL */
};

struct WasmEdge_CallingFrameContext {
  const struct WasmEdge_ModuleInstanceContext *module;
};

struct WasmEdge_ExecutorContext {
  int unused;
};

/* One export: a name (malloc'ed copy, not NUL-terminated) and the instance. */
typedef struct {
  WasmEdge_String name;
  void *inst;
} wpk_export;

/* Exports of one kind, sorted by name (bytewise, then length) like WasmEdge's std::map. */
typedef struct {
  wpk_export *items;
  uint32_t len, cap;
} wpk_export_map;

typedef enum { WPK_KIND_FUNC, WPK_KIND_TABLE, WPK_KIND_MEMORY, WPK_KIND_GLOBAL, WPK_KIND_COUNT } wpk_kind;

/* Every instance added to a module, in order; freed at module delete (also replaced ones). */
typedef struct {
  wpk_kind kind;
  void *inst;
} wpk_owned;

struct WasmEdge_ModuleInstanceContext {
  WasmEdge_String name;                     /* malloc'ed copy */
  void *host_data;
  void (*finalizer)(void *);
  wpk_export_map exports[WPK_KIND_COUNT];
  wpk_owned *owned;
  uint32_t nowned, capowned;
  struct WasmEdge_MemoryInstanceContext *memory0; /* first memory added: index 0 for calling frames */
  struct WasmEdge_CallingFrameContext frame;      /* the frame host functions see for this module */
};

/* ---- helpers (objects.c) -------------------------------------------------------------------- */
/* Allocation of a context: calloc + live-object count. */
void *wpk_obj_new(size_t size);
void wpk_obj_delete(void *p);
void wpk_live_inc(void);
void wpk_live_dec(void);

/* Strings/bytes the shim malloc'ed: remembered so Delete frees only those, never wrapped ones.
 * Adding fails (false) only when the table cannot grow: the caller then frees the buffer. */
bool wpk_owned_buf_add(const void *p);
bool wpk_owned_buf_remove(const void *p);

/* ---- helpers shared between files ---------------------------------------------------------- */
bool wpk_functype_copy(struct WasmEdge_FunctionTypeContext *dst, const struct WasmEdge_FunctionTypeContext *src);
void wpk_functype_free(struct WasmEdge_FunctionTypeContext *t);
void wpk_function_free(struct WasmEdge_FunctionInstanceContext *f);
void wpk_table_free(struct WasmEdge_TableInstanceContext *t);
void wpk_memory_free(struct WasmEdge_MemoryInstanceContext *m);
void wpk_global_free(struct WasmEdge_GlobalInstanceContext *g);

/* Creates a memory instance whose bytes are attached later (wpk_memory_attach). */
struct WasmEdge_MemoryInstanceContext *wpk_memory_new_external(void);

/* 0.17 forms of the five functions whose signature changed; exported under @@WASMEDGE_0.17. */
struct WasmEdge_MemoryTypeContext *wpk_memory_type_create(const struct WasmEdge_LimitContext *limit);
struct WasmEdge_TableTypeContext *wpk_table_type_create(WasmEdge_ValType ref, const struct WasmEdge_LimitContext *limit);

/* Byte width of a value's payload by its type (4, 8 or 16). */
static inline unsigned wpk_payload_width(WasmEdge_ValType t) {
  switch (t.Data[2]) {
    case WPK_TC_I32: case WPK_TC_F32: return 4;
    case WPK_TC_V128: return 16;
    default: return 8; /* i64, f64, references (a pointer) */
  }
}

static inline bool wpk_valtype_eq(WasmEdge_ValType a, WasmEdge_ValType b) {
  for (int i = 0; i < 8; i++)
    if (a.Data[i] != b.Data[i]) return false;
  return true;
}

static inline bool wpk_valtype_is_ref(WasmEdge_ValType t) {
  return t.Data[2] == WPK_TC_REF || t.Data[2] == WPK_TC_REFNULL;
}

/* ---- running calls (call.c) and the host thread (host_thread.c) -------------------------------- */
/* One running call, on the C stack of the function that runs it; linked innermost first. */
typedef struct wpk_call {
  const struct WasmEdge_FunctionInstanceContext *fn;
  const struct WasmEdge_CallingFrameContext *frame; /* what host functions see (guest calls: the caller's) */
  uint32_t failure;        /* host function: code of the last failed call back into wasm it made, or 0 */
  uint32_t failure_depth;  /* the depth that call ran at (wpk_call_state) */
  struct wpk_call *outer;
} wpk_call;

/* Innermost running call of the host thread, NULL when none (also read by signal handlers). */
extern wpk_call *volatile g_call;

/* Whether the calling thread is the host thread (async-signal-safe); sends it a signal. */
bool wpk_on_host_thread(void);
int wpk_signal_host_thread(int sig);

/* Checks the fatal-signal handlers after plug-in code ran (crash.c); `function` names that code. */
uint32_t wpk_signals_check(const char *function);

/* The value slots (host.c), WPK_SLOT_COUNT values, read and written by wpk_invoke. */
extern WasmEdge_Value wpk_slot_array[];

/* Logging (basic.c): to the callback if set, else stderr, when level >= the set level. */
void wpk_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
