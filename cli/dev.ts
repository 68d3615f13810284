/** `wasmedge-plugin dev [dir]`: rebuild and re-test (or re-run a program) on every change, until Ctrl-C. */
import type { Command } from 'commander';
import { startDev } from '../tooling/dev/dev.js';
import { formatCycle } from '../tooling/dev/status.js';
import { ToolError } from '../tooling/errors.js';
import { colour } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { DEV_OPTIONS } from '../tooling/options/commands.js';

export function register(program: Command): void {
  addOptions(program.command('dev'), DEV_OPTIONS)
    .description('watch a project: on each change rebuild incrementally and rerun `test` (or --run a program), printing one status block per cycle; Ctrl-C stops')
    .argument('[dir]', 'project directory', '.')
    .action(async (dir: string, raw: Record<string, unknown>) => {
      const opts = flagValues(DEV_OPTIONS, raw);
      const debounceMs = Number(opts.debounce);
      if (!Number.isFinite(debounceMs) || debounceMs < 0) throw new ToolError('E_USAGE', `--debounce ${opts.debounce}: expected milliseconds`, { hint: 'e.g. --debounce 250' });
      const session = startDev(dir, {
        run: opts.run, test: opts.test, debounceMs, timeoutS: opts.timeout === undefined ? 0 : opts.timeout / 1000,
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
