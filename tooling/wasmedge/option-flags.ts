/**
 * `--opt [plugin:]name[=value]` in WasmEdge's notation: each plug-in option is a top-level flag of
 * the `wasmedge` CLI (`--name value`; a Toggle is a bare flag that takes no value). WasmEdge has no
 * plug-in qualifier, so a qualified name only picks which declaration gives the type.
 */
import { coerceOptionValue, type OptionType } from '../../runtime/options.js';
import { parseOpt } from '../engines/plugins.js';
import { ToolError } from '../errors.js';

export interface DeclaredOption { plugin: string; name: string; type: string }

export function optionFlags(specs: string[], declared: DeclaredOption[]): string[] {
  const flags: string[] = [];
  for (const spec of specs) {
    const s = parseOpt(spec);
    const matches = declared.filter((d) => d.name === s.name && (!s.plugin || d.plugin === s.plugin));
    if (matches.length === 0) {
      const known = declared.map((d) => `${d.plugin}:${d.name} (${d.type})`);
      throw new ToolError('E_UNKNOWN_OPTION', `--opt ${spec}: no loaded plug-in declares an option '${s.name}'`, {
        hint: known.length ? `declared options: ${known.join(', ')}` : 'the loaded plug-ins declare no options',
      });
    }
    const type = matches[0].type as OptionType;
    if (s.value === undefined || type === 'none') flags.push(`--${s.name}`);
    else if (type === 'toggle') {
      if (coerceOptionValue(s.name, type, s.value) === true) flags.push(`--${s.name}`);
    } else flags.push(`--${s.name}=${s.value}`);
  }
  return flags;
}
