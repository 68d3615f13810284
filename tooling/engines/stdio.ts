/**
 * How each isolated command's child is wired: `run` streams the guest's stdin/stdout; the others
 * keep stdout for the report. A separate file so the CLI can pre-start a child (cli/prestart.ts)
 * before loading anything else.
 */
export const ISOLATED_STDIO = {
  inspect: { stdout: 'stderr' },
  call: { stdout: 'stderr' },
  run: { stdout: 'inherit', stdin: 'inherit' },
} as const;

export type IsolatedCommand = keyof typeof ISOLATED_STDIO;
