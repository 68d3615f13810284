/**
 * The hot path, wasm → host function: one JS trampoline per imported host function, generated once per
 * signature shape, writes the arguments into shim-owned value slots and the binding id into a
 * shim-owned word (both mapped once with koffi.view), then calls `wpk_invoke_next()` — no argument for
 * koffi to marshal, nothing allocated per call. The caller's memory base is re-sent to the shim only
 * when the cached ArrayBuffer was detached by memory.grow.
 *
 * Calls nest: a host function may call back into wasm (WasmEdge_ExecutorInvoke → guest callback), and
 * that wasm may call host functions again; wpk_invoke copies its parameters out of the slots first.
 */
import { KitError } from './errors.js';
import { GrowProto, GuestCallProto, koffi, type Ptr, type Shim } from './native/binding.js';
import type { FuncSignature } from './wasm/binary.js';
import type { ValueTypeName } from './value-types.js';

export type WasmValue = number | bigint;

/** Thrown through wasm frames when a host function returns WasmEdge_Result_Terminate. */
export class WasmTerminate extends Error {
  constructor() {
    super('terminated by a host function (WasmEdge_Result_Terminate)');
    this.name = 'WasmTerminate';
  }
}

const SLOT_BYTES = 32;
// Words per slot for each typed view over the slot area.
const STRIDE32 = SLOT_BYTES / 4;
const STRIDE64 = SLOT_BYTES / 8;

/** Bytes 2–3 of WasmEdge_ValType for each value type (FACTS §1). */
const TYPE_BYTES: Record<ValueTypeName, [number, number]> = {
  i32: [0x7f, 0x40], i64: [0x7e, 0x40], f32: [0x7d, 0x40], f64: [0x7c, 0x40], v128: [0x7b, 0x40],
  funcref: [0x63, 0x70], externref: [0x63, 0x6f],
};

/** The calling context of host functions: a guest module in the shim plus the wasm memory behind it. */
export class Frame {
  buf: ArrayBuffer;
  readonly growId: number;

  constructor(
    readonly engine: CallEngine,
    readonly guest: Ptr,
    readonly memoryInstance: Ptr,
    public memory: WebAssembly.Memory | undefined,
    public maxPages = 65536,
  ) {
    // A detached-looking buffer makes the first call attach the memory.
    this.buf = new ArrayBuffer(0);
    this.growId = engine.registerGrowTarget(this);
  }

  /** Re-sends the memory's current base and size to the shim (after a grow, or the first time). */
  refresh(): void {
    if (!this.memory) {
      this.buf = new ArrayBuffer(8); // never detached: nothing to refresh
      return;
    }
    const b = this.memory.buffer;
    this.buf = b;
    this.engine.shim.memoryAttach(this.memoryInstance, this.growId, b, b.byteLength, this.maxPages);
  }

  attach(memory: WebAssembly.Memory | undefined, maxPages = 65536): void {
    this.memory = memory;
    this.maxPages = maxPages;
    this.buf = new ArrayBuffer(0);
  }

  dispose(): void {
    this.engine.unregisterGrowTarget(this.growId);
  }
}

export interface CallSite {
  plugin: string;
  module: string;
  func: string;
}

interface GuestFunction {
  fn: (...args: WasmValue[]) => unknown;
  sig: FuncSignature;
  frame: Frame;
}

type TrampolineFactory = (binding: number, ...context: unknown[]) => (...args: WasmValue[]) => unknown;

export class CallEngine {
  static #instance: CallEngine | undefined;
  readonly i32: Int32Array;
  readonly f32: Float32Array;
  readonly i64: BigInt64Array;
  readonly f64: Float64Array;
  readonly u8: Uint8Array;
  readonly slotCount: number;
  /** The shim-owned word wpk_invoke_next reads the binding id from. */
  readonly #nextBinding: Uint32Array;
  /** The shim's call state (wpk_call_state): depth, failure, failure_depth. */
  readonly #callState: Uint32Array;
  /**
   * What a call back into wasm ran into, by the depth it ran at. An entry belongs to the host call
   * that made that guest call: the shim's call state says whether the host call that just failed
   * passed it on (then it is rethrown); otherwise it is stale and never reported.
   */
  readonly #guestErrors: unknown[] = [];
  readonly #guests = new Map<number, GuestFunction>();
  readonly #growTargets = new Map<number, Frame>();
  #nextId = 1;
  /** Compiled trampoline factories by signature ("i32,i32>i32"). */
  readonly #factories = new Map<string, TrampolineFactory>();
  // Registered callbacks must stay referenced for as long as the shim can call them.
  readonly #callbacks: unknown[] = [];

