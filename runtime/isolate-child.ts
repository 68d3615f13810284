/**
 * Child side of runtime/isolate.ts: `node isolate-child.js '<task JSON>'`. Imports the task's module,
 * calls the exported function, and writes stage markers, progress, and the result (or error) as JSON
 * lines to fd 3 with fs.writeSync, so nothing written before a crash is lost.
 */
import { writeSync } from 'node:fs';
import { isKitError } from './errors.js';
import { onStage } from './stages.js';
import { loadShim } from './native.js';

const CHANNEL = 3;

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

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2]) as { module: string; fn: string; args: unknown[]; progress?: boolean };
  onStage((e) => send({ t: 'stage', ...e }));
  // A fault inside a host function called from wasm names the function on the same channel.
  loadShim().installCrashReporter(CHANNEL);
  try {
    const mod = (await import(task.module)) as Record<string, (...a: unknown[]) => unknown>;
    const fn = mod[task.fn];
    if (typeof fn !== 'function') throw new Error(`${task.module} exports no function ${task.fn}`);
    const args = task.progress ? [...task.args, (value: unknown) => send({ t: 'progress', value })] : task.args;
    const value = await fn(...args);
    send({ t: 'result', value: value ?? null });
  } catch (e) {
    send({ t: 'error', error: serialiseError(e) });
  }
  onStage(undefined);
  // Exit now: nothing else of ours is pending, and an idle plug-in thread must not keep us alive.
  process.exit(0);
}

void main();
