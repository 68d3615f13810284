/**
 * The shape of a command's options: one table per command (tooling/options/commands.ts) gives the
 * flag, its help line, its default and how its value is read. The CLI turns a table into commander
 * options (cli/flags.ts), a generator into Yeoman options (generators/options.ts), and both read
 * values back with `readOptions`, so flags, defaults and help cannot drift apart.
 *
 * A table's keys are the option names in camelCase; the flag is the kebab-case form
 * (`apiVersion` → `--api-version`), which is also how commander names the parsed value.
 */
import { ToolError } from '../errors.js';

interface Common {
  /** One help line (lower case, no final full stop); the default is appended by `helpText`. */
  description: string;
  /** One-letter alias, without `-`. */
  short?: string;
  /** Accepted but not listed in --help. */
  hidden?: boolean;
}

/** `--json`: false unless given. */
export interface SwitchSpec extends Common { kind: 'switch' }
/** `--no-isolate`: true unless the `--no-` form is given. */
export interface NegatableSpec extends Common { kind: 'negatable' }
/** `--name <value>`: a string, checked against `choices` when there are some. */
export interface TextSpec extends Common { kind: 'text'; value: string; default?: string; choices?: readonly string[] }
/** `--plugin <path>` (repeatable): every value given, in order; [] when none. */
export interface ListSpec extends Common { kind: 'list'; value: string }
/** `--timeout <seconds>`: read as seconds, given back in milliseconds; 0 or no default = no limit (undefined). */
export interface TimeoutSpec extends Common { kind: 'timeout'; value: 'seconds'; default?: number }

export type OptionSpec = SwitchSpec | NegatableSpec | TextSpec | ListSpec | TimeoutSpec;
export type OptionTable = Readonly<Record<string, OptionSpec>>;

type ValueOf<S> = S extends { kind: 'switch' | 'negatable' } ? boolean
  : S extends { kind: 'list' } ? string[]
  : S extends { kind: 'timeout' } ? number | undefined
  : S extends { kind: 'text'; default: string } ? string
  : string | undefined;

/** The values of a table's options, typed from the table. */
export type OptionValues<T extends OptionTable> = { -readonly [K in keyof T]: ValueOf<T[K]> };

/** Declares a table (keeps the literal kinds so `OptionValues` can type it). */
export function defineOptions<const T extends OptionTable>(table: T): T {
  return table;
}

/** `apiVersion` → `api-version`. */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The flag as typed, without its value: `--api-version`, `--no-isolate`. */
export function flagName(key: string, spec: OptionSpec): string {
  return `--${spec.kind === 'negatable' ? 'no-' : ''}${kebab(key)}`;
}

/** The help line: description, choices and default. */
export function helpText(spec: OptionSpec): string {
  const extra: string[] = [];
  if (spec.kind === 'text' && spec.choices) extra.push(spec.choices.join('|'));
  if (spec.kind === 'list') extra.push('repeatable');
  if (spec.kind === 'timeout') extra.push(spec.default ? `default: ${spec.default}; 0 = no limit` : 'default: no limit');
  else if (spec.kind === 'text' && spec.default !== undefined && spec.default !== '') extra.push(`default: ${spec.default}`);
  return extra.length ? `${spec.description} (${extra.join('; ')})` : spec.description;
}

function usage(key: string, spec: OptionSpec, raw: string, problem: string, hint: string): ToolError {
  return new ToolError('E_USAGE', `${flagName(key, spec)} ${raw}: ${problem}`, { hint });
}

/** One option's value from what a parser gave (undefined = not given): defaults applied, values checked. */
export function readOption(key: string, spec: OptionSpec, raw: unknown): unknown {
  switch (spec.kind) {
    case 'switch':
      return raw === undefined ? false : Boolean(raw);
    case 'negatable':
      return raw === undefined ? true : Boolean(raw);
    case 'list':
      return raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
    case 'text': {
      if (raw === undefined || raw === null) return spec.default;
      const value = String(raw);
      if (spec.choices && !spec.choices.includes(value)) {
        const one = spec.choices.length === 1;
        throw usage(key, spec, value, `expected ${spec.choices.join(' or ')}`, `the supported value${one ? ' is' : 's are'}: ${spec.choices.join(', ')}`);
      }
      return value;
    }
    case 'timeout': {
      if (raw === undefined || raw === null) return spec.default ? spec.default * 1000 : undefined;
      const text = String(raw);
      const seconds = Number(text);
      if (text.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw usage(key, spec, text, 'expected a number of seconds', `e.g. ${flagName(key, spec)} 10 (0 disables the limit)`);
      return seconds === 0 ? undefined : seconds * 1000;
    }
  }
}

/** Every option of `table` from a parser's raw values (commander's `opts()`, Yeoman's `options`). */
export function readOptions<T extends OptionTable>(table: T, raw: Record<string, unknown>): OptionValues<T> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(table)) out[key] = readOption(key, spec, raw[key]);
  return out as OptionValues<T>;
}
