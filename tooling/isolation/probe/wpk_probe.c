/*
 * wpk_probe — the crash-isolated side of `inspect`: a small program that loads plug-ins into the
 * host shim and reads what they declare, so that `inspect` needs no second Node process (start-up
 * time is a measured goal, docs/architecture.md "Isolation"). It owns no rule: the parent
 * (tooling/isolation/probe.ts) sends one command at a time, decides everything from the facts
 * returned, and says which plug-in code runs next. Crashes and hangs are reported as for the Node
 * child: stage lines on fd 3, the shim's crash reporter, the same parent code reading them.
 *
 * Usage: wpk_probe SHIM_PATH      (the shim is dlopened RTLD_GLOBAL, as the runtime loads it)
 * fd 4, commands: three NUL-terminated fields each: verb, arguments, stage line. A non-empty stage
 *       line (JSON, {"t":"stage",…}) is written to fd 3 before the plug-in code of the command runs.
 *       End of input: exit 0.
 * fd 3, replies: one JSON line per command, {"t":"reply",…}. Text that comes from plug-in memory
 *       (names, descriptions, loader messages) is hex-encoded UTF-8, so no escaping rule lives here.
 * Verbs (ID: the number `open` answered; descriptors and modules are those of that library):
 *   open PATH                 dlopen; {"id":N,"symbol":bool,"internalSymbol":bool} or {"error":HEX}
 *   get ID                    calls WasmEdge_Plugin_GetDescriptor; {"null":bool}
 *   describe ID MAXCOUNT      the descriptor's fields (after a non-NULL get); arrays whose count
 *                             exceeds MAXCOUNT (or whose pointer is NULL) are not read
 *   options ID MAXSTRING      current option values: for each option, its Storage and DefaultValue as
 *                             raw bytes (strings: length and text, text only up to MAXSTRING bytes)
 *   create ID INDEX           Create of module INDEX: {"null":true}, {"live":false,"address":"0x…"}, or
 *                             its name, functions (value types as the 8 raw bytes), memories, globals
 *   delete ID                 WasmEdge_ModuleInstanceDelete of the module `create` made last
 * Every reply carries "signals": the signal handlers plug-in code replaced (wpk_signals_replaced).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wasmedge/wasmedge.h"
#include "wpk_host.h"

#define CHANNEL 3
#define COMMANDS 4

/* ---- the shim's functions, found with dlsym (typed from the headers) ----------------------------- */
#define SHIM_FUNCTIONS(X)                                                                          \
  X(WasmEdge_ModuleInstanceGetModuleName)                                                          \
  X(WasmEdge_ModuleInstanceListFunctionLength) X(WasmEdge_ModuleInstanceListFunction)              \
  X(WasmEdge_ModuleInstanceFindFunction) X(WasmEdge_FunctionInstanceGetFunctionType)               \
  X(WasmEdge_FunctionTypeGetParametersLength) X(WasmEdge_FunctionTypeGetParameters)                \
  X(WasmEdge_FunctionTypeGetReturnsLength) X(WasmEdge_FunctionTypeGetReturns)                      \
  X(WasmEdge_ModuleInstanceListMemoryLength) X(WasmEdge_ModuleInstanceListMemory)                  \
  X(WasmEdge_ModuleInstanceFindMemory) X(WasmEdge_MemoryInstanceGetPageSize)                       \
  X(WasmEdge_ModuleInstanceListGlobalLength) X(WasmEdge_ModuleInstanceListGlobal)                  \
  X(WasmEdge_ModuleInstanceFindGlobal) X(WasmEdge_GlobalInstanceGetGlobalType)                     \
  X(WasmEdge_GlobalTypeGetValType) X(WasmEdge_GlobalTypeGetMutability)                             \
  X(WasmEdge_ModuleInstanceDelete) X(wpk_install_crash_reporter) X(wpk_check_signal_handlers)      \
  X(wpk_signals_replaced) X(wpk_module_is_live)

#define DECLARE(name) static __typeof__(&name) p_##name;
SHIM_FUNCTIONS(DECLARE)

