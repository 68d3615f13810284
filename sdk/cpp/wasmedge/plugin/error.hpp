// error.hpp — exceptions a host function may throw, and how they become a WasmEdge_Result.
//
// A host function reports failure by throwing. The trampoline (function.hpp) catches everything:
//   Error (and subclasses)  -> WasmEdge_ResultGen(category, code) of that error
//   Terminate               -> the "terminated" result (category WASM, code 1): the guest stops cleanly
//   any other exception     -> WASM HostFuncError (0x40e), with what() printed to stderr
#pragma once

#include "config.hpp"

#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <utility>

namespace wasmedge::plugin {

enum class Category : uint32_t {
  Wasm = WasmEdge_ErrCategory_WASM,           // codes of enum WasmEdge_ErrCode
  User = WasmEdge_ErrCategory_UserLevelError, // any 24-bit code of the plug-in's choosing
};

inline WasmEdge_Result success_result() noexcept {
  WasmEdge_Result r;
  r.Code = 0;
  return r;
}

class Error : public std::exception {
public:
  // A WASM-category error, e.g. Error{WasmEdge_ErrCode_HostFuncError}.
  explicit Error(WasmEdge_ErrCode code, std::string message = {})
      : Error(Category::Wasm, static_cast<uint32_t>(code), std::move(message)) {}
  Error(Category category, uint32_t code, std::string message = {})
      : category_(category), code_(code & 0x00FFFFFFu), message_(std::move(message)) {}

  // A user-level error: the host sees category UserLevelError and exactly this code (24 bits).
  static Error user(uint32_t code, std::string message = {}) {
    return Error(Category::User, code, std::move(message));
  }

  Category category() const noexcept { return category_; }
  uint32_t code() const noexcept { return code_; }
  WasmEdge_Result result() const noexcept {
    return WasmEdge_ResultGen(static_cast<enum WasmEdge_ErrCategory>(category_), code_);
  }
  const char *what() const noexcept override {
    return message_.empty() ? WasmEdge_ResultGetMessage(result()) : message_.c_str();
  }

private:
  Category category_;
  uint32_t code_;
  std::string message_;
};

// Thrown by every bounds-checked memory access (memory.hpp); maps to WASM MemoryOutOfBounds (0x408).
class MemoryOutOfBounds : public Error {
public:
  MemoryOutOfBounds(uint64_t offset, uint64_t length, uint64_t memory_size)
      : Error(WasmEdge_ErrCode_MemoryOutOfBounds, describe(offset, length, memory_size)), offset_(offset),
        length_(length), memory_size_(memory_size) {}

  uint64_t offset() const noexcept { return offset_; }
  uint64_t length() const noexcept { return length_; }
  uint64_t memory_size() const noexcept { return memory_size_; }

private:
  // snprintf, not std::to_string: the latter adds a STB_GNU_UNIQUE symbol to the plug-in, which
  // makes glibc refuse to ever unload it (dlclose becomes a no-op).
  static std::string describe(uint64_t offset, uint64_t length, uint64_t memory_size) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "out of bounds memory access: offset %llu, length %llu, memory size %llu",
                  static_cast<unsigned long long>(offset), static_cast<unsigned long long>(length),
                  static_cast<unsigned long long>(memory_size));
    return buf;
  }
  uint64_t offset_, length_, memory_size_;
};

// `throw Terminate{};` ends the guest as "terminated" (success-like: WasmEdge_ResultOK is true),
// the way WASI proc_exit does. It is an Error with WASM code 1, so the mapping stays uniform.
class Terminate : public Error {
public:
  Terminate() : Error(WasmEdge_ErrCode_Terminated) {}
};

} // namespace wasmedge::plugin
