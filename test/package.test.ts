/**
 * The published package, not the work tree: `npm pack`, install the tarball into an empty project
 * (the install script builds the shim there), run the bin, import the runtime, load a plug-in.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, cmakeBuild, makeTempDir, removeDir, runOk } from './helpers/cbuild.js';

let tmp: string;
let app: string;

beforeAll(() => {
  tmp = makeTempDir('wpk-package-');
  const packed = runOk('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', tmp], { cwd: REPO_ROOT }).stdout.trim().split('\n').pop()!;
  app = path.join(tmp, 'app');
  runOk('mkdir', ['-p', app]);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  runOk('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', path.join(tmp, packed)], { cwd: app });
}, 600_000);

afterAll(() => removeDir(tmp));

it('ships what a user needs and nothing from the work tree', () => {
  const root = path.join(app, 'node_modules', 'wasmedge-plugin-kit');
  for (const f of ['dist/runtime/index.js', 'dist/cli/main.js', 'sdk/include/wasmedge/wasmedge.h', 'sdk/link/libwasmedge.map',
    'sdk/cpp/wasmedge/plugin.hpp', 'sdk/rust/Cargo.toml', 'templates/c/CMakeLists.txt.hbs', 'build/Release/libwasmedge.so',
    'tooling/fuzz/harness/wpk_fuzz.c']) {
    expect(() => readFileSync(path.join(root, f)), f).not.toThrow();
  }
  expect(() => readFileSync(path.join(root, 'test', 'runtime.test.ts'))).toThrow();
});

it('the installed bin runs and the runtime imports from the package root', () => {
  const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
  const bin = path.join(app, 'node_modules', '.bin', 'wasmedge-plugin');
  expect(runOk(bin, ['--version'], { cwd: app }).stdout.trim()).toBe(version);
  const lib = path.join(cmakeBuild(path.join(REPO_ROOT, 'examples', 'get-string'), path.join(tmp, 'example')), 'libget_string.so');
  const j = JSON.parse(runOk(bin, ['inspect', lib, '--json'], { cwd: app }).stdout);
  expect(j.plugins[0].name).toBe('get_string');
  const script = `import { PluginHost } from 'wasmedge-plugin-kit';
    const host = new PluginHost();
    const [p] = host.loadFromPath(${JSON.stringify(lib)}).loaded;
    console.log(p.createModule().call('add', 20, 22)[0]);`;
  writeFileSync(path.join(app, 'use.mjs'), script);
  expect(runOk(process.execPath, ['use.mjs'], { cwd: app }).stdout.trim()).toBe('42');
});
