// handles.hpp — move-only RAII owners for the C API's handles.
//
// Every owner frees its handle exactly once (destructor), can give it up with release() (the caller
// then owns it, e.g. to hand it to the host), and is empty after being moved from.
#pragma once

#include "config.hpp"

#include <cstdint>
#include <new>
#include <string_view>
#include <utility>
#include <vector>

namespace wasmedge::plugin {

// A non-owning WasmEdge_String over `s` (no copy, nothing to free). The C functions that take a
// name (ModuleInstanceCreate, AddFunction, ...) copy it, so a wrap of a temporary is enough there.
inline WasmEdge_String wrap(std::string_view s) noexcept {
  return WasmEdge_StringWrap(s.data(), static_cast<uint32_t>(s.size()));
}

inline std::string_view view(const WasmEdge_String &s) noexcept {
  return s.Length == 0 ? std::string_view() : std::string_view(s.Buf, s.Length);
}

// An owned copy of a string (WasmEdge_StringCreateByBuffer / WasmEdge_StringDelete).
class String {
public:
  String() noexcept : s_(), owned_(false) {}
  explicit String(std::string_view s)
      : s_(WasmEdge_StringCreateByBuffer(s.data(), static_cast<uint32_t>(s.size()))), owned_(true) {}
  // Takes ownership of a string the C API returned to us (e.g. from WasmEdge_StringCreateByCString).
  static String adopt(WasmEdge_String s) noexcept { return String(s); }

  String(String &&o) noexcept : s_(o.s_), owned_(std::exchange(o.owned_, false)) { o.s_ = WasmEdge_String(); }
  String &operator=(String &&o) noexcept {
    if (this != &o) {
      reset();
      s_ = o.s_;
      owned_ = std::exchange(o.owned_, false);
      o.s_ = WasmEdge_String();
    }
    return *this;
  }
  String(const String &) = delete;
  String &operator=(const String &) = delete;
  ~String() { reset(); }

