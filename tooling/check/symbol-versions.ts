/**
 * The ABI trap of FACTS §5: five functions changed signature in WasmEdge 0.17, and libwasmedge keeps the
 * 0.16 forms under `@WASMEDGE_0.16`. A plug-in that references them without a version (not linked
 * against libwasmedge) binds to the 0.16 forms in real WasmEdge and gets wrong results. This reads the
 * plug-in's undefined WasmEdge_* references and their versions (readelf) and says what will happen.
 */
import { spawnSync } from 'node:child_process';

export const CHANGED_IN_0_17 = [
  'WasmEdge_LimitIsEqual', 'WasmEdge_MemoryTypeCreate', 'WasmEdge_MemoryTypeGetLimit', 'WasmEdge_TableTypeCreate', 'WasmEdge_TableTypeGetLimit',
];

export interface WasmEdgeReference {
  name: string;
  /** Version node of the reference (WASMEDGE_0.16 / WASMEDGE_0.17), undefined when unversioned. */
  version?: string;
}

export interface SymbolFinding {
  status: 'pass' | 'fail' | 'warn' | 'skip';
  message: string;
  hint?: string;
}

const LINK_HINT = 'Link the plug-in against sdk/link (CMake: wasmedge_plugin_link(target); or -lwasmedge against a libwasmedge with the 0.17 version nodes), as the templates do.';

/** Undefined WasmEdge_* symbols of a shared library, or undefined when readelf is not available. */
export function wasmEdgeReferences(library: string): WasmEdgeReference[] | undefined {
  const r = spawnSync('readelf', ['--dyn-syms', '-W', library], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const refs: WasmEdgeReference[] = [];
  for (const line of r.stdout.split('\n')) {
    // "   12: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND WasmEdge_X@WASMEDGE_0.17 (3)"
    const m = /\sUND\s+(WasmEdge_\w+)(?:@(\S+))?/.exec(line);
    if (m) refs.push({ name: m[1], version: m[2] });
  }
  return refs;
}

/** What goes wrong when each changed function binds to the other form (named in findings). */
const CONSEQUENCE: Record<string, string> = {
  WasmEdge_LimitIsEqual: 'limits compare wrongly',
  WasmEdge_MemoryTypeCreate: 'memories get wrong sizes',
  WasmEdge_MemoryTypeGetLimit: 'memory limits read back wrong',
  WasmEdge_TableTypeCreate: 'tables get wrong sizes',
  WasmEdge_TableTypeGetLimit: 'table limits read back wrong',
};

/**
 * What a plug-in of `apiVersion` with these references gets in real WasmEdge. Only references to the
 * five changed functions can bind to the wrong form; any other unversioned reference resolves by name
 * to the one definition (the wasmedge CLI has libwasmedge in the global scope), so it is no problem.
 */
export function judgeReferences(apiVersion: number, refs: WasmEdgeReference[]): SymbolFinding {
  if (refs.length === 0) return { status: 'pass', message: 'no WasmEdge_* references' };
  // API 5 needs the 0.17 forms; API 4 (WasmEdge 0.14–0.16, unversioned libraries) must not get them.
  const wrong = refs.filter((r) => CHANGED_IN_0_17.includes(r.name) && (apiVersion === 4 ? r.version === 'WASMEDGE_0.17' : r.version !== 'WASMEDGE_0.17'));
  if (wrong.length) {
    const each = wrong.map((r) => `${r.name}${r.version ? `@${r.version}` : ' (unversioned)'}: ${CONSEQUENCE[r.name]}`).join('; ');
    const why = apiVersion === 4
      ? 'these references ask for the 0.17 form, which takes a WasmEdge_LimitContext, not the WasmEdge_Limit struct an API 4 plug-in passes'
      : 'WasmEdge 0.17 binds these references to the 0.16 form, which takes the old WasmEdge_Limit struct';
    return { status: 'fail', message: `API ${apiVersion} plug-in: ${why} — ${each}`, hint: LINK_HINT };
  }
  const unversioned = refs.filter((r) => !r.version).length;
  const changed = refs.filter((r) => CHANGED_IN_0_17.includes(r.name)).length;
  const counts = `${refs.length} WasmEdge_* references${unversioned ? ` (${unversioned} unversioned)` : ''}`;
  if (apiVersion === 4) {
    return { status: 'pass', message: `${counts}: none asks for a form newer than WasmEdge 0.16; they bind as an API 4 plug-in needs (0.14–0.16)` };
  }
  if (unversioned) {
    const five = changed ? 'those to the five functions whose signatures changed in 0.17 carry the 0.17 version' : 'none is to the five functions whose signatures changed in 0.17';
    return { status: 'pass', message: `${counts}: ${five}, so every one binds to the right form` };
  }
  return { status: 'pass', message: `${counts}, versioned like a plug-in linked against libwasmedge 0.17` };
}
