// cpp_memory.cpp — bounds checks of wasmedge::plugin::Memory on a real (shim) memory instance:
// edges of the range, overflow of offset + length, empty ranges, no memory at all, load/store,
// strings, and growth. Prints "ok <n> checks" and exits 0, or prints each failed check and exits 1.
#include <wasmedge/plugin.hpp>
#include <wpk_host.h>

#include "cpp_check.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace wp = wasmedge::plugin;

// True if `expr` throws MemoryOutOfBounds (and nothing else).
#define THROWS_OOB(expr)                                                                             \
  [&]() {                                                                                            \
    try {                                                                                            \
      (void)(expr);                                                                                  \
    } catch (const wp::MemoryOutOfBounds &e) {                                                       \
      return e.code() == WasmEdge_ErrCode_MemoryOutOfBounds && e.category() == wp::Category::Wasm;  \
    } catch (...) {                                                                                  \
      return false;                                                                                  \
    }                                                                                                \
    return false;                                                                                    \
  }()

constexpr uint64_t PAGE = 65536;
static std::vector<uint8_t> backing(PAGE);
static WasmEdge_MemoryInstanceContext *memory_ctx;

// The runtime's side of memory.grow: a bigger buffer (contents kept), attached again.
static int32_t grow(uint32_t, uint32_t pages) {
  const uint64_t new_size = backing.size() + pages * PAGE;
  if (new_size > 3 * PAGE) return -1;
  backing.resize(new_size);
  wpk_memory_attach(memory_ctx, 1, backing.data(), backing.size(), 3);
  return 0;
}

int main() {
  WasmEdge_ModuleInstanceContext *guest = wpk_guest_module_create("guest");
  memory_ctx = wpk_guest_memory(guest);
  wpk_memory_attach(memory_ctx, 1, backing.data(), backing.size(), 3);
  wpk_set_grow_callback(grow);
  const wp::Memory mem(memory_ctx);

  CHECK(mem.pages() == 1 && mem.size() == PAGE);

  // Range edges: [offset, offset + length) must lie within [0, size].
  CHECK(mem.read(0, 0).empty());
  CHECK(mem.read(PAGE, 0).empty());
  CHECK(THROWS_OOB(mem.read(PAGE + 1, 0)));
  CHECK(mem.read(0, PAGE).size() == PAGE);
  CHECK(mem.read(0, PAGE).data() == backing.data());
  CHECK(THROWS_OOB(mem.read(0, PAGE + 1)));
  CHECK(mem.read(PAGE - 1, 1).size() == 1);
  CHECK(THROWS_OOB(mem.read(PAGE - 1, 2)));
  CHECK(THROWS_OOB(mem.read(PAGE, 1)));
  CHECK(THROWS_OOB(mem.read(UINT64_MAX, 1)));
  CHECK(THROWS_OOB(mem.read(1, UINT64_MAX))); // offset + length overflows to 0
  CHECK(THROWS_OOB(mem.read(UINT64_MAX, UINT64_MAX)));
  CHECK(THROWS_OOB(mem.read(0x100000000ull, 1))); // beyond 32 bits
  CHECK(mem.contains(PAGE - 4, 4) && !mem.contains(PAGE - 3, 4) && !mem.contains(2, UINT64_MAX - 1));

  // The exception says where.
  try {
    (void)mem.read(PAGE - 1, 2);
  } catch (const wp::MemoryOutOfBounds &e) {
    CHECK(e.offset() == PAGE - 1 && e.length() == 2 && e.memory_size() == PAGE);
    CHECK(std::strstr(e.what(), "offset 65535, length 2, memory size 65536") != nullptr);
    CHECK(e.result().Code == 0x408u);
  }

  // load/store: little-endian, unaligned, last valid position.
  mem.store<uint32_t>(PAGE - 4, 0x11223344u);
  CHECK(std::memcmp(backing.data() + PAGE - 4, "\x44\x33\x22\x11", 4) == 0);
  CHECK(mem.load<uint32_t>(PAGE - 4) == 0x11223344u);
  CHECK(THROWS_OOB(mem.load<uint32_t>(PAGE - 3)));
  CHECK(THROWS_OOB(mem.store<uint64_t>(PAGE - 7, 1)));
  CHECK(std::memcmp(backing.data() + PAGE - 4, "\x44\x33\x22\x11", 4) == 0); // failed store wrote nothing
  mem.store<double>(3, 2.5);
  CHECK(mem.load<double>(3) == 2.5);
  struct Pair {
    uint16_t a;
    uint8_t b;
  };
  mem.store(10, Pair{0xBEEF, 7});
  CHECK(mem.load<Pair>(10).a == 0xBEEF && mem.load<Pair>(10).b == 7);

  // Byte and string writes.
  mem.write_string(100, "hello");
  CHECK(mem.read_string(100, 5) == "hello");
  CHECK(mem.read_string(100, 0).empty());
  const uint8_t raw[3] = {1, 2, 3};
  mem.write(PAGE - 3, raw, 3);
  CHECK(mem.read(PAGE - 3, 3)[2] == 3);
  CHECK(THROWS_OOB(mem.write(PAGE - 2, raw, 3)));
  CHECK(backing[PAGE - 2] == 2); // untouched
  CHECK(THROWS_OOB(mem.write_string(PAGE, "x")));
  mem.write_string(PAGE, ""); // empty write at the end is fine
  std::vector<uint8_t> vec{9, 8, 7};
  mem.write(200, vec);
  wp::MutableByteView view = mem.slice(200, 3);
  view[0] = 42;
  CHECK(backing[200] == 42 && backing[201] == 8);

  // Growth: the view follows the re-attached buffer.
  mem.grow(1);
  CHECK(mem.pages() == 2 && mem.size() == 2 * PAGE);
  CHECK(mem.read_string(100, 5) == "hello");
  mem.store<uint32_t>(2 * PAGE - 4, 5);
  CHECK(mem.load<uint32_t>(2 * PAGE - 4) == 5);
  CHECK(THROWS_OOB(mem.load<uint32_t>(2 * PAGE - 3)));
  bool grow_failed = false;
  try {
    mem.grow(5); // beyond the maximum of 3 pages
  } catch (const wp::Error &) {
    grow_failed = true;
  }
  CHECK(grow_failed && mem.pages() == 2);

  // No memory (a caller without memory 0): size 0, only empty ranges at 0.
  const wp::Memory none;
  CHECK(!none && none.size() == 0);
  CHECK(none.read(0, 0).empty());
  CHECK(THROWS_OOB(none.read(0, 1)));
  CHECK(THROWS_OOB(none.load<uint8_t>(0)));
  CHECK(THROWS_OOB(none.grow(1)));

  WasmEdge_ModuleInstanceDelete(guest);
  return check_done();
}
