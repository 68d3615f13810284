// cpp_example_host.cpp — a small host that loads a get_string plug-in (argv[1]) into the real shim
// and calls its functions the way the runtime does (wpk_bind/wpk_invoke, guest memory 0). It prints
// a transcript; the test requires the C++ example's transcript to equal the C example's.
#include <wasmedge/wasmedge.h>
#include <wpk_host.h>

#include <dlfcn.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

alignas(16) static uint8_t guest_bytes[65536];
static WasmEdge_ModuleInstanceContext *plugin_module, *guest;

static const char *type_name(WasmEdge_ValType t) {
  return WasmEdge_ValTypeIsI32(t) ? "i32" : WasmEdge_ValTypeIsI64(t) ? "i64" : "other";
}

static uint32_t call(const char *name, int32_t a, int32_t b, int32_t c = 0) {
  WasmEdge_String n = WasmEdge_StringWrap(name, static_cast<uint32_t>(std::strlen(name)));
  uint32_t binding = wpk_bind(WasmEdge_ModuleInstanceFindFunction(plugin_module, n), guest);
  WasmEdge_Value *slots = wpk_slots();
  slots[0] = WasmEdge_ValueGenI32(a);
  slots[1] = WasmEdge_ValueGenI32(b);
  slots[2] = WasmEdge_ValueGenI32(c);
  uint32_t code = wpk_invoke(binding);
  wpk_unbind(binding);
  return code;
}

// get_string into [64, 64 + len) with the count at `written_ptr`; prints code, count and bytes.
static void get_string(uint32_t buf_ptr, uint32_t len, uint32_t written_ptr) {
  std::memset(guest_bytes, '.', sizeof guest_bytes);
  uint32_t code = call("get_string", static_cast<int32_t>(buf_ptr), static_cast<int32_t>(len),
                       static_cast<int32_t>(written_ptr));
  uint32_t written = 0;
  if (written_ptr <= sizeof guest_bytes - 4) std::memcpy(&written, guest_bytes + written_ptr, 4);
  std::string buf = buf_ptr < sizeof guest_bytes
                        ? std::string(reinterpret_cast<char *>(guest_bytes + buf_ptr),
                                      std::min<std::size_t>(12, sizeof guest_bytes - buf_ptr))
                        : "";
  std::printf("get_string(%u, %u, %u) -> code 0x%x, written 0x%08x, buf \"%s\"\n", buf_ptr, len, written_ptr, code,
              written, buf.c_str());
}

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    std::printf("dlopen: %s\n", dlerror());
    return 1;
  }
  using GetDescriptor = const WasmEdge_PluginDescriptor *(*)();
  auto get = reinterpret_cast<GetDescriptor>(dlsym(lib, "WasmEdge_Plugin_GetDescriptor"));
  const WasmEdge_PluginDescriptor *d = get ? get() : nullptr;
  if (!d) return 1;

  std::printf("plugin %s api %u version %u.%u.%u.%u\n", d->Name, d->APIVersion, d->Version.Major, d->Version.Minor,
              d->Version.Patch, d->Version.Build);
  for (uint32_t i = 0; i < d->ProgramOptionCount; ++i) std::printf("option %s type %d\n", d->ProgramOptions[i].Name, d->ProgramOptions[i].Type);
  const WasmEdge_ModuleDescriptor &md = d->ModuleDescriptions[0];
  plugin_module = md.Create(&md);
  WasmEdge_String mod_name = WasmEdge_ModuleInstanceGetModuleName(plugin_module);
  std::printf("module %s instance %.*s\n", md.Name, static_cast<int>(mod_name.Length), mod_name.Buf);
  WasmEdge_String names[8];
  uint32_t count = WasmEdge_ModuleInstanceListFunction(plugin_module, names, 8);
  for (uint32_t i = 0; i < count && i < 8; ++i) {
    const WasmEdge_FunctionTypeContext *t =
        WasmEdge_FunctionInstanceGetFunctionType(WasmEdge_ModuleInstanceFindFunction(plugin_module, names[i]));
    WasmEdge_ValType p[8], r[8];
    uint32_t np = WasmEdge_FunctionTypeGetParameters(t, p, 8), nr = WasmEdge_FunctionTypeGetReturns(t, r, 8);
    std::string sig;
    for (uint32_t k = 0; k < np; ++k) sig += std::string(k ? "," : "") + type_name(p[k]);
    sig += ") -> (";
    for (uint32_t k = 0; k < nr; ++k) sig += std::string(k ? "," : "") + type_name(r[k]);
    std::printf("function %.*s (%s)\n", static_cast<int>(names[i].Length), names[i].Buf, sig.c_str());
  }

  guest = wpk_guest_module_create("guest");
  wpk_memory_attach(wpk_guest_memory(guest), 1, guest_bytes, sizeof guest_bytes, 1);

  get_string(64, 255, 8);
  get_string(64, 3, 8);
  get_string(64, 0, 8);
  get_string(70000, 0, 8);     // empty copy: buf_ptr not checked
  get_string(65534, 255, 8);   // buffer out of bounds
  get_string(64, 255, 65533);  // count out of bounds
  get_string(64, 255, 0xFFFFFFFF);
  get_string(65531, 5, 0);     // exactly at the end

  // Options as a command line sets them: --upper, then --string "Hi, World!".
  for (uint32_t i = 0; i < d->ProgramOptionCount; ++i) {
    if (std::strcmp(d->ProgramOptions[i].Name, "upper") == 0) *static_cast<bool *>(d->ProgramOptions[i].Storage) = true;
  }
  get_string(64, 255, 8);
  static const char hi[] = "Hi, World!";
  for (uint32_t i = 0; i < d->ProgramOptionCount; ++i) {
    if (std::strcmp(d->ProgramOptions[i].Name, "string") == 0)
      *static_cast<WasmEdge_String *>(d->ProgramOptions[i].Storage) = WasmEdge_String{10, hi};
  }
  get_string(64, 255, 8);
  get_string(64, 4, 8);

  WasmEdge_Value *slots = wpk_slots();
  uint32_t code = call("add", 2, 3);
  std::printf("add(2, 3) -> code 0x%x, %d\n", code, WasmEdge_ValueGetI32(slots[0]));
  code = call("add", INT32_MAX, 1);
  std::printf("add(INT32_MAX, 1) -> code 0x%x, %d\n", code, WasmEdge_ValueGetI32(slots[0]));
  code = call("add", -5, -7);
  std::printf("add(-5, -7) -> code 0x%x, %d\n", code, WasmEdge_ValueGetI32(slots[0]));

  const uint64_t live_before = wpk_live_objects();
  WasmEdge_ModuleInstanceDelete(plugin_module);
  WasmEdge_ModuleInstanceDelete(guest);
  std::printf("freed objects %s\n", wpk_live_objects() < live_before ? "yes" : "no");
  return 0;
}