static void die(const char *what, const char *detail) {
  fprintf(stderr, "wpk_probe: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  exit(70);
}

static void load_shim(const char *path) {
  if (!dlopen(path, RTLD_NOW | RTLD_GLOBAL)) die("cannot load the host shim", dlerror());
#define RESOLVE(name)                                                                              \
  *(void **)&p_##name = dlsym(RTLD_DEFAULT, #name);                                                \
  if (!p_##name) die("the host shim lacks", #name);
  SHIM_FUNCTIONS(RESOLVE)
}

/* ---- one reply line, built in a growing buffer and written at once ------------------------------- */
static char *g_out;
static size_t g_len, g_cap;

static void put(const void *bytes, size_t n) {
  if (g_len + n > g_cap) {
    g_cap = (g_len + n) * 2 + 256;
    g_out = realloc(g_out, g_cap);
    if (!g_out) die("out of memory", NULL);
  }
  memcpy(g_out + g_len, bytes, n);
  g_len += n;
}

static void putf(const char *fmt, ...) {
  char small[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n >= sizeof small) die("internal formatting error", fmt);
  put(small, (size_t)n);
}

static void put_hex(const void *bytes, size_t n) {
  static const char digits[] = "0123456789abcdef";
  const unsigned char *b = bytes;
  put("\"", 1);
  for (size_t i = 0; i < n; i++) {
    char two[2] = {digits[b[i] >> 4], digits[b[i] & 15]};
    put(two, 2);
  }
  put("\"", 1);
}

/* A NUL-terminated string from plug-in memory, or null. */
static void put_cstring(const char *s) {
  if (s) put_hex(s, strlen(s));
  else put("null", 4);
}

static void write_all(const char *bytes, size_t n) {
  while (n > 0) {
    ssize_t w = write(CHANNEL, bytes, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) exit(71); /* the parent is gone */
    bytes += w;
    n -= (size_t)w;
  }
}

static void begin_reply(void) {
  g_len = 0;
  putf("{\"t\":\"reply\"");
}

static void end_reply(void) {
  p_wpk_check_signal_handlers();
  putf(",\"signals\":%" PRIu32 "}\n", p_wpk_signals_replaced());
  write_all(g_out, g_len);
}

/* ---- commands ------------------------------------------------------------------------------------ */
/* The libraries opened so far, with the descriptor and the module last made from each. */
typedef struct {
  void *handle;
  const WasmEdge_PluginDescriptor *descriptor;
  WasmEdge_ModuleInstanceContext *module;
} Library;

static Library *g_libs;
static size_t g_nlibs;

static Library *library(const char *args) {
  char *end;
  unsigned long id = strtoul(args, &end, 10);
  if (end == args || id >= g_nlibs) die("unknown library id", args);
  return &g_libs[id];
}

/* The number after the library id in "ID N". */
static unsigned long second_number(const char *args) {
  const char *space = strchr(args, ' ');
  if (!space) die("missing argument", args);
  return strtoul(space + 1, NULL, 10);
}

static void cmd_open(const char *path) {
  begin_reply();
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *e = dlerror();
    putf(",\"error\":");
    put_hex(e ? e : "", e ? strlen(e) : 0);
  } else {
    g_libs = realloc(g_libs, (g_nlibs + 1) * sizeof *g_libs);
    if (!g_libs) die("out of memory", NULL);
    g_libs[g_nlibs] = (Library){h, NULL, NULL};
    putf(",\"id\":%zu,\"symbol\":%s,\"internalSymbol\":%s", g_nlibs++,
         dlsym(h, "WasmEdge_Plugin_GetDescriptor") ? "true" : "false", dlsym(h, "GetDescriptor") ? "true" : "false");
  }
  end_reply();
}

static void cmd_get(const char *args) {
  Library *lib = library(args);
  const WasmEdge_PluginDescriptor *(*get)(void);
  *(void **)&get = dlsym(lib->handle, "WasmEdge_Plugin_GetDescriptor");
  if (!get) die("get: no WasmEdge_Plugin_GetDescriptor", args);
  lib->descriptor = get();
  begin_reply();
  putf(",\"null\":%s", lib->descriptor ? "false" : "true");
  end_reply();
}

static void cmd_describe(const char *args) {
  Library *lib = library(args);
  unsigned long max_count = second_number(args);
  const WasmEdge_PluginDescriptor *d = lib->descriptor;
  if (!d) die("describe: no descriptor (get it first)", args);
  begin_reply();
  putf(",\"name\":");
  put_cstring(d->Name);
  putf(",\"description\":");
  put_cstring(d->Description);
  putf(",\"apiVersion\":%" PRIu32 ",\"version\":[%" PRIu32 ",%" PRIu32 ",%" PRIu32 ",%" PRIu32 "]", d->APIVersion,
       d->Version.Major, d->Version.Minor, d->Version.Patch, d->Version.Build);
  putf(",\"moduleCount\":%" PRIu32 ",\"moduleArray\":%s", d->ModuleCount, d->ModuleDescriptions ? "true" : "false");
  putf(",\"optionCount\":%" PRIu32 ",\"optionArray\":%s", d->ProgramOptionCount, d->ProgramOptions ? "true" : "false");
  putf(",\"modules\":[");
  if (d->ModuleDescriptions && d->ModuleCount <= max_count) {
    for (uint32_t i = 0; i < d->ModuleCount; i++) {
      const WasmEdge_ModuleDescriptor *m = &d->ModuleDescriptions[i];
      putf("%s{\"name\":", i ? "," : "");
      put_cstring(m->Name);
      putf(",\"description\":");
      put_cstring(m->Description);
      putf(",\"create\":%s}", m->Create ? "true" : "false");
    }
  }
  putf("],\"options\":[");
  if (d->ProgramOptions && d->ProgramOptionCount <= max_count) {
    for (uint32_t i = 0; i < d->ProgramOptionCount; i++) {
      const WasmEdge_ProgramOption *o = &d->ProgramOptions[i];
      putf("%s{\"name\":", i ? "," : "");
      put_cstring(o->Name);
      putf(",\"description\":");
      put_cstring(o->Description);
      putf(",\"type\":%d,\"storage\":%s,\"default\":%s", (int)o->Type, o->Storage ? "true" : "false",
           o->DefaultValue ? "true" : "false");
      /* The length word of a String option's storage: the parent judges whether it is plausible. */
      if (o->Type == WasmEdge_ProgramOptionType_String && o->Storage)
        putf(",\"stringLength\":%" PRIu32, ((const WasmEdge_String *)o->Storage)->Length);
      putf("}");
    }
  }
  putf("]");
  end_reply();
}

/* Size of the value an option of type `t` stores (the C types the header names for each type). */
static size_t option_size(WasmEdge_ProgramOptionType t) {
  switch (t) {
  case WasmEdge_ProgramOptionType_Toggle: return sizeof(bool);
  case WasmEdge_ProgramOptionType_Int8: return sizeof(int8_t);
  case WasmEdge_ProgramOptionType_Int16: return sizeof(int16_t);
  case WasmEdge_ProgramOptionType_Int32: return sizeof(int32_t);
  case WasmEdge_ProgramOptionType_Int64: return sizeof(int64_t);
  case WasmEdge_ProgramOptionType_UInt8: return sizeof(uint8_t);
  case WasmEdge_ProgramOptionType_UInt16: return sizeof(uint16_t);
  case WasmEdge_ProgramOptionType_UInt32: return sizeof(uint32_t);
  case WasmEdge_ProgramOptionType_UInt64: return sizeof(uint64_t);
  case WasmEdge_ProgramOptionType_Float: return sizeof(float);
  case WasmEdge_ProgramOptionType_Double: return sizeof(double);
  default: return 0; /* None, String (read as a WasmEdge_String), or not a type */
  }
}

/* A stored value: null, raw bytes (hex), or {"length":N[,"text":HEX]} for a string. */
static void put_option_value(WasmEdge_ProgramOptionType t, const void *p, unsigned long max_string) {
  if (!p || t == WasmEdge_ProgramOptionType_None) {
    put("null", 4);
  } else if (t == WasmEdge_ProgramOptionType_String) {
    const WasmEdge_String *s = p;
    putf("{\"length\":%" PRIu32, s->Length);
    if (s->Length <= max_string) {
      putf(",\"text\":");
      put_hex(s->Buf, s->Buf ? s->Length : 0);
    }
    putf("}");
  } else if (option_size(t)) {
    put_hex(p, option_size(t));
  } else {
    put("null", 4);
  }
}

static void cmd_options(const char *args) {
  Library *lib = library(args);
  unsigned long max_string = second_number(args);
  const WasmEdge_PluginDescriptor *d = lib->descriptor;
  if (!d) die("options before describe", args);
  begin_reply();
  putf(",\"values\":[");
  for (uint32_t i = 0; d->ProgramOptions && i < d->ProgramOptionCount; i++) {
    const WasmEdge_ProgramOption *o = &d->ProgramOptions[i];
    putf("%s{\"value\":", i ? "," : "");
    put_option_value(o->Type, o->Storage, max_string);
    putf(",\"flagDefault\":");
    put_option_value(o->Type, o->DefaultValue, max_string);
    putf("}");
  }
  putf("]");
  end_reply();
}

/* A WasmEdge_String array from a List* call: hex names. */
static void put_names(const WasmEdge_String *names, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (i) put(",", 1);
    put_hex(names[i].Buf, names[i].Buf ? names[i].Length : 0);
  }
}

