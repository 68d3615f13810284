// cpp_types.cpp — the C++ wrapper deduces wasm function types from C++ signatures.
// Prints one line per signature: "<label> (<params>) -> (<results>)", as read back through the
// C API (WasmEdge_FunctionTypeGetParameters/GetReturns). The test compares the lines.
#include <wasmedge/plugin.hpp>

#include <cstdio>
#include <string>
#include <tuple>

namespace wp = wasmedge::plugin;

static std::string list(const std::vector<WasmEdge_ValType> &types) {
  std::string s;
  for (const WasmEdge_ValType &t : types) s += (s.empty() ? "" : ",") + std::string(wp::valtype::name(t));
  return s;
}

template <class F> static void show(const char *label) {
  wp::FunctionType type = wp::function_type<F>();
  std::printf("%s (%s) -> (%s)\n", label, list(type.params()).c_str(), list(type.results()).c_str());
}

static int32_t add(int32_t a, int32_t b) { return a + b; }
static void nothing() {}
static uint64_t widen(uint32_t x) noexcept { return x; }

struct Functor {
  double operator()(wp::CallingFrame &, float x) const { return x; }
};
struct MutableFunctor {
  int counter = 0;
  int32_t operator()() { return ++counter; }
};

int main() {
  auto mem_lambda = [](wp::Memory &, uint32_t ptr, uint32_t len) -> int32_t { return static_cast<int32_t>(ptr + len); };
  auto const_mem_lambda = [](const wp::Memory &, int64_t) {};
  auto value_params = [](const int32_t a, const uint64_t &b) { return std::make_tuple(a, b); };
  auto capture = [n = 3](double x) mutable noexcept { return x * n++; };

  show<decltype(&add)>("add");
  show<decltype(add)>("add-fn-type");
  show<decltype(&nothing)>("nothing");
  show<decltype(&widen)>("widen");
  show<decltype(mem_lambda)>("memory-lambda");
  show<decltype(const_mem_lambda)>("const-memory-lambda");
  show<decltype(value_params)>("value-params");
  show<decltype(capture)>("mutable-capture");
  show<Functor>("functor-frame");
  show<MutableFunctor>("mutable-functor");
  show<std::tuple<float, double, int64_t> (*)(wp::CallingFrame &, uint64_t, float)>("tuple-results");
  show<std::tuple<> (*)()>("empty-tuple");
  return 0;
}
