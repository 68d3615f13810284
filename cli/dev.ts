/** `wasmedge-plugin dev [dir]`: rebuild and re-test (or re-run a program) on every change, until Ctrl-C. */
import type { Command } from 'commander';
import { startDev } from '../tooling/dev/dev.js';
import { formatCycle } from '../tooling/dev/status.js';
import { ToolError } from '../tooling/errors.js';
import { colour } from './output.js';

export function register(program: Command): void {
  program
    .command('dev')
    .description('watch a project: on each change rebuild incrementally and rerun `test` (or --run a program), printing one status block per cycle; Ctrl-C stops')
    .argument('[dir]', 'project directory', '.')
    .option('--run <file>', 'run this .wat/.wasm program with the plug-in after each build, instead of `test`')
    .option('--no-test', 'only rebuild')
    .option('--debounce <ms>', 'wait this long after the last change before starting (default: 250)')
    .option('--timeout <seconds>', 'per-stage limit of each `test` run (default: 10)')
    .action(async (dir: string, opts: { run?: string; test: boolean; debounce?: string; timeout?: string }) => {
      const debounceMs = opts.debounce === undefined ? undefined : Number(opts.debounce);
      if (debounceMs !== undefined && (!Number.isFinite(debounceMs) || debounceMs < 0)) throw new ToolError('E_USAGE', `--debounce ${opts.debounce}: expected milliseconds`, { hint: 'e.g. --debounce 250' });
      const timeoutS = opts.timeout === undefined ? undefined : Number(opts.timeout);
      if (timeoutS !== undefined && (!Number.isFinite(timeoutS) || timeoutS <= 0)) throw new ToolError('E_USAGE', `--timeout ${opts.timeout}: expected seconds`, { hint: 'e.g. --timeout 10' });
      const session = startDev(dir, {
        run: opts.run, test: opts.test, debounceMs, timeoutS,
        onStart: ({ changed }) => { if (process.stdout.isTTY) process.stdout.write(colour.dim(`… ${changed.length ? 'rebuilding' : 'building'}\n`)); },
        onCycle: (c) => process.stdout.write(`${formatCycle(c, colour)}\n${colour.dim('watching (Ctrl-C to stop)')}\n`),
      });
      await new Promise<void>((resolvePromise) => {
        const stop = (signal: NodeJS.Signals) => {
          void session.stop().then(() => {
            process.stdout.write(colour.dim(`dev stopped (${signal})\n`));
            resolvePromise();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
