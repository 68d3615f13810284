/**
 * docs/errors.md, generated from ERROR_CODES (runtime/errors.ts + tooling/errors.ts), the one table of codes.
 * test/error-docs.test.ts fails when the file is stale; `WPK_UPDATE_DOCS=1 npx vitest run
 * test/error-docs.test.ts` rewrites it.
 */
import { type ErrorCodeInfo } from '../runtime/errors.js';
import { ERROR_CODES } from './errors.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderErrorsMarkdown(): string {
  const rows = Object.entries(ERROR_CODES as Record<string, ErrorCodeInfo>).map(
    ([code, info]) => `| \`${code}\` | ${info.exit ?? 1} | ${cell(info.summary)} | ${info.hint ? cell(info.hint) : ''} |`,
  );
  return [
    '# Error codes',
    '',
    '<!-- Generated from runtime/errors.ts and tooling/errors.ts by tooling/error-docs.ts: do not edit by hand.',
    '     Regenerate with `WPK_UPDATE_DOCS=1 npx vitest run test/error-docs.test.ts`. -->',
    '',
    'Every error the kit reports carries one of these codes. The CLI prints it on stderr as',
    '`error[CODE]: message`, followed by `  hint: …` when a fix is known (the hint below is the default;',
    'many errors carry a more specific one). `--json` documents carry it as `"code"`.',
    '',
    'Exit status: 0 success; 1 the thing checked failed; 2 usage error. A plug-in that crashes, aborts,',
    'exits or hangs while the CLI examines it is reported as `E_CRASH` or `E_TIMEOUT` (exit 1), naming the',
    'stage (library constructors, GetDescriptor, Create, a host function, finalizers) — never as a signal.',
    '',
    '| Code | Exit | Meaning | Default hint |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
