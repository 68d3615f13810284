// cpp_call.cpp — host functions registered with the C++ wrapper, called through the real shim
// (wpk_bind/wpk_invoke, the runtime's hot path, and WasmEdge_ExecutorInvoke). Checks returned
// values, results of exceptions, and that the calling frame / memory reach the callable.
// Prints "ok <n> checks" and exits 0, or prints each failed check and exits 1.
#include <wasmedge/plugin.hpp>
#include <wpk_host.h>

#include "cpp_check.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <stdexcept>
#include <tuple>

namespace wp = wasmedge::plugin;

static int32_t add(int32_t a, int32_t b) { return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b)); }

// A guest module with 1 page of memory 0 backed by `guest_bytes`, as the runtime sets it up.
alignas(16) static uint8_t guest_bytes[65536];

struct Fixture {
  wp::Module module{"test_module"};
  WasmEdge_ModuleInstanceContext *guest = wpk_guest_module_create("guest");
  Fixture() { wpk_memory_attach(wpk_guest_memory(guest), 1, guest_bytes, sizeof guest_bytes, 1); }
  ~Fixture() { WasmEdge_ModuleInstanceDelete(guest); }

  const WasmEdge_FunctionInstanceContext *find(const char *name) const {
    return WasmEdge_ModuleInstanceFindFunction(module.get(), wp::wrap(name));
  }
  // Calls `name` with `params` through a binding (slots in, slots out); returns the result code.
  uint32_t call(const char *name, std::initializer_list<WasmEdge_Value> params) {
    uint32_t binding = wpk_bind(find(name), guest);
    if (binding == 0) return 0xFFFFFFFFu;
    WasmEdge_Value *slots = wpk_slots();
    uint32_t i = 0;
    for (const WasmEdge_Value &v : params) slots[i++] = v;
    uint32_t code = wpk_invoke(binding);
    wpk_unbind(binding);
    return code;
  }
  static WasmEdge_Value slot(uint32_t i) { return wpk_slots()[i]; }
};

static WasmEdge_Value i32(int32_t v) { return WasmEdge_ValueGenI32(v); }
static WasmEdge_Value i64(int64_t v) { return WasmEdge_ValueGenI64(v); }
static WasmEdge_Value f32(float v) { return WasmEdge_ValueGenF32(v); }
static WasmEdge_Value f64(double v) { return WasmEdge_ValueGenF64(v); }

static uint32_t code_of(WasmEdge_ErrCategory category, uint32_t code) {
  return WasmEdge_ResultGen(category, code).Code;
}

