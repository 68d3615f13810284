/**
 * Every error the kit reports carries a stable code from this table: the one source of truth for
 * codes, their exit status and a default hint (docs/errors.md is generated from it by a test).
 */
export interface ErrorCodeInfo {
  /** What the code means, for the docs table. */
  summary: string;
  /** Default fix; an error may carry a more specific hint. */
  hint?: string;
  /** CLI exit status: 2 for usage errors, 1 for everything else. */
  exit?: 1 | 2;
}

export const ERROR_CODES = {
  // ---- loading plug-ins ------------------------------------------------------------------------
  E_NOT_FOUND: { summary: 'A path given on the command line or to the runtime does not exist.', hint: 'Check the path; relative paths are resolved from the current directory.' },
  E_NOT_A_LIBRARY: { summary: 'The file is not a loadable shared library (not ELF, truncated, or a directory entry that is not a .so).', hint: 'Point at the plug-in .so that your build produced (`wasmedge-plugin build` prints its path).' },
  E_WRONG_ARCH: { summary: 'The shared library was built for another CPU architecture or OS.', hint: 'Rebuild the plug-in on this machine (or cross-compile for this architecture).' },
  E_NO_DESCRIPTOR: { summary: 'The library does not export WasmEdge_Plugin_GetDescriptor.', hint: 'Define `WasmEdge_Plugin_GetDescriptor` with default visibility (WASMEDGE_CAPI_PLUGIN_EXPORT) and C linkage (extern "C" in C++, #[unsafe(no_mangle)] in Rust).' },
  E_NULL_DESCRIPTOR: { summary: 'WasmEdge_Plugin_GetDescriptor returned NULL.', hint: 'Return a pointer to a static WasmEdge_PluginDescriptor (WasmEdge silently ignores such a plug-in).' },
  E_API_VERSION: { summary: 'The plug-in was built for a plug-in API version this runtime does not support.', hint: 'Rebuild against sdk/include with WASMEDGE_PLUGIN_API_VERSION 5 (WasmEdge 0.17.x) or 4 (0.14–0.16).' },
  E_DUPLICATE_PLUGIN: { summary: 'Two plug-ins have the same name; the first one loaded wins (as in WasmEdge).', hint: 'Remove one of the copies or give the plug-ins different names.' },
  E_MISSING_SYMBOL: { summary: 'The plug-in needs a symbol that the host shim does not provide.', hint: 'Use only the WasmEdge C API subset declared in sdk/include/wasmedge/wasmedge.h, or link the missing library.' },
  E_BAD_DESCRIPTOR: { summary: 'A descriptor field is NULL, empty or inconsistent (names, counts vs arrays, Create, option types).', hint: 'Fill every Name, give each ModuleDescriptor a Create function, and keep counts equal to the array lengths.' },
  E_LOAD_FAILED: { summary: 'dlopen failed for another reason (see the message from the dynamic loader).' },
  E_SHIM: { summary: 'The host shim (build/Release/libwasmedge.so) is missing or cannot be loaded.', hint: 'Run `npm install` (or `npx node-gyp rebuild`) in the wasmedge-plugin-kit package; `wasmedge-plugin doctor` shows what is missing.' },
  // ---- options, modules, calls ------------------------------------------------------------------
  E_UNKNOWN_PLUGIN: { summary: 'No loaded plug-in has that name.', exit: 2 },
  E_UNKNOWN_MODULE: { summary: 'The plug-in has no module with that name.', exit: 2 },
  E_UNKNOWN_FUNCTION: { summary: 'The module has no function with that name.', exit: 2 },
  E_UNKNOWN_OPTION: { summary: 'The plug-in declares no program option with that name.', exit: 2 },
  E_OPTION_VALUE: { summary: 'A program option value does not fit the option\'s declared type.', exit: 2 },
  E_CREATE_FAILED: { summary: 'A module descriptor\'s Create returned NULL.', hint: 'Return the module instance from Create (WasmEdge itself crashes on NULL).' },
  E_DISPOSED: { summary: 'The module or host was already disposed.' },
  E_ARGUMENTS: { summary: 'Wrong number or type of arguments for a host function or export.', exit: 2 },
  E_HOST_FAILURE: { summary: 'A host function returned a failure result.' },
  // ---- wasm -------------------------------------------------------------------------------------
  E_WASM_INVALID: { summary: 'The .wasm or .wat file is not valid.', hint: 'The message gives the position of the first problem.' },
  E_UNKNOWN_IMPORT: { summary: 'The wasm module imports something no loaded plug-in module (nor WASI) provides.', hint: 'Load the plug-in that provides it with --plugin, or check the import\'s module name (it is the name the plug-in gave WasmEdge_ModuleInstanceCreate).' },
  E_IMPORT_SIGNATURE: { summary: 'An import\'s signature differs from the host function\'s.', hint: 'Make the (import …) declaration match the host function\'s parameter and result types.' },
  E_NO_EXPORT: { summary: 'The wasm module has no such export (or no _start).', exit: 2 },
  E_TRAP: { summary: 'The wasm program trapped.' },
  // ---- CLI and tooling --------------------------------------------------------------------------
  E_USAGE: { summary: 'The command line is not valid.', exit: 2 },
  E_INTERNAL: { summary: 'An unexpected exception: a bug in wasmedge-plugin-kit.', hint: 'Please report it with the command you ran; WASMEDGE_PLUGIN_DEBUG=1 prints the stack.' },
  E_CRASH: { summary: 'The plug-in crashed (signal), aborted or exited while being examined in a child process.' },
  E_TIMEOUT: { summary: 'The plug-in did not finish in time (hang or infinite loop).', hint: 'Raise --timeout if the work is legitimately slow.' },
  E_TEST_FAILED: { summary: '`wasmedge-plugin test` found problems: at least one conformance check, host-function call or .wat expectation failed.', hint: 'Each failing check is listed above with its own finding.' },
  E_BAD_EXPECTATION: { summary: 'A `;; @…` expectation directive in a test .wat file is malformed.', hint: 'Directives: @opt name[=value], @stdout <text>, @exit <n>, @invoke <export> <args…> => <results…> | trap <text>.' },
  E_SANITIZER: { summary: 'AddressSanitizer found a memory error (out-of-bounds access, use after free…) in plug-in code.', hint: 'Fix the access at the source line shown; rebuild and rerun `wasmedge-plugin test --sanitize address`.' },
  // ---- new / build (scaffolder) ----------------------------------------------------------------
  E_TARGET_EXISTS: { summary: '`new` was pointed at a directory that is not empty (or a file), without --force.', hint: 'Choose a new or empty directory, or pass --force to overwrite the generated files.' },
  E_TOOL_MISSING: { summary: 'A build tool (cmake, a C/C++ compiler, cargo) is not installed or not on PATH.', hint: 'Install it (e.g. `sudo apt-get install cmake g++`, or Rust through https://rustup.rs); `wasmedge-plugin doctor` lists what is missing.' },
  E_BUILD_FAILED: { summary: 'Configuring or compiling the plug-in project failed.', hint: 'Fix the first compiler error shown; rerun with --debug for a debug build.' },
  E_NOT_A_PROJECT: { summary: '`build` found neither CMakeLists.txt nor Cargo.toml in the directory.', hint: 'Run it in a project made by `wasmedge-plugin new`, or pass the project directory.', exit: 2 },
  // ---- template packs and add function ------------------------------------------------------------
  E_TEMPLATE_NOT_FOUND: { summary: '`new --template` names no built-in or installed pack, and no such directory or tarball exists.', hint: 'Install the pack (npm install wasmedge-plugin-template-<name>) or give its directory or .tgz; `wasmedge-plugin templates list` shows what is found.', exit: 2 },
  E_TEMPLATE_INVALID: { summary: 'A template pack is invalid: its manifest, a template, a file that would escape the project, a name collision or an undeclared variable.', hint: 'Run `wasmedge-plugin templates lint <pack>`: it lists every problem with its file.' },
  E_TEMPLATE_INCOMPATIBLE: { summary: 'The template pack\'s "kit" range excludes the running wasmedge-plugin-kit version.', hint: 'Use a pack version made for this kit, or widen the pack\'s "kit" range after checking it with `wasmedge-plugin templates test`.' },
  E_TEMPLATE_TEST_FAILED: { summary: '`templates test` rendered a language of the pack that failed to build or whose smoke test failed.', hint: 'The project is kept in the directory shown: build and test it there to see the problem.' },
  E_NPM_FAILED: { summary: '`npm pack` failed or npm is not on PATH.', hint: 'Run `npm pack` in the pack directory to see npm\'s own message.' },
  E_FUNCTION_EXISTS: { summary: '`add function` was asked for a host function (or its test file) that the project already has.', hint: 'Choose another name, or edit the existing function.', exit: 2 },
  E_NO_MARKERS: { summary: '`add function` did not find its `wasmedge-plugin:functions` / `wasmedge-plugin:registrations` marker comments in the project source.', hint: 'Projects made by `wasmedge-plugin new` have them; put the begin/end marker pairs back (see docs/template-packs.md) or add the function by hand.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface KitErrorDetails {
  path?: string;
  hint?: string;
  cause?: unknown;
  [key: string]: unknown;
}

/** The one error type of the kit: a stable code, a message, optionally the path concerned and a hint. */
export class KitError extends Error {
  readonly code: ErrorCode;
  readonly path?: string;
  readonly hint?: string;
  readonly details: KitErrorDetails;

  constructor(code: ErrorCode, message: string, details: KitErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'KitError';
    this.code = code;
    this.path = details.path;
    this.hint = details.hint ?? (ERROR_CODES[code] as ErrorCodeInfo).hint;
    this.details = details;
  }

  get exitCode(): 1 | 2 {
    return (ERROR_CODES[this.code] as ErrorCodeInfo).exit ?? 1;
  }

  toJSON(): { code: ErrorCode; message: string; path?: string; hint?: string } {
    return { code: this.code, message: this.message, path: this.path, hint: this.hint };
  }
}

export function isKitError(e: unknown): e is KitError {
  return e instanceof KitError;
}
