/**
 * Child side of tooling/isolation/parent.ts: `node child.js`. Loads the shim while the parent is
 * still deciding, reads one task `{name, args}` as JSON from fd 4 (no size limit, unlike argv), runs
 * it from the typed registry (tasks.ts), and writes stage markers, progress, and the result (or
 * error) as JSON lines to fd 3 with fs.writeSync, so nothing written before a crash is lost.
 */
import { writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { isKitError } from '../../runtime/errors.js';
import { reportStagesTo } from '../stage-report.js';
import { loadShim } from '../../runtime/native/binding.js';
import { TASKS, isTaskName } from './tasks.js';

const CHANNEL = 3;
const TASK_INPUT = 4;

function send(msg: Record<string, unknown>): void {
  const line = JSON.stringify(msg, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) + '\n';
  // One write per line; loop for partial writes (pipes accept up to 64 KiB at once).
  const buf = Buffer.from(line);
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(CHANNEL, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

function serialiseError(e: unknown): Record<string, unknown> {
  if (isKitError(e)) {
    const { cause: _cause, ...details } = e.details;
    return { ...details, code: e.code, message: e.message, hint: e.hint, path: e.path };
  }
  if (e instanceof WebAssembly.RuntimeError) return { code: 'E_TRAP', message: `wasm trap: ${e.message}` };
  const err = e as Error;
  return { code: 'E_INTERNAL', message: err?.message ?? String(e), stack: err?.stack };
}

/** The whole task text; empty when the parent closed the pipe without using this child. */
function readTask(): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    const input = new Socket({ fd: TASK_INPUT, readable: true, writable: false });
    input.on('data', (d: Buffer) => chunks.push(d));
    input.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    input.on('error', reject);
  });
}

async function main(): Promise<void> {
  // A fault inside a host function called from wasm names the function on the same channel.
  loadShim().installCrashReporter(CHANNEL);
  // Every task uses the host runtime: load it while the parent is still deciding what to ask.
  const warm = import('../../runtime/host.js');
  const text = await readTask();
  await warm.catch(() => undefined); // the task's own import reports the problem
  if (!text) process.exit(0); // a pre-started child nobody needed
  const task = JSON.parse(text) as { name: string; args: unknown[] };
  reportStagesTo((e) => send({ t: 'stage', ...e }));
  try {
    if (!isTaskName(task.name)) throw new Error(`unknown isolated task '${task.name}'`);
    const fn = (await TASKS[task.name]()) as (...a: unknown[]) => unknown;
    const value = await fn(...task.args, (value: unknown) => send({ t: 'progress', value }));
    send({ t: 'result', value: value ?? null });
  } catch (e) {
    send({ t: 'error', error: serialiseError(e) });
  }
  reportStagesTo(undefined);
  // Exit now: nothing else of ours is pending, and an idle plug-in thread must not keep us alive.
  process.exit(0);
}

void main();
