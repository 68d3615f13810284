/** Declares a generator's options from its table (tooling/options/commands.ts), as the CLI does. */
import type Generator from 'yeoman-generator';
import { helpText, type OptionTable } from '../tooling/options/schema.js';

export function declareOptions(generator: Generator, table: OptionTable): void {
  for (const [key, spec] of Object.entries(table)) {
    generator.option(key, {
      type: spec.kind === 'switch' || spec.kind === 'negatable' ? Boolean : spec.kind === 'list' ? Array : String,
      description: helpText(spec),
      hide: spec.hidden,
    } as never);
  }
}
