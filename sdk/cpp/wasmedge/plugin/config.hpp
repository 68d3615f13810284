// config.hpp — shared by every header of the C++ wrapper.
#pragma once

#if __cplusplus < 201703L
#error "wasmedge/plugin.hpp needs C++17 (-std=c++17 or newer)"
#endif

#include <wasmedge/wasmedge.h>

// The one symbol a plug-in exports (WASMEDGE_PLUGIN_EXPORT marks it default-visible).
//
// Build plug-ins with -fvisibility=hidden -fvisibility-inlines-hidden (CMake: CXX_VISIBILITY_PRESET
// hidden, VISIBILITY_INLINES_HIDDEN ON), as the example does: then the wrapper's inline code and
// template instantiations stay out of the dynamic symbol table and only the entry point is exported.
// (The wrapper does not force hidden visibility on its namespace: GCC would then warn about every
// user class with a wasmedge::plugin member, which -Werror turns into an error.)
#if defined(__GNUC__) || defined(__clang__)
#define WASMEDGE_PLUGIN_VISIBLE __attribute__((visibility("default")))
#else
#define WASMEDGE_PLUGIN_VISIBLE __declspec(dllexport)
#endif

// Version of this wrapper (it ships with the SDK and follows its version).
#define WASMEDGE_PLUGIN_CPP_VERSION_MAJOR 0
#define WASMEDGE_PLUGIN_CPP_VERSION_MINOR 1
#define WASMEDGE_PLUGIN_CPP_VERSION_PATCH 0
