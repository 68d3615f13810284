/**
 * The ABI trap of docs/abi.md, "Symbol versions": five functions changed signature in WasmEdge 0.17, and libwasmedge keeps the
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

/** What a plug-in of `apiVersion` with these references gets in real WasmEdge 0.17. */
export function judgeReferences(apiVersion: number, refs: WasmEdgeReference[]): SymbolFinding {
  if (refs.length === 0) return { status: 'pass', message: 'no WasmEdge_* references' };
  // API 5 needs the 0.17 forms; API 4 (WasmEdge 0.14–0.16, unversioned libraries) must not get them.
  const wrong = refs.filter((r) => CHANGED_IN_0_17.includes(r.name) && (apiVersion === 4 ? r.version === 'WASMEDGE_0.17' : r.version !== 'WASMEDGE_0.17'));
  if (wrong.length) {
    const list = wrong.map((r) => `${r.name}${r.version ? `@${r.version}` : ' (unversioned)'}`).join(', ');
    const what = apiVersion === 4
      ? 'a libwasmedge with symbol versions gives it the 0.17 form, which takes a WasmEdge_LimitContext, not the WasmEdge_Limit struct the plug-in passes'
      : 'WasmEdge 0.17 binds such references to the 0.16 form, which takes the old WasmEdge_Limit struct (wrong memory/table sizes)';
    return { status: 'fail', message: `API ${apiVersion} plug-in references ${list}: ${what}`, hint: LINK_HINT };
  }
  const unversioned = refs.filter((r) => !r.version);
  if (unversioned.length) {
    return {
      status: 'warn',
      message: `${unversioned.length} of ${refs.length} WasmEdge_* references carry no symbol version: the plug-in is not linked against libwasmedge, so it loads only in hosts that load libwasmedge with RTLD_GLOBAL`,
      hint: LINK_HINT,
    };
  }
  return { status: 'pass', message: `${refs.length} WasmEdge_* references, versioned like a plug-in linked against libwasmedge 0.17` };
}
