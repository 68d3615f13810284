// `wasmedge-plugin doctor`: reports what is there, and for what is missing, the command that fixes it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { HAS_CARGO, REPO_ROOT, makeTempDir, removeDir } from './helpers/cbuild.js';
import { cli, ensureBuilt } from './helpers/cli.js';

interface Check { name: string; status: string; detail: string; fix?: string; required: boolean }
interface Report { ok: boolean; checks: Check[]; searchPaths: Array<{ path: string; exists: boolean; fromEnv: boolean; plugins: string[] }> }

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir('wpk-doctor-');
});
afterAll(() => removeDir(dir));

async function doctor(env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; report: Report }> {
  const r = await cli(['doctor', '--json'], { env });
  expect(r.signal).toBeNull();
  return { status: r.status, report: JSON.parse(r.stdout) as Report };
}

const check = (r: Report, name: string) => r.checks.find((c) => c.name === name)!;

describe.concurrent('doctor', () => {
  test('this machine: node, the shim and the toolchain are found', async () => {
    const { status, report } = await doctor();
    expect(status).toBe(0);
    expect(report.ok).toBe(true);
    expect(check(report, 'node').detail).toBe(process.version);
    expect(check(report, 'shim')).toMatchObject({ status: 'ok', detail: expect.stringContaining('loadable') });
    // cargo is optional (Rust suites skip without it): required to be found only where it is installed.
    for (const t of ['cc', 'cmake', ...(HAS_CARGO ? ['cargo'] : [])]) expect(check(report, t).status, t).toBe('ok');
  });

  test('missing tools are listed with the command that installs them', async () => {
    const { report } = await doctor({ PATH: path.join(dir, 'empty-path') });
    expect(check(report, 'cmake')).toMatchObject({ status: 'warn', fix: expect.stringContaining('apt-get install cmake') });
    expect(check(report, 'cargo').fix).toContain('rustup');
    expect(check(report, 'wasmedge').fix).toContain('install_v2.sh');
    // Guest-program compilers (optional): the install command of each.
    expect(check(report, 'wasi-cc')).toMatchObject({ status: 'warn', required: false, fix: expect.stringContaining('apt-get install clang lld wasi-libc') });
    expect(check(report, 'wasi-rust').fix).toContain('rustup target add wasm32-wasip1');
  });

  test('a missing shim makes the machine not ready (exit 1) and says how to build it', async () => {
    const { status, report } = await doctor({ WASMEDGE_PLUGIN_KIT_SHIM: path.join(dir, 'nope.so') });
    expect(status).toBe(1);
    expect(check(report, 'shim')).toMatchObject({ status: 'missing', required: true, fix: expect.stringContaining('node-gyp rebuild') });
    const human = await cli(['doctor'], { env: { WASMEDGE_PLUGIN_KIT_SHIM: path.join(dir, 'nope.so') } });
    expect(human.stdout).toMatch(/✗ shim .*not built/);
    expect(human.stdout).toContain('not ready');
  });

  test('search paths: what is in them (listed, not loaded)', async () => {
    const plugins = path.join(dir, 'plugins');
    fs.mkdirSync(path.join(plugins, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(plugins, 'sub', 'libcrashes_if_loaded.so'), 'not even ELF');
    const { report } = await doctor({ WASMEDGE_PLUGIN_PATH: `${plugins}::${path.join(dir, 'absent')}` });
    expect(report.searchPaths.slice(0, 2)).toEqual([
      { path: plugins, exists: true, fromEnv: true, plugins: [path.join(plugins, 'sub', 'libcrashes_if_loaded.so')] },
      { path: path.join(dir, 'absent'), exists: false, fromEnv: true, plugins: [] },
    ]);
  });
});

describe('one owner for the sanitizer runtime and the Node range', () => {
  test('doctor and `test --sanitize` find the same libasan, the one gcc names', async () => {
    const { findAsanRuntime } = await import('../tooling/sanitizer.js');
    const { asanRuntime } = await import('../tooling/sanitizer.js');
    const gcc = spawnSync('gcc', ['-print-file-name=libasan.so'], { encoding: 'utf8' }).stdout?.trim();
    const present = Boolean(gcc?.startsWith('/') && fs.existsSync(gcc));
    const { report } = await doctor();
    if (present) {
      expect(findAsanRuntime()).toBe(gcc);
      expect(asanRuntime()).toBe(gcc);
      expect(check(report, 'libasan')).toMatchObject({ status: 'ok', detail: gcc });
    } else {
      expect(findAsanRuntime()).toBeUndefined();
      expect(() => asanRuntime()).toThrow('AddressSanitizer runtime');
      expect(check(report, 'libasan').status).toBe('warn');
    }
  });

  test('the node check reads the range of package.json engines', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    const { supportedNode } = await import('../tooling/paths.js');
    expect(supportedNode()).toBe(pkg.engines.node);
    const { report } = await doctor();
    expect(check(report, 'node')).toMatchObject({ status: 'ok', detail: `v${process.versions.node}` });
  });
});
