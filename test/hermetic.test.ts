// The suite runs hermetically (vitest.config.ts, test/global-setup.ts): no developer WasmEdge set-up
// reaches the kit, and the CLI under test is compiled from today's sources.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { defaultPluginPaths } from '../runtime/search-paths.js';
import { orphanOutputs, staleOutputs } from './global-setup.js';
import { REPO_ROOT } from './helpers/cbuild.js';
import { cli } from './helpers/cli.js';

test('the kit sees no plug-in search path and no WasmEdge installation from the developer', async () => {
  expect(process.env.WASMEDGE_PLUGIN_PATH).toBe('');
  expect(fs.existsSync(process.env.WASMEDGE_LIB_DIR!)).toBe(false);
  expect(fs.readdirSync(os.homedir())).not.toContain('.wasmedge');
  expect(defaultPluginPaths()).toEqual([]);
  const r = await cli(['inspect', '--json']);
  expect(JSON.parse(r.stdout).searched).toEqual([]);
});

test('dist/ is not older than any source and has nothing without a source, so the CLI tests run today\'s code', () => {
  expect(staleOutputs()).toEqual([]);
  expect(orphanOutputs()).toEqual([]);
  // The check itself notices a source newer than its output.
  const src = path.join(REPO_ROOT, 'cli', 'main.ts');
  const out = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
  const saved = fs.statSync(out);
  fs.utimesSync(out, saved.atime, new Date(fs.statSync(src).mtimeMs - 60_000));
  try {
    expect(staleOutputs()).toContain(path.join('cli', 'main.ts'));
  } finally {
    fs.utimesSync(out, saved.atime, saved.mtime);
  }
});
