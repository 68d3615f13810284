/**
 * `wasmedge-plugin new`'s generator (yeoman-generator 8): asks (or takes from options) the project
 * answers, then renders templates/<language> and vendors the SDK into the destination root.
 * It writes through Yeoman's in-memory fs; `generators/new-project.ts` points it at an empty temp dir and
 * moves the result into place, so conflicts and partial writes are handled there.
 */
import { readFileSync } from 'node:fs';
import Generator from 'yeoman-generator';
import { QUESTIONS, checkAnswer, resolveAnswers, type AnswerKey, type ProjectAnswers } from '../../tooling/scaffold/answers.js';
import { projectManifest } from '../../tooling/scaffold/context.js';
import { assertInside, renderTemplate, templateFiles } from '../../tooling/scaffold/render.js';
import { vendoredFiles } from '../../tooling/scaffold/vendor.js';
import { MANIFEST_FILE } from '../../tooling/scaffold/plan.js';
import { packContext, resolvePackValues, type PackValues } from '../../tooling/scaffold/pack-vars.js';
import { checkPromptValue, readManifest, type PackManifest } from '../../tooling/packs/manifest.js';
import { templatesDir } from '../../tooling/paths.js';
import { ToolError } from '../../tooling/errors.js';

/** Options as Yeoman parses them: answers as strings, plus the switches below. */
type AppOptions = Partial<Record<AnswerKey, unknown>> & {
  yes?: boolean;
  interactive?: boolean;
  defaultsDir?: string;
  /** Root of the template pack to render (default: the built-in pack, templates/). */
  pack?: string;
  /** The pack's placeholder values given on the command line (`--var name=value`). */
  vars?: Record<string, unknown>;
};

export default class AppGenerator extends Generator {
  declare options: Generator['options'] & AppOptions;
  answers!: ProjectAnswers;
  /** The template pack's placeholder values. */
  packValues: PackValues = {};
  /** Every file written, posix paths relative to the destination root. */
  written: string[] = [];

  constructor(args: string[], options: Record<string, unknown>) {
    super(args, options as never);
    for (const q of QUESTIONS) this.option(q.key, { type: String, description: `${q.message}${q.choices ? ` (${q.choices.join('|')})` : ''}` });
    this.option('yes', { type: Boolean, description: 'Take defaults for everything not given; never prompt' });
    this.option('interactive', { type: Boolean, description: 'Force prompting on or off (default: prompt only on a TTY without --yes)' });
    // The generator runs in a temp dir; defaults (the name) come from the real target's name.
    this.option('defaultsDir', { type: String, description: 'Directory whose name gives the default plug-in name', hide: true });
    this.option('pack', { type: String, description: 'Template pack directory (default: the built-in pack)', hide: true });
    this.option('vars', { type: Object, description: "The template pack's placeholder values", hide: true });
  }

  private packRoot(): string {
    return (this.options.pack as string | undefined) ?? templatesDir;
  }

  private manifest?: PackManifest;
  private packManifest(): PackManifest {
    this.manifest ??= readManifest(this.packRoot());
    return this.manifest;
  }

  private isInteractive(): boolean {
    const forced = this.options.interactive as boolean | undefined;
    if (forced !== undefined) return forced;
    return !this.options.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY);
  }

  private defaultsDir(): string {
    return (this.options.defaultsDir as string | undefined) ?? this.destinationRoot();
  }

  async prompting(): Promise<void> {
    const given: Partial<Record<AnswerKey, unknown>> = {};
    for (const q of QUESTIONS) if (this.options[q.key] !== undefined) given[q.key] = this.options[q.key];
    const pack = this.packManifest();
    const givenVars = { ...((this.options.vars as Record<string, unknown> | undefined) ?? {}) };
    resolvePackValues(pack.prompts, givenVars); // unknown or invalid --var values fail before any prompt
    if (given.language !== undefined && !pack.languages.includes(String(given.language) as never)) {
      throw new ToolError('E_USAGE', `invalid --lang ${JSON.stringify(String(given.language))}: template pack "${pack.name}" supports ${pack.languages.join(', ')}`, { hint: `valid values: ${pack.languages.join(', ')}` });
    }
    if (this.isInteractive()) {
      // Ask one question at a time so each default can depend on earlier answers (module ← name).
      for (const q of QUESTIONS) {
        if (given[q.key] !== undefined) continue;
        const sofar = resolvePartial(given);
        const fallback = q.key === 'language' ? pack.languages[0] : q.default(sofar, this.defaultsDir());
        const choices = q.key === 'language' ? pack.languages : q.choices;
        const question = choices
          ? { type: 'select' as const, name: q.key, message: q.message, choices: [...choices], default: fallback }
          : { type: 'input' as const, name: q.key, message: q.message, default: fallback, validate: (v: string) => checkAnswer(q.key, String(v)) ?? true };
        const reply = (await this.prompt([question as never])) as Record<string, unknown>;
        given[q.key] = reply[q.key];
      }
      for (const p of pack.prompts) {
        if (givenVars[p.name] !== undefined) continue;
        const question = p.choices
          ? { type: 'select' as const, name: p.name, message: p.message, choices: [...p.choices], default: p.default }
          : p.type === 'boolean'
            ? { type: 'confirm' as const, name: p.name, message: p.message, default: p.default }
            : { type: 'input' as const, name: p.name, message: p.message, default: String(p.default), validate: (v: string) => checkPromptValue(p, p.type === 'number' ? Number(v) : String(v)) ?? true };
        const reply = (await this.prompt([question as never])) as Record<string, unknown>;
        givenVars[p.name] = p.type === 'number' ? Number(reply[p.name]) : reply[p.name];
      }
    }
    // A pack that does not offer the built-in default language starts from its first one.
    if (given.language === undefined) given.language = pack.languages[0];
    this.answers = resolveAnswers(given, this.defaultsDir());
    this.packValues = resolvePackValues(pack.prompts, givenVars);
  }

  writing(): void {
    const context = packContext(this.answers, this.packValues);
    const put = (output: string, contents: string): void => {
      assertInside(output);
      this.fs.write(this.destinationPath(output), contents);
      this.written.push(output);
    };
    for (const file of templateFiles(this.answers.language, this.packRoot())) put(file.output, renderTemplate(file, context));
    for (const file of vendoredFiles(this.answers.language)) put(file.output, readFileSync(file.source, 'utf8'));
    put(MANIFEST_FILE, projectManifest(this.answers, this.packManifest().functions));
  }
}

/** The answers given so far as typed values, for computing defaults (invalid ones are ignored here). */
function resolvePartial(given: Partial<Record<AnswerKey, unknown>>): Partial<ProjectAnswers> {
  return Object.fromEntries(Object.entries(given).map(([k, v]) => [k, String(v)])) as Partial<ProjectAnswers>;
}
