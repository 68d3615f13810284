/**
 * `wasmedge-plugin new`'s generator (yeoman-generator 8): asks (or takes from options) the project
 * answers, then renders templates/<language> and vendors the SDK into the destination root.
 * It writes through Yeoman's in-memory fs; `runtime/scaffold.ts` points it at an empty temp dir and
 * moves the result into place, so conflicts and partial writes are handled there.
 */
import { readFileSync } from 'node:fs';
import Generator from 'yeoman-generator';
import { QUESTIONS, checkAnswer, resolveAnswers, type AnswerKey, type ProjectAnswers } from './answers.js';
import { projectManifest, templateContext } from './context.js';
import { assertInside, renderTemplate, templateFiles } from './render.js';
import { vendoredFiles } from './vendor.js';
import { MANIFEST_FILE } from './plan.js';

/** Options as Yeoman parses them: answers as strings, plus the switches below. */
type AppOptions = Partial<Record<AnswerKey, unknown>> & { yes?: boolean; interactive?: boolean; defaultsDir?: string };

export default class AppGenerator extends Generator {
  declare options: Generator['options'] & AppOptions;
  answers!: ProjectAnswers;
  /** Every file written, posix paths relative to the destination root. */
  written: string[] = [];

  constructor(args: string[], options: Record<string, unknown>) {
    super(args, options as never);
    for (const q of QUESTIONS) this.option(q.key, { type: String, description: `${q.message}${q.choices ? ` (${q.choices.join('|')})` : ''}` });
    this.option('yes', { type: Boolean, description: 'Take defaults for everything not given; never prompt' });
    this.option('interactive', { type: Boolean, description: 'Force prompting on or off (default: prompt only on a TTY without --yes)' });
    // The generator runs in a temp dir; defaults (the name) come from the real target's name.
    this.option('defaultsDir', { type: String, description: 'Directory whose name gives the default plug-in name', hide: true });
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
    if (this.isInteractive()) {
      // Ask one question at a time so each default can depend on earlier answers (module ← name).
      for (const q of QUESTIONS) {
        if (given[q.key] !== undefined) continue;
        const sofar = resolvePartial(given);
        const fallback = q.default(sofar, this.defaultsDir());
        const question = q.choices
          ? { type: 'select' as const, name: q.key, message: q.message, choices: [...q.choices], default: fallback }
          : { type: 'input' as const, name: q.key, message: q.message, default: fallback, validate: (v: string) => checkAnswer(q.key, String(v)) ?? true };
        const reply = (await this.prompt([question as never])) as Record<string, unknown>;
        given[q.key] = reply[q.key];
      }
    }
    this.answers = resolveAnswers(given, this.defaultsDir());
  }

  writing(): void {
    const context = templateContext(this.answers);
    const put = (output: string, contents: string): void => {
      assertInside(output);
      this.fs.write(this.destinationPath(output), contents);
      this.written.push(output);
    };
    for (const file of templateFiles(this.answers.language)) put(file.output, renderTemplate(file, context));
    for (const file of vendoredFiles(this.answers.language)) put(file.output, readFileSync(file.source, 'utf8'));
    put(MANIFEST_FILE, projectManifest(this.answers));
  }
}

/** The answers given so far as typed values, for computing defaults (invalid ones are ignored here). */
function resolvePartial(given: Partial<Record<AnswerKey, unknown>>): Partial<ProjectAnswers> {
  return Object.fromEntries(Object.entries(given).map(([k, v]) => [k, String(v)])) as Partial<ProjectAnswers>;
}
