/**
 * Errors the embeddable runtime raises: each carries a stable code from this table, which gives
 * its exit status and a default hint. The tooling adds its own codes (tooling/errors.ts); the two
 * tables together generate docs/errors.md.
 */
export interface ErrorCodeInfo {
  /** What the code means, for the docs table. */
  summary: string;
  /** Default fix; an error may carry a more specific hint. */
  hint?: string;
  /** CLI exit status: 2 for usage errors, 1 for everything else. */
  exit?: 1 | 2;
}

export const RUNTIME_ERROR_CODES = {
  // ---- loading plug-ins ------------------------------------------------------------------------
  E_NOT_FOUND: { summary: 'A path given on the command line or to the runtime does not exist.', hint: 'Check the path; relative paths are resolved from the current directory.' },
  E_NOT_A_LIBRARY: { summary: 'The file is not a loadable shared library (not ELF, truncated, or a directory entry that is not a .so).', hint: 'Point at the plug-in .so that your build produced (`wasmedge-plugin build` prints its path).' },
  E_WRONG_ARCH: { summary: 'The shared library was built for another CPU architecture or OS.', hint: 'Rebuild the plug-in on this machine (or cross-compile for this architecture).' },
  E_NO_DESCRIPTOR: { summary: 'The library does not export WasmEdge_Plugin_GetDescriptor.', hint: 'Define `WasmEdge_Plugin_GetDescriptor` with default visibility (WASMEDGE_CAPI_PLUGIN_EXPORT) and C linkage (extern "C" in C++, #[unsafe(no_mangle)] in Rust).' },
  E_NULL_DESCRIPTOR: { summary: 'WasmEdge_Plugin_GetDescriptor returned NULL.', hint: 'Return a pointer to a static WasmEdge_PluginDescriptor (WasmEdge silently ignores such a plug-in).' },
  E_API_VERSION: { summary: 'The plug-in was built for a plug-in API version this runtime does not support.', hint: 'Rebuild against sdk/include with WASMEDGE_PLUGIN_API_VERSION 5 (WasmEdge 0.17.x) or 4 (0.14.1–0.16.x); each WasmEdge release loads only its own API version (docs/engines.md).' },
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
} as const satisfies Record<string, ErrorCodeInfo>;

export type RuntimeErrorCode = keyof typeof RUNTIME_ERROR_CODES;

export interface KitErrorDetails {
  path?: string;
  hint?: string;
  cause?: unknown;
  [key: string]: unknown;
}

/**
 * The one error type of the kit: a stable code, a message, optionally the path concerned and a hint.
 * The runtime raises it with its own codes; the tooling's ToolError widens the code to its table.
 */
export class KitError<Code extends string = RuntimeErrorCode> extends Error {
  readonly code: Code;
  readonly path?: string;
  readonly hint?: string;
  readonly details: KitErrorDetails;
  /** CLI exit status: 2 for usage errors, 1 for everything else. */
  readonly exitCode: 1 | 2;

  constructor(code: Code, message: string, details: KitErrorDetails = {}, info: ErrorCodeInfo | undefined = (RUNTIME_ERROR_CODES as Record<string, ErrorCodeInfo>)[code]) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'KitError';
    this.code = code;
    this.path = details.path;
    this.hint = details.hint ?? info?.hint;
    this.details = details;
    this.exitCode = info?.exit ?? 1;
  }

  toJSON(): { code: Code; message: string; path?: string; hint?: string } {
    return { code: this.code, message: this.message, path: this.path, hint: this.hint };
  }
}

export function isKitError(e: unknown): e is KitError<string> {
  return e instanceof KitError;
}
