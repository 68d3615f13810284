/** `wasmedge-plugin templates new <dir>`: a new template pack, copied from the built-in templates. */
import type { Command } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { colour, printJson } from '../output.js';
import { ToolError } from '../../tooling/errors.js';
import { addOptions, flagValues } from '../flags.js';
import { TEMPLATES_NEW_OPTIONS } from '../../tooling/options/commands.js';

export function register(templates: Command): void {
  addOptions(templates.command('new'), TEMPLATES_NEW_OPTIONS)
    .description('scaffold a template pack (a copy of the built-in templates, a manifest and a package.json)')
    .argument('<dir>', 'pack directory (created; must be new or empty)')
    .action(async (dir: string, raw: Record<string, unknown>) => {
      const flags = flagValues(TEMPLATES_NEW_OPTIONS, raw);
      const target = resolve(dir);
      if (existsSync(target) && readdirSync(target).length > 0) {
        throw new ToolError('E_TARGET_EXISTS', `${target} is not empty`, { path: target, hint: 'Choose a new or empty directory.' });
      }
      const { runGenerator } = await import('../../generators/run.js');
      const { default: PackGenerator } = await import('../../generators/pack/index.js');
      const generatorPath = fileURLToPath(new URL('../../generators/pack/index.js', import.meta.url));
      const g = await runGenerator(PackGenerator, generatorPath, target, { name: flags.name, description: flags.description, languages: flags.languages, defaultsDir: basename(target) });
      if (flags.json) return printJson({ dir: target, name: g.answers.name, languages: g.answers.languages, files: g.written.sort() });
      process.stdout.write(
        `${colour.green('created')} template pack ${g.answers.name} in ${target} (${g.written.length} files)\n\n` +
          `next: edit the templates and wasmedge-plugin-template.json, then\n  wasmedge-plugin templates lint ${dir}\n  wasmedge-plugin templates test ${dir}\n  wasmedge-plugin templates pack ${dir}\n`,
      );
    });
}
