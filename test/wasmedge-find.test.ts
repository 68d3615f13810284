// Finding a real WasmEdge (tooling/wasmedge/find.ts) and the API-version ↔ release table.
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiVersionOfRelease, compatibleWith } from '../runtime/api-versions.js';
import { findWasmEdge, pluginApiVersionsFor, requireWasmEdge } from '../tooling/wasmedge/find.js';

const dir = mkdtempSync(join(tmpdir(), 'wpk-find-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake install prefix whose bin/wasmedge prints the given version line. */
function fakePrefix(name: string, versionLine: string): string {
  const prefix = join(dir, name);
  mkdirSync(join(prefix, 'bin'), { recursive: true });
  const bin = join(prefix, 'bin', 'wasmedge');
  writeFileSync(bin, `#!/bin/sh\necho '${versionLine}'\n`);
  chmodSync(bin, 0o755);
  return prefix;
}

describe('API versions by release (FACTS §7)', () => {
  it.each([
    ['0.10.0', 1], ['0.11.0', 1], ['0.11.1', 2], ['0.13.5', 2], ['0.14.0', 3], ['0.14.1', 4], ['0.15.0', 4],
    ['0.16.4', 4], ['0.17.0', 5], ['0.17.1', 5], ['0.17.2', 5],
  ])('%s loads API %i', (release, api) => {
    expect(apiVersionOfRelease(release)).toBe(api);
    expect(pluginApiVersionsFor(release)).toEqual([api]);
  });
  it('an unknown or future minor series has no known API version', () => {
    expect(apiVersionOfRelease('0.18.0')).toBeUndefined();
    expect(apiVersionOfRelease('0.9.3')).toBeUndefined();
    expect(pluginApiVersionsFor('nonsense')).toEqual([]);
  });
  it('names the releases of each API version', () => {
    expect([1, 2, 3, 4, 5, 6].map(compatibleWith)).toEqual([
      'WasmEdge 0.10.0–0.11.0', 'WasmEdge 0.11.1–0.13.x', 'WasmEdge 0.14.0', 'WasmEdge 0.14.1–0.16.x', 'WasmEdge 0.17.x', 'no known WasmEdge release',
    ]);
  });
});

describe('findWasmEdge', () => {
  const empty = { PATH: '', HOME: join(dir, 'nohome') };
  it('takes an explicit prefix or binary, and reads the version and API from --version', () => {
    const prefix = fakePrefix('p16', 'wasmedge version 0.16.1');
    expect(findWasmEdge({ explicit: prefix, env: empty })).toEqual({ binary: join(prefix, 'bin', 'wasmedge'), prefix, version: '0.16.1', apiVersion: 4, source: '--wasmedge' });
    expect(findWasmEdge({ explicit: join(prefix, 'bin', 'wasmedge'), env: empty })?.version).toBe('0.16.1');
  });
  it('resolves the prefix through a symlinked binary', () => {
    const prefix = fakePrefix('p17', 'wasmedge version 0.17.1');
    mkdirSync(join(dir, 'links'));
    symlinkSync(join(prefix, 'bin', 'wasmedge'), join(dir, 'links', 'wasmedge'));
    const w = findWasmEdge({ env: { PATH: join(dir, 'links'), HOME: empty.HOME } });
    expect(w).toMatchObject({ binary: join(dir, 'links', 'wasmedge'), prefix, version: '0.17.1', apiVersion: 5, source: 'PATH' });
  });
  it('WASMEDGE_PREFIX comes before PATH, and ~/.wasmedge after it', () => {
    const a = fakePrefix('envp', 'wasmedge version 0.14.0');
    const home = join(dir, 'home');
    const b = fakePrefix('home/.wasmedge', 'wasmedge version 0.15.0');
    expect(findWasmEdge({ env: { WASMEDGE_PREFIX: a, PATH: '', HOME: home } })).toMatchObject({ source: 'WASMEDGE_PREFIX', apiVersion: 3 });
    expect(findWasmEdge({ env: { PATH: '', HOME: home } })).toMatchObject({ source: '~/.wasmedge', prefix: b, version: '0.15.0' });
  });
  it('nothing found: undefined, and requireWasmEdge throws E_WASMEDGE_NOT_FOUND (exit 2) naming where it looked', () => {
    expect(findWasmEdge({ env: empty })).toBeUndefined();
    expect(findWasmEdge({ explicit: join(dir, 'missing'), env: process.env })).toBeUndefined();
    const notWasmEdge = fakePrefix('other', 'something else 1.2.3');
    let err: unknown;
    try { requireWasmEdge({ explicit: notWasmEdge, env: empty }); } catch (e) { err = e; }
    expect(err).toMatchObject({ code: 'E_WASMEDGE_NOT_FOUND', exitCode: 2 });
    expect((err as Error).message).toContain('did not print a WasmEdge version');
  });
});
