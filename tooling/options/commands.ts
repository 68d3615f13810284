/**
 * Every command's options, one table each (see schema.ts). The CLI registers them from here, the
 * generators declare theirs from here, and defaults are read only from here. To add a flag to a
 * command, add one entry to its table (shared entries, such as `isolation()`, are functions below).
 */
import { LANGUAGES, QUESTIONS } from '../scaffold/answers.js';
import { GUEST_LANGUAGES } from '../bindings/languages.js';
import { SANITIZERS } from '../sanitizer.js';
import { defineOptions, type OptionSpec, type SwitchSpec, type TextSpec, type TimeoutSpec, type NegatableSpec } from './schema.js';

/** Default time limits in seconds: listing a sane plug-in takes milliseconds, one host call may take longer. */
export const DEFAULT_TIMEOUT_S = { inspect: 10, call: 30, test: 10 } as const;

function json(what: string): SwitchSpec {
  return { kind: 'switch', description: `print ${what}` };
}

/** `--no-isolate` and `--timeout`, for the commands that run plug-in code in a child process. */
function isolation(defaultSeconds: number | undefined): { isolate: NegatableSpec; timeout: TimeoutSpec } {
  return {
    isolate: { kind: 'negatable', description: 'run plug-in code in this process (faster; a crashing plug-in takes the CLI down)' },
    timeout: { kind: 'timeout', value: 'seconds', default: defaultSeconds, description: 'kill plug-in code that runs this long without progress' },
  };
}

/** `--sanitize address`, the same for `build` and `test` (tooling/sanitizer.ts owns the values). */
function sanitize(description: string): TextSpec {
  return { kind: 'text', value: 'kind', choices: SANITIZERS, description };
}

/** `--engine` and `--wasmedge`, for the commands that can run plug-in code in real WasmEdge (docs/engines.md). */
function engines(what: string): { engine: TextSpec; wasmedge: TextSpec } {
  return {
    engine: { kind: 'text', value: 'name', default: 'kit', choices: ['kit', 'wasmedge', 'both'], description: `where to run: the kit's runtime, real WasmEdge, or both (${what})` },
    wasmedge: { kind: 'text', value: 'path', description: 'the real WasmEdge to use: a wasmedge binary or an install prefix (default: WASMEDGE_PREFIX, then PATH, then ~/.wasmedge)' },
  };
}

export const BUILD_OPTIONS = defineOptions({
  debug: { kind: 'switch', description: 'debug build (default: Release)' },
  sanitize: sanitize('C/C++: an AddressSanitizer debug build in build/asan, to run yourself'),
  json: json('{ artifact, language, config, seconds, sanitize } as JSON'),
});

export const INSPECT_OPTIONS = defineOptions({
  ...isolation(DEFAULT_TIMEOUT_S.inspect),
  json: json('one JSON document'),
});

export const CALL_OPTIONS = defineOptions({
  ...isolation(DEFAULT_TIMEOUT_S.call),
  opt: { kind: 'list', value: 'name[=value]', description: 'set a program option before the module is created, [plugin:]name[=value]' },
  ...engines('both compares results and @N buffers; WasmEdge runs a generated wrapper module'),
  json: json('one JSON document'),
});

export const RUN_OPTIONS = defineOptions({
  // No default limit: a guest program may legitimately run for a long time.
  ...isolation(undefined),
  plugin: { kind: 'list', value: 'path', description: 'plug-in library or directory to load (none: WASMEDGE_PLUGIN_PATH, then the WasmEdge install directory)' },
  invoke: { kind: 'text', value: 'name', description: 'call this export instead of _start and print its results' },
  opt: { kind: 'list', value: 'name[=value]', description: 'set a plug-in program option, [plugin:]name[=value]' },
  env: { kind: 'list', value: 'KEY=VALUE', description: 'environment variable for the guest' },
  dir: { kind: 'list', value: 'HOST[:GUEST]', description: 'pre-open a host directory for the guest' },
  ...engines('both compares exit status, stdout, results and traps, and exits 1 on a difference'),
  json: json('one JSON document ({"results": [...]} or {"exitCode": N}; with --engine wasmedge|both: the outcomes)'),
});

