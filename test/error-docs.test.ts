// docs/errors.md is generated from the one table of codes (runtime/errors.ts + tooling/errors.ts) and
// must not go stale. `WPK_UPDATE_DOCS=1 npx vitest run test/error-docs.test.ts` rewrites it; that run
// skips the checks (they would compare the file with itself): run again without it to check.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from './helpers/cbuild.js';
import { renderErrorsMarkdown } from '../tooling/error-docs.js';
import { ERROR_CODES } from '../tooling/errors.js';

const DOC = path.join(REPO_ROOT, 'docs', 'errors.md');
const UPDATE = Boolean(process.env.WPK_UPDATE_DOCS);
if (UPDATE) {
  fs.writeFileSync(DOC, renderErrorsMarkdown());
  console.warn('docs/errors.md rewritten; the checks are skipped in this run: run again without WPK_UPDATE_DOCS');
}

test.skipIf(UPDATE)('docs/errors.md is what the generator writes', () => {
  const actual = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
  expect(actual, 'docs/errors.md is stale: run WPK_UPDATE_DOCS=1 npx vitest run test/error-docs.test.ts').toBe(renderErrorsMarkdown());
});

test.skipIf(UPDATE)('docs/errors.md has one row per code with its exit status and meaning, and no other codes', () => {
  // Read the committed file's table on its own terms (not through the generator).
  const rows = fs.readFileSync(DOC, 'utf8').split('\n').filter((l) => /^\| `E_/.test(l))
    .map((l) => l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
  const codes = Object.keys(ERROR_CODES);
  expect(rows.map((r) => r[0].replace(/`/g, '')).sort()).toEqual([...codes].sort());
  for (const [code, info] of Object.entries(ERROR_CODES) as Array<[string, { exit?: number; summary: string }]>) {
    const row = rows.find((r) => r[0] === `\`${code}\``)!;
    expect(Number(row[1]), code).toBe(info.exit ?? 1);
    expect(row[2].replace(/\\\|/g, '|'), code).toBe(info.summary.replace(/\n/g, ' '));
  }
});
