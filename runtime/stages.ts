/**
 * Stage markers: the runtime announces what plug-in code is about to run (dlopen → library
 * constructors, GetDescriptor, Create, a host function, dispose → finalizers, wasm). Nobody listens
 * in-process; the isolation child (tooling/isolation/child.ts) forwards each marker to its parent
 * synchronously, so a crash can be attributed to the last stage that started.
 */
export type StageName =
  | 'load' | 'constructor' | 'GetDescriptor' | 'descriptor' | 'Create' | 'call' | 'dispose'
  | 'instantiate' | 'run' | 'invoke' | 'conformance' | 'wat'
  /** Written by the shim's signal handler (wpk_host.h): a host function called from wasm crashed… */
  | 'host-crash'
  /** …code on another thread than the host thread crashed… */
  | 'thread-crash'
  /** …or, asked before a timeout kill, where the host thread is (detail: host, wasm or none). */
  | 'hang'
  /** Named by the isolation parent: the child crashed after its result, at exit (library destructors). */
  | 'unload';

export interface StageEvent {
  stage: StageName;
  /** Library path, when known. */
  path?: string;
  plugin?: string;
  module?: string;
  function?: string;
  /** Free-form extra (a .wat file, an export name, the arguments of a call…). */
  detail?: string;
  /** From the shim's signal handler: the library holding the faulting code, and what it found ("stack overflow"). */
  library?: string;
  reason?: string;
  /** Set by the isolation parent when a hang was in wasm code rather than in plug-in code. */
  inWasm?: boolean;
}

let listener: ((e: StageEvent) => void) | undefined;

export function onStage(l: ((e: StageEvent) => void) | undefined): void {
  listener = l;
}

export function stage(e: StageEvent): void {
  if (listener) listener(e);
}
