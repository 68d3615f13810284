// descriptor.hpp — the plug-in descriptor and its export.
//
//   static void define_module(wasmedge::plugin::Module &m) { m.function("add", add); }
//   WASMEDGE_PLUGIN_EXPORT(wasmedge::plugin::Plugin("my_plugin", "what it does")
//                              .version(0, 1, 0)
//                              .option(my_option)                      // a static option object
//                              .module<define_module>("my_module", "what the module does"));
//
// WASMEDGE_PLUGIN_EXPORT defines `WasmEdge_Plugin_GetDescriptor` (the only symbol a plug-in must
// export). On its first call it copies the Plugin into a function-local static and fills a
// WasmEdge_PluginDescriptor that points into that static: names, the module array and the option
// array stay valid for the plug-in's lifetime, as the host requires. Use it once per plug-in.
#pragma once

#include "config.hpp"
#include "module.hpp"

#include <cstdint>
#include <cstdio>
#include <exception>
#include <vector>

namespace wasmedge::plugin {

namespace detail {
// The WasmEdge_ModuleDescriptor.Create for modules defined by `Define(Module&)`: the module instance
// is named after the descriptor. Exceptions become NULL (plus a message), never cross into the host.
template <void (*Define)(Module &)>
WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *descriptor) noexcept {
  try {
    Module m(descriptor->Name);
    Define(m);
    return m.release();
  } catch (const std::exception &e) {
    std::fprintf(stderr, "wasmedge::plugin: creating module '%s' failed: %s\n", descriptor->Name, e.what());
  } catch (...) {
    std::fprintf(stderr, "wasmedge::plugin: creating module '%s' failed\n", descriptor->Name);
  }
  return nullptr;
}
} // namespace detail

class Plugin {
public:
  // `name` and `description` must be string literals (the host keeps the pointers).
  Plugin(const char *name, const char *description) noexcept : name_(name), description_(description) {}

  Plugin &version(uint32_t major, uint32_t minor, uint32_t patch, uint32_t build = 0) noexcept {
    version_ = WasmEdge_PluginVersionData{major, minor, patch, build};
    return *this;
  }
  // `option` must be a static option object (options.hpp).
  template <class Option> Plugin &option(Option &option) {
    options_.push_back(option.entry());
    return *this;
  }
  // A module named `name` whose functions `Define` adds; each host request creates a new instance.
  template <void (*Define)(Module &)> Plugin &module(const char *name, const char *description) {
    modules_.push_back(WasmEdge_ModuleDescriptor{name, description, &detail::create_module<Define>});
    return *this;
  }

  // The descriptor, pointing into this object: call only on an object that is never moved again.
  const WasmEdge_PluginDescriptor *descriptor() noexcept {
    descriptor_.Name = name_;
    descriptor_.Description = description_;
    descriptor_.APIVersion = WasmEdge_Plugin_CurrentAPIVersion;
    descriptor_.Version = version_;
    descriptor_.ModuleCount = static_cast<uint32_t>(modules_.size());
    descriptor_.ProgramOptionCount = static_cast<uint32_t>(options_.size());
    descriptor_.ModuleDescriptions = modules_.empty() ? nullptr : modules_.data();
    descriptor_.ProgramOptions = options_.empty() ? nullptr : options_.data();
    return &descriptor_;
  }

private:
  const char *name_;
  const char *description_;
  WasmEdge_PluginVersionData version_{0, 1, 0, 0};
  std::vector<WasmEdge_ModuleDescriptor> modules_;
  std::vector<WasmEdge_ProgramOption> options_;
  WasmEdge_PluginDescriptor descriptor_{};
};

} // namespace wasmedge::plugin

// Defines the plug-in's entry point from a Plugin expression (see the top of this file). Write it
// at namespace scope, followed by a semicolon.
#define WASMEDGE_PLUGIN_EXPORT(...)                                                                   \
  extern "C" WASMEDGE_PLUGIN_VISIBLE const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) { \
    try {                                                                                             \
      static ::wasmedge::plugin::Plugin wasmedge_plugin_definition_ = (__VA_ARGS__);                  \
      return wasmedge_plugin_definition_.descriptor();                                                \
    } catch (...) {                                                                                   \
      return nullptr; /* out of memory while building the descriptor */                              \
    }                                                                                                 \
  }                                                                                                   \
  static_assert(true, "WASMEDGE_PLUGIN_EXPORT(...) needs a trailing semicolon")
