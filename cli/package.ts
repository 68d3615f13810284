/** `wasmedge-plugin package [dir]`: builds in Release and writes `<name>-<version>-<os>_<arch>.tar.gz` (docs/packaging.md). */
import type { Command } from 'commander';
import { join, relative, resolve } from 'node:path';
import { packageProject, writePackage } from '../tooling/ship/package.js';
import { colour, printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { PACKAGE_OPTIONS } from '../tooling/options/commands.js';

export function register(program: Command): void {
  addOptions(program.command('package'), PACKAGE_OPTIONS)
    .description('build a project in Release and write a reproducible plug-in package (<name>-<version>-<os>_<arch>.tar.gz: library, manifest, README, LICENSE)')
    .argument('[dir]', 'project directory', '.')
    .action(async (dir: string, raw: Record<string, unknown>) => {
      const flags = flagValues(PACKAGE_OPTIONS, raw);
      const pkg = await packageProject(dir, { timeoutMs: flags.timeout });
      const written = writePackage(pkg, flags.out ?? join(resolve(dir), 'dist'), flags.force);
      if (flags.json) {
        printJson({ ...written, manifest: pkg.manifest });
        return;
      }
      const m = pkg.manifest;
      const shown = relative(process.cwd(), written.file).startsWith('..') ? written.file : relative(process.cwd(), written.file);
      process.stdout.write(
        `${colour.green(written.unchanged ? 'unchanged' : 'packaged')} ${shown}\n` +
          `  ${m.name} ${m.version} · API ${m.apiVersion} (WasmEdge ${m.wasmedge?.label ?? '?'}) · ${m.platform.os}_${m.platform.arch}${m.platform.glibc ? ` glibc ${m.platform.glibc}+` : ''}\n` +
          `  sha256 ${written.sha256}\n` +
          `install with: wasmedge-plugin install ${shown}\n`,
      );
    });
}
