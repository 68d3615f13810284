/**
 * Escaping per target language, applied once when the template context is built, so templates
 * never escape anything themselves (Handlebars runs with noEscape).
 */

function escapeControls(text: string, toEscape: (code: number) => string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (ch) => toEscape(ch.charCodeAt(0)));
}

/** Contents of a C/C++ string literal ("…"). `?` is escaped so no trigraph can form in -std=c11. */
export function cString(text: string): string {
  const body = text.replace(/[\\"?]/g, (ch) => `\\${ch}`);
  return escapeControls(body, (c) => `\\${c.toString(8).padStart(3, '0')}`);
}

/** Text inside a C block comment: a backslash splits every `*` `/` pair (`*\/` ends it, `/*` warns). */
export function cComment(text: string): string {
  return text.replace(/\*(?=\/)/g, '*\\').replace(/\/(?=\*)/g, '/\\');
}

/** Contents of a Rust string literal ("…"). */
export function rustString(text: string): string {
  const body = text.replace(/[\\"]/g, (ch) => `\\${ch}`);
  return escapeControls(body, (c) => `\\u{${c.toString(16)}}`);
}

/** Contents of a TOML basic string ("…"). */
export function tomlString(text: string): string {
  const body = text.replace(/[\\"]/g, (ch) => `\\${ch}`);
  return escapeControls(body, (c) => `\\u${c.toString(16).padStart(4, '0')}`);
}

/** Contents of a CMake quoted argument ("…"): no variable references, no escapes survive. */
export function cmakeString(text: string): string {
  return text.replace(/[\\"$]/g, (ch) => `\\${ch}`);
}

/**
 * Markdown text placed mid-line (never at a line start, so list/heading markers cannot form):
 * inline markup and HTML characters are backslash-escaped.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&$]/g, (ch) => `\\${ch}`);
}
