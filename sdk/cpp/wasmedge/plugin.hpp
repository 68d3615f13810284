// wasmedge/plugin.hpp — header-only C++17 wrapper for writing WasmEdge plug-ins.
//
// Include this one header (add sdk/cpp and sdk/include to the include path). Pieces:
//   plugin/error.hpp       Error, MemoryOutOfBounds, Terminate: what a host function throws
//   plugin/handles.hpp     RAII owners: String, FunctionType, Limit, MemoryType; valtype helpers
//   plugin/memory.hpp      Memory: bounds-checked view of a linear memory; Span, ByteView
//   plugin/frame.hpp       CallingFrame: the caller's module, memories, executor
//   plugin/function.hpp    signature deduction, function_type<F>(), the C trampoline
//   plugin/module.hpp      Module: a module instance that owns its host functions
//   plugin/options.hpp     StringOption, ToggleOption, Int32Option, ...: typed program options
//   plugin/descriptor.hpp  Plugin + WASMEDGE_PLUGIN_EXPORT: the plug-in descriptor and entry point
// See sdk/cpp/README.md and examples/get-string/get_string.cpp.
#pragma once

#include "plugin/config.hpp"
#include "plugin/error.hpp"
#include "plugin/handles.hpp"
#include "plugin/memory.hpp"
#include "plugin/frame.hpp"
#include "plugin/function.hpp"
#include "plugin/module.hpp"
#include "plugin/options.hpp"
#include "plugin/descriptor.hpp"
