/** The bindings writers by language, and the file each writes. */
import { emitAssemblyScript } from './assemblyscript.js';
import { emitC } from './c.js';
import type { GuestLanguage } from './identifiers.js';
import type { GuestModel } from './model.js';
import { emitRust } from './rust.js';
import { emitWat } from './wat.js';

export { GUEST_LANGUAGES, type GuestLanguage } from './languages.js';

/** File name written into `--out DIR` (and next to guest programs by `test`). */
export const BINDINGS_FILE: Record<GuestLanguage, string> = { c: 'bindings.h', rust: 'bindings.rs', assemblyscript: 'bindings.ts', wat: 'bindings.wat' };

const EMIT: Record<GuestLanguage, (m: GuestModel) => string> = { c: emitC, rust: emitRust, assemblyscript: emitAssemblyScript, wat: emitWat };

export function emitBindings(language: GuestLanguage, model: GuestModel): string {
  return EMIT[language](model);
}
