/**
 * The rules of loading a plug-in, as plain data and errors: which files a path means, cheap ELF
 * checks, what a failed dlopen means, and the error each refusal raises. No native code: the
 * runtime (library.ts, plugin.ts, host.ts) and the isolated `inspect` (which loads plug-ins in a
 * probe process and judges here what it reports) share them.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { KitError, isKitError } from './errors.js';
import type { DescriptorProblem } from './descriptor-rules.js';
import { pluginCandidates } from './search-paths.js';

export interface LoadError {
  path: string;
  code: string;
  message: string;
  hint?: string;
}

/**
 * What loading a file or directory means before any plug-in code runs: the libraries to load, in
 * order, and the paths that are no plug-in (reported, not loaded). The same plan for the runtime and
 * the isolated `inspect`.
 */
export function loadSteps(fileOrDir: string): { searched: string; steps: Array<{ load: string } | { error: LoadError }> } {
  const searched = resolve(fileOrDir);
  if (!existsSync(fileOrDir)) {
    return { searched, steps: [{ error: { path: searched, code: 'E_NOT_FOUND', message: `no such file or directory: ${fileOrDir}`, hint: 'Check the path; relative paths are resolved from the current directory.' } }] };
  }
  return {
    searched,
    steps: pluginCandidates(fileOrDir).map((c) => (c.skipReason
      ? { error: { path: c.path, code: 'E_NOT_A_LIBRARY', message: `${c.path} is not a plug-in file: ${c.skipReason}`, hint: 'Give the .so file that the build produced.' } }
      : { load: c.path })),
  };
}

/** A second plug-in of the same name: WasmEdge keeps the first. */
export function duplicatePluginError(name: string, path: string, firstPath: string): KitError {
  return new KitError('E_DUPLICATE_PLUGIN', `plug-in '${name}' from ${path} is already loaded from ${firstPath}; the first one wins`, { path });
}

/** A thrown error as a LoadError of `path`. */
export function toLoadError(e: unknown, path: string): LoadError {
  if (isKitError(e)) return { path: e.path ?? path, code: e.code, message: e.message, hint: e.hint };
  return { path, code: 'E_LOAD_FAILED', message: (e as Error)?.message ?? String(e) };
}

const ELF_MACHINES: Record<string, number> = { x64: 62, arm64: 183, ia32: 3, arm: 40, riscv64: 243, ppc64: 21, s390x: 22 };

/** Cheap checks before dlopen so that the common mistakes get precise errors. */
export function checkElf(path: string): void {
  const head = Buffer.alloc(20);
  let n = 0;
  try {
    const fd = openSync(path, 'r');
    try { n = readSync(fd, head, 0, 20, 0); } finally { closeSync(fd); }
  } catch (e) {
    throw new KitError('E_NOT_FOUND', `cannot read ${path}: ${(e as Error).message}`, { path });
  }
  if (process.platform !== 'linux') return;
  if (n < 20 || head.readUInt32BE(0) !== 0x7f454c46) {
    throw new KitError('E_NOT_A_LIBRARY', `${path} is not a shared library (no ELF header)`, { path });
  }
  const cls = head[4] === 2 ? 64 : 32;
  const machine = head.readUInt16LE(18);
  const want = ELF_MACHINES[process.arch];
  if ((want !== undefined && machine !== want) || cls !== (process.arch.endsWith('64') ? 64 : 32)) {
    throw new KitError('E_WRONG_ARCH', `${path} is a ${cls}-bit ELF for machine ${machine}, this host is ${process.arch} (machine ${want})`, { path });
  }
  const type = head.readUInt16LE(16);
  if (type !== 3) {
    throw new KitError('E_NOT_A_LIBRARY', `${path} is an ELF ${type === 2 ? 'executable' : `file of type ${type}`}, not a shared library`, { path, hint: 'Build the plug-in as a shared library (add_library(... SHARED), crate-type = ["cdylib"]).' });
  }
}

/**
 * The dynamic loader's own words for a failed dlopen of `path`: without the library's path in front
 * (dlerror puts it there) and without koffi's "Failed to load shared library: ".
 */
