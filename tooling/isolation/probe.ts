/**
 * The inspect probe (probe/wpk_probe.c): a small native program that runs plug-in code for
 * `inspect` in its own process, so a crash or hang is reported like the Node child's (same stage
 * lines, same supervision) while costing a few milliseconds instead of a second Node start-up.
 * It owns no rule: a session sends one command at a time and gets the raw facts back; the caller
 * judges them with the runtime's rules (tooling/engines/inspect-probe.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { packageRoot, shimPath } from '../../runtime/paths.js';
import type { StageEvent } from '../../runtime/stages.js';
import { supervise, type IsolateOptions, type Supervised } from './parent.js';

/** One reply line of the probe (fields as its header comment lists them). */
export type ProbeReply = Record<string, unknown> & { signals: number };

/** The probe program, or undefined when it was not built (then the Node child serves). */
export function probePath(): string | undefined {
  const p = join(packageRoot, 'build', 'Release', 'wpk_probe');
  return existsSync(p) ? p : undefined;
}

export class ProbeSession {
  readonly #input: Writable;
  readonly #watch: Supervised;
  readonly #waiting: Array<{ resolve: (r: ProbeReply) => void; reject: (e: Error) => void }> = [];
  #ended?: Error;

  constructor(program: string, o: IsolateOptions) {
    // Open our stdio streams first (see parent.ts: Node makes a pipe non-blocking when it does).
    void process.stdout;
    void process.stderr;
    const child = spawn(program, [shimPath()], {
      stdio: ['ignore', o.stdout === 'inherit' ? 'inherit' : 'pipe', 'pipe', 'pipe', 'pipe'],
      env: o.env ? { ...process.env, ...o.env } : process.env,
    });
    this.#input = child.stdio[4] as Writable;
    this.#input.on('error', () => { /* the probe died: its close rejects what waits */ });
    this.#watch = supervise(child, o, (msg) => {
      if (msg.t === 'reply') this.#waiting.shift()?.resolve(msg as unknown as ProbeReply);
    });
    this.#watch.closed.then((end) => {
      this.#ended = this.#watch.crashError(end);
      for (const w of this.#waiting.splice(0)) w.reject(this.#ended);
    }, (e: Error) => {
      this.#ended = e;
      for (const w of this.#waiting.splice(0)) w.reject(e);
    });
  }

  /** The probe died (or hung and was killed): every request since fails with this crash error. */
  get ended(): Error | undefined {
    return this.#ended;
  }

  /** Sends one command; `stage` is announced (by the probe, before the plug-in code runs). */
  request(verb: string, args: string, stage?: StageEvent): Promise<ProbeReply> {
    if (this.#ended) return Promise.reject(this.#ended);
    const line = stage ? JSON.stringify({ t: 'stage', ...stage }) : '';
    return new Promise<ProbeReply>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#input.write(`${verb}\0${args}\0${line}\0`);
    });
  }

  /** Ends the session; a crash at exit (library destructors) is reported as a warning, as for the Node child. */
  async finish(): Promise<void> {
    this.#input.end();
    const end = await this.#watch.closed;
    if (end.timedOut) throw this.#watch.crashError(end);
    if (end.signal !== null || end.code !== 0) this.#watch.reportUnloadCrash(end);
  }
}
