/**
 * A template pack's own placeholders: values given as `--var name=value` (strings), validated
 * against the manifest's prompts, defaults filled in, and added to the Handlebars context —
 * raw under `vars.<name>` (typed: `{{#if vars.flag}}` works) and, for strings, pre-escaped per
 * target language next to the built-in answers (`c.<name>`, `comment.<name>`, `rust.<name>`, …).
 */
import { checkPromptValue, parsePromptValue, type PackPrompt } from '../packs/manifest.js';
import type { ProjectAnswers } from './answers.js';
import { templateContext } from './context.js';
import { cComment, cString, cmakeString, markdownText, rustString, tomlString } from './escape.js';
import { ToolError } from '../errors.js';

export type PackValues = Record<string, string | number | boolean>;

const ESCAPERS: Record<string, (s: string) => string> = { c: cString, comment: cComment, rust: rustString, toml: tomlString, cmake: cmakeString, md: markdownText };

/** Parses `name=value` strings (from repeated `--var`); throws E_USAGE on a malformed one. */
export function parseVarFlags(flags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new ToolError('E_USAGE', `invalid --var ${JSON.stringify(flag)}`, { hint: 'write --var name=value (one per placeholder of the template pack)' });
    out[flag.slice(0, eq)] = flag.slice(eq + 1);
  }
  return out;
}

/** Validates given values (strings or typed) and fills the defaults; unknown names are usage errors. */
export function resolvePackValues(prompts: readonly PackPrompt[], given: Record<string, unknown> = {}): PackValues {
  for (const name of Object.keys(given)) {
    if (!prompts.some((p) => p.name === name)) {
      const declared = prompts.map((p) => p.name);
      throw new ToolError('E_USAGE', `--var ${name}: the template pack declares no placeholder "${name}"`, { hint: declared.length ? `declared placeholders: ${declared.join(', ')}` : 'this pack declares no placeholders' });
    }
  }
  const out: PackValues = {};
  for (const p of prompts) {
    const raw = given[p.name];
    const value = raw === undefined ? p.default : typeof raw === 'string' ? parsePromptValue(p, raw) : (raw as string | number | boolean);
    const problem = checkPromptValue(p, value);
    if (problem) throw new ToolError('E_USAGE', `invalid --var ${p.name}=${JSON.stringify(String(raw))}`, { hint: `${p.message}: ${problem}` });
    out[p.name] = value;
  }
  return out;
}

/** The built-in context plus the pack's values. */
export function packContext(answers: ProjectAnswers, values: PackValues = {}) {
  const base = templateContext(answers) as ReturnType<typeof templateContext> & Record<string, unknown>;
  const context: Record<string, unknown> = { ...base, vars: { ...values } };
  for (const [ns, escape] of Object.entries(ESCAPERS)) {
    const strings = Object.entries(values).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, escape(v as string)]);
    context[ns] = { ...(base[ns] as object), ...Object.fromEntries(strings) };
  }
  return context;
}
