/** How `run` and `call` print what real WasmEdge did, alone or compared with the kit (docs/engines.md). */
import { formatComparison } from '../tooling/wasmedge/compare.js';
import type { EngineRunReport } from '../tooling/wasmedge/engine-run.js';
import type { EngineOutcome } from '../tooling/wasmedge/outcome.js';
import { formatError } from './output.js';

/** The exit status a one-engine WasmEdge outcome maps to, in the kit's conventions. */
export function exitStatusOf(o: EngineOutcome): number {
  if (o.kind === 'exit') return o.guestExit ?? 0;
  return o.kind === 'results' || o.kind === 'terminated' ? 0 : 1;
}

/** `--engine wasmedge`: WasmEdge's own stderr passes through; traps and refusals get an error line. */
export function printWasmEdgeOutcome(o: EngineOutcome): number {
  if (o.stderr) process.stderr.write(o.stderr);
  process.stdout.write(o.stdout);
  for (const v of o.results ?? []) process.stdout.write(`${v}\n`);
  if (o.kind === 'trap') process.stderr.write(formatError('E_TRAP', `wasm trap in WasmEdge: ${o.message ?? ''}`) + '\n');
  else if (o.kind === 'error' || o.kind === 'crash') process.stderr.write(formatError(o.kind === 'crash' ? 'E_CRASH' : 'E_WASMEDGE_FAILED', `WasmEdge: ${o.message ?? ''}`) + '\n');
  return exitStatusOf(o);
}

/** `--engine both`: the verdict and both sides on stdout; exit 1 when they differ. */
export function printComparison(r: EngineRunReport): number {
  process.stdout.write(formatComparison(r.kit!, r.wasmedgeOutcome!, r.comparison!, `WasmEdge ${r.wasmedge?.version ?? ''}`.trim()) + '\n');
  return r.comparison!.same ? 0 : 1;
}
