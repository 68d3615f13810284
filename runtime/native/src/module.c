/*
 * module.c — module instances: named exports of four kinds (tags are never added here), host data
 * with a finalizer, and ownership of every instance added.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A string with a NULL buffer is treated as empty whatever its Length says. */
static inline WasmEdge_String safe_name(WasmEdge_String s) {
  if (!s.Buf) s.Length = 0;
  return s;
}

static WasmEdge_String copy_name(WasmEdge_String s) {
  WasmEdge_String c = {0, NULL};
  if (!s.Buf || s.Length == 0) return c;
  char *p = malloc(s.Length);
  if (!p) return c;
  memcpy(p, s.Buf, s.Length);
  c.Buf = p;
  c.Length = s.Length;
  return c;
}

/* Bytewise order, shorter first on a common prefix: the order of std::map<std::string>. */
static int name_cmp(WasmEdge_String a, WasmEdge_String b) {
  uint32_t n = a.Length < b.Length ? a.Length : b.Length;
  int c = n ? memcmp(a.Buf, b.Buf, n) : 0;
  if (c) return c;
  return (a.Length > b.Length) - (a.Length < b.Length);
}

/* Index of `name` in the map, or of where it would be inserted (*found tells which). */
static uint32_t map_search(const wpk_export_map *m, WasmEdge_String name, bool *found) {
  uint32_t lo = 0, hi = m->len;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    int c = name_cmp(m->items[mid].name, name);
    if (c == 0) {
      *found = true;
      return mid;
    }
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  *found = false;
  return lo;
}

/* ---- live modules: lets the host check what a plug-in's Create returned before using it --------
 * Plug-ins may create and delete modules from their own threads: the list is locked. */
static pthread_mutex_t g_live_lock = PTHREAD_MUTEX_INITIALIZER;
static WasmEdge_ModuleInstanceContext **g_live;
static uint32_t g_nlive, g_caplive;

static bool live_add(WasmEdge_ModuleInstanceContext *m) {
  bool ok = true;
  pthread_mutex_lock(&g_live_lock);
  if (g_nlive == g_caplive) {
    uint32_t ncap = g_caplive ? g_caplive * 2 : 16;
    void *p = realloc(g_live, (size_t)ncap * sizeof *g_live);
    if (p) {
      g_live = p;
      g_caplive = ncap;
    } else {
      ok = false;
    }
  }
  if (ok) g_live[g_nlive++] = m;
  pthread_mutex_unlock(&g_live_lock);
  return ok;
}

static void live_remove(const WasmEdge_ModuleInstanceContext *m) {
  pthread_mutex_lock(&g_live_lock);
  for (uint32_t i = 0; i < g_nlive; i++)
    if (g_live[i] == m) {
      g_live[i] = g_live[--g_nlive];
      break;
    }
  pthread_mutex_unlock(&g_live_lock);
}

bool wpk_module_is_live(const void *p) {
  bool live = false;
  pthread_mutex_lock(&g_live_lock);
  for (uint32_t i = 0; i < g_nlive && !live; i++) live = g_live[i] == p;
  pthread_mutex_unlock(&g_live_lock);
  return live;
}

WasmEdge_ModuleInstanceContext *WasmEdge_ModuleInstanceCreateWithData(const WasmEdge_String ModuleName,
                                                                      void *HostData, void (*Finalizer)(void *)) {
  WasmEdge_ModuleInstanceContext *m = wpk_obj_new(sizeof *m);
  if (!m) return NULL;
  if (!live_add(m)) {
    wpk_obj_delete(m);
    return NULL;
  }
  m->name = copy_name(safe_name(ModuleName));
  if (ModuleName.Length && ModuleName.Buf && !m->name.Buf) {
    live_remove(m);
    wpk_obj_delete(m);
    return NULL;
  }
  m->host_data = HostData;
  m->finalizer = Finalizer;
  m->frame.module = m;
  return m;
}

