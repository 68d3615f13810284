/** `wasmedge-plugin new <dir>`: creates a plug-in project (flags come from the generator's questions). */
import type { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { QUESTIONS, type AnswerKey } from '../tooling/scaffold/answers.js';
// scaffold.js pulls in yeoman-environment (~seconds to load): imported only when `new` runs.
import type { ScaffoldOptions } from '../generators/new-project.js';
import { colour, printJson } from './output.js';
import { addOptions, flagValues } from './flags.js';
import { NEW_OPTIONS } from '../tooling/options/commands.js';

interface NewFlags extends Partial<Record<AnswerKey, string>> {
  /** Template pack root (already resolved by packForUse). */
  pack?: string;
  vars?: Record<string, string>;
  yes?: boolean;
  force?: boolean;
  json?: boolean;
}

/** Flags as commander gives them → scaffold options (one table: QUESTIONS). */
export function scaffoldOptionsFromFlags(dir: string, flags: NewFlags): ScaffoldOptions {
  const opts: ScaffoldOptions = { dir, yes: flags.yes, force: flags.force };
  // --json output must stay one JSON document: never prompt then.
  if (flags.json) opts.interactive = false;
  for (const q of QUESTIONS) if (flags[q.key] !== undefined) opts[q.key] = flags[q.key];
  if (flags.pack !== undefined) opts.pack = flags.pack;
  if (flags.vars !== undefined) opts.vars = flags.vars;
  return opts;
}

export function register(program: Command): void {
  addOptions(program.command('new'), NEW_OPTIONS)
    .description('create a plug-in project (C, C++ or Rust) that builds with plain cmake/cargo')
    .argument('<dir>', 'project directory (created; must be empty unless --force)')
    .action(async (dir: string, raw: Record<string, unknown>) => {
      // Refuse an unusable directory before loading the generator (seconds): scaffold() checks it too.
      const { checkTargetPath } = await import('../tooling/scaffold/target-path.js');
      checkTargetPath(resolve(dir));
      const values = flagValues(NEW_OPTIONS, raw);
      const flags: NewFlags = { yes: values.yes, force: values.force, json: values.json };
      // commander camel-cases `--api-version` to `apiVersion`, `--lang` stays `lang`: map to the answer key.
      for (const q of QUESTIONS) {
        const value = (values as Record<string, unknown>)[camel(q.flag)];
        if (value !== undefined) flags[q.key] = String(value);
      }
      // Loaded here, not at startup: every other command stays fast.
      const { parseVarFlags } = await import('../tooling/scaffold/pack-vars.js');
      const { packForUse } = await import('../tooling/packs/use.js');
      if (values.var.length) flags.vars = parseVarFlags(values.var);
      const pack = packForUse(values.template);
      const { scaffold } = await import('../generators/new-project.js');
      let result;
      try {
        if (pack.source !== 'built-in') flags.pack = pack.root;
        result = await scaffold(scaffoldOptionsFromFlags(dir, flags));
      } finally {
        pack.dispose();
      }
      if (flags.json) {
        printJson({ dir: result.dir, language: result.language, name: result.answers.name, module: result.answers.module, files: result.files });
        return;
      }
      const fromCwd = relative(process.cwd(), result.dir) || '.';
      const rel = fromCwd.startsWith('..') ? result.dir : fromCwd; // an absolute path reads better than ../../
      if (pack.source !== 'built-in') {
        // A pack's own files may differ from the built-in ones: point at build + test, which always work.
        process.stdout.write(
          `${colour.green('created')} ${result.dir} (${result.language}, template ${pack.manifest.name} ${pack.manifest.version}, ${result.files.length} files)\n\n` +
            `next:\n  wasmedge-plugin build ${rel}\n  wasmedge-plugin test ${rel}\n`,
        );
        return;
      }
      const built = result.language === 'rust' ? `target/release/lib${result.answers.name}.so` : `build/Release/lib${result.answers.name}.so`;
      process.stdout.write(
        `${colour.green('created')} ${result.dir} (${result.language}, ${result.files.length} files)\n\n` +
          `next:\n  wasmedge-plugin build ${rel}\n  wasmedge-plugin run ${rel}/test/get_string.wat --plugin ${rel}/${built}\n`,
      );
    });
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}
