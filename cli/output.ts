/** How every command reports: errors as `error[CODE]: message` + `  hint: …` on stderr, JSON on stdout. */
import { coloursFor, formatError, formatWarning } from '../tooling/messages.js';
import { isKitError } from '../runtime/errors.js';

/** Colours for what commands print on stdout (errors and warnings decide for stderr themselves). */
const colour = coloursFor(process.stdout);

/** Prints any thrown value as an error report; returns the exit status to use. */
export function reportError(e: unknown): 1 | 2 {
  if (isKitError(e)) {
    process.stderr.write(formatError(e.code, e.message, e.hint, e.path) + '\n');
    return e.exitCode;
  }
  if (e instanceof WebAssembly.RuntimeError) {
    process.stderr.write(formatError('E_TRAP', `wasm trap: ${e.message}`) + '\n');
    return 1;
  }
  const err = e as Error;
  process.stderr.write(formatError('E_INTERNAL', err?.message ?? String(e), 'This is a bug in wasmedge-plugin-kit; please report it with the command you ran.') + '\n');
  if (process.env.WASMEDGE_PLUGIN_DEBUG && err?.stack) process.stderr.write(err.stack + '\n');
  return 1;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n');
}

export { colour, formatError, formatWarning };