  static get(shim: Shim): CallEngine {
    CallEngine.#instance ??= new CallEngine(shim);
    return CallEngine.#instance;
  }

  private constructor(readonly shim: Shim) {
    this.slotCount = shim.slotCount() as number;
    const area = koffi.view(shim.slots() as Ptr, this.slotCount * SLOT_BYTES);
    this.i32 = new Int32Array(area);
    this.f32 = new Float32Array(area);
    this.i64 = new BigInt64Array(area);
    this.f64 = new Float64Array(area);
    this.u8 = new Uint8Array(area);
    this.#nextBinding = new Uint32Array(koffi.view(shim.nextBinding() as Ptr, 4));
    this.#callState = new Uint32Array(koffi.view(shim.callStateWords() as Ptr, 12));
    const guestCall = koffi.register(
      (id: number, params: Ptr, np: number, returns: Ptr, nr: number) => this.#guestCall(id, params, np, returns, nr),
      koffi.pointer(GuestCallProto),
    );
    const grow = koffi.register((id: number, pages: number) => this.#grow(id, pages), koffi.pointer(GrowProto));
    this.#callbacks.push(guestCall, grow);
    shim.setGuestCallback(guestCall);
    shim.setGrowCallback(grow);
  }

  registerGrowTarget(frame: Frame): number {
    const id = this.#nextId++;
    this.#growTargets.set(id, frame);
    return id;
  }

  unregisterGrowTarget(id: number): void {
    this.#growTargets.delete(id);
  }

  #grow(id: number, pages: number): number {
    const frame = this.#growTargets.get(id);
    if (!frame?.memory) return -1;
    try {
      frame.memory.grow(pages);
    } catch {
      return -1;
    }
    frame.refresh();
    return 0;
  }

  /** Registers a wasm export so host functions can call it; returns the id for wpk_guest_function_create. */
  registerGuestFunction(fn: (...args: WasmValue[]) => unknown, sig: FuncSignature, frame: Frame): number {
    const id = this.#nextId++;
    this.#guests.set(id, { fn, sig, frame });
    return id;
  }

  unregisterGuestFunction(id: number): void {
    this.#guests.delete(id);
  }

