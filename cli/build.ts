/** `wasmedge-plugin build [dir]`: builds a plug-in project and prints the library's path. */
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { buildProject } from '../tooling/build.js';
import { ASAN_OPTIONS, asanRuntime, type Sanitizer } from '../tooling/sanitizer.js';
import { printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { BUILD_OPTIONS } from '../tooling/options/commands.js';

export function register(program: Command): void {
  addOptions(program.command('build'), BUILD_OPTIONS)
    .description('build a plug-in project: C/C++ through CMake (cmake-js), Rust through cargo --offline; prints the library path')
    .argument('[dir]', 'project directory', '.')
    .action(async (dir: string, raw: Record<string, unknown>) => {
      const flags = flagValues(BUILD_OPTIONS, raw);
      const sanitize = flags.sanitize as Sanitizer | undefined;
      const result = await buildProject({ dir, debug: flags.debug, sanitize });
      if (flags.json) {
        const { artifact, language, config, seconds } = result;
        printJson({ artifact, language, config, seconds, ...(sanitize ? { sanitize } : {}) });
      } else {
        process.stdout.write(`${result.artifact}\n`);
      }
      if (sanitize) {
        // A host that is not built with ASan needs its runtime loaded first.
        process.stderr.write(`note: a host not built with ASan must preload its runtime, e.g.\n  LD_PRELOAD=${asanRuntime()} ASAN_OPTIONS=${ASAN_OPTIONS} WASMEDGE_PLUGIN_PATH=${dirname(result.artifact)} wasmedge <program.wasm>\n`);
      }
    });
}
