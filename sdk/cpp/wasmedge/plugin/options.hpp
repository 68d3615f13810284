// options.hpp — typed program options whose storage the host writes.
//
// Declare each option as a static object and list it in the plug-in (descriptor.hpp). The host
// (e.g. `wasmedge --string hi`) writes the parsed value into the option's storage; value() reads it.
// Rules from the ABI: the storage is never touched when the option is absent, so it starts at
// `initial`; `bare` is what a flag given without a value stores (it must not be NULL, so it defaults
// to `initial`). Toggles store true when given.
//
// The objects must have static storage duration: the host keeps pointers to their names and
// storage for as long as the plug-in is loaded. Constructors are constexpr, so statics are
// initialised before any code runs.
#pragma once

#include "config.hpp"
#include "handles.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace wasmedge::plugin {

namespace detail {
constexpr uint32_t length_of(const char *s) noexcept {
  uint32_t n = 0;
  while (s[n] != '\0') ++n;
  return n;
}
constexpr WasmEdge_String literal(const char *s) noexcept { return WasmEdge_String{length_of(s), s}; }
} // namespace detail

template <class T, enum WasmEdge_ProgramOptionType Type> class ScalarOption {
public:
  constexpr ScalarOption(const char *name, const char *description, T initial = T(), T bare = T()) noexcept
      : name_(name), description_(description), storage_(initial), bare_(bare) {}
  ScalarOption(const ScalarOption &) = delete; // the host points at this object's storage
  ScalarOption &operator=(const ScalarOption &) = delete;

  T value() const noexcept { return storage_; }
  void set(T v) noexcept { storage_ = v; } // for tests and hosts without a command line
  const char *name() const noexcept { return name_; }

  // The descriptor entry: points at this object (hence static storage).
  WasmEdge_ProgramOption entry() noexcept { return WasmEdge_ProgramOption{name_, description_, Type, &storage_, &bare_}; }

private:
  const char *name_;
  const char *description_;
  T storage_;
  T bare_;
};

using Int8Option = ScalarOption<int8_t, WasmEdge_ProgramOptionType_Int8>;
using Int16Option = ScalarOption<int16_t, WasmEdge_ProgramOptionType_Int16>;
using Int32Option = ScalarOption<int32_t, WasmEdge_ProgramOptionType_Int32>;
using Int64Option = ScalarOption<int64_t, WasmEdge_ProgramOptionType_Int64>;
using UInt8Option = ScalarOption<uint8_t, WasmEdge_ProgramOptionType_UInt8>;
using UInt16Option = ScalarOption<uint16_t, WasmEdge_ProgramOptionType_UInt16>;
using UInt32Option = ScalarOption<uint32_t, WasmEdge_ProgramOptionType_UInt32>;
using UInt64Option = ScalarOption<uint64_t, WasmEdge_ProgramOptionType_UInt64>;
using FloatOption = ScalarOption<float, WasmEdge_ProgramOptionType_Float>;
using DoubleOption = ScalarOption<double, WasmEdge_ProgramOptionType_Double>;

// A flag: false unless given (`--upper`).
class ToggleOption : public ScalarOption<bool, WasmEdge_ProgramOptionType_Toggle> {
public:
  constexpr ToggleOption(const char *name, const char *description, bool initial = false) noexcept
      : ScalarOption(name, description, initial, true) {}
};

// A string. `initial` and `bare` must be string literals (or otherwise live as long as the plug-in).
class StringOption {
public:
  constexpr StringOption(const char *name, const char *description, const char *initial = "",
                         const char *bare = nullptr) noexcept
      : name_(name), description_(description), storage_(detail::literal(initial)),
        bare_(detail::literal(bare ? bare : initial)) {}
  StringOption(const StringOption &) = delete;
  StringOption &operator=(const StringOption &) = delete;

  // A view of the current value (not NUL-terminated; the host owns a value it set).
  std::string_view value() const noexcept { return view(storage_); }
  // Points the option at `s` (not copied: `s` must outlive its use); for tests and embedding hosts.
  void set(std::string_view s) noexcept { storage_ = wrap(s); }
  const char *name() const noexcept { return name_; }

  WasmEdge_ProgramOption entry() noexcept {
    return WasmEdge_ProgramOption{name_, description_, WasmEdge_ProgramOptionType_String, &storage_, &bare_};
  }

private:
  const char *name_;
  const char *description_;
  WasmEdge_String storage_;
  WasmEdge_String bare_;
};

} // namespace wasmedge::plugin
