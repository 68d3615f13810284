// docs/errors.md is generated from the one table of codes (runtime/errors.ts) and must not go stale.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from './helpers/cbuild.js';
import { renderErrorsMarkdown } from '../tooling/error-docs.js';
import { ERROR_CODES } from '../tooling/errors.js';

const DOC = path.join(REPO_ROOT, 'docs', 'errors.md');

test('docs/errors.md matches runtime/errors.ts', () => {
  const expected = renderErrorsMarkdown();
  if (process.env.WPK_UPDATE_DOCS) fs.writeFileSync(DOC, expected);
  const actual = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
  expect(actual, 'docs/errors.md is stale: run WPK_UPDATE_DOCS=1 npx vitest run test/error-docs.test.ts').toBe(expected);
});

test('every code is in the table exactly once, with its exit status', () => {
  const doc = renderErrorsMarkdown();
  for (const [code, info] of Object.entries(ERROR_CODES)) {
    const rows = doc.split('\n').filter((l) => l.startsWith(`| \`${code}\` |`));
    expect(rows, code).toHaveLength(1);
    expect(rows[0]).toContain(`| ${(info as { exit?: number }).exit ?? 1} |`);
  }
});
