# WasmEdgeLink.cmake: link a WasmEdge plug-in the way real libwasmedge 0.17 would.
#
# Usage (after project(), so the compilers are known):
#
#   include(path/to/sdk/link/WasmEdgeLink.cmake)
#   add_library(my_plugin SHARED my_plugin.c)
#   wasmedge_plugin_link(my_plugin)
#
# wasmedge_plugin_link(<target>):
#   - adds <sdk>/include to <target>'s include path (for <wasmedge/wasmedge.h>);
#   - links <target> against a link-only stub library `wasmedge` (SONAME
#     libwasmedge.so.0, built from wasmedge_stub.c with libwasmedge.map), so the
#     plug-in gets `NEEDED libwasmedge.so.0` and versioned references
#     (X@WASMEDGE_0.16, X@WASMEDGE_0.17) exactly as if linked with -lwasmedge;
#   - turns off the build RPATH, so the plug-in never points at the stub: at run
#     time it binds to the libwasmedge already loaded by WasmEdge or our runtime.
# The stub is excluded from `all` and never installed.
#
# All paths are relative to this file, so the sdk/ directory can be vendored
# anywhere. Do not add -Wl,--no-undefined / -z defs to plug-ins: they are meant
# to resolve WasmEdge_* from the host process.

include_guard(GLOBAL)

set(WASMEDGE_PLUGIN_KIT_LINK_DIR "${CMAKE_CURRENT_LIST_DIR}")
get_filename_component(WASMEDGE_PLUGIN_KIT_INCLUDE_DIR
  "${CMAKE_CURRENT_LIST_DIR}/../include" ABSOLUTE)

# The stub is C; a C++-only project still needs the C compiler for it.
# (enable_language must run at file scope, hence here and not in the function.)
if(NOT APPLE AND NOT WIN32)
  get_property(_wpk_languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if(NOT "C" IN_LIST _wpk_languages)
    enable_language(C)
  endif()
  unset(_wpk_languages)
endif()

function(_wasmedge_plugin_kit_add_stub)
  if(TARGET wasmedge)
    return()
  endif()
  set(map "${WASMEDGE_PLUGIN_KIT_LINK_DIR}/libwasmedge.map")
  add_library(wasmedge SHARED EXCLUDE_FROM_ALL
    "${WASMEDGE_PLUGIN_KIT_LINK_DIR}/wasmedge_stub.c")
  set_target_properties(wasmedge PROPERTIES
    OUTPUT_NAME wasmedge
    SOVERSION 0                       # SONAME libwasmedge.so.0
    LINKER_LANGUAGE C
    C_VISIBILITY_PRESET default
    # LTO can lose .symver bindings (the X@WASMEDGE_0.16 aliases).
    INTERPROCEDURAL_OPTIMIZATION OFF
    # Keep the stub out of the plug-in's output directory: a stub
    # libwasmedge.so found by a plug-in search (or a NEEDED lookup) there
    # would be loaded and crash on the first call.
    LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/wasmedge-link-stub"
    LINK_DEPENDS "${map}")
  target_link_options(wasmedge PRIVATE "LINKER:--version-script=${map}")
endfunction()

function(wasmedge_plugin_link target)
  if(NOT TARGET ${target})
    message(FATAL_ERROR "wasmedge_plugin_link: no target named '${target}'")
  endif()
  target_include_directories(${target} PRIVATE "${WASMEDGE_PLUGIN_KIT_INCLUDE_DIR}")
  if(APPLE)
    # No symbol versions on Mach-O: leave WasmEdge_* to the host process.
    target_link_options(${target} PRIVATE "LINKER:-undefined,dynamic_lookup")
    return()
  elseif(WIN32)
    message(FATAL_ERROR "wasmedge_plugin_link: Windows plug-ins need an import "
      "library for wasmedge.dll, which this kit does not provide yet")
  endif()
  _wasmedge_plugin_kit_add_stub()
  target_link_libraries(${target} PRIVATE wasmedge)
  # No RUNPATH/RPATH: the stub must never be found at run time.
  set_target_properties(${target} PROPERTIES SKIP_BUILD_RPATH ON)
endfunction()
