/**
 * Just enough of the wasm binary format to (1) know every import's signature before instantiating
 * (Node 20 has no type reflection) and (2) make memory 0 reachable to host functions when the module
 * does not export it, by appending an export entry.
 *
 * It reads user input before the engine has validated it: every read is bounds-checked, and anything
 * it does not understand is E_WASM_INVALID with the byte offset, never a crash of the reader.
 */
import { KitError } from '../errors.js';
import type { ValueTypeName } from '../value-types.js';

export interface FuncSignature {
  params: ValueTypeName[];
  results: ValueTypeName[];
}

export type ImportDesc =
  | { module: string; name: string; kind: 'function'; signature: FuncSignature }
  | { module: string; name: string; kind: 'memory' | 'table' | 'global' | 'tag' };

export interface ExportDesc {
  name: string;
  kind: 'function' | 'table' | 'memory' | 'global' | 'tag';
  index: number;
  signature?: FuncSignature;
}

export interface WasmInfo {
  imports: ImportDesc[];
  exports: ExportDesc[];
  /** True when memory 0 exists (defined or imported). */
  hasMemory: boolean;
  /** Name under which memory 0 is exported, if it is. */
  memoryExport?: string;
  /** Declared maximum of memory 0 in pages (65536 when none). */
  memoryMaxPages: number;
}

const VALTYPES: Record<number, ValueTypeName> = {
  0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref',
};
const EXTERNAL_KINDS = ['function', 'table', 'memory', 'global', 'tag'] as const;

/** The error for malformed input: what is wrong and where. */
function invalid(what: string, offset: number): KitError {
  return new KitError('E_WASM_INVALID', `not a valid WebAssembly binary: ${what} at byte ${offset}`, { offset });
}

class Reader {
  pos: number;
  constructor(readonly bytes: Uint8Array, pos = 0, readonly end = bytes.length) {
    this.pos = pos;
  }
  byte(): number {
    if (this.pos >= this.end) throw invalid(this.end === this.bytes.length ? 'unexpected end of the module' : 'unexpected end of the section', this.pos);
    return this.bytes[this.pos++];
  }
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
      if (shift > 28) throw invalid('integer (LEB128) longer than 5 bytes', this.pos - 1);
    }
  }
  skipLeb(): void {
    while (this.byte() & 0x80);
  }
  name(): string {
    const start = this.pos;
    const len = this.u32();
    if (len > this.end - this.pos) throw invalid(`name of ${len} bytes runs past the end of its section`, start);
    const s = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }
  valtype(): ValueTypeName {
    const b = this.byte();
    const t = VALTYPES[b];
    if (t) return t;
    if (b === 0x63 || b === 0x64) {
      // typed reference (GC / function-references proposal): (ref null? heaptype)
      const heap = this.byte();
      return heap === 0x6f ? 'externref' : 'funcref';
    }
    throw invalid(`unknown value type 0x${b.toString(16)}`, this.pos - 1);
  }
  limits(): { min: number; max?: number } {
    const flags = this.byte();
    const min = this.u32();
    return flags & 1 ? { min, max: this.u32() } : { min };
  }
}

function encodeU32(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

interface Section { id: number; start: number; end: number; headerStart: number }

function sections(bytes: Uint8Array): Section[] {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new KitError('E_WASM_INVALID', 'not a WebAssembly binary (missing \\0asm magic)');
  }
  const out: Section[] = [];
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const headerStart = r.pos;
    const id = r.byte();
    const size = r.u32();
    if (size > bytes.length - r.pos) throw invalid(`section ${id} of ${size} bytes runs past the end of the module`, headerStart);
    out.push({ id, start: r.pos, end: r.pos + size, headerStart });
    r.pos += size;
  }
  return out;
}

