/**
 * Stage markers: the runtime announces what plug-in code is about to run (dlopen → library
 * constructors, GetDescriptor, Create, a host function, dispose → finalizers, wasm). Nobody listens
 * in-process; the isolation child (tooling/isolation/child.ts) forwards each marker to its parent
 * synchronously, so a crash can be attributed to the last stage that started.
 */
export type StageName =
  | 'load' | 'constructor' | 'GetDescriptor' | 'descriptor' | 'Create' | 'call' | 'dispose'
  | 'instantiate' | 'run' | 'invoke' | 'conformance' | 'wat'
  /** Written by the shim's signal handler: a host function called from wasm crashed. */
  | 'host-crash';

export interface StageEvent {
  stage: StageName;
  /** Library path, when known. */
  path?: string;
  plugin?: string;
  module?: string;
  function?: string;
  /** Free-form extra (a .wat file, an export name, the arguments of a call…). */
  detail?: string;
}

let listener: ((e: StageEvent) => void) | undefined;

export function onStage(l: ((e: StageEvent) => void) | undefined): void {
  listener = l;
}

export function stage(e: StageEvent): void {
  if (listener) listener(e);
}
