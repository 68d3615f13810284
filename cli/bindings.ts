/** `wasmedge-plugin bindings [target] --lang c|rust|assemblyscript|wat`: guest-side declarations of a plug-in. */
import type { Command } from 'commander';
import { GUEST_LANGUAGES, type GuestLanguage } from '../tooling/bindings/index.js';
import { generateBindings, outputFile, writeBindings } from '../tooling/bindings/generate.js';
import { BINDINGS_OPTIONS } from '../tooling/options/commands.js';
import { ToolError } from '../tooling/errors.js';
import { addOptions, flagValues } from './flags.js';
import { colour, formatWarning } from './output.js';

export function register(program: Command): void {
  addOptions(program.command('bindings'), BINDINGS_OPTIONS)
    .description('write the declarations a WebAssembly program needs to import the plug-in\'s host functions (C header, Rust module, AssemblyScript, wat imports)')
    .argument('[target]', 'project directory (built first; names come from its wasmedge-plugin.json) or plug-in library', '.')
    .action(async (target: string, raw: Record<string, unknown>) => {
      const flags = flagValues(BINDINGS_OPTIONS, raw);
      if (flags.lang === undefined) throw new ToolError('E_USAGE', 'missing --lang', { hint: `valid values: ${GUEST_LANGUAGES.join(', ')}` });
      const lang = flags.lang as GuestLanguage;
      const result = await generateBindings(target, { language: lang, module: flags.module, timeoutMs: flags.timeout, progress: Boolean(process.stderr.isTTY) });
      for (const w of result.warnings) process.stderr.write(formatWarning('E_MANIFEST_DRIFT', w) + '\n');
      if (flags.out === undefined) {
        process.stdout.write(result.text);
        return;
      }
      const file = outputFile(flags.out, lang);
      const changed = writeBindings(file, result.text, flags.force);
      process.stdout.write(`${changed ? colour.green('wrote') : 'unchanged'} ${file}\n`);
    });
}
