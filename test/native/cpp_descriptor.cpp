// cpp_descriptor.cpp — WASMEDGE_PLUGIN_EXPORT, Plugin and the typed options produce the descriptor
// the host reads: names, API version, version, options (type, storage, default) and modules whose
// Create builds a working module instance. The "plug-in" lives in this executable.
// Prints "ok <n> checks" and exits 0, or prints each failed check and exits 1.
#include <wasmedge/plugin.hpp>
#include <wpk_host.h>

#include "cpp_check.hpp"

#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

namespace wp = wasmedge::plugin;

static wp::StringOption name_option{"name", "who to greet", "world", "everyone"};
static wp::StringOption empty_option{"empty", "starts empty"};
static wp::ToggleOption loud_option{"loud", "shout"};
static wp::Int32Option count_option{"count", "how many", 3, 1};
static wp::UInt64Option big_option{"big", "a big one", 1ull << 40};
static wp::DoubleOption ratio_option{"ratio", "a ratio", 0.5, 1.0};
static wp::Int8Option tiny_option{"tiny", "a tiny one", -3};

static void define_greeter(wp::Module &m) {
  m.function("count", []() { return count_option.value(); })
      .function("name_length", []() { return static_cast<uint32_t>(name_option.value().size()); });
}
static void define_broken(wp::Module &) { throw std::runtime_error("cannot create"); }

WASMEDGE_PLUGIN_EXPORT(wp::Plugin("greeter", "Greets")
                           .version(1, 2, 3, 4)
                           .option(name_option)
                           .option(empty_option)
                           .option(loud_option)
                           .option(count_option)
                           .option(big_option)
                           .option(ratio_option)
                           .option(tiny_option)
                           .module<define_greeter>("greeter_module", "greetings")
                           .module<define_broken>("broken_module", "always fails"));

// Calls a () -> i32 function of `m` the way the runtime does (a binding to a guest module).
static int32_t call_i32(WasmEdge_ModuleInstanceContext *m, const char *name) {
  WasmEdge_ModuleInstanceContext *guest = wpk_guest_module_create("guest");
  uint32_t binding = wpk_bind(WasmEdge_ModuleInstanceFindFunction(m, wp::wrap(name)), guest);
  uint32_t code = binding ? wpk_invoke(binding) : 0xFFFFFFFFu;
  wpk_unbind(binding);
  WasmEdge_ModuleInstanceDelete(guest);
  return code == 0 ? WasmEdge_ValueGetI32(wpk_slots()[0]) : -1;
}

int main() {
  const uint64_t base = wpk_live_objects();
  const WasmEdge_PluginDescriptor *d = WasmEdge_Plugin_GetDescriptor();
  CHECK(d != nullptr);
  CHECK(d == WasmEdge_Plugin_GetDescriptor()); // stable: the host keeps the pointer
  CHECK(std::strcmp(d->Name, "greeter") == 0 && std::strcmp(d->Description, "Greets") == 0);
  CHECK(d->APIVersion == 5);
  CHECK(d->Version.Major == 1 && d->Version.Minor == 2 && d->Version.Patch == 3 && d->Version.Build == 4);
  CHECK(d->ProgramOptionCount == 7 && d->ModuleCount == 2);

  // Options: name, type, storage (initial value), default (given without a value).
  const WasmEdge_ProgramOption *o = d->ProgramOptions;
  CHECK(std::strcmp(o[0].Name, "name") == 0 && o[0].Type == WasmEdge_ProgramOptionType_String);
  CHECK(wp::view(*static_cast<const WasmEdge_String *>(o[0].Storage)) == "world");
  CHECK(wp::view(*static_cast<const WasmEdge_String *>(o[0].DefaultValue)) == "everyone");
  CHECK(o[1].DefaultValue != nullptr && static_cast<const WasmEdge_String *>(o[1].DefaultValue)->Length == 0);
  CHECK(o[2].Type == WasmEdge_ProgramOptionType_Toggle && *static_cast<const bool *>(o[2].Storage) == false);
  CHECK(*static_cast<const bool *>(o[2].DefaultValue) == true);
  CHECK(o[3].Type == WasmEdge_ProgramOptionType_Int32 && *static_cast<const int32_t *>(o[3].Storage) == 3);
  CHECK(*static_cast<const int32_t *>(o[3].DefaultValue) == 1);
  CHECK(o[4].Type == WasmEdge_ProgramOptionType_UInt64 && *static_cast<const uint64_t *>(o[4].Storage) == 1ull << 40);
  CHECK(o[5].Type == WasmEdge_ProgramOptionType_Double && *static_cast<const double *>(o[5].DefaultValue) == 1.0);
  CHECK(o[6].Type == WasmEdge_ProgramOptionType_Int8 && *static_cast<const int8_t *>(o[6].Storage) == -3);
  for (uint32_t i = 0; i < d->ProgramOptionCount; ++i) CHECK(o[i].DefaultValue != nullptr);

  // The host writes the storage as a command line would; value() sees it.
  static const char given[] = "Ada";
  *static_cast<WasmEdge_String *>(o[0].Storage) = WasmEdge_String{3, given};
  *static_cast<bool *>(o[2].Storage) = true;
  *static_cast<int32_t *>(o[3].Storage) = 42;
  CHECK(name_option.value() == "Ada" && loud_option.value() && count_option.value() == 42);

  // Modules: Create names the instance after the descriptor and adds the functions.
  const WasmEdge_ModuleDescriptor &md = d->ModuleDescriptions[0];
  CHECK(std::strcmp(md.Name, "greeter_module") == 0 && std::strcmp(md.Description, "greetings") == 0);
  WasmEdge_ModuleInstanceContext *m = md.Create(&md);
  CHECK(m != nullptr);
  if (m) {
    CHECK(wp::view(WasmEdge_ModuleInstanceGetModuleName(m)) == "greeter_module");
    CHECK(WasmEdge_ModuleInstanceListFunctionLength(m) == 2);
    CHECK(call_i32(m, "count") == 42);
    CHECK(call_i32(m, "name_length") == 3);
    WasmEdge_ModuleInstanceDelete(m);
  }
  // A Define that throws gives NULL (and a message on stderr), never an exception into the host.
  const WasmEdge_ModuleDescriptor &broken = d->ModuleDescriptions[1];
  CHECK(broken.Create(&broken) == nullptr);
  CHECK(wpk_live_objects() == base);

  return check_done();
}
