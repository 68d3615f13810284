/**
 * Crash isolation: runs a task of the typed registry (tasks.ts) in a child Node process, so that
 * plug-in code that crashes (signal), aborts, exits or hangs takes down the child, never the CLI.
 *
 * Protocol (the child is child.ts, always run compiled from dist/): the task travels as JSON
 * `{name, args}` on fd 4 (a pipe: no argv size limit), so a child can be started before the task
 * is known (`prestart`); the child writes JSON lines to fd 3 with fs.writeSync — synchronous, so
 * every line written before a crash reaches the parent (async IPC messages can be lost when the
 * process dies):
 *   {"t":"stage", stage, path?, plugin?, module?, function?, detail?}   plug-in code about to run
 *   {"t":"progress", "value": …}                                       partial result (resumable tasks)
 *   {"t":"result", "value": …}                                         the function's return value
 *   {"t":"error", "error": {code, message, hint?, path?}}              the function threw
 * No result and no error line means the child died: the last stage names where.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import module from 'node:module';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { packageRoot } from '../../runtime/paths.js';
import type { StageEvent } from '../../runtime/stages.js';
import type { TaskArgs, TaskName, TaskResult } from './tasks.js';
import { ToolError, ERROR_CODES, type ErrorCode } from '../errors.js';
import { formatWarning } from '../messages.js';
import { hasAsan } from '../sanitizer.js';

export interface IsolateOptions {
  /** Kill the child after this many ms without any stage/progress line (0 or undefined: no limit). */
  timeoutMs?: number;
  /** 'inherit' streams the child's stdout to ours (guest output of `run`); 'stderr' sends it to our stderr. */
  stdout?: 'inherit' | 'stderr' | 'ignore';
  stdin?: 'inherit' | 'ignore';
  /** Bytes for the child's stdin instead (a pipe that ends after them): a guest's input given to two engines. */
  input?: Uint8Array;
  /** Copy the child's stderr to ours as it arrives (its tail is kept for reports either way). */
  forwardStderr?: boolean;
  /** Extra environment (e.g. LD_PRELOAD of a sanitizer runtime). */
  env?: Record<string, string>;
  onStage?: (e: StageEvent) => void;
  onProgress?: (value: unknown) => void;
  /**
   * The child crashed after sending its result (at exit: library destructors). The result is kept;
   * this receives the E_CRASH error. Default: print it as a warning on stderr.
   */
  onUnloadCrash?: (e: ToolError) => void;
}

/** How the child ended when it did not return normally. */
export interface CrashInfo {
  stage?: StageEvent;
  signal?: string;
  exitCode?: number;
  timedOut: boolean;
  stderrTail: string;
  /** Every library the child announced a stage for: the suspects when the stage names none. */
  libraries?: string[];
}

const STDERR_TAIL_BYTES = 4096;
const STARTUP_MS = 30_000;
/** How long a child that timed out may take to say where it is (SIGUSR2) before it is killed. */
const WHERE_GRACE_MS = 1500;

/** The child always runs compiled code: under vitest the parent runs from source, the child from dist/. */
function childEntry(): string {
  const p = join(packageRoot, 'dist', 'tooling', 'isolation', 'child.js');
  if (!existsSync(p)) throw new Error(`wasmedge-plugin-kit is not built: ${p} is missing (run \`npm run build\`)`);
  return p;
}

type StdioChoice = Pick<IsolateOptions, 'stdout' | 'stdin'>;

/** Our environment plus `extra`, and Node's compile cache directory when we use one (Node 22.1+). */
function childEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const cacheDir = (module as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.();
  if (!extra && !cacheDir) return process.env;
  return { ...process.env, ...(cacheDir ? { NODE_COMPILE_CACHE: cacheDir } : {}), ...extra };
}

function spawnChild(o: StdioChoice & Pick<IsolateOptions, 'env' | 'input'>): ChildProcess {
  // Open our stdio streams now, not while the child writes to a pipe it shares with us: Node makes
  // the pipe non-blocking when it opens a stream on it (the child makes it blocking again).
  void process.stdout;
  void process.stderr;
  return spawn(process.execPath, ['--disable-warning=ExperimentalWarning', childEntry()], {
    stdio: [o.input ? 'pipe' : o.stdin ?? 'ignore', o.stdout === 'inherit' ? 'inherit' : 'pipe', 'pipe', 'pipe', 'pipe'],
    env: childEnv(o.env),
  });
}

