// memory.hpp — a bounds-checked view of a wasm linear memory.
//
// Every access checks `offset + length <= size` (without overflow) and throws MemoryOutOfBounds
// otherwise, which a host function's trampoline turns into the WASM MemoryOutOfBounds result.
// Values are stored little-endian, as wasm defines (hosts here are little-endian: x86-64, aarch64).
//
// Lifetime: a Span returned by read()/slice() points into guest memory and is valid only until the
// memory grows or the guest runs again (a grow may move the bytes). Copy what you need to keep.
#pragma once

#include "config.hpp"
#include "error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace wasmedge::plugin {

// A pointer + length pair (C++17 has no std::span).
template <class T> class Span {
public:
  constexpr Span() noexcept = default;
  constexpr Span(T *data, std::size_t size) noexcept : data_(data), size_(size) {}
  // From any contiguous container of T (std::vector, std::array, another Span...).
  template <class C, class = std::enable_if_t<std::is_convertible_v<decltype(std::declval<C &>().data()), T *>>>
  constexpr Span(C &c) noexcept : data_(c.data()), size_(c.size()) {}

  constexpr T *data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr T *begin() const noexcept { return data_; }
  constexpr T *end() const noexcept { return data_ + size_; }
  constexpr T &operator[](std::size_t i) const noexcept { return data_[i]; }
  constexpr operator Span<const T>() const noexcept { return {data_, size_}; }

private:
  T *data_ = nullptr;
  std::size_t size_ = 0;
};

using ByteView = Span<const uint8_t>;
using MutableByteView = Span<uint8_t>;

// The bytes of a string, for Memory::write.
inline ByteView bytes(std::string_view s) noexcept {
  return {reinterpret_cast<const uint8_t *>(s.data()), s.size()};
}

class Memory {
public:
  static constexpr uint64_t page_size = 65536;

  Memory() noexcept = default;
  // A view of `mem` (not owned). NULL gives a memory of size 0: every non-empty access throws.
  explicit Memory(WasmEdge_MemoryInstanceContext *mem) noexcept : mem_(mem) {}

  WasmEdge_MemoryInstanceContext *get() const noexcept { return mem_; }
  explicit operator bool() const noexcept { return mem_ != nullptr; }
  uint64_t pages() const noexcept { return mem_ ? WasmEdge_MemoryInstanceGetPageSize(mem_) : 0; }
  uint64_t size() const noexcept { return pages() * page_size; }

  // True when [offset, offset + length) lies inside the memory.
  bool contains(uint64_t offset, uint64_t length) const noexcept {
    const uint64_t n = size();
    return offset <= n && length <= n - offset;
  }

  ByteView read(uint64_t offset, uint64_t length) const { return {at(offset, length), to_size(length)}; }
  MutableByteView slice(uint64_t offset, uint64_t length) const { return {at(offset, length), to_size(length)}; }

  void write(uint64_t offset, ByteView data) const {
    uint8_t *p = at(offset, data.size());
    if (!data.empty()) std::memmove(p, data.data(), data.size());
  }
  void write(uint64_t offset, const void *data, std::size_t length) const {
    write(offset, ByteView(static_cast<const uint8_t *>(data), length));
  }

  std::string read_string(uint64_t offset, uint64_t length) const {
    ByteView v = read(offset, length);
    return std::string(reinterpret_cast<const char *>(v.data()), v.size());
  }
  void write_string(uint64_t offset, std::string_view s) const { write(offset, bytes(s)); }

  template <class T> T load(uint64_t offset) const {
    static_assert(std::is_trivially_copyable_v<T>, "Memory::load<T> needs a trivially copyable T");
    T value;
    std::memcpy(&value, at(offset, sizeof(T)), sizeof(T)); // memcpy: wasm addresses need no alignment
    return value;
  }
  template <class T> void store(uint64_t offset, const T &value) const {
    static_assert(std::is_trivially_copyable_v<T>, "Memory::store<T> needs a trivially copyable T");
    std::memcpy(at(offset, sizeof(T)), &value, sizeof(T));
  }

  // Grows by `delta` pages; throws Error (WASM MemoryOutOfBounds when no memory) if it cannot.
  // Invalidates every Span taken before.
  void grow(uint64_t delta) const {
    if (!mem_) throw MemoryOutOfBounds(0, delta * page_size, 0);
    WasmEdge_Result r = WasmEdge_MemoryInstanceGrowPage(mem_, delta);
    if (!WasmEdge_ResultOK(r))
      throw Error(static_cast<Category>(WasmEdge_ResultGetCategory(r)), WasmEdge_ResultGetCode(r));
  }

private:
  static std::size_t to_size(uint64_t n) noexcept { return static_cast<std::size_t>(n); }

  // Pointer to `length` valid bytes at `offset`, or throws. An empty range at offset <= size is
  // valid and may give NULL (nothing may be dereferenced there anyway).
  uint8_t *at(uint64_t offset, uint64_t length) const {
    if (!contains(offset, length)) throw MemoryOutOfBounds(offset, length, size());
    if (length == 0) return nullptr;
    uint8_t *p = WasmEdge_MemoryInstanceGetPointer(mem_, offset, length);
    if (!p) throw MemoryOutOfBounds(offset, length, size()); // the runtime's own check disagreed
    return p;
  }

  WasmEdge_MemoryInstanceContext *mem_ = nullptr;
};

} // namespace wasmedge::plugin
