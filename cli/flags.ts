/**
 * Registers a command's options from its table (tooling/options/commands.ts) and reads them back
 * typed, with defaults applied and values checked by the table — commander only splits argv.
 */
import { Option, type Command } from './commander.js';
import { flagName, helpText, readOptions, type OptionTable, type OptionValues } from '../tooling/options/schema.js';

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addOptions(cmd: Command, table: OptionTable): Command {
  for (const [key, spec] of Object.entries(table)) {
    const value = 'value' in spec ? ` <${spec.value}>` : '';
    const option = new Option(`${spec.short ? `-${spec.short}, ` : ''}${flagName(key, spec)}${value}`, helpText(spec));
    if (spec.kind === 'list') option.argParser(collect);
    if (spec.hidden) option.hideHelp();
    cmd.addOption(option);
  }
  return cmd;
}

/** The parsed values of `table`, from commander's raw options object. */
export function flagValues<T extends OptionTable>(table: T, raw: Record<string, unknown>): OptionValues<T> {
  return readOptions(table, raw);
}