static void put_valtypes(uint32_t (*get)(const WasmEdge_FunctionTypeContext *, WasmEdge_ValType *, const uint32_t),
                         const WasmEdge_FunctionTypeContext *type, uint32_t n) {
  WasmEdge_ValType *types = calloc(n ? n : 1, sizeof *types);
  if (!types) die("out of memory", NULL);
  uint32_t got = get(type, types, n);
  for (uint32_t i = 0; i < got && i < n; i++) {
    if (i) put(",", 1);
    put_hex(&types[i], sizeof types[i]);
  }
  free(types);
}

/* Lists one kind of export: names through the Length/List pair of the C API. */
#define LIST_NAMES(kind, mod, names, n)                                                            \
  uint32_t n = p_WasmEdge_ModuleInstanceList##kind##Length(mod);                                   \
  WasmEdge_String *names = calloc(n ? n : 1, sizeof *names);                                       \
  if (!names) die("out of memory", NULL);                                                          \
  n = p_WasmEdge_ModuleInstanceList##kind(mod, names, n);

static void cmd_create(const char *args) {
  Library *lib = library(args);
  unsigned long index = second_number(args);
  const WasmEdge_PluginDescriptor *d = lib->descriptor;
  if (!d || !d->ModuleDescriptions || index >= d->ModuleCount) die("create: no such module descriptor", args);
  const WasmEdge_ModuleDescriptor *desc = &d->ModuleDescriptions[index];
  WasmEdge_ModuleInstanceContext *mod = desc->Create(desc);
  begin_reply();
  if (!mod) {
    putf(",\"null\":true");
  } else if (!p_wpk_module_is_live(mod)) {
    putf(",\"live\":false,\"address\":\"0x%" PRIxPTR "\"", (uintptr_t)mod);
  } else {
    lib->module = mod;
    WasmEdge_String instance = p_WasmEdge_ModuleInstanceGetModuleName(mod);
    putf(",\"instanceName\":");
    put_hex(instance.Buf, instance.Buf ? instance.Length : 0);

    putf(",\"functions\":[");
    LIST_NAMES(Function, mod, fnames, nf)
    for (uint32_t i = 0; i < nf; i++) {
      const WasmEdge_FunctionInstanceContext *fn = p_WasmEdge_ModuleInstanceFindFunction(mod, fnames[i]);
      const WasmEdge_FunctionTypeContext *type = fn ? p_WasmEdge_FunctionInstanceGetFunctionType(fn) : NULL;
      putf("%s{\"name\":", i ? "," : "");
      put_names(&fnames[i], 1);
      putf(",\"params\":[");
      if (type) put_valtypes(p_WasmEdge_FunctionTypeGetParameters, type, p_WasmEdge_FunctionTypeGetParametersLength(type));
      putf("],\"results\":[");
      if (type) put_valtypes(p_WasmEdge_FunctionTypeGetReturns, type, p_WasmEdge_FunctionTypeGetReturnsLength(type));
      putf("]}");
    }
    free(fnames);

    putf("],\"memories\":[");
    LIST_NAMES(Memory, mod, mnames, nm)
    for (uint32_t i = 0; i < nm; i++) {
      putf("%s{\"name\":", i ? "," : "");
      put_names(&mnames[i], 1);
      putf(",\"pages\":%" PRIu64 "}", p_WasmEdge_MemoryInstanceGetPageSize(p_WasmEdge_ModuleInstanceFindMemory(mod, mnames[i])));
    }
    free(mnames);

    putf("],\"globals\":[");
    LIST_NAMES(Global, mod, gnames, ng)
    for (uint32_t i = 0; i < ng; i++) {
      const WasmEdge_GlobalTypeContext *type =
          p_WasmEdge_GlobalInstanceGetGlobalType(p_WasmEdge_ModuleInstanceFindGlobal(mod, gnames[i]));
      WasmEdge_ValType vt = p_WasmEdge_GlobalTypeGetValType(type);
      putf("%s{\"name\":", i ? "," : "");
      put_names(&gnames[i], 1);
      putf(",\"type\":");
      put_hex(&vt, sizeof vt);
      putf(",\"mutable\":%s}", p_WasmEdge_GlobalTypeGetMutability(type) == WasmEdge_Mutability_Var ? "true" : "false");
    }
    free(gnames);
    putf("]");
  }
  end_reply();
}

