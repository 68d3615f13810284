/**
 * Error codes of the developer tooling (CLI, checks, builds, scaffolding, template packs), added to
 * the runtime's own (runtime/errors.ts). ERROR_CODES is the whole table: one code, one exit status,
 * one default hint, and docs/errors.md is generated from it.
 */
import { KitError, RUNTIME_ERROR_CODES, type ErrorCodeInfo, type KitErrorDetails } from '../runtime/errors.js';

export const TOOL_ERROR_CODES = {
  // ---- CLI and tooling --------------------------------------------------------------------------
  E_USAGE: { summary: 'The command line is not valid.', exit: 2 },
  E_INTERNAL: { summary: 'An unexpected exception: a bug in wasmedge-plugin-kit.', hint: 'Please report it with the command you ran; WASMEDGE_PLUGIN_DEBUG=1 prints the stack.' },
  E_CRASH: { summary: 'The plug-in crashed (signal), aborted or exited while being examined in a child process.' },
  E_TIMEOUT: { summary: 'The plug-in did not finish in time (hang or infinite loop).', hint: 'Raise --timeout if the work is legitimately slow.' },
  E_TEST_FAILED: { summary: '`wasmedge-plugin test` found problems: at least one conformance check, host-function call or .wat expectation failed.', hint: 'Each failing check is listed above with its own finding.' },
  E_BAD_EXPECTATION: { summary: 'A `;; @…` expectation directive in a test .wat file is malformed.', hint: 'Directives: @opt name[=value], @stdout <text>, @exit <n>, @invoke <export> <args…> => <results…> | trap <text>, @todo <what is missing>.' },
  E_NOT_IMPLEMENTED: { summary: 'A test .wat file still has its `;; @todo` line: the host function it tests is a stub written by `add function`.', hint: 'Implement the function, then replace the @todo line with the results you expect (@invoke <export> <args…> => <results…>).' },
  E_SANITIZER: { summary: 'AddressSanitizer found a memory error (out-of-bounds access, use after free…) in plug-in code.', hint: 'Fix the access at the source line shown; rebuild and rerun `wasmedge-plugin test --sanitize address`.' },
  // ---- real WasmEdge (--engine wasmedge|both) ----------------------------------------------------
  E_WASMEDGE_NOT_FOUND: { summary: '`--engine wasmedge|both` (or `--wasmedge`) needs a real WasmEdge, and none was found: not at --wasmedge, WASMEDGE_PREFIX, PATH nor ~/.wasmedge.', hint: 'Install one (curl -sSf https://raw.githubusercontent.com/WasmEdge/WasmEdge/master/utils/install_v2.sh | bash -s -- -v 0.17.1) or point at it with --wasmedge <binary|prefix> or WASMEDGE_PREFIX.', exit: 2 },
  E_WASMEDGE_FAILED: { summary: 'Real WasmEdge refused to run the program (`--engine wasmedge`): a plug-in it does not load, an unknown import or export, a bad argument.', hint: 'WasmEdge\'s own message is shown above; `wasmedge-plugin test --engine wasmedge` checks that the plug-in loads there.' },
  E_ENGINES_DIFFER: { summary: 'The kit and real WasmEdge did different things with the same program (`--engine both`).', hint: 'The side-by-side report shows both; docs/engines.md lists what is compared and known causes (API version, Terminate, option flags).' },
  // ---- new / build (scaffolder) ----------------------------------------------------------------
  E_TARGET_EXISTS: { summary: '`new` was pointed at a directory that is not empty (or a file), without --force.', hint: 'Choose a new or empty directory, or pass --force to overwrite the generated files.' },
  E_TARGET_INVALID: { summary: '`new` was pointed at a directory the build tools cannot use: a name longer than 255 bytes, or a path holding `;`, `"`, `\\`, `:` or a control character.', hint: 'Choose a shorter directory name made of letters, digits, `-`, `_` and `.`.', exit: 2 },
  E_TOOL_MISSING: { summary: 'A build tool (cmake, a C/C++ compiler, cargo) is not installed or not on PATH.', hint: 'Install it (e.g. `sudo apt-get install cmake g++`, or Rust through https://rustup.rs); `wasmedge-plugin doctor` lists what is missing.' },
  E_BUILD_FAILED: { summary: 'Configuring or compiling the plug-in project failed.', hint: 'Fix the first compiler error shown; rerun with --debug for a debug build.' },
  E_COVERAGE_UNAVAILABLE: { summary: '`test --coverage` cannot measure this project: Rust plug-ins, a library instead of a project, or gcov failed.', hint: 'Give a C or C++ project directory; gcov (part of gcc) must be installed.' },
  E_NOT_A_PROJECT: { summary: '`build` found neither CMakeLists.txt nor Cargo.toml in the directory.', hint: 'Run it in a project made by `wasmedge-plugin new`, or pass the project directory.', exit: 2 },
  // ---- template packs and add function ------------------------------------------------------------
  E_TEMPLATE_NOT_FOUND: { summary: '`new --template` names no built-in or installed pack, and no such directory or tarball exists.', hint: 'Install the pack (npm install wasmedge-plugin-template-<name>) or give its directory or .tgz; `wasmedge-plugin templates list` shows what is found.', exit: 2 },
  E_TEMPLATE_INVALID: { summary: 'A template pack is invalid: its manifest, a template, a file that would escape the project, a name collision or an undeclared variable.', hint: 'Run `wasmedge-plugin templates lint <pack>`: it lists every problem with its file.' },
  E_TEMPLATE_INCOMPATIBLE: { summary: 'The template pack\'s "kit" range excludes the running wasmedge-plugin-kit version.', hint: 'Use a pack version made for this kit, or widen the pack\'s "kit" range after checking it with `wasmedge-plugin templates test`.' },
  E_TEMPLATE_TEST_FAILED: { summary: '`templates test` rendered a language of the pack that failed to build or whose smoke test failed.', hint: 'The project is kept in the directory shown: build and test it there to see the problem.' },
  E_NPM_FAILED: { summary: '`npm pack` failed or npm is not on PATH.', hint: 'Run `npm pack` in the pack directory to see npm\'s own message.' },
  E_FUNCTION_EXISTS: { summary: '`add function` was asked for a host function (or its test file) that the project already has.', hint: 'Choose another name, or edit the existing function.', exit: 2 },
  E_NO_MARKERS: { summary: '`add function` did not find its `wasmedge-plugin:functions` / `wasmedge-plugin:registrations` marker comments in the project source.', hint: 'Projects made by `wasmedge-plugin new` have them; put the begin/end marker pairs back (see docs/template-packs.md) or add the function by hand.' },
  // ---- package / install / uninstall (docs/packaging.md) -----------------------------------------
  E_PACKAGE_INVALID: { summary: 'A plug-in package (.tar.gz) is not one `wasmedge-plugin package` makes: unreadable archive, missing or malformed wasmedge-plugin.json, missing library, a link or a path outside the archive.', hint: 'Rebuild it with `wasmedge-plugin package`; docs/packaging.md describes the layout.' },
  E_CHECKSUM_MISMATCH: { summary: 'The library in a package does not have the SHA-256 its manifest records: the package was altered or damaged.', hint: 'Download or rebuild the package; never install a library whose checksum does not match.' },
  E_PLATFORM_MISMATCH: { summary: 'The plug-in was built for another OS, CPU architecture or C library than this machine has.', hint: 'Install the package built for this platform (its file name ends in <os>_<arch>.tar.gz), or build the project here.' },
  E_API_MISMATCH: { summary: 'The plug-in\'s API version is not the one the WasmEdge found on this machine loads: WasmEdge would ignore it silently.', hint: 'Install a build for this WasmEdge release (`wasmedge-plugin new --api-version …` selects the API), or point --wasmedge at the WasmEdge it is meant for.' },
  E_PLUGIN_INSTALLED: { summary: 'A plug-in of the same name (or a file of the same name) is already installed in the target directory; WasmEdge would keep only the first it finds.', hint: 'Pass --force to replace it, or `wasmedge-plugin uninstall <name>` first.' },
  E_NOT_INSTALLED: { summary: '`uninstall` found no plug-in of that name in the directory it looked at.', hint: '`wasmedge-plugin list --installed` shows what is installed where; --dir names the directory.' },
  E_NOT_WRITABLE: { summary: '`install` or `uninstall` may not write to the plug-in directory (permissions, or a read-only file system).', hint: 'Use --to DIR (and WASMEDGE_PLUGIN_PATH=DIR when running WasmEdge) for a directory of your own, or run with the rights to write there (sudo for a system install).' },
  E_NO_PLUGIN_DIR: { summary: '`install` has nowhere to install: no --to, no WASMEDGE_PLUGIN_PATH, and no WasmEdge found on this machine.', hint: 'Pass --to DIR (and set WASMEDGE_PLUGIN_PATH=DIR when running WasmEdge), or install WasmEdge first.', exit: 2 },
  // ---- bindings and guest programs ---------------------------------------------------------------
  E_OUTPUT_EXISTS: { summary: '`package` or `bindings --out` would replace a different file of the same name, without --force.', hint: 'Pass --force to replace it, or choose another --out.' },
  E_MANIFEST_DRIFT: { summary: 'wasmedge-plugin.json\'s `functions` section and the built library disagree (a function missing on either side, or another arity or type).', hint: 'Update the entry in wasmedge-plugin.json (or the host function) so both say the same; `add function` keeps them in sync.' },
  E_GUEST_BUILD_FAILED: { summary: 'A guest program (test/*.c, a Rust crate under test/, test/*.ts) did not compile to WebAssembly.', hint: 'Fix the first compiler error shown; the bindings it includes are regenerated from the built library on every run.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export const ERROR_CODES = { ...RUNTIME_ERROR_CODES, ...TOOL_ERROR_CODES } as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** A KitError with any code of the whole table (hint and exit status from it). */
export class ToolError extends KitError<ErrorCode> {
  constructor(code: ErrorCode, message: string, details: KitErrorDetails = {}) {
    super(code, message, details, ERROR_CODES[code] as ErrorCodeInfo);
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}