  #guestCall(id: number, params: Ptr, np: number, returns: Ptr, nr: number): number {
    const g = this.#guests.get(id);
    if (!g) return 0x2;
    try {
      const args: WasmValue[] = [];
      if (np > 0) {
        const v = new DataView(koffi.view(params, np * SLOT_BYTES));
        g.sig.params.forEach((t, i) => args.push(readValue(v, i * SLOT_BYTES, t)));
      }
      const r = g.fn(...args);
      // The guest may have grown its memory: the host function must see the new base.
      if (g.frame.buf.byteLength === 0) g.frame.refresh();
      if (nr > 0) {
        const results = g.sig.results.length === 1 ? [r] : (r as WasmValue[]);
        const v = new DataView(koffi.view(returns, nr * SLOT_BYTES));
        g.sig.results.forEach((t, i) => writeValue(v, i * SLOT_BYTES, t, results[i] as WasmValue));
      }
      return 0;
    } catch (e) {
      this.#guestErrors[this.#callState[0]] = e;
      return 0x2; // WASM RuntimeError: the host function sees a failure; the trap is rethrown if it passes it on
    }
  }

  /**
   * What a failed host call turns into: Terminate; what the wasm it called back ran into, when it
   * passed that failure on; or a KitError naming the call (with that as the cause, if any).
   */
  failure(code: number, site: CallSite): Error {
    if (code === 1) return new WasmTerminate();
    // Read right after the host call returned: the state is this call's own.
    const [, failure, depth] = this.#callState;
    const fromWasm = failure !== 0 ? this.#guestErrors[depth] : undefined;
    if (failure !== 0) this.#guestErrors[depth] = undefined;
    if (fromWasm !== undefined && code === failure) return fromWasm as Error;
    const category = code >>> 24;
    const detail = code & 0xffffff;
    const message = this.shim.ResultGetMessage(code) as string;
    return new KitError(
      'E_HOST_FAILURE',
      `host function ${site.module}.${site.func} of plug-in '${site.plugin}' failed: ${message} (category ${category === 0 ? 'WASM' : category === 1 ? 'UserLevelError' : category}, code 0x${detail.toString(16)})` +
        (fromWasm !== undefined ? `, after its call back into wasm failed: ${(fromWasm as Error)?.message ?? String(fromWasm)}` : ''),
      { category, resultCode: detail, cause: fromWasm },
    );
  }

  /**
   * Builds the JS function that wasm imports for one binding. Generated code, so the argument writes and
   * result reads are straight-line typed-array accesses with constant indexes; the code is compiled once
   * per signature and each binding gets a closure over it.
   */
  makeImport(binding: number, sig: FuncSignature, frame: Frame, site: CallSite): (...args: WasmValue[]) => unknown {
    const nargs = sig.params.length;
    if (nargs > this.slotCount || sig.results.length > this.slotCount) {
      throw new KitError('E_ARGUMENTS', `${site.module}.${site.func} has more than ${this.slotCount} parameters or results`);
    }
    const key = `${sig.params.join(',')}>${sig.results.join(',')}`;
    let factory = this.#factories.get(key);
    if (!factory) {
      const args = sig.params.map((_, i) => `a${i}`);
      const writes = sig.params.map((t, i) => `${slotRef(t, i)} = a${i};`).join('\n  ');
      const reads = sig.results.map((t, i) => slotRef(t, i));
      const ret = reads.length === 0 ? '' : reads.length === 1 ? `return ${reads[0]};` : `return [${reads.join(', ')}];`;
      const body = `return function hostCall(${args.join(', ')}) {
  if (frame.buf.byteLength === 0) frame.refresh();
  ${writes}
  next[0] = binding;
  const code = invoke();
  if (code !== 0) throw engine.failure(code, site);
  ${ret}
};`;
      factory = new Function('binding', 'frame', 'invoke', 'next', 'engine', 'site', 'i32', 'i64', 'f32', 'f64', body) as TrampolineFactory;
      this.#factories.set(key, factory);
    }
    return factory(binding, frame, this.shim.invokeNext, this.#nextBinding, this, site, this.i32, this.i64, this.f32, this.f64);
  }

  /** A one-off call with JS values (direct calls from code or the CLI; not the hot path). */
  callBinding(binding: number, sig: FuncSignature, frame: Frame, site: CallSite, args: WasmValue[]): WasmValue[] {
    if (sig.params.length > this.slotCount || sig.results.length > this.slotCount) {
      throw new KitError('E_ARGUMENTS', `${site.module}.${site.func} has ${sig.params.length} parameters and ${sig.results.length} results; this runtime passes at most ${this.slotCount} of each`);
    }
    if (args.length !== sig.params.length) {
      throw new KitError('E_ARGUMENTS', `${site.module}.${site.func} takes ${sig.params.length} argument(s), got ${args.length}`);
    }
    if (frame.buf.byteLength === 0) frame.refresh();
    const v = new DataView(this.u8.buffer);
    sig.params.forEach((t, i) => writeValue(v, i * SLOT_BYTES, t, args[i], false));
    const code = this.shim.invoke(binding);
    if (code !== 0) throw this.failure(code, site);
    return sig.results.map((t, i) => readValue(v, i * SLOT_BYTES, t));
  }
}

function slotRef(t: ValueTypeName, i: number): string {
  switch (t) {
    case 'i32': return `i32[${i * STRIDE32}]`;
    case 'f32': return `f32[${i * STRIDE32}]`;
    case 'i64': return `i64[${i * STRIDE64}]`;
    case 'f64': return `f64[${i * STRIDE64}]`;
    default: throw new KitError('E_IMPORT_SIGNATURE', `value type ${t} cannot cross between Node's WebAssembly engine and a host function`);
  }
}

export function readValue(v: DataView, off: number, t: ValueTypeName): WasmValue {
  switch (t) {
    case 'i32': return v.getInt32(off, true);
    case 'i64': return v.getBigInt64(off, true);
    case 'f32': return v.getFloat32(off, true);
    case 'f64': return v.getFloat64(off, true);
    default: return v.getBigUint64(off, true); // references: the pointer-sized payload
  }
}

/** Writes a value's payload (zero-extended to 16 bytes) and, when `withType`, its WasmEdge_ValType. */
export function writeValue(v: DataView, off: number, t: ValueTypeName, x: WasmValue, withType = true): void {
  v.setBigUint64(off, 0n, true);
  v.setBigUint64(off + 8, 0n, true);
  switch (t) {
    case 'i32': v.setInt32(off, Number(x) | 0, true); break;
    case 'i64': v.setBigInt64(off, BigInt.asIntN(64, BigInt(x)), true); break;
    case 'f32': v.setFloat32(off, Number(x), true); break;
    case 'f64': v.setFloat64(off, Number(x), true); break;
    default: v.setBigUint64(off, BigInt(x), true); break;
  }
  if (withType) {
    v.setBigUint64(off + 16, 0n, true);
    const [code, heap] = TYPE_BYTES[t];
    v.setUint8(off + 18, code);
    v.setUint8(off + 19, heap);
  }
}
