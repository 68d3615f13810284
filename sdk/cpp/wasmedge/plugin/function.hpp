// function.hpp — host functions as ordinary C++ callables.
//
// The wasm signature is deduced from the callable's C++ signature:
//   parameters  int32_t/uint32_t -> i32, int64_t/uint64_t -> i64, float -> f32, double -> f64
//   result      void -> (), one of those types -> one result, std::tuple<...> -> several results
//   optional first parameter CallingFrame& or Memory& (memory 0 of the caller) -> not a wasm param
// e.g. `int32_t(Memory&, int32_t, int32_t)` is the wasm type (i32, i32) -> i32.
// Generic lambdas (auto parameters) have no single signature and are rejected at compile time.
//
// One trampoline (a plain C function, generated per callable type) unpacks the WasmEdge_Value
// parameters, calls the callable, packs the results and turns exceptions into results (error.hpp).
#pragma once

#include "config.hpp"
#include "error.hpp"
#include "frame.hpp"
#include "handles.hpp"
#include "memory.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace wasmedge::plugin {

// WasmType<T>: the wasm type of a C++ parameter/result type, and conversion to/from WasmEdge_Value.
template <class T> struct WasmType; // not a wasm value type: no definition, so a clear error

template <> struct WasmType<int32_t> {
  static WasmEdge_ValType type() noexcept { return WasmEdge_ValTypeGenI32(); }
  static int32_t from(const WasmEdge_Value &v) noexcept { return WasmEdge_ValueGetI32(v); }
  static WasmEdge_Value to(int32_t x) noexcept { return WasmEdge_ValueGenI32(x); }
};
template <> struct WasmType<uint32_t> {
  static WasmEdge_ValType type() noexcept { return WasmEdge_ValTypeGenI32(); }
  static uint32_t from(const WasmEdge_Value &v) noexcept { return static_cast<uint32_t>(WasmEdge_ValueGetI32(v)); }
  static WasmEdge_Value to(uint32_t x) noexcept { return WasmEdge_ValueGenI32(static_cast<int32_t>(x)); }
};
template <> struct WasmType<int64_t> {
  static WasmEdge_ValType type() noexcept { return WasmEdge_ValTypeGenI64(); }
  static int64_t from(const WasmEdge_Value &v) noexcept { return WasmEdge_ValueGetI64(v); }
  static WasmEdge_Value to(int64_t x) noexcept { return WasmEdge_ValueGenI64(x); }
};
template <> struct WasmType<uint64_t> {
  static WasmEdge_ValType type() noexcept { return WasmEdge_ValTypeGenI64(); }
  static uint64_t from(const WasmEdge_Value &v) noexcept { return static_cast<uint64_t>(WasmEdge_ValueGetI64(v)); }
  static WasmEdge_Value to(uint64_t x) noexcept { return WasmEdge_ValueGenI64(static_cast<int64_t>(x)); }
};
template <> struct WasmType<float> {
  static WasmEdge_ValType type() noexcept { return WasmEdge_ValTypeGenF32(); }
  static float from(const WasmEdge_Value &v) noexcept { return WasmEdge_ValueGetF32(v); }
  static WasmEdge_Value to(float x) noexcept { return WasmEdge_ValueGenF32(x); }
};
template <> struct WasmType<double> {
  static WasmEdge_ValType type() noexcept { return WasmEdge_ValTypeGenF64(); }
  static double from(const WasmEdge_Value &v) noexcept { return WasmEdge_ValueGetF64(v); }
  static WasmEdge_Value to(double x) noexcept { return WasmEdge_ValueGenF64(x); }
};

namespace detail {

template <class T> using bare_t = std::remove_cv_t<std::remove_reference_t<T>>;

// Signature<F>: Result and Args of a function, function pointer, member function or functor.
template <class F, class = void> struct Signature;
template <class R, class... A> struct Signature<R(A...), void> {
  using Result = R;
  using Args = std::tuple<A...>;
};
template <class R, class... A> struct Signature<R(A...) noexcept, void> : Signature<R(A...)> {};
template <class R, class... A> struct Signature<R (*)(A...), void> : Signature<R(A...)> {};
template <class R, class... A> struct Signature<R (*)(A...) noexcept, void> : Signature<R(A...)> {};
template <class C, class R, class... A> struct Signature<R (C::*)(A...), void> : Signature<R(A...)> {};
template <class C, class R, class... A> struct Signature<R (C::*)(A...) const, void> : Signature<R(A...)> {};
template <class C, class R, class... A> struct Signature<R (C::*)(A...) noexcept, void> : Signature<R(A...)> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...) const noexcept, void> : Signature<R(A...)> {};
template <class F> struct Signature<F, std::void_t<decltype(&F::operator())>> : Signature<decltype(&F::operator())> {};

enum class Context { None, Frame, Memory };

template <class Tuple> struct FirstArg { static constexpr Context context = Context::None; };
template <class A0, class... A> struct FirstArg<std::tuple<A0, A...>> {
  static constexpr Context context = std::is_same_v<bare_t<A0>, CallingFrame> ? Context::Frame
                                     : std::is_same_v<bare_t<A0>, Memory>     ? Context::Memory
                                                                              : Context::None;
};