export const TEST_OPTIONS = defineOptions({
  json: json('one JSON document { target, library, ok, summary, findings }'),
  timeout: { kind: 'timeout', value: 'seconds', default: DEFAULT_TIMEOUT_S.test, description: 'kill a check that makes no progress for this long' },
  wat: { kind: 'list', value: 'file', description: 'also check the expectations of this .wat file' },
  sanitize: sanitize('build with AddressSanitizer and run the plug-in under it'),
  coverage: { kind: 'switch', description: 'build a C/C++ project with gcc --coverage, print line/branch coverage of its own sources, write coverage/lcov.info' },
  ...engines('wasmedge|both add a wasmedge-load check and evaluate the .wat expectations in WasmEdge'),
});

export const DEV_OPTIONS = defineOptions({
  run: { kind: 'text', value: 'file', description: 'run this .wat/.wasm program with the plug-in after each build, instead of `test`' },
  test: { kind: 'negatable', description: 'only rebuild' },
  debounce: { kind: 'text', value: 'ms', default: '250', description: 'wait this long after the last change before starting a cycle' },
  timeout: { kind: 'timeout', value: 'seconds', default: DEFAULT_TIMEOUT_S.test, description: 'per-stage limit of each `test` run' },
});

export const FUZZ_OPTIONS = defineOptions({
  function: { kind: 'text', value: 'module.name', description: 'fuzz only this host function (default: every one)' },
  time: { kind: 'text', value: 'seconds', default: '60', description: 'time budget per function' },
  runs: { kind: 'text', value: 'n', description: 'input budget per function' },
  seed: { kind: 'text', value: 'n', description: 'random seed (default: libFuzzer picks one; random mode: 1)' },
  jobs: { kind: 'text', value: 'n', default: '1', description: 'libFuzzer worker processes' },
  timeout: { kind: 'timeout', value: 'seconds', default: 5, description: 'an input that runs longer than this is a finding' },
  random: { kind: 'switch', description: 'use the seeded random mode even when libFuzzer is available' },
  replay: { kind: 'text', value: 'file', description: 'run a saved reproducer against the target instead of fuzzing' },
  json: json('one JSON document'),
});

export const DOCTOR_OPTIONS = defineOptions({
  json: json('one JSON document { ok, checks, searchPaths }'),
});

/** `new`: one text option per question of answers.ts (validated there), then the switches. */
const questionOptions: Record<string, OptionSpec> = Object.fromEntries(
  QUESTIONS.map((q) => {
    const choices = q.choices && q.placeholder !== q.choices.join('|') ? ` (${q.choices.join('|')})` : '';
    return [q.flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()), { kind: 'text', value: q.placeholder, description: `${q.message}${choices}` }];
  }),
);

export const NEW_OPTIONS = defineOptions({
  ...questionOptions,
  yes: { kind: 'switch', short: 'y', description: 'take defaults for everything not given; never prompt (also implied without a TTY)' },
  template: { kind: 'text', value: 'pack', description: 'template pack: an installed pack\'s name, a pack directory or an npm tarball (default: the built-in pack)' },
  var: { kind: 'list', value: 'name=value', description: 'a value for one of the template pack\'s placeholders' },
  force: { kind: 'switch', description: 'write into a non-empty directory, overwriting the generated files' },
  json: json('{ dir, language, files } as JSON'),
});

const FUNCTION_SIGNATURE = {
  params: { kind: 'text', value: 'list', default: '', description: 'parameters, comma-separated, as name:type or type (i32, i64, f32, f64), e.g. a:i32,b:i32' },
  results: { kind: 'text', value: 'types', default: '', description: 'result types, comma-separated: i32, i64, f32, f64' },
  description: { kind: 'text', value: 'text', description: 'one line recorded in wasmedge-plugin.json (shown in the bindings)' },
} as const satisfies Record<string, OptionSpec>;

/** `add function` (the name and directory are arguments). */
export const ADD_FUNCTION_OPTIONS = defineOptions({
  ...FUNCTION_SIGNATURE,
  json: json('{ dir, language, files, signature } as JSON'),
});

/** The `add function` generator: the function name as an option, then the signature. */
export const FUNCTION_GENERATOR_OPTIONS = defineOptions({
  name: { kind: 'text', value: 'name', description: 'host function name (what wasm code imports)' },
  ...FUNCTION_SIGNATURE,
});

const PACK_ANSWERS = {
  name: { kind: 'text', value: 'name', description: 'pack name; the npm package is wasmedge-plugin-template-<name> (default: from the directory)' },
  description: { kind: 'text', value: 'text', description: 'one-line description' },
  languages: { kind: 'text', value: 'list', default: LANGUAGES.join(','), description: 'languages the pack supports, comma-separated' },
} as const satisfies Record<string, OptionSpec>;

