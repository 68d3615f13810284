/** `wasmedge-plugin build [dir]`: builds a plug-in project and prints the library's path. */
import type { Command } from 'commander';
import { buildProject } from '../tooling/build.js';
import { printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { BUILD_OPTIONS } from '../tooling/options/commands.js';

export function register(program: Command): void {
  addOptions(program.command('build'), BUILD_OPTIONS)
    .description('build a plug-in project: C/C++ through CMake (cmake-js), Rust through cargo --offline; prints the library path')
    .argument('[dir]', 'project directory', '.')
    .action(async (dir: string, raw: Record<string, unknown>) => {
      const flags = flagValues(BUILD_OPTIONS, raw);
      const result = await buildProject({ dir, debug: flags.debug });
      if (flags.json) {
        const { artifact, language, config, seconds } = result;
        printJson({ artifact, language, config, seconds });
      } else {
        process.stdout.write(`${result.artifact}\n`);
      }
    });
}
