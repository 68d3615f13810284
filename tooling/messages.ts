/**
 * The one format of the kit's errors and warnings: `error[CODE]: message`, then `  at: …` and
 * `  hint: …` lines. Colour is decided per stream (a file or a pipe gets none), and NO_COLOR /
 * FORCE_COLOR are honoured (https://no-color.org, https://force-color.org).
 */
import pc from 'picocolors';

export type Colours = ReturnType<typeof pc.createColors>;

export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY);
}

export function coloursFor(stream: { isTTY?: boolean }): Colours {
  return pc.createColors(wantsColour(stream));
}

export function formatError(code: string, message: string, hint?: string, where?: string, c: Colours = coloursFor(process.stderr)): string {
  const lines = [`${c.red(c.bold(`error[${code}]`))}: ${message}`];
  if (where) lines.push(`  ${c.dim('at')}: ${where}`);
  if (hint) lines.push(`  ${c.cyan('hint')}: ${hint}`);
  return lines.join('\n');
}

export function formatWarning(code: string, message: string, hint?: string, c: Colours = coloursFor(process.stderr)): string {
  const lines = [`${c.yellow(c.bold(`warning[${code}]`))}: ${message}`];
  if (hint) lines.push(`  ${c.cyan('hint')}: ${hint}`);
  return lines.join('\n');
}
