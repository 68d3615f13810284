// config.hpp — shared by every header of the C++ wrapper.
// (Each header opens `namespace wasmedge { namespace plugin WASMEDGE_PLUGIN_HIDDEN {`: C++17 allows no
// attribute on a nested namespace definition `a::b`.)
#pragma once

#if __cplusplus < 201703L
#error "wasmedge/plugin.hpp needs C++17 (-std=c++17 or newer)"
#endif

#include <wasmedge/wasmedge.h>

// The wrapper is header-only, so its inline functions and template instantiations end up inside
// every plug-in. Hidden visibility keeps them out of the plug-in's dynamic symbol table: two
// plug-ins built against different versions of this header can then never interpose each other's
// copies when a host loads them with RTLD_GLOBAL. Only WasmEdge_Plugin_GetDescriptor is exported.
#if defined(__GNUC__) || defined(__clang__)
#define WASMEDGE_PLUGIN_HIDDEN __attribute__((visibility("hidden")))
#define WASMEDGE_PLUGIN_VISIBLE __attribute__((visibility("default")))
#else
#define WASMEDGE_PLUGIN_HIDDEN
#define WASMEDGE_PLUGIN_VISIBLE __declspec(dllexport)
#endif

// Version of this wrapper (it ships with the SDK and follows its version).
#define WASMEDGE_PLUGIN_CPP_VERSION_MAJOR 0
#define WASMEDGE_PLUGIN_CPP_VERSION_MINOR 1
#define WASMEDGE_PLUGIN_CPP_VERSION_PATCH 0