/** Reads imports (with function signatures), exports and memory 0 information. */
export function parseWasm(bytes: Uint8Array): WasmInfo {
  const types: FuncSignature[] = [];
  const funcTypeIndexes: number[] = []; // per function index (imports first)
  const imports: ImportDesc[] = [];
  const exports: ExportDesc[] = [];
  let hasMemory = false;
  let memoryExport: string | undefined;
  let memoryMaxPages = 65536;

  for (const s of sections(bytes)) {
    const r = new Reader(bytes, s.start, s.end);
    switch (s.id) {
      case 1: { // type
        const n = r.u32();
        for (let i = 0; i < n; i++) {
          const form = r.byte();
          if (form !== 0x60) {
            // rec/sub types of the GC proposal: keep indexes aligned, signatures unknown
            types.push({ params: [], results: [] });
            r.pos = s.end;
            break;
          }
          const params = Array.from({ length: r.u32() }, () => r.valtype());
          const results = Array.from({ length: r.u32() }, () => r.valtype());
          types.push({ params, results });
        }
        break;
      }
      case 2: { // import
        const n = r.u32();
        for (let i = 0; i < n; i++) {
          const module = r.name();
          const name = r.name();
          const kindAt = r.pos;
          const kind = r.byte();
          if (kind === 0) {
            const typeIndex = r.u32();
            funcTypeIndexes.push(typeIndex);
            imports.push({ module, name, kind: 'function', signature: types[typeIndex] ?? { params: [], results: [] } });
          } else if (kind === 1) {
            r.valtype();
            r.limits();
            imports.push({ module, name, kind: 'table' });
          } else if (kind === 2) {
            const lim = r.limits();
            if (!hasMemory) memoryMaxPages = lim.max ?? 65536;
            hasMemory = true;
            imports.push({ module, name, kind: 'memory' });
          } else if (kind === 3) {
            r.valtype();
            r.byte();
            imports.push({ module, name, kind: 'global' });
          } else if (kind === 4) {
            r.byte();
            r.u32();
            imports.push({ module, name, kind: 'tag' });
          } else {
            throw invalid(`unknown import kind ${kind}`, kindAt);
          }
        }
        break;
      }
      case 3: { // function
        const n = r.u32();
        for (let i = 0; i < n; i++) funcTypeIndexes.push(r.u32());
        break;
      }
      case 5: // memory
        if (r.u32() > 0 && !hasMemory) {
          memoryMaxPages = r.limits().max ?? 65536;
          hasMemory = true;
        }
        break;
      case 7: { // export
        const n = r.u32();
        for (let i = 0; i < n; i++) {
          const name = r.name();
          const kindAt = r.pos;
          const kindByte = r.byte();
          const kind = EXTERNAL_KINDS[kindByte];
          if (!kind) throw invalid(`unknown export kind ${kindByte}`, kindAt);
          const index = r.u32();
          const exp: ExportDesc = { name, kind, index };
          if (kind === 'function') exp.signature = types[funcTypeIndexes[index]];
          if (kind === 'memory' && index === 0 && memoryExport === undefined) memoryExport = name;
          exports.push(exp);
        }
        break;
      }
      default:
        break;
    }
  }
  return { imports, exports, hasMemory, memoryExport, memoryMaxPages };
}

/** Name under which `withMemoryExport` exports memory 0. */
export const HIDDEN_MEMORY_EXPORT = '__wasmedge_plugin_kit_memory0';

/**
 * Returns a copy of the binary that also exports memory 0 as HIDDEN_MEMORY_EXPORT, so host functions can
 * reach the caller's memory even when the module keeps it private (as WasmEdge allows).
 */
export function withMemoryExport(bytes: Uint8Array): Uint8Array {
  const all = sections(bytes);
  const entry = [...encodeU32(HIDDEN_MEMORY_EXPORT.length), ...new TextEncoder().encode(HIDDEN_MEMORY_EXPORT), 0x02, 0x00];
  const existing = all.find((s) => s.id === 7);
  let before: number;
  let after: number;
  let body: number[];
  if (existing) {
    const r = new Reader(bytes, existing.start, existing.end);
    const count = r.u32();
    body = [...encodeU32(count + 1), ...bytes.subarray(r.pos, existing.end), ...entry];
    before = existing.headerStart;
    after = existing.end;
  } else {
    // The export section goes before start (8), element (9), datacount (12), code (10) and data (11);
    // tag (13) sections come earlier, custom (0) sections may sit anywhere.
    const next = all.find((s) => s.id >= 8 && s.id <= 12);
    before = after = next ? next.headerStart : bytes.length;
    body = [...encodeU32(1), ...entry];
  }
  const section = [7, ...encodeU32(body.length), ...body];
  const out = new Uint8Array(before + section.length + (bytes.length - after));
  out.set(bytes.subarray(0, before), 0);
  out.set(section, before);
  out.set(bytes.subarray(after), before + section.length);
  return out;
}