WasmEdge_ModuleInstanceContext *WasmEdge_ModuleInstanceCreate(const WasmEdge_String ModuleName) {
  return WasmEdge_ModuleInstanceCreateWithData(ModuleName, NULL, NULL);
}

WasmEdge_String WasmEdge_ModuleInstanceGetModuleName(const WasmEdge_ModuleInstanceContext *Cxt) {
  WasmEdge_String none = {0, NULL};
  return Cxt ? Cxt->name : none;
}

void *WasmEdge_ModuleInstanceGetHostData(const WasmEdge_ModuleInstanceContext *Cxt) {
  return Cxt ? Cxt->host_data : NULL;
}

/* ---- adding --------------------------------------------------------------------------------- */
static void free_instance(wpk_kind kind, void *inst) {
  switch (kind) {
    case WPK_KIND_FUNC: wpk_function_free(inst); break;
    case WPK_KIND_TABLE: wpk_table_free(inst); break;
    case WPK_KIND_MEMORY: wpk_memory_free(inst); break;
    case WPK_KIND_GLOBAL: wpk_global_free(inst); break;
    default: break;
  }
}

static bool grow_array(void **items, uint32_t *cap, uint32_t len, size_t elem) {
  if (len < *cap) return true;
  uint32_t ncap = *cap ? *cap * 2 : 8;
  void *p = realloc(*items, (size_t)ncap * elem);
  if (!p) return false;
  *items = p;
  *cap = ncap;
  return true;
}

static const void **owner_of(wpk_kind kind, void *inst) {
  switch (kind) {
    case WPK_KIND_FUNC: return &((WasmEdge_FunctionInstanceContext *)inst)->owner;
    case WPK_KIND_TABLE: return &((WasmEdge_TableInstanceContext *)inst)->owner;
    case WPK_KIND_MEMORY: return &((WasmEdge_MemoryInstanceContext *)inst)->owner;
    default: return &((WasmEdge_GlobalInstanceContext *)inst)->owner;
  }
}

static uint64_t g_duplicate_adds;

uint64_t wpk_duplicate_adds(void) { return __atomic_load_n(&g_duplicate_adds, __ATOMIC_RELAXED); }

/* An instance already added to a module: WasmEdge would own it twice and free it twice. Returns
 * whether `m` may export it (it already owns it) rather than ignore the add. */
static bool duplicate_add(WasmEdge_ModuleInstanceContext *m, wpk_kind kind, WasmEdge_String name, const void *owner) {
  static const char *const kinds[] = {"function", "table", "memory", "global"};
  __atomic_add_fetch(&g_duplicate_adds, 1, __ATOMIC_RELAXED);
  wpk_log(WasmEdge_LogLevel_Warn, "%s '%.*s' added to module '%.*s': that instance was already added to %s; "
          "WasmEdge would free it twice (the kit keeps the first owner)", kinds[kind], (int)name.Length,
          name.Buf ? name.Buf : "", (int)m->name.Length, m->name.Buf ? m->name.Buf : "",
          owner == m ? "this module" : "another module");
  return owner == m;
}

/* Exports `inst` under `name`; a later add under the same name replaces the export. */
static bool export_add(WasmEdge_ModuleInstanceContext *m, wpk_kind kind, WasmEdge_String name, void *inst) {
  wpk_export_map *map = &m->exports[kind];
  bool found;
  uint32_t at = map_search(map, name, &found);
  if (found) {
    map->items[at].inst = inst;
    return true;
  }
  WasmEdge_String copy = copy_name(name);
  if (name.Length && !copy.Buf) return false;
  if (!grow_array((void **)&map->items, &map->cap, map->len, sizeof *map->items)) {
    free((void *)copy.Buf);
    return false;
  }
  memmove(map->items + at + 1, map->items + at, (size_t)(map->len - at) * sizeof *map->items);
  map->items[at].name = copy;
  map->items[at].inst = inst;
  map->len++;
  return true;
}

