/**
 * What one engine did with one run, in words both engines share (docs/engines.md, "Mapping"). The
 * kit and the `wasmedge` CLI report the same events differently (exit statuses, trap messages, how
 * results are printed); each side is normalised to an EngineOutcome, and only these are compared.
 */
export type EngineName = 'kit' | 'wasmedge';
export type EngineChoice = EngineName | 'both';
export const ENGINE_CHOICES: readonly EngineChoice[] = ['kit', 'wasmedge', 'both'];

export type OutcomeKind =
  /** `_start` ended (returned, proc_exit, or a host Terminate): `guestExit` holds the status. */
  | 'exit'
  /** An invoked export returned: `results` holds its values as text. */
  | 'results'
  /** The wasm trapped, or a host function failed (both end execution with an error). */
  | 'trap'
  /** A host function returned WasmEdge_Result_Terminate during an invoked export: no results. */
  | 'terminated'
  /** The run never started: a plug-in, import, export or argument was refused. */
  | 'error'
  /** The engine process crashed or hung. */
  | 'crash';

export interface EngineOutcome {
  engine: EngineName;
  kind: OutcomeKind;
  /** The guest's stdout (for an invoke: without the printed results). */
  stdout: string;
  guestExit?: number;
  /** Result values as text: integers in decimal (i64 signed), floats as the engine printed them. */
  results?: string[];
  /** Result types, to compare values by meaning (f32 rounding, NaN). */
  resultTypes?: string[];
  /** Trap, error or crash message, as the engine worded it. */
  message?: string;
  /** The kit's error code, or WasmEdge's "Code: 0x…". */
  code?: string;
  /** The engine's own exit status (WasmEdge: 134 for a trap). */
  status: number | null;
  /** The engine's stderr (WasmEdge's log lines; empty for the kit, whose errors are in message). */
  stderr?: string;
}
