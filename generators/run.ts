/**
 * Runs one of the kit's Yeoman sub-generators (templates new, add function) in a directory, with
 * Yeoman's own log silenced (the command reports what was written) and without conflict prompts:
 * the callers decide beforehand what may be written.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { createEnv } from 'yeoman-environment';

export async function runGenerator<G>(generator: new (...args: never[]) => G, resolved: string, cwd: string, options: Record<string, unknown>): Promise<G> {
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  const quiet = Object.assign(new Console(sink, sink), { sink });
  const env = createEnv({ cwd, logCwd: cwd, skipInstall: true, force: true, console: quiet, stderr: sink } as never);
  const namespace = 'wasmedge-plugin:sub';
  env.register(generator as never, { namespace, resolved } as never);
  const instance = await env.create(namespace, { generatorArgs: [], generatorOptions: { ...options, skipInstall: true } } as never);
  await env.runGenerator(instance as never);
  return instance as unknown as G;
}