export const TEMPLATES_NEW_OPTIONS = defineOptions({
  ...PACK_ANSWERS,
  json: json('{ dir, name, files } as JSON'),
});

/** The `templates new` generator: the answers, and the directory whose name gives the default name. */
export const PACK_GENERATOR_OPTIONS = defineOptions({
  ...PACK_ANSWERS,
  defaultsDir: { kind: 'text', value: 'dir', hidden: true, description: 'directory whose name gives the default pack name' },
});

export const TEMPLATES_LIST_OPTIONS = defineOptions({ json: json('{ packs: [...] } as JSON') });
export const TEMPLATES_LINT_OPTIONS = defineOptions({ json: json('{ root, ok, findings } as JSON') });
export const TEMPLATES_TEST_OPTIONS = defineOptions({
  lang: { kind: 'text', value: 'list', description: 'only these languages (comma-separated)' },
  json: json('{ root, ok, results } as JSON'),
});
export const TEMPLATES_PACK_OPTIONS = defineOptions({
  destination: { kind: 'text', value: 'dir', description: 'where to write the tarball (default: the pack directory)' },
  json: json('{ tarball, test } as JSON'),
});

/** `package`, `install`, `list --installed`, `uninstall` (docs/packaging.md). */
export const SHIP_TIMEOUT_S = { describe: 10, installed: 30 } as const;
/** `--wasmedge`: the user's WasmEdge, whose plug-in directory is searched (and, for install, whose API version is checked). */
function userWasmEdge(use: string): TextSpec {
  return { kind: 'text', value: 'path', description: `the WasmEdge ${use} (a binary or an install prefix; default: WASMEDGE_PREFIX, PATH, ~/.wasmedge)` };
}

export const PACKAGE_OPTIONS = defineOptions({
  out: { kind: 'text', value: 'dir', description: 'where to write the package (default: <dir>/dist)' },
  force: { kind: 'switch', description: 'replace a different package of the same file name' },
  timeout: { kind: 'timeout', value: 'seconds', default: SHIP_TIMEOUT_S.describe, description: 'limit for reading the built library\'s descriptor (in a child process)' },
  json: json('{ file, sha256, unchanged, manifest } as JSON'),
});

export const INSTALL_OPTIONS = defineOptions({
  to: { kind: 'text', value: 'dir', description: 'install into this directory (default: the first directory of WASMEDGE_PLUGIN_PATH, else the found WasmEdge\'s plug-in directory)' },
  force: { kind: 'switch', description: 'replace a plug-in of the same name (or files of the same name) in the target directory' },
  wasmedge: userWasmEdge('whose plug-in API version to check against, and whose plug-in directory is the default target'),
  timeout: { kind: 'timeout', value: 'seconds', default: SHIP_TIMEOUT_S.installed, description: 'limit for loading libraries to read them (in child processes)' },
  json: json('the report as JSON'),
});

export const LIST_OPTIONS = defineOptions({
  installed: { kind: 'switch', description: 'installed plug-ins (what `list` shows; accepted for clarity)' },
  dir: { kind: 'text', value: 'dir', description: 'only this plug-in directory' },
  wasmedge: userWasmEdge('whose plug-in directory to list'),
  timeout: { kind: 'timeout', value: 'seconds', default: SHIP_TIMEOUT_S.installed, description: 'limit for loading the installed libraries to read them' },
  json: json('{ dirs, plugins } as JSON'),
});

export const UNINSTALL_OPTIONS = defineOptions({
  dir: { kind: 'text', value: 'dir', description: 'only this plug-in directory' },
  wasmedge: userWasmEdge('whose plug-in directory to remove it from'),
  timeout: { kind: 'timeout', value: 'seconds', default: SHIP_TIMEOUT_S.installed, description: 'limit for loading the installed libraries to read them' },
  json: json('{ name, removed } as JSON'),
});

/** `bindings` (the target is an argument). */
export const BINDINGS_OPTIONS = defineOptions({
  lang: { kind: 'text', value: 'language', choices: GUEST_LANGUAGES, description: 'guest language (required)' },
  out: { kind: 'text', value: 'path', description: 'write to this directory (as bindings.h/.rs/.ts/.wat) or file, instead of stdout' },
  module: { kind: 'text', value: 'name', description: 'only this module of the plug-in' },
  force: { kind: 'switch', description: 'replace an existing --out file that differs' },
  timeout: { kind: 'timeout', value: 'seconds', default: DEFAULT_TIMEOUT_S.inspect, description: 'kill the plug-in if loading it takes this long' },
});
