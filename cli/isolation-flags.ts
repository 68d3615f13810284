/**
 * The flags shared by the commands that run plug-in code (`--no-isolate`, `--timeout`) and by those
 * that take repeatable values. Commands add them with `isolationOptions(cmd)`.
 */
import type { Command } from 'commander';
import { ToolError } from '../tooling/errors.js';

export interface IsolationFlags {
  /** commander's `--no-isolate` gives isolate: false. */
  isolate?: boolean;
  timeout?: string;
}

/** Loading and listing takes milliseconds for a sane plug-in; a single host call may legitimately take longer. */
export const DEFAULT_TIMEOUT_S = 30;
export const INSPECT_TIMEOUT_S = 10;

export function isolationOptions(cmd: Command, defaultTimeout: number | undefined = DEFAULT_TIMEOUT_S): Command {
  return cmd
    .option('--no-isolate', 'run plug-in code in this process (faster; a crashing plug-in takes the CLI down)')
    .option('--timeout <seconds>', `kill plug-in code that runs this long without progress (default: ${defaultTimeout ?? 'none'}; 0 = none)`);
}

/** --timeout in ms (undefined = no limit); exit 2 for a malformed value. */
export function timeoutMs(flags: IsolationFlags, defaultSeconds: number | undefined = DEFAULT_TIMEOUT_S): number | undefined {
  if (flags.timeout === undefined) return defaultSeconds ? defaultSeconds * 1000 : undefined;
  const s = Number(flags.timeout);
  if (flags.timeout.trim() === '' || !Number.isFinite(s) || s < 0) {
    throw new ToolError('E_USAGE', `--timeout ${flags.timeout}: expected a number of seconds`, { hint: 'e.g. --timeout 10 (0 disables the limit)' });
  }
  return s === 0 ? undefined : s * 1000;
}

/** commander's accumulator for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
