// get_string.cpp — the get_string plug-in written with the C++ wrapper (sdk/cpp/wasmedge/plugin.hpp).
// Behaves exactly like get_string.c:
//   options  --string <s> (default "hello"), --upper (toggle: uppercase the string)
//   module   get_string_module
//     get_string(buf_ptr: i32, buf_len: i32, written_ptr: i32)
//         copies the string, truncated to buf_len bytes, into the caller's memory 0 at buf_ptr and
//         stores the number of bytes copied as a u32 at written_ptr; out of bounds -> MemoryOutOfBounds
//     add(a: i32, b: i32) -> i32
#include <wasmedge/plugin.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace wp = wasmedge::plugin;

static wp::StringOption string_option{"string", "The string that get_string returns", "hello"};
static wp::ToggleOption upper_option{"upper", "Return the string in upper case"};

static void get_string(wp::Memory &memory, uint32_t buf_ptr, uint32_t buf_len, uint32_t written_ptr) {
  const std::string_view s = string_option.value();
  const uint32_t n = static_cast<uint32_t>(std::min<std::size_t>(s.size(), buf_len));
  // Take both views before writing, so that a failing call leaves the caller's memory untouched.
  // Like the C version, an empty copy does not check buf_ptr.
  wp::MutableByteView written = memory.slice(written_ptr, sizeof(uint32_t));
  wp::MutableByteView dst = n > 0 ? memory.slice(buf_ptr, n) : wp::MutableByteView();
  for (uint32_t i = 0; i < n; ++i) {
    const char c = s[i];
    dst[i] = static_cast<uint8_t>(upper_option.value() && c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  std::memcpy(written.data(), &n, sizeof n); // wasm is little-endian, like every host we support
}

static int32_t add(int32_t a, int32_t b) {
  // Wrap around like wasm's i32.add (signed overflow is undefined in C++).
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}

static void define_module(wp::Module &m) {
  m.function("get_string", get_string).function("add", add);
}

WASMEDGE_PLUGIN_EXPORT(wp::Plugin("get_string", "Returns a configurable string to wasm (C++ example)")
                           .version(0, 1, 0)
                           .option(string_option)
                           .option(upper_option)
                           .module<define_module>("get_string_module", "get_string and add host functions"));
