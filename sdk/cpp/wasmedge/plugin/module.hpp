// module.hpp — building a module instance of host functions.
//
// Module owns a WasmEdge_ModuleInstanceContext until release() hands it to the host. The module's
// host data (freed by WasmEdge_ModuleInstanceDelete through a finalizer) owns every callable added
// with function(), so the callables live exactly as long as the function instances pointing at them.
#pragma once

#include "config.hpp"
#include "function.hpp"
#include "handles.hpp"

#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wasmedge::plugin {

namespace detail {
struct ModuleData {
  std::vector<std::unique_ptr<HostFunctionBase>> functions;
};
inline void delete_module_data(void *data) noexcept { delete static_cast<ModuleData *>(data); }
} // namespace detail

class Module {
public:
  explicit Module(std::string_view name) {
    auto data = std::make_unique<detail::ModuleData>();
    WasmEdge_ModuleInstanceContext *m =
        WasmEdge_ModuleInstanceCreateWithData(wrap(name), data.get(), &detail::delete_module_data);
    if (!m) throw std::bad_alloc();
    data_ = data.release(); // now owned by the module instance (its finalizer deletes it)
    module_.reset(m);
  }

  Module(Module &&o) noexcept : module_(std::move(o.module_)), data_(std::exchange(o.data_, nullptr)) {}
  Module &operator=(Module &&o) noexcept {
    module_ = std::move(o.module_);
    data_ = std::exchange(o.data_, nullptr);
    return *this;
  }

  // Adds a host function named `name`; its wasm type is deduced from `f` (function.hpp).
  template <class F> Module &function(std::string_view name, F &&f) {
    using Fn = std::decay_t<F>;
    FunctionType type = function_type<Fn>();
    data_->functions.reserve(data_->functions.size() + 1); // so that push_back below cannot throw
    auto host = std::make_unique<detail::HostFunction<Fn>>(std::string(name), std::forward<F>(f));
    WasmEdge_FunctionInstanceContext *fn =
        WasmEdge_FunctionInstanceCreate(type.get(), &detail::trampoline<Fn>, host.get(), 0);
    if (!fn) throw std::bad_alloc();
    data_->functions.push_back(std::move(host));
    WasmEdge_ModuleInstanceAddFunction(module_.get(), wrap(name), fn); // the module now owns fn
    return *this;
  }

  // Adds (exports) a memory of `type`.
  Module &memory(std::string_view name, const MemoryType &type) {
    WasmEdge_MemoryInstanceContext *mem = WasmEdge_MemoryInstanceCreate(type.get());
    if (!mem) throw std::bad_alloc();
    WasmEdge_ModuleInstanceAddMemory(module_.get(), wrap(name), mem); // the module now owns mem
    return *this;
  }

  WasmEdge_ModuleInstanceContext *get() const noexcept { return module_.get(); }
  // Hands the module instance (and with it every callable) to the caller, e.g. the host; it is
  // freed with WasmEdge_ModuleInstanceDelete. The Module is empty afterwards.
  WasmEdge_ModuleInstanceContext *release() noexcept {
    data_ = nullptr;
    return module_.release();
  }

private:
  Handle<WasmEdge_ModuleInstanceContext, WasmEdge_ModuleInstanceDelete> module_;
  detail::ModuleData *data_ = nullptr; // owned by module_
};

} // namespace wasmedge::plugin