/* Takes ownership of `inst` (freed now if it cannot be recorded), unless a module already owns it.
 * A replaced export's instance stays owned by the module until it is deleted. */
static bool module_add(WasmEdge_ModuleInstanceContext *m, wpk_kind kind, WasmEdge_String name, void *inst) {
  name = safe_name(name);
  const void **owner = owner_of(kind, inst);
  if (*owner) return duplicate_add(m, kind, name, *owner) && export_add(m, kind, name, inst);
  if (!grow_array((void **)&m->owned, &m->capowned, m->nowned, sizeof *m->owned) || !export_add(m, kind, name, inst)) {
    free_instance(kind, inst);
    return false;
  }
  *owner = m;
  m->owned[m->nowned].kind = kind;
  m->owned[m->nowned].inst = inst;
  m->nowned++;
  return true;
}

void WasmEdge_ModuleInstanceAddFunction(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String RawName,
                                        WasmEdge_FunctionInstanceContext *FuncCxt) {
  if (!Cxt || !FuncCxt) return;
  WasmEdge_String Name = safe_name(RawName);
  if (!module_add(Cxt, WPK_KIND_FUNC, Name, FuncCxt) || FuncCxt->owner != Cxt) return;
  /* Remember the export name for crash reports (wpk_current_function). */
  char *copy = malloc((size_t)Name.Length + 1);
  if (!copy) return;
  if (Name.Length) memcpy(copy, Name.Buf, Name.Length);
  copy[Name.Length] = '\0';
  free(FuncCxt->name);
  FuncCxt->name = copy;
}

void WasmEdge_ModuleInstanceAddTable(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name,
                                     WasmEdge_TableInstanceContext *TableCxt) {
  if (Cxt && TableCxt) module_add(Cxt, WPK_KIND_TABLE, Name, TableCxt);
}

void WasmEdge_ModuleInstanceAddMemory(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name,
                                      WasmEdge_MemoryInstanceContext *MemoryCxt) {
  if (!Cxt || !MemoryCxt) return;
  if (module_add(Cxt, WPK_KIND_MEMORY, Name, MemoryCxt) && !Cxt->memory0) Cxt->memory0 = MemoryCxt;
}

void WasmEdge_ModuleInstanceAddGlobal(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name,
                                      WasmEdge_GlobalInstanceContext *GlobalCxt) {
  if (Cxt && GlobalCxt) module_add(Cxt, WPK_KIND_GLOBAL, Name, GlobalCxt);
}

/* ---- finding and listing -------------------------------------------------------------------- */
static void *module_find(const WasmEdge_ModuleInstanceContext *m, wpk_kind kind, WasmEdge_String name) {
  if (!m) return NULL;
  name = safe_name(name);
  bool found;
  uint32_t at = map_search(&m->exports[kind], name, &found);
  return found ? m->exports[kind].items[at].inst : NULL;
}

static uint32_t module_list(const WasmEdge_ModuleInstanceContext *m, wpk_kind kind, WasmEdge_String *names,
                            uint32_t len) {
  if (!m) return 0;
  const wpk_export_map *map = &m->exports[kind];
  if (names)
    for (uint32_t i = 0; i < map->len && i < len; i++) names[i] = map->items[i].name;
  return map->len;
}

WasmEdge_FunctionInstanceContext *WasmEdge_ModuleInstanceFindFunction(const WasmEdge_ModuleInstanceContext *Cxt,
                                                                      const WasmEdge_String Name) {
  return module_find(Cxt, WPK_KIND_FUNC, Name);
}
WasmEdge_TableInstanceContext *WasmEdge_ModuleInstanceFindTable(const WasmEdge_ModuleInstanceContext *Cxt,
                                                                const WasmEdge_String Name) {
  return module_find(Cxt, WPK_KIND_TABLE, Name);
}
WasmEdge_MemoryInstanceContext *WasmEdge_ModuleInstanceFindMemory(const WasmEdge_ModuleInstanceContext *Cxt,
                                                                  const WasmEdge_String Name) {
  return module_find(Cxt, WPK_KIND_MEMORY, Name);
}
WasmEdge_GlobalInstanceContext *WasmEdge_ModuleInstanceFindGlobal(const WasmEdge_ModuleInstanceContext *Cxt,
                                                                  const WasmEdge_String Name) {
  return module_find(Cxt, WPK_KIND_GLOBAL, Name);
}
/* Plug-ins cannot create tags, so a module never has any. */
WasmEdge_TagInstanceContext *WasmEdge_ModuleInstanceFindTag(const WasmEdge_ModuleInstanceContext *Cxt,
                                                            const WasmEdge_String Name) {
  (void)Cxt;
  (void)Name;
  return NULL;
}

