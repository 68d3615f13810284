/**
 * The one place that runs a Yeoman generator (`new`, templates new, add function): a
 * yeoman-environment in `cwd` with Yeoman's own log silenced (the command reports what was
 * written; its log would name temp paths). Prompts still use the terminal.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { createEnv } from 'yeoman-environment';

/** A generator class, or the path of a compiled generator module (a template-pack hook). */
export type GeneratorSource<G> = (new (...args: never[]) => G) | string;

export interface RunGeneratorOptions {
  /** Yeoman namespace to register the generator under. */
  namespace?: string;
  /**
   * Write without Yeoman's conflict prompt (default). The callers decide beforehand what may be
   * written; `new` turns it off as it renders into an empty temp directory anyway.
   */
  force?: boolean;
}

/** A Console that writes nowhere, with its stream (Yeoman's `stderr`). */
function silentConsole(): Console & { sink: Writable } {
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  return Object.assign(new Console(sink, sink), { sink });
}

/**
 * Runs `generator` in `cwd` with `options` and returns the instance (its answers, files written…).
 * `resolved` is the module path Yeoman records for a class; a path source is its own.
 */
export async function runGenerator<G>(generator: GeneratorSource<G>, resolved: string | undefined, cwd: string, options: Record<string, unknown>, how: RunGeneratorOptions = {}): Promise<G> {
  const quiet = silentConsole();
  const env = createEnv({ cwd, logCwd: cwd, skipInstall: true, ...(how.force === false ? {} : { force: true }), console: quiet, stderr: quiet.sink } as never);
  const namespace = how.namespace ?? 'wasmedge-plugin:sub';
  if (typeof generator === 'string') env.register(generator, { namespace });
  else env.register(generator as never, { namespace, resolved } as never);
  const instance = await env.create(namespace, { generatorArgs: [], generatorOptions: { ...options, skipInstall: true } } as never);
  await env.runGenerator(instance as never);
  return instance as unknown as G;
}
