{
  # The host shim: a plain C shared library (not a Node addon) that implements the WasmEdge C API
  # for plug-ins, plus the wpk_* host API for the TS runtime. Built by `npm install` (node-gyp).
  'targets': [
    {
      'target_name': 'libwasmedge',
      'type': 'shared_library',
      'product_prefix': 'lib',
      'product_name': 'wasmedge',
      'product_extension': 'so',
      'sources': [
        'runtime/native/src/objects.c',
        'runtime/native/src/basic.c',
        'runtime/native/src/value.c',
        'runtime/native/src/types.c',
        'runtime/native/src/compat_v016.c',
        'runtime/native/src/function.c',
        'runtime/native/src/table.c',
        'runtime/native/src/memory.c',
        'runtime/native/src/global.c',
        'runtime/native/src/module.c',
        'runtime/native/src/host_thread.c',
        'runtime/native/src/call.c',
        'runtime/native/src/host.c',
        'runtime/native/src/crash.c',
        'runtime/native/src/stdio.c',
      ],
      'include_dirs': ['sdk/include', 'runtime/native'],
      'cflags': ['-std=c11', '-O2', '-fPIC', '-fvisibility=hidden', '-fno-semantic-interposition', '-Wall', '-Wextra', '-Wvla', '-fno-lto'],
      'cflags!': ['-O3', '-fno-exceptions', '-fno-rtti', '-std=gnu++17', '-std=gnu++20'],
      'ldflags': [
        '-Wl,--version-script=<(module_root_dir)/sdk/link/libwasmedge.map',
      ],
      # gyp's link line ends with its own -Wl,-soname=libwasmedge.so followed by 'libraries': an
      # -soname given here comes last and wins (checked by test/shim.test.ts with readelf).
      'libraries': ['-lpthread', '-Wl,-soname,libwasmedge.so.0'],
    },
    {
      # The crash-isolated side of `inspect` (tooling/isolation/probe.ts): a small program, not a
      # second Node process. It dlopens the shim at run time, so it links nothing of ours.
      'target_name': 'wpk_probe',
      'type': 'executable',
      'sources': ['tooling/isolation/probe/wpk_probe.c'],
      'include_dirs': ['sdk/include', 'runtime/native'],
      'cflags': ['-std=c11', '-O2', '-Wall', '-Wextra', '-Wvla', '-fno-lto'],
      'cflags!': ['-O3', '-fno-exceptions', '-fno-rtti', '-std=gnu++17', '-std=gnu++20'],
      'libraries': ['-ldl'],
    },
    {
      # Programs and plug-ins linked with -lwasmedge need the SONAME file name at run time.
      'target_name': 'libwasmedge_soname_link',
      'type': 'none',
      'dependencies': ['libwasmedge'],
      'actions': [
        {
          'action_name': 'soname_symlink',
          'inputs': ['<(PRODUCT_DIR)/libwasmedge.so'],
          'outputs': ['<(PRODUCT_DIR)/libwasmedge.so.0'],
          'action': ['ln', '-sf', 'libwasmedge.so', '<(PRODUCT_DIR)/libwasmedge.so.0'],
        },
      ],
    },
  ],
}
