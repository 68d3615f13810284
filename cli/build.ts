/** `wasmedge-plugin build [dir]`: builds a plug-in project and prints the library's path. */
import type { Command } from 'commander';
import { buildProject } from '../tooling/build.js';
import { printJson } from './output.js';

export function register(program: Command): void {
  program
    .command('build')
    .description('build a plug-in project: C/C++ through CMake (cmake-js), Rust through cargo --offline; prints the library path')
    .argument('[dir]', 'project directory', '.')
    .option('--debug', 'debug build (default: Release)')
    .option('--json', 'print { artifact, language, config, seconds } as JSON')
    .action(async (dir: string, flags: { debug?: boolean; json?: boolean }) => {
      const result = await buildProject({ dir, debug: flags.debug });
      if (flags.json) {
        const { artifact, language, config, seconds } = result;
        printJson({ artifact, language, config, seconds });
      } else {
        process.stdout.write(`${result.artifact}\n`);
      }
    });
}