export function loaderMessage(path: string, raw: string): string {
  const text = raw.replace(/^Failed to load shared library: /, '');
  return text.startsWith(`${path}: `) ? text.slice(path.length + 2) : text;
}

/** The KitError for a failed dlopen of `path`; `message` as loaderMessage gives it. */
export function classifyDlopenError(path: string, message: string): KitError {
  const undef = /undefined symbol: ([^\s,]+)/.exec(message);
  if (undef) {
    const sym = undef[1];
    return new KitError('E_MISSING_SYMBOL', `${path} needs symbol '${sym}', which the host does not provide`, {
      path,
      symbol: sym,
      hint: sym.startsWith('WasmEdge_')
        ? `'${sym}' is not part of the plug-in C API subset this kit implements (sdk/include/wasmedge/wasmedge.h); remove the call or ask for it to be added.`
        : `Link the library that defines '${sym}' into the plug-in (it is not a WasmEdge symbol).`,
    });
  }
  const version = /version `([^']+)' not found/.exec(message);
  if (version) {
    return new KitError('E_MISSING_SYMBOL', `${path} needs symbol version ${version[1]}, which the host shim does not define`, {
      path, hint: 'Build the plug-in against sdk/include and sdk/link of this kit (WasmEdge 0.17 symbol versions).',
    });
  }
  if (/wrong ELF class|ELFCLASS|machine/.test(message)) return new KitError('E_WRONG_ARCH', `${path}: ${message}`, { path });
  if (/invalid ELF header|file too short|not an ELF/.test(message)) return new KitError('E_NOT_A_LIBRARY', `${path}: ${message}`, { path });
  const needed = /^(\S+): cannot open shared object file/.exec(message);
  if (needed) {
    return new KitError('E_LOAD_FAILED', `${path} needs ${needed[1]}, which the dynamic loader cannot find`, {
      path, hint: `Install the library that provides ${needed[1]}, or add its directory to LD_LIBRARY_PATH (\`ldd ${path}\` lists what is missing).`,
    });
  }
  return new KitError('E_LOAD_FAILED', `cannot load ${path}: ${message}`, { path });
}

/** E_NO_DESCRIPTOR; `internalEntry`: the library exports `GetDescriptor` (WasmEdge's internal plug-in API). */
export function noDescriptorError(path: string, internalEntry: boolean): KitError {
  return new KitError('E_NO_DESCRIPTOR', `${path} does not export WasmEdge_Plugin_GetDescriptor`, {
    path,
    hint: internalEntry
      ? 'It exports `GetDescriptor`, the entry of WasmEdge\'s internal C++ plug-in API (plug-ins built inside WasmEdge\'s source tree); this kit loads C-API plug-ins, which define WasmEdge_Plugin_GetDescriptor.'
      : 'Define it with default visibility and C linkage.',
  });
}

/** GetDescriptor gave NULL. */
export function nullDescriptorError(path: string): KitError {
  return new KitError('E_NULL_DESCRIPTOR', `${path}: WasmEdge_Plugin_GetDescriptor returned NULL`, { path });
}

/** The first problem that refuses a descriptor, as the error loading throws; undefined when it loads. */
export function refusal(path: string, problems: DescriptorProblem[], apiVersion: number): KitError | undefined {
  const problem = problems.find((p) => !p.warning);
  return problem && new KitError(problem.code, `${path}: ${problem.message}`, { path, hint: problem.hint, apiVersion });
}

/** Create of `module` returned NULL (`instance` null) or something that is not a live module instance. */
export function createFailedError(plugin: { name: string; path: string }, module: string, instance: bigint | null): KitError {
  if (!instance) return new KitError('E_CREATE_FAILED', `module '${module}' of plug-in '${plugin.name}': Create returned NULL`, { path: plugin.path });
  return new KitError('E_CREATE_FAILED', `module '${module}' of plug-in '${plugin.name}': Create returned ${'0x' + BigInt(instance).toString(16)}, which is not a module instance (not made by WasmEdge_ModuleInstanceCreate, or already deleted)`, {
    path: plugin.path, hint: 'Return the pointer WasmEdge_ModuleInstanceCreate gave you, and do not delete it: the host owns it after Create returns.',
  });
}
