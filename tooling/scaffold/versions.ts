/** Versions pinned into generated projects: one data file (templates/versions.json), one accessor. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../paths.js';

let table: Record<string, string> | undefined;

function load(): Record<string, string> {
  table ??= JSON.parse(readFileSync(join(templatesDir, 'versions.json'), 'utf8')) as Record<string, string>;
  return table;
}

/** The pinned version called `name`; throws on a name the data file does not define (typo = bug). */
export function pinned(name: string): string {
  const value = load()[name];
  if (typeof value !== 'string' || name.startsWith('$')) {
    throw new Error(`templates/versions.json has no pinned version "${name}" (known: ${pinnedNames().join(', ')})`);
  }
  return value;
}

export function pinnedNames(): string[] {
  return Object.keys(load()).filter((k) => !k.startsWith('$'));
}

/** All pinned versions, as the `versions` object of the template context. */
export function allPinned(): Record<string, string> {
  return Object.fromEntries(pinnedNames().map((k) => [k, pinned(k)]));
}