// The wasm parameters: Args without the leading context parameter (if any), as bare value types.
template <bool DropFirst, class Tuple> struct WasmParams;
template <class... A> struct WasmParams<false, std::tuple<A...>> {
  using type = std::tuple<bare_t<A>...>;
};
template <class A0, class... A> struct WasmParams<true, std::tuple<A0, A...>> {
  using type = std::tuple<bare_t<A>...>;
};

// Results: void, one value, or a std::tuple of values.
template <class R> struct Results {
  static std::vector<WasmEdge_ValType> types() { return {WasmType<R>::type()}; }
  static void store(R &&r, WasmEdge_Value *out) noexcept { out[0] = WasmType<R>::to(r); }
};
template <> struct Results<void> {
  static std::vector<WasmEdge_ValType> types() { return {}; }
};
template <class... R> struct Results<std::tuple<R...>> {
  static std::vector<WasmEdge_ValType> types() { return {WasmType<R>::type()...}; }
  static void store(std::tuple<R...> &&r, WasmEdge_Value *out) noexcept {
    store_each(r, out, std::index_sequence_for<R...>());
  }
  template <std::size_t... I>
  static void store_each(std::tuple<R...> &r, WasmEdge_Value *out, std::index_sequence<I...>) noexcept {
    ((out[I] = WasmType<R>::to(std::get<I>(r))), ...);
  }
};

template <class F> struct HostSignature {
  using Sig = Signature<F>;
  using Result = bare_t<typename Sig::Result>;
  static constexpr Context context = FirstArg<typename Sig::Args>::context;
  using Params = typename WasmParams<context != Context::None, typename Sig::Args>::type;
  static constexpr std::size_t param_count = std::tuple_size_v<Params>;

  template <std::size_t... I> static std::vector<WasmEdge_ValType> param_types(std::index_sequence<I...>) {
    return {WasmType<std::tuple_element_t<I, Params>>::type()...};
  }
  static std::vector<WasmEdge_ValType> param_types() { return param_types(std::make_index_sequence<param_count>()); }
  static std::vector<WasmEdge_ValType> result_types() { return Results<Result>::types(); }
};

// What the function instance's Data points to: the callable plus its name (for error messages).
// Owned by the module (module.hpp), so it lives exactly as long as the function instance.
struct HostFunctionBase {
  virtual ~HostFunctionBase() = default;
  std::string name;
};

template <class F> struct HostFunction final : HostFunctionBase {
  template <class G> HostFunction(std::string n, G &&g) : fn(std::forward<G>(g)) { name = std::move(n); }
  F fn;

  using S = HostSignature<F>;

  template <std::size_t... I>
  decltype(auto) call(const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *params,
                      std::index_sequence<I...>) {
    using P = typename S::Params;
    if constexpr (S::context == Context::Frame) {
      CallingFrame cf(frame);
      return fn(cf, WasmType<std::tuple_element_t<I, P>>::from(params[I])...);
    } else if constexpr (S::context == Context::Memory) {
      Memory memory = CallingFrame(frame).memory(0);
      return fn(memory, WasmType<std::tuple_element_t<I, P>>::from(params[I])...);
    } else {
      (void)frame;
      (void)params; // unused when there are no parameters
      return fn(WasmType<std::tuple_element_t<I, P>>::from(params[I])...);
    }
  }

  void run(const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *params, WasmEdge_Value *returns) {
    auto seq = std::make_index_sequence<S::param_count>();
    if constexpr (std::is_void_v<typename S::Result>) {
      (void)returns;
      call(frame, params, seq);
    } else {
      Results<typename S::Result>::store(call(frame, params, seq), returns);
    }
  }
};

inline void report_exception(const HostFunctionBase *fn, const char *what) noexcept {
  std::fprintf(stderr, "wasmedge::plugin: host function '%s' threw %s; returning HostFuncError\n",
               fn->name.c_str(), what);
}

// The WasmEdge_HostFunc_t for callables of type F. Never lets an exception reach the C caller.
template <class F>
WasmEdge_Result trampoline(void *data, const WasmEdge_CallingFrameContext *frame, const WasmEdge_Value *params,
                           WasmEdge_Value *returns) noexcept {
  auto *fn = static_cast<HostFunction<F> *>(data);
  try {
    fn->run(frame, params, returns);
    return success_result();
  } catch (const Error &e) {
    return e.result();
  } catch (const std::exception &e) {
    report_exception(fn, e.what());
  } catch (...) {
    report_exception(fn, "a non-std exception");
  }
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError);
}

} // namespace detail

// The wasm function type deduced for a callable type F (see the top of this file).
// Example: function_type<decltype(&add)>() or function_type<decltype(my_lambda)>().
template <class F> FunctionType function_type() {
  using S = detail::HostSignature<std::decay_t<F>>;
  return FunctionType(S::param_types(), S::result_types());
}

} // namespace wasmedge::plugin
