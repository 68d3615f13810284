/**
 * Opening a plug-in library: the one place in the runtime that dlopens plug-ins (Plugin.load and the
 * conformance checks both come here), with cheap ELF checks first so common mistakes get precise
 * errors (load-rules.ts), and the handle kept for the life of the process.
 */
import { koffi, type Ptr } from './native/binding.js';
import { checkElf, classifyDlopenError, loaderMessage, noDescriptorError } from './load-rules.js';
import type { StageListener } from './stages.js';

export interface PluginLibrary {
  path: string;
  /** Calls WasmEdge_Plugin_GetDescriptor (plug-in code: announce the stage first). */
  getDescriptor: () => Ptr | null;
}

// koffi unloads a library whose handle is collected: every plug-in stays referenced for the process.
const retainedLibraries: unknown[] = [];

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
    throw classifyDlopenError(path, loaderMessage(path, (e as Error).message));
  }
  retainedLibraries.push(lib);
  try {
    return { path, getDescriptor: lib.func('void *WasmEdge_Plugin_GetDescriptor(void)') as () => Ptr | null };
  } catch {
    throw noDescriptorError(path, exportsSymbol(lib, 'GetDescriptor'));
  }
}
