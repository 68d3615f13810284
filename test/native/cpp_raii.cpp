// cpp_raii.cpp — every RAII owner of the C++ wrapper frees what it created, exactly once:
// the shim's live-object counter (wpk_live_objects) returns to its start value, and callables
// owned by a module are destroyed when (and only when) the module instance is deleted.
// Prints "ok <n> checks" and exits 0, or prints each failed check and exits 1.
#include <wasmedge/plugin.hpp>
#include <wpk_host.h>

#include "cpp_check.hpp"

#include <cstdio>
#include <memory>
#include <utility>

namespace wp = wasmedge::plugin;

// A module with three host functions whose callables hold `token`, and an exported memory.
static wp::Module make_module(const std::shared_ptr<int> &token) {
  wp::Module m("raii_module");
  m.function("a", [token](int32_t x) { return x + *token; })
      .function("b", [token](wp::Memory &, uint32_t) {})
      .function("c", [token]() { return std::make_tuple(1.0, 2.0f); })
      .memory("mem", wp::MemoryType(1, 2));
  return m;
}

int main() {
  const uint64_t base = wpk_live_objects();
  std::printf("live objects at start: %llu\n", static_cast<unsigned long long>(base));

  {
    wp::String s("abc");
    CHECK(wpk_live_objects() > base);
    CHECK(s.view() == "abc");
    wp::String t(std::move(s));
    wp::String u;
    u = std::move(t);
    u = wp::String("replaced"); // frees "abc"
    CHECK(s.view().empty() && t.view().empty() && u.view() == "replaced");
  }
  CHECK(wpk_live_objects() == base);

  {
    wp::String s("given away");
    WasmEdge_String raw = s.release();
    CHECK(s.view().empty());
    wp::String back = wp::String::adopt(raw); // owned again, freed at scope end
  }
  CHECK(wpk_live_objects() == base);

  {
    wp::FunctionType a = wp::function_type<int32_t (*)(int32_t)>();
    wp::FunctionType b(std::move(a));
    CHECK(!a && b);
    wp::FunctionType c;
    c = std::move(b);
    c = wp::function_type<void (*)()>(); // frees the first type
    wp::Limit limit(1, 4);
    CHECK(limit.min() == 1 && limit.max() == 4 && limit.has_max() && !limit.shared());
    wp::Limit unbounded(2);
    CHECK(!unbounded.has_max());
    wp::MemoryType m1(limit);
    wp::MemoryType m2(1, 3);
    wp::MemoryType m3(std::move(m2));
  }
  CHECK(wpk_live_objects() == base);

  auto token = std::make_shared<int>(1);
  {
    // Destroyed without release(): the Module deletes the instance, which frees the callables.
    wp::Module m = make_module(token);
    CHECK(token.use_count() == 4);
    CHECK(wpk_live_objects() > base);
    wp::Module moved(std::move(m));
    CHECK(moved.get() != nullptr && m.get() == nullptr);
  }
  CHECK(token.use_count() == 1);
  CHECK(wpk_live_objects() == base);

  {
    // Released to "the host": alive until WasmEdge_ModuleInstanceDelete.
    WasmEdge_ModuleInstanceContext *inst = make_module(token).release();
    CHECK(token.use_count() == 4);
    CHECK(WasmEdge_ModuleInstanceListFunctionLength(inst) == 3);
    CHECK(WasmEdge_ModuleInstanceListMemoryLength(inst) == 1);
    WasmEdge_ModuleInstanceDelete(inst);
    CHECK(token.use_count() == 1);
  }
  CHECK(wpk_live_objects() == base);

  std::printf("live objects at end: %llu\n", static_cast<unsigned long long>(wpk_live_objects()));
  return check_done();
}
