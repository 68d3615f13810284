/**
 * Options from one schema (tooling/options): every command's --help shows each flag of its table
 * with the table's help line and default, values are read and checked by the table, and a default
 * given there is the one the command uses.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tables from '../tooling/options/commands.js';
import { flagName, helpText, readOptions, type OptionTable } from '../tooling/options/schema.js';
import { cli, ensureBuilt } from './helpers/cli.js';

const COMMANDS: Array<[string[], OptionTable]> = [
  [['new'], tables.NEW_OPTIONS],
  [['build'], tables.BUILD_OPTIONS],
  [['inspect'], tables.INSPECT_OPTIONS],
  [['call'], tables.CALL_OPTIONS],
  [['run'], tables.RUN_OPTIONS],
  [['test'], tables.TEST_OPTIONS],
  [['doctor'], tables.DOCTOR_OPTIONS],
  [['add', 'function'], tables.ADD_FUNCTION_OPTIONS],
  [['templates', 'new'], tables.TEMPLATES_NEW_OPTIONS],
  [['templates', 'list'], tables.TEMPLATES_LIST_OPTIONS],
  [['templates', 'lint'], tables.TEMPLATES_LINT_OPTIONS],
  [['templates', 'test'], tables.TEMPLATES_TEST_OPTIONS],
  [['templates', 'pack'], tables.TEMPLATES_PACK_OPTIONS],
];

beforeAll(() => ensureBuilt());

describe.concurrent('--help of each command lists exactly its table', () => {
  test.each(COMMANDS.map(([c, t]) => [c.join(' '), c, t] as const))('%s', async (_name, command, table) => {
    const r = await cli([...command, '--help']);
    expect(r.status, r.stderr).toBe(0);
    const help = r.stdout.replace(/\s+/g, ' ');
    for (const [key, spec] of Object.entries(table)) {
      expect(help).toContain(flagName(key, spec));
      expect(help).toContain(helpText(spec).replace(/\s+/g, ' '));
    }
    const listed = [...r.stdout.slice(r.stdout.indexOf("Options:")).matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help');
    expect(listed.sort()).toEqual(Object.entries(table).filter(([, s]) => !s.hidden).map(([k, s]) => flagName(k, s)).sort());
  });
});

describe('readOptions', () => {
  test('defaults come from the table', () => {
    expect(readOptions(tables.TEST_OPTIONS, {})).toEqual({ json: false, timeout: tables.DEFAULT_TIMEOUT_S.test * 1000, wat: [], sanitize: undefined });
    expect(readOptions(tables.RUN_OPTIONS, {})).toMatchObject({ isolate: true, timeout: undefined, plugin: [], opt: [] });
    expect(readOptions(tables.INSPECT_OPTIONS, { isolate: false, timeout: '0' })).toEqual({ isolate: false, timeout: undefined, json: false });
    expect(readOptions(tables.CALL_OPTIONS, { timeout: '1.5' }).timeout).toBe(1500);
    expect(readOptions(tables.ADD_FUNCTION_OPTIONS, {})).toEqual({ params: '', results: '', json: false });
  });

  test('bad values are usage errors naming the flag', () => {
    expect(() => readOptions(tables.TEST_OPTIONS, { timeout: 'soon' })).toThrow('--timeout soon: expected a number of seconds');
    expect(() => readOptions(tables.TEST_OPTIONS, { timeout: '-1' })).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(() => readOptions(tables.TEST_OPTIONS, { sanitize: 'thread' })).toThrow('--sanitize thread: expected address');
  });
});

test('the CLI refuses a bad value with exit 2 (checked by the table, not by the command)', async () => {
  const r = await cli(['test', '--sanitize', 'thread', '.']);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('error[E_USAGE]: --sanitize thread');
});