let prestarted: { child: ChildProcess; stdio: StdioChoice } | undefined;

/**
 * Starts a child now, before the task is known, so that its start-up (Node, koffi, the shim)
 * overlaps the parent's own (the CLI parsing its flags). Unused, it exits when we do.
 */
export function prestart(o: StdioChoice = {}): void {
  if (prestarted) return;
  const child = spawnChild(o);
  child.unref();
  for (const s of child.stdio) (s as { unref?: () => void } | null)?.unref?.();
  prestarted = { child, stdio: { stdout: o.stdout, stdin: o.stdin } };
}

/** The pre-started child when its stdio fits (and no extra environment is needed), else a new one. */
function takeChild(o: IsolateOptions): ChildProcess {
  const p = prestarted;
  prestarted = undefined;
  if (p && !o.env && !o.input && p.stdio.stdout === o.stdout && p.stdio.stdin === o.stdin && p.child.exitCode === null) {
    p.child.ref();
    for (const s of p.child.stdio) (s as { ref?: () => void } | null)?.ref?.();
    return p.child;
  }
  p?.child.kill();
  return spawnChild(o);
}

/**
 * The shim's signal handler only knows the crashing function's name and the faulting code's library:
 * a direct call's own stage says more (module, arguments), and the running stage knows the plug-in.
 * Its answer before a timeout kill ('hang') refines the running stage the same way.
 */
function mergeStage(previous: StageEvent | undefined, next: StageEvent, libraries: Set<string>): StageEvent | undefined {
  if (next.stage !== 'host-crash' && next.stage !== 'thread-crash' && next.stage !== 'hang') return next;
  if (next.stage === 'hang' && next.detail === 'none') {
    // No plug-in call running: a run or invoke is in wasm code; anything else is still the last stage.
    const running = previous?.stage === 'run' || previous?.stage === 'invoke' || previous?.stage === 'instantiate';
    return running ? { ...previous!, inWasm: true } : previous;
  }
  if (previous?.stage === 'call' && previous.function === next.function && next.stage !== 'thread-crash') {
    return { ...previous, reason: next.reason };
  }
  // The faulting code's library names the plug-in when it is one (not libc, say); the shim sees real paths.
  const real = (p: string) => { try { return realpathSync(p); } catch { return p; } };
  const own = next.library === undefined ? undefined : [...libraries].find((l) => real(l) === next.library);
  const path = own ?? previous?.path;
  return { ...next, path, plugin: path === previous?.path ? previous?.plugin : undefined };
}

/** Words for where plug-in code was running, for messages. */
export function describeStage(s: StageEvent | undefined): string {
  if (!s) return 'while starting (before any plug-in code ran)';
  const lib = s.plugin ? `plug-in '${s.plugin}'${s.path ? ` (${s.path})` : ''}` : s.path ? s.path : 'the plug-in';
  switch (s.stage) {
    case 'constructor': return `while loading ${lib} (dlopen: library constructors)`;
    case 'GetDescriptor': return `in WasmEdge_Plugin_GetDescriptor of ${lib}`;
    case 'descriptor': return `while reading the descriptor of ${lib}`;
    case 'Create': return `in Create of module '${s.module}' of ${lib}`;
    case 'call': return `in host function ${s.module}.${s.function} of ${lib}${s.detail ? ` (arguments: ${s.detail})` : ''}`;
    case 'dispose': return `while deleting module '${s.module}' of ${lib} (its finalizer)`;
    case 'unload': return `during library unload at process exit (library destructors${s.path ? ` of ${s.path}` : ''}), after the result was complete`;
    case 'instantiate': return 'while instantiating the wasm module';
    case 'run': return `${s.inWasm ? 'in wasm code (or the WASI calls it made) ' : ''}while running ${s.detail ?? '_start'}`;
    case 'invoke': return `${s.inWasm ? 'in wasm code (or the WASI calls it made) ' : ''}while running export '${s.function}'`;
    case 'host-crash': return `in host function '${s.function}' (called from wasm)${s.plugin || s.path ? ` of ${lib}` : ''}`;
    case 'thread-crash': return s.path
      ? `on a thread of the plug-in, not in a host function call (in code of ${lib})`
      : `on another thread than the one running host functions${s.library ? ` (in code of ${s.library})` : ''}`;
    case 'hang': return s.detail === 'wasm'
      ? `in wasm code called back from host function '${s.function}'${s.plugin || s.path ? ` of ${lib}` : ''}`
      : `in host function '${s.function}' (called from wasm)${s.plugin || s.path ? ` of ${lib}` : ''}`;
    default: return `during ${s.stage}${s.detail ? ` (${s.detail})` : ''}`;
  }
}