int main() {
  Fixture f;
  int calls_to_counter = 0;
  f.module.function("add", add)
      .function("widen", [](uint32_t x) -> uint64_t { return x; })
      .function("neg64", [](int64_t x) { return -x; })
      .function("floats", [](float a, double b) { return std::make_tuple(b, a, static_cast<int32_t>(a + b)); })
      .function("counter", [&calls_to_counter]() { ++calls_to_counter; })
      .function("frame_memory_pages", [](wp::CallingFrame &frame) -> int64_t {
        return frame.module() == nullptr ? -1 : static_cast<int64_t>(frame.memory().pages());
      })
      .function("peek", [](wp::Memory &m, uint32_t p) { return m.load<uint32_t>(p); })
      .function("poke", [](wp::Memory &m, uint32_t p, uint32_t v) { m.store(p, v); })
      .function("throw_wasm", []() { throw wp::Error(WasmEdge_ErrCode_HostFuncError); })
      .function("throw_user", [](int32_t code) { throw wp::Error::user(static_cast<uint32_t>(code)); })
      .function("throw_terminate", []() { throw wp::Terminate(); })
      .function("throw_std", []() -> int32_t { throw std::runtime_error("boom"); })
      .function("throw_int", []() { throw 42; })
      .function("throw_bad_alloc", []() { throw std::bad_alloc(); });

  // Values in and out, through the slots.
  CHECK(f.call("add", {i32(2), i32(3)}) == 0);
  CHECK(WasmEdge_ValueGetI32(Fixture::slot(0)) == 5);
  CHECK(f.call("add", {i32(INT32_MAX), i32(1)}) == 0);
  CHECK(WasmEdge_ValueGetI32(Fixture::slot(0)) == INT32_MIN);
  CHECK(f.call("widen", {i32(-1)}) == 0);
  CHECK(WasmEdge_ValueGetI64(Fixture::slot(0)) == 0xFFFFFFFFll);
  CHECK(f.call("neg64", {i64(INT64_C(1) << 40)}) == 0);
  CHECK(WasmEdge_ValueGetI64(Fixture::slot(0)) == -(INT64_C(1) << 40));
  CHECK(f.call("floats", {f32(1.5f), f64(2.25)}) == 0);
  CHECK(WasmEdge_ValueGetF64(Fixture::slot(0)) == 2.25);
  CHECK(WasmEdge_ValueGetF32(Fixture::slot(1)) == 1.5f);
  CHECK(WasmEdge_ValueGetI32(Fixture::slot(2)) == 3);
  CHECK(f.call("counter", {}) == 0 && f.call("counter", {}) == 0);
  CHECK(calls_to_counter == 2);

  // The calling frame is the guest module; Memory is its memory 0.
  CHECK(f.call("frame_memory_pages", {}) == 0);
  CHECK(WasmEdge_ValueGetI64(Fixture::slot(0)) == 1);
  std::memcpy(guest_bytes + 100, "\x78\x56\x34\x12", 4);
  CHECK(f.call("peek", {i32(100)}) == 0);
  CHECK(static_cast<uint32_t>(WasmEdge_ValueGetI32(Fixture::slot(0))) == 0x12345678u);
  CHECK(f.call("poke", {i32(200), i32(static_cast<int32_t>(0xCAFEBABEu))}) == 0);
  CHECK(std::memcmp(guest_bytes + 200, "\xBE\xBA\xFE\xCA", 4) == 0);

  // Exceptions become results; nothing crosses the C boundary.
  const uint32_t oob = code_of(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_MemoryOutOfBounds);
  const uint32_t host_err = code_of(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError);
  CHECK(oob == 0x408 && host_err == 0x40E);
  CHECK(f.call("peek", {i32(65533)}) == oob);
  CHECK(f.call("peek", {i32(-1)}) == oob);
  CHECK(f.call("poke", {i32(65532), i32(7)}) == 0);
  CHECK(f.call("poke", {i32(65533), i32(7)}) == oob);
  CHECK(f.call("throw_wasm", {}) == host_err);
  CHECK(f.call("throw_user", {i32(0x123456)}) == 0x01123456u);
  CHECK(f.call("throw_user", {i32(0x7F000001)}) == 0x01000001u); // only 24 bits of code
  CHECK(f.call("throw_terminate", {}) == 1u);
  CHECK(f.call("throw_std", {}) == host_err);
  CHECK(f.call("throw_int", {}) == host_err);
  CHECK(f.call("throw_bad_alloc", {}) == host_err);

  // WasmEdge_ExecutorInvoke with the executor a calling frame hands out (as a host function
  // calling another function would). Without an executor the C API refuses (WrongVMWorkflow).
  WasmEdge_ExecutorContext *executor = nullptr;
  f.module.function("grab_executor", [&executor](wp::CallingFrame &frame) { executor = frame.executor(); });
  CHECK(f.call("grab_executor", {}) == 0 && executor != nullptr);
  WasmEdge_Value params[2] = {i32(40), i32(2)};
  WasmEdge_Value results[1];
  WasmEdge_Result r = WasmEdge_ExecutorInvoke(executor, f.find("add"), params, 2, results, 1);
  CHECK(WasmEdge_ResultOK(r));
  CHECK(WasmEdge_ValueGetI32(results[0]) == 42);
  r = WasmEdge_ExecutorInvoke(executor, f.find("throw_user"), params, 1, results, 0);
  CHECK(r.Code == 0x01000028u);
  r = WasmEdge_ExecutorInvoke(executor, f.find("throw_terminate"), nullptr, 0, nullptr, 0);
  CHECK(WasmEdge_ResultOK(r) && r.Code == 1u);

  return check_done();
}