uint32_t WasmEdge_ModuleInstanceListFunctionLength(const WasmEdge_ModuleInstanceContext *Cxt) {
  return module_list(Cxt, WPK_KIND_FUNC, NULL, 0);
}
uint32_t WasmEdge_ModuleInstanceListFunction(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names,
                                             const uint32_t Len) {
  return module_list(Cxt, WPK_KIND_FUNC, Names, Len);
}
uint32_t WasmEdge_ModuleInstanceListTableLength(const WasmEdge_ModuleInstanceContext *Cxt) {
  return module_list(Cxt, WPK_KIND_TABLE, NULL, 0);
}
uint32_t WasmEdge_ModuleInstanceListTable(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names,
                                          const uint32_t Len) {
  return module_list(Cxt, WPK_KIND_TABLE, Names, Len);
}
uint32_t WasmEdge_ModuleInstanceListMemoryLength(const WasmEdge_ModuleInstanceContext *Cxt) {
  return module_list(Cxt, WPK_KIND_MEMORY, NULL, 0);
}
uint32_t WasmEdge_ModuleInstanceListMemory(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names,
                                           const uint32_t Len) {
  return module_list(Cxt, WPK_KIND_MEMORY, Names, Len);
}
uint32_t WasmEdge_ModuleInstanceListGlobalLength(const WasmEdge_ModuleInstanceContext *Cxt) {
  return module_list(Cxt, WPK_KIND_GLOBAL, NULL, 0);
}
uint32_t WasmEdge_ModuleInstanceListGlobal(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names,
                                           const uint32_t Len) {
  return module_list(Cxt, WPK_KIND_GLOBAL, Names, Len);
}
uint32_t WasmEdge_ModuleInstanceListTagLength(const WasmEdge_ModuleInstanceContext *Cxt) {
  (void)Cxt;
  return 0;
}
uint32_t WasmEdge_ModuleInstanceListTag(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names,
                                        const uint32_t Len) {
  (void)Cxt;
  (void)Names;
  (void)Len;
  return 0;
}

/* ---- deleting ------------------------------------------------------------------------------- */
void WasmEdge_ModuleInstanceDelete(WasmEdge_ModuleInstanceContext *Cxt) {
  if (!Cxt) return;
  live_remove(Cxt);
  for (uint32_t i = 0; i < Cxt->nowned; i++) free_instance(Cxt->owned[i].kind, Cxt->owned[i].inst);
  free(Cxt->owned);
  for (int k = 0; k < WPK_KIND_COUNT; k++) {
    for (uint32_t i = 0; i < Cxt->exports[k].len; i++) free((void *)Cxt->exports[k].items[i].name.Buf);
    free(Cxt->exports[k].items);
  }
  free((void *)Cxt->name.Buf);
  /* The finalizer runs last: host functions' data may live in the host data. */
  void (*finalizer)(void *) = Cxt->finalizer;
  void *data = Cxt->host_data;
  wpk_obj_delete(Cxt);
  if (finalizer) finalizer(data);
}

/* ---- tags ----------------------------------------------------------------------------------- */
const WasmEdge_TagTypeContext *WasmEdge_TagInstanceGetTagType(const WasmEdge_TagInstanceContext *Cxt) {
  return Cxt ? &Cxt->type : NULL;
}