  const WasmEdge_String &get() const noexcept { return s_; }
  std::string_view view() const noexcept { return plugin::view(s_); }
  // Gives up ownership: the caller must WasmEdge_StringDelete the result.
  WasmEdge_String release() noexcept {
    owned_ = false;
    return std::exchange(s_, WasmEdge_String());
  }

private:
  explicit String(WasmEdge_String s) noexcept : s_(s), owned_(true) {}
  void reset() noexcept {
    if (owned_) WasmEdge_StringDelete(s_);
    owned_ = false;
    s_ = WasmEdge_String();
  }
  WasmEdge_String s_;
  bool owned_;
};

// Owner of one `T *` freed by `Delete`. The base of the typed handles below.
template <class T, void (*Delete)(T *)> class Handle {
public:
  Handle() noexcept = default;
  explicit Handle(T *p) noexcept : p_(p) {}
  Handle(Handle &&o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  Handle &operator=(Handle &&o) noexcept {
    if (this != &o) reset(std::exchange(o.p_, nullptr));
    return *this;
  }
  Handle(const Handle &) = delete;
  Handle &operator=(const Handle &) = delete;
  ~Handle() { reset(); }

  T *get() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  T *release() noexcept { return std::exchange(p_, nullptr); }
  void reset(T *p = nullptr) noexcept {
    if (p_) Delete(p_);
    p_ = p;
  }

protected:
  // The C create functions return NULL only when out of memory.
  static T *check(T *p) {
    if (!p) throw std::bad_alloc();
    return p;
  }

private:
  T *p_ = nullptr;
};

// The wasm value types, as WasmEdge_ValType values.
namespace valtype {
inline WasmEdge_ValType i32() noexcept { return WasmEdge_ValTypeGenI32(); }
inline WasmEdge_ValType i64() noexcept { return WasmEdge_ValTypeGenI64(); }
inline WasmEdge_ValType f32() noexcept { return WasmEdge_ValTypeGenF32(); }
inline WasmEdge_ValType f64() noexcept { return WasmEdge_ValTypeGenF64(); }
inline WasmEdge_ValType v128() noexcept { return WasmEdge_ValTypeGenV128(); }
inline WasmEdge_ValType funcref() noexcept { return WasmEdge_ValTypeGenFuncRef(); }
inline WasmEdge_ValType externref() noexcept { return WasmEdge_ValTypeGenExternRef(); }
inline bool equal(WasmEdge_ValType a, WasmEdge_ValType b) noexcept { return WasmEdge_ValTypeIsEqual(a, b); }
// "i32", "i64", ... ("?" for anything else); for messages and tests.
inline const char *name(WasmEdge_ValType t) noexcept {
  if (WasmEdge_ValTypeIsI32(t)) return "i32";
  if (WasmEdge_ValTypeIsI64(t)) return "i64";
  if (WasmEdge_ValTypeIsF32(t)) return "f32";
  if (WasmEdge_ValTypeIsF64(t)) return "f64";
  if (WasmEdge_ValTypeIsV128(t)) return "v128";
  if (WasmEdge_ValTypeIsFuncRef(t)) return "funcref";
  if (WasmEdge_ValTypeIsExternRef(t)) return "externref";
  return "?";
}
} // namespace valtype

class FunctionType : public Handle<WasmEdge_FunctionTypeContext, WasmEdge_FunctionTypeDelete> {
public:
  FunctionType() noexcept = default;
  explicit FunctionType(WasmEdge_FunctionTypeContext *p) noexcept : Handle(p) {}
  FunctionType(const std::vector<WasmEdge_ValType> &params, const std::vector<WasmEdge_ValType> &results)
      : Handle(check(WasmEdge_FunctionTypeCreate(params.data(), static_cast<uint32_t>(params.size()),
                                                 results.data(), static_cast<uint32_t>(results.size())))) {}

  std::vector<WasmEdge_ValType> params() const { return params_of(get()); }
  std::vector<WasmEdge_ValType> results() const { return results_of(get()); }

  // Also usable on a type the caller does not own (WasmEdge_FunctionInstanceGetFunctionType).
  static std::vector<WasmEdge_ValType> params_of(const WasmEdge_FunctionTypeContext *t) {
    std::vector<WasmEdge_ValType> v(WasmEdge_FunctionTypeGetParametersLength(t));
    WasmEdge_FunctionTypeGetParameters(t, v.data(), static_cast<uint32_t>(v.size()));
    return v;
  }
  static std::vector<WasmEdge_ValType> results_of(const WasmEdge_FunctionTypeContext *t) {
    std::vector<WasmEdge_ValType> v(WasmEdge_FunctionTypeGetReturnsLength(t));
    WasmEdge_FunctionTypeGetReturns(t, v.data(), static_cast<uint32_t>(v.size()));
    return v;
  }
};

#if WASMEDGE_PLUGIN_API_VERSION >= 5
// Memory/table limits (API version 5: an opaque context), in pages (memories) or elements (tables).
class Limit : public Handle<WasmEdge_LimitContext, WasmEdge_LimitDelete> {
public:
  explicit Limit(uint64_t min) : Handle(check(WasmEdge_LimitCreate(min, false))) {}
  Limit(uint64_t min, uint64_t max, bool shared = false)
      : Handle(check(WasmEdge_LimitCreateWithMax(min, max, shared, false))) {}

  uint64_t min() const noexcept { return WasmEdge_LimitGetMin(get()); }
  uint64_t max() const noexcept { return WasmEdge_LimitGetMax(get()); }
  bool has_max() const noexcept { return WasmEdge_LimitHasMax(get()); }
  bool shared() const noexcept { return WasmEdge_LimitIsShared(get()); }
};

class MemoryType : public Handle<WasmEdge_MemoryTypeContext, WasmEdge_MemoryTypeDelete> {
public:
  explicit MemoryType(const Limit &limit) : Handle(check(WasmEdge_MemoryTypeCreate(limit.get()))) {}
  // A memory of `min` pages, growable up to `max` pages.
  MemoryType(uint64_t min, uint64_t max) : MemoryType(Limit(min, max)) {}
};
#else
// API version 4 (WasmEdge 0.14.1-0.16.x): limits are the WasmEdge_Limit struct, passed by value.
class MemoryType : public Handle<WasmEdge_MemoryTypeContext, WasmEdge_MemoryTypeDelete> {
public:
  explicit MemoryType(const WasmEdge_Limit &limit) : Handle(check(WasmEdge_MemoryTypeCreate(limit))) {}
  MemoryType(uint32_t min, uint32_t max) : MemoryType(WasmEdge_Limit{true, false, min, max}) {}
};
#endif

} // namespace wasmedge::plugin
