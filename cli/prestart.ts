/**
 * Starts the isolation child as early as possible: bin/wasmedge-plugin.js imports this before the
 * CLI itself, so the child's start-up (Node, koffi, the shim) runs while the parent loads commander
 * and the command. Only for the commands that run plug-in code in a child (inspect, call, run),
 * and not when that child will not be used (--no-isolate, --help, --version).
 */
import { prestart } from '../tooling/isolation/parent.js';
import { probePath } from '../tooling/isolation/probe.js';
import { ISOLATED_STDIO, type IsolatedCommand } from '../tooling/engines/stdio.js';

const NO_CHILD = new Set(['--no-isolate', '--help', '-h', '--version', '-V']);

/** The isolated command argv will run, or undefined when it will not start a child. */
export function isolatedCommand(argv: readonly string[]): IsolatedCommand | undefined {
  const end = argv.indexOf('--'); // after `--`, arguments belong to the guest program
  const own = end < 0 ? argv : argv.slice(0, end);
  const first = own.find((a) => !a.startsWith('-'));
  if (first === undefined || !Object.hasOwn(ISOLATED_STDIO, first)) return undefined;
  if (own.some((a) => NO_CHILD.has(a))) return undefined;
  return first as IsolatedCommand;
}

export function prestartFor(argv: readonly string[]): void {
  const command = isolatedCommand(argv);
  // `inspect` runs plug-in code in the native probe, which starts in milliseconds: a Node child
  // started now would only compete with us for the CPU.
  if (command === 'inspect' && probePath()) return;
  if (command) prestart(ISOLATED_STDIO[command]);
}
