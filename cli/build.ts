/** `wasmedge-plugin build [dir]`: builds a plug-in project and prints the library's path. */
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { buildProject } from '../tooling/build.js';
import { ASAN_OPTIONS, asanRuntime, parseSanitizer } from '../tooling/sanitizer.js';
import { printJson } from './output.js';

export function register(program: Command): void {
  program
    .command('build')
    .description('build a plug-in project: C/C++ through CMake (cmake-js), Rust through cargo --offline; prints the library path')
    .argument('[dir]', 'project directory', '.')
    .option('--debug', 'debug build (default: Release)')
    .option('--sanitize <kind>', 'C/C++: an AddressSanitizer debug build in build/asan, to run yourself (kind: address)')
    .option('--json', 'print { artifact, language, config, seconds, sanitize } as JSON')
    .action(async (dir: string, flags: { debug?: boolean; sanitize?: string; json?: boolean }) => {
      const sanitize = parseSanitizer(flags.sanitize);
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
