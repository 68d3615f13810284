/**
 * Turning import names and parameter names into identifiers of each guest language. A name that
 * is a keyword or not a valid identifier is renamed (and the rename is noted next to the
 * declaration); the import itself always keeps the exact name.
 */
import type { GuestLanguage } from './languages.js';

export type { GuestLanguage };

const C_KEYWORDS = 'auto break case char const continue default do double else enum extern float for goto if inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while _Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary _Noreturn _Static_assert _Thread_local alignas alignof bool constexpr false nullptr static_assert thread_local true typeof typeof_unqual';
const RUST_KEYWORDS = 'as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while async await dyn abstract become box do final macro override priv typeof unsized virtual yield try gen safe';
// TypeScript's reserved and strict-mode words, plus AssemblyScript's type names and the `abort` it imports.
const AS_KEYWORDS = 'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield declare type namespace module abstract readonly i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 v128 bool isize usize string number boolean funcref externref anyref abort arguments eval';

const KEYWORDS: Record<Exclude<GuestLanguage, 'wat'>, Set<string>> = {
  c: new Set(C_KEYWORDS.split(' ')),
  rust: new Set(RUST_KEYWORDS.split(' ')),
  assemblyscript: new Set(AS_KEYWORDS.split(' ')),
};

/** Characters a wat `$id` may hold (the text format's idchar). */
const WAT_ID = /^[0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~]+$/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface Identifier {
  ident: string;
  /** Set when the name had to change: why, for a comment next to the declaration. */
  note?: string;
}

function why(lang: GuestLanguage, name: string): string | undefined {
  if (lang === 'wat') return WAT_ID.test(name) ? undefined : 'not a valid wat identifier';
  if (!IDENT.test(name)) return `not a valid ${lang === 'c' ? 'C' : lang === 'rust' ? 'Rust' : 'AssemblyScript'} identifier`;
  if (KEYWORDS[lang].has(name)) return `a reserved word in ${lang === 'c' ? 'C' : lang === 'rust' ? 'Rust' : 'AssemblyScript'}`;
  if (lang === 'rust' && name === '_') return 'not a valid Rust identifier';
  return undefined;
}

/**
 * An identifier for `name` in `lang` that is not in `taken` (which it is added to). Invalid
 * characters become `_`, a leading digit gets a `_` before it, a keyword gets a `_` after it.
 */
export function identifier(lang: GuestLanguage, name: string, taken: Set<string>): Identifier {
  const reason = why(lang, name);
  let ident = name;
  if (reason) {
    if (lang === 'wat') ident = [...name].map((ch) => (WAT_ID.test(ch) ? ch : '_')).join('') || '_';
    else {
      ident = [...name].map((ch) => (/[A-Za-z0-9_]/.test(ch) ? ch : '_')).join('');
      if (ident === '' || /^[0-9]/.test(ident)) ident = `_${ident}`;
      if (KEYWORDS[lang].has(ident) || ident === '_') ident = `${ident}_`;
    }
  }
  let unique = ident;
  for (let n = 2; taken.has(unique); n++) unique = `${ident}_${n}`;
  taken.add(unique);
  const notes = [reason && `${JSON.stringify(name)} is ${reason}`, unique !== ident && `${JSON.stringify(ident)} is already used`].filter(Boolean);
  return notes.length ? { ident: unique, note: `renamed to ${unique}: ${notes.join('; ')}` } : { ident };
}

/** A one-line comment text: no line breaks, no comment terminators. */
export function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\*\//g, '* /');
}