/** The KitError for a child that died or hung. */
export function crashError(c: CrashInfo): ToolError {
  const where = describeStage(c.stage);
  const how = c.timedOut
    ? 'did not finish in time (hang?)'
    : c.signal === 'SIGABRT' ? 'aborted (SIGABRT)'
    : c.signal ? `crashed (${c.signal})${c.stage?.reason ? `: ${c.stage.reason}` : ''}`
    : `exited unexpectedly with status ${c.exitCode}`;
  const tail = c.stderrTail.trim();
  const suspects = !c.stage?.path && c.libraries?.length ? ` (plug-ins loaded: ${c.libraries.join(', ')})` : '';
  const who = c.stage?.inWasm ? 'the wasm program' : 'plug-in code';
  const message = `${who} ${how} ${where}${suspects}${tail ? `\n  stderr (last lines):\n${tail.split('\n').slice(-12).map((l) => `    ${l}`).join('\n')}` : ''}`;
  // An ASan build loaded without the ASan runtime preloaded exits while its constructors run.
  const asanBuild = c.stage?.stage === 'constructor' && c.stage.path !== undefined && hasAsan(c.stage.path);
  return new ToolError(c.timedOut ? 'E_TIMEOUT' : 'E_CRASH', message, {
    path: c.stage?.path,
    hint: asanBuild
      ? 'This library was built with AddressSanitizer (as the builds under build/asan/ are): it loads only with the ASan runtime loaded first. Point at the regular build instead.'
      : c.timedOut
      ? `${c.stage?.inWasm ? 'It' : 'The plug-in'} was killed; raise --timeout if the work is legitimately slow.`
      : c.stage?.stage === 'unload' ? 'A library destructor crashed (__attribute__((destructor)), a C++ static object\'s destructor, a Rust static\'s Drop): WasmEdge runs them when it exits, so it would crash there too.'
      : 'Run `wasmedge-plugin test` on the plug-in for a per-function report; `--sanitize address` finds memory errors.',
    stage: c.stage, signal: c.signal, exitCode: c.exitCode, stderrTail: c.stderrTail,
  });
}

function reviveError(e: { code: string; message: string; hint?: string; path?: string; [k: string]: unknown }): Error {
  if (e.code in ERROR_CODES) {
    const { code, message, ...details } = e;
    return new ToolError(code as ErrorCode, message, details);
  }
  const err = new Error(e.message);
  if (typeof e.stack === 'string') err.stack = e.stack;
  return err;
}

/** How a child ended. */
export interface ChildEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

/** A child being watched: its stage lines, stderr tail and timeout, and how it ended. */
export interface Supervised {
  /** Resolves once the child closed and all its output was read. */
  closed: Promise<ChildEnd>;
  /** The E_CRASH / E_TIMEOUT error for a child that died or hung, naming the last stage. */
  crashError(end: ChildEnd): ToolError;
  /** The child died at exit after its work was complete (library destructors): report it as `o` says. */
  reportUnloadCrash(end: ChildEnd): void;
}

/**
 * Watches `child` as the protocol above says: stage lines name where it is, other lines go to
 * `onMessage`; stderr is kept (and forwarded); the timeout applies between lines.
 */