static void cmd_delete(const char *args) {
  Library *lib = library(args);
  if (!lib->module) die("delete: no module", args);
  p_WasmEdge_ModuleInstanceDelete(lib->module);
  lib->module = NULL;
  begin_reply();
  end_reply();
}

/* ---- the command loop ---------------------------------------------------------------------------- */
/* Reads one NUL-terminated field from fd 4; NULL at end of input. The buffer is reused. */
static char *read_field(char **buf, size_t *cap) {
  size_t n = 0;
  for (;;) {
    if (n + 1 > *cap) {
      *cap = *cap ? *cap * 2 : 4096;
      *buf = realloc(*buf, *cap);
      if (!*buf) die("out of memory", NULL);
    }
    ssize_t r = read(COMMANDS, *buf + n, 1);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return NULL;
    if ((*buf)[n] == '\0') return *buf;
    n++;
  }
}

int main(int argc, char **argv) {
  if (argc != 2) die("usage", "wpk_probe SHIM_PATH (driven by wasmedge-plugin inspect)");
  load_shim(argv[1]);
  p_wpk_install_crash_reporter(CHANNEL);
  char *verb = NULL, *args = NULL, *stage = NULL;
  size_t verb_cap = 0, args_cap = 0, stage_cap = 0;
  while (read_field(&verb, &verb_cap) && read_field(&args, &args_cap) && read_field(&stage, &stage_cap)) {
    if (stage[0]) {
      write_all(stage, strlen(stage));
      write_all("\n", 1);
    }
    if (strcmp(verb, "open") == 0) cmd_open(args);
    else if (strcmp(verb, "get") == 0) cmd_get(args);
    else if (strcmp(verb, "describe") == 0) cmd_describe(args);
    else if (strcmp(verb, "options") == 0) cmd_options(args);
    else if (strcmp(verb, "create") == 0) cmd_create(args);
    else if (strcmp(verb, "delete") == 0) cmd_delete(args);
    else die("unknown command", verb);
  }
  return 0;
}
