/** `wasmedge-plugin bindings [target] --lang c|rust|assemblyscript|wat`: guest-side declarations of a plug-in. */
import type { Command } from 'commander';
import { GUEST_LANGUAGES, type GuestLanguage } from '../tooling/bindings/index.js';
import { generateBindings, outputFile, writeBindings } from '../tooling/bindings/generate.js';
import { ToolError } from '../tooling/errors.js';
import { INSPECT_TIMEOUT_S, timeoutMs } from './isolation-flags.js';
import { colour, formatWarning } from './output.js';

interface BindingsFlags {
  lang?: string;
  out?: string;
  module?: string;
  force?: boolean;
  timeout?: string;
}

/** Accepted spellings of --lang. */
const ALIASES: Record<string, GuestLanguage> = { as: 'assemblyscript', rs: 'rust' };

export function register(program: Command): void {
  program
    .command('bindings')
    .description('write the declarations a WebAssembly program needs to import the plug-in\'s host functions (C header, Rust module, AssemblyScript, wat imports)')
    .argument('[target]', 'project directory (built first; names come from its wasmedge-plugin.json) or plug-in library', '.')
    .option('--lang <language>', `guest language: ${GUEST_LANGUAGES.join(', ')}`)
    .option('--out <path>', 'write to this directory (as bindings.h/.rs/.ts/.wat) or file, instead of stdout')
    .option('--module <name>', 'only this module of the plug-in')
    .option('--force', 'replace an existing --out file that differs')
    .option('--timeout <seconds>', `kill the plug-in if loading it takes this long (default: ${INSPECT_TIMEOUT_S}; 0 = none)`)
    .action(async (target: string, flags: BindingsFlags) => {
      const lang = flags.lang === undefined ? undefined : (ALIASES[flags.lang] ?? flags.lang);
      if (!lang || !(GUEST_LANGUAGES as readonly string[]).includes(lang)) {
        throw new ToolError('E_USAGE', lang ? `invalid --lang ${JSON.stringify(flags.lang)}` : 'missing --lang', { hint: `valid values: ${GUEST_LANGUAGES.join(', ')}` });
      }
      const result = await generateBindings(target, {
        language: lang as GuestLanguage,
        module: flags.module,
        timeoutMs: timeoutMs(flags, INSPECT_TIMEOUT_S),
        progress: Boolean(process.stderr.isTTY),
      });
      for (const w of result.warnings) process.stderr.write(formatWarning('E_MANIFEST_DRIFT', w) + '\n');
      if (flags.out === undefined) {
        process.stdout.write(result.text);
        return;
      }
      const file = outputFile(flags.out, lang as GuestLanguage);
      const changed = writeBindings(file, result.text, flags.force);
      process.stdout.write(`${changed ? colour.green('wrote') : 'unchanged'} ${file}\n`);
    });
}