export function supervise(child: ChildProcess, o: IsolateOptions, onMessage: (msg: { t: string; [k: string]: unknown }) => void): Supervised {
  let stage: StageEvent | undefined;
  const libraries = new Set<string>();
  let stderrTail = '';
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms = o.timeoutMs) => {
    if (!ms || timedOut) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      // Ask where it is (the shim answers SIGUSR2 with a 'hang' stage line), then kill it.
      child.kill('SIGUSR2');
      timer = setTimeout(() => child.kill('SIGKILL'), WHERE_GRACE_MS);
    }, ms);
  };
  // Start-up (Node's, slow on a loaded machine) is not the plug-in's time: the limit applies from
  // the first line the child sends, with a generous bound before it.
  if (o.timeoutMs) arm(Math.max(o.timeoutMs, STARTUP_MS));

  if (child.stdout) {
    child.stdout.on('data', (d: Buffer) => { if (o.stdout !== 'ignore') process.stderr.write(d); });
  }
  child.stderr!.on('data', (d: Buffer) => {
    if (o.forwardStderr) process.stderr.write(d);
    stderrTail = (stderrTail + d.toString('utf8')).slice(-STDERR_TAIL_BYTES);
  });
  let pending = '';
  const channel = child.stdio[3] as NodeJS.ReadableStream;
  channel.on('data', (d: Buffer) => {
    pending += d.toString('utf8');
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (!line) continue;
      let msg: { t: string; [k: string]: unknown };
      try { msg = JSON.parse(line); } catch { continue; }
      arm();
      if (msg.t === 'stage') {
        const { t: _t, ...e } = msg;
        stage = mergeStage(stage, e as unknown as StageEvent, libraries);
        if (stage?.path) libraries.add(stage.path);
        if (stage) o.onStage?.(stage);
        if (msg.stage === 'hang' && timedOut) child.kill('SIGKILL');
      } else {
        onMessage(msg);
      }
    }
  });
  // 'close' (not 'exit'): every byte of fd 3 and stderr has been read by then.
  const closed = new Promise<ChildEnd>((resolveClosed, reject) => {
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolveClosed({ code, signal, timedOut }); });
  });
  // Forwarded stderr is already on the user's terminal: do not print it twice.
  const tail = () => (o.forwardStderr ? '' : stderrTail);
  return {
    closed,
    crashError: (end) => crashError({ stage, signal: end.signal ?? undefined, exitCode: end.code ?? undefined, timedOut: end.timedOut, libraries: [...libraries], stderrTail: tail() }),
    reportUnloadCrash: (end) => {
      const only = libraries.size === 1 ? [...libraries][0] : undefined;
      const err = crashError({ stage: { stage: 'unload', path: only }, signal: end.signal ?? undefined, exitCode: end.code ?? undefined, timedOut: false, libraries: [...libraries], stderrTail: tail() });
      if (o.onUnloadCrash) o.onUnloadCrash(err);
      else process.stderr.write(formatWarning(err.code, err.message, err.hint) + '\n');
    },
  };
}

/**
 * Runs `task` in a child process. Resolves to its return value; rejects with the error it threw
 * (a KitError keeps its code), or with E_CRASH / E_TIMEOUT naming the stage, signal and stderr tail.
 */
export async function runIsolated<N extends TaskName>(name: N, args: TaskArgs<N>, o: IsolateOptions = {}): Promise<TaskResult<N>> {
  const child = takeChild(o);
  const input = child.stdio[4] as Writable;
  input.on('error', () => { /* the child died before reading its task: 'close' reports it */ });
  input.end(JSON.stringify({ name, args }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  if (o.input) {
    child.stdin!.on('error', () => { /* the guest stopped reading (EPIPE): what it read is what counts */ });
    child.stdin!.end(o.input);
  }
  let outcome: { value: unknown } | { error: Error } | undefined;
  const watch = supervise(child, o, (msg) => {
    if (msg.t === 'progress') o.onProgress?.(msg.value);
    else if (msg.t === 'result') outcome = { value: msg.value };
    else if (msg.t === 'error') outcome = { error: reviveError(msg.error as never) };
  });
  const end = await watch.closed;
  if (outcome === undefined || end.timedOut) throw watch.crashError(end);
  // The task finished, then the child died at exit: what was produced stands; the crash is reported on its own.
  if (end.signal !== null || end.code !== 0) watch.reportUnloadCrash(end);
  if ('error' in outcome) throw outcome.error;
  return outcome.value as TaskResult<N>;
}
