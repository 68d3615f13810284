/**
 * Opening a plug-in library: the one place that dlopens plug-ins (Plugin.load and the conformance
 * checks both come here), with cheap ELF checks first so common mistakes get precise errors, and
 * the handle kept for the life of the process.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { KitError } from './errors.js';
import { koffi, type Ptr } from './native/binding.js';
import type { StageListener } from './stages.js';

export interface PluginLibrary {
  path: string;
  /** Calls WasmEdge_Plugin_GetDescriptor (plug-in code: announce the stage first). */
  getDescriptor: () => Ptr | null;
}

// koffi unloads a library whose handle is collected: every plug-in stays referenced for the process.
const retainedLibraries: unknown[] = [];

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

function classifyDlopenError(path: string, message: string): KitError {
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
  const needed = /(\S+): cannot open shared object file/.exec(message);
  if (needed && !message.startsWith(path)) {
    return new KitError('E_LOAD_FAILED', `${path} needs ${needed[1]}, which the dynamic loader cannot find`, {
      path, hint: `Install the library that provides ${needed[1]}, or add its directory to LD_LIBRARY_PATH (\`ldd ${path}\` lists what is missing).`,
    });
  }
  return new KitError('E_LOAD_FAILED', `cannot load ${path}: ${message}`, { path });
}

function exportsSymbol(lib: ReturnType<typeof koffi.load>, name: string): boolean {
  try {
    lib.func(`void ${name}(void)`);
    return true;
  } catch {
    return false;
  }
}


/**
 * dlopens `path` (announcing the 'constructor' stage: library constructors run now) and finds
 * WasmEdge_Plugin_GetDescriptor. Throws a KitError: E_NOT_FOUND, E_NOT_A_LIBRARY, E_WRONG_ARCH,
 * E_MISSING_SYMBOL, E_LOAD_FAILED, E_NO_DESCRIPTOR.
 */
export function openLibrary(path: string, onStage: StageListener): PluginLibrary {
  checkElf(path);
  let lib: ReturnType<typeof koffi.load>;
  onStage({ stage: 'constructor', path });
  try {
    lib = koffi.load(path);
  } catch (e) {
    throw classifyDlopenError(path, (e as Error).message);
  }
  retainedLibraries.push(lib);
  try {
    return { path, getDescriptor: lib.func('void *WasmEdge_Plugin_GetDescriptor(void)') as () => Ptr | null };
  } catch {
    throw new KitError('E_NO_DESCRIPTOR', `${path} does not export WasmEdge_Plugin_GetDescriptor`, {
      path,
      hint: exportsSymbol(lib, 'GetDescriptor')
        ? 'It exports `GetDescriptor`, the entry of WasmEdge\'s internal C++ plug-in API (plug-ins built inside WasmEdge\'s source tree); this kit loads C-API plug-ins, which define WasmEdge_Plugin_GetDescriptor.'
        : 'Define it with default visibility and C linkage.',
    });
  }
}
