/**
 * The published package, not the work tree: `npm pack`, then a global install of the tarball into a
 * temporary prefix exactly as the README says (under npm's strict install-script policy; the install
 * script builds the shim there), run both bins and `npx wasmedge-plugin-kit` as a generated project's
 * README does, import the runtime from the package root, load a plug-in.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, cmakeBuild, makeTempDir, removeDir, run, runOk } from './helpers/cbuild.js';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
let tmp: string;
let tarball: string;
let prefix: string;
let installed: string;
let install: { status: number | null; stdout: string; stderr: string };

/** The README's global install command. */
function readmeInstallCommand(): string[] {
  const line = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').split('\n').find((l) => l.startsWith('npm install -g wasmedge-plugin-kit'));
  expect(line, 'README.md has an `npm install -g wasmedge-plugin-kit …` line').toBeDefined();
  return line!.split(/\s+/);
}

beforeAll(() => {
  tmp = makeTempDir('wpk-package-');
  const packed = runOk('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', tmp], { cwd: REPO_ROOT }).stdout.trim().split('\n').pop()!;
  tarball = path.join(tmp, packed);
  prefix = path.join(tmp, 'prefix');
  mkdirSync(path.join(prefix, 'lib'), { recursive: true });
  // The README's command, with the tarball standing in for the registry package: npm matches a
  // tarball's allowance by its path, a registry package's by its name.
  const [, , ...args] = readmeInstallCommand();
  const asTarball = args.map((a) => (a === 'wasmedge-plugin-kit' ? tarball : a.replace(/^(--allow-scripts=)wasmedge-plugin-kit\b/, `$1${tarball}`)));
  install = run('npm', ['install', ...asTarball, '--prefix', prefix, '--strict-allow-scripts', '--no-audit', '--no-fund', '--foreground-scripts']);
  installed = path.join(prefix, 'lib', 'node_modules', 'wasmedge-plugin-kit');
}, 600_000);

afterAll(() => removeDir(tmp));

it('installs globally under the strict install-script policy with what the README allows', () => {
  expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
  expect(install.stderr).not.toMatch(/not (yet )?covered by allowScripts/);
  expect(existsSync(path.join(installed, 'build', 'Release', 'libwasmedge.so'))).toBe(true);
  // The native side of the isolated `inspect` is built at install time as well.
  expect(existsSync(path.join(installed, 'build', 'Release', 'wpk_probe'))).toBe(true);
});

it('ships what a user needs, a LICENSE and a repository, and nothing from the work tree', () => {
  for (const f of ['dist/runtime/index.js', 'dist/cli/main.js', 'sdk/include/wasmedge/wasmedge.h', 'sdk/link/libwasmedge.map',
    'sdk/cpp/wasmedge/plugin.hpp', 'sdk/rust/Cargo.toml', 'templates/c/CMakeLists.txt.hbs', 'LICENSE', 'tooling/fuzz/harness/wpk_fuzz.c', 'tooling/isolation/probe/wpk_probe.c']) {
    expect(existsSync(path.join(installed, f)), f).toBe(true);
  }
  expect(existsSync(path.join(installed, 'test', 'runtime.test.ts'))).toBe(false);
  // The full Apache-2.0 text, as the "license" field declares (Debian ships the reference copy).
  const license = readFileSync(path.join(installed, 'LICENSE'), 'utf8');
  expect(pkg.license).toBe('Apache-2.0');
  expect(license).toMatch(/Apache License\s+Version 2\.0, January 2004/);
  expect(license).toContain('END OF TERMS AND CONDITIONS');
  if (existsSync('/usr/share/common-licenses/Apache-2.0')) expect(license).toBe(readFileSync('/usr/share/common-licenses/Apache-2.0', 'utf8'));
  expect(JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')).repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
});

it('publishes no bench and no source maps, and no compiled file without its source', () => {
  const files = (JSON.parse(runOk('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT }).stdout)[0].files as Array<{ path: string }>).map((f) => f.path);
  expect(files.filter((f) => f.startsWith('dist/bench/'))).toEqual([]);
  expect(files.filter((f) => f.endsWith('.js.map') || f.endsWith('.d.ts.map'))).toEqual([]);
  const js = files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
  expect(js.length).toBeGreaterThan(20);
  for (const f of js) {
    expect(readFileSync(path.join(REPO_ROOT, f), 'utf8'), f).not.toContain('sourceMappingURL');
    // A stale output of a deleted source would be published too.
    expect(existsSync(path.join(REPO_ROOT, f.replace(/^dist\//, '').replace(/\.js$/, '.ts'))), `${f} has no source`).toBe(true);
  }
});

it('both bins run, and the README of a generated project uses npx commands that resolve to this kit', () => {
  for (const bin of ['wasmedge-plugin', 'wasmedge-plugin-kit']) {
    expect(runOk(path.join(prefix, 'bin', bin), ['--version']).stdout.trim(), bin).toBe(pkg.version);
  }
  runOk(path.join(prefix, 'bin', 'wasmedge-plugin'), ['new', 'demo', '--lang', 'c', '--yes'], { cwd: tmp });
  const project = path.join(tmp, 'demo');
  // Every line that runs the kit through npx (other tools' lines, such as `npx asc`, are not ours).
  const npx = readFileSync(path.join(project, 'README.md'), 'utf8').split('\n').filter((l) => /^npx (--\S+ )*(--package[= ]\S+ )?wasmedge-plugin/.test(l));
  expect(npx.length).toBeGreaterThan(3);
  for (const l of npx) expect(l, l).toMatch(/^npx wasmedge-plugin-kit /);
  // Offline, so npx cannot fetch anything: it must find the installed kit (here: the global one).
  const env = { ...process.env, npm_config_prefix: prefix, npm_config_offline: 'true', NO_COLOR: '1' };
  const build = npx.find((l) => /^npx wasmedge-plugin-kit build\s/.test(l))!.replace(/#.*/, '').trim().split(/\s+/);
  const r = run('npx', build.slice(1), { cwd: project, env });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.trim()).toBe(path.join(project, 'build', 'Release', 'libdemo.so'));
});

it('the runtime imports from the package root and loads a plug-in', () => {
  const app = path.join(tmp, 'app');
  mkdirSync(path.join(app, 'node_modules'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  symlinkSync(installed, path.join(app, 'node_modules', 'wasmedge-plugin-kit'));
  const lib = path.join(cmakeBuild(path.join(REPO_ROOT, 'examples', 'get-string'), path.join(tmp, 'example')), 'libget_string.so');
  const j = JSON.parse(runOk(path.join(prefix, 'bin', 'wasmedge-plugin'), ['inspect', lib, '--json'], { cwd: app }).stdout);
  expect(j.plugins[0].name).toBe('get_string');
  const script = `import { PluginHost } from 'wasmedge-plugin-kit';
    const host = new PluginHost();
    const [p] = host.loadFromPath(${JSON.stringify(lib)}).loaded;
    console.log(p.createModule().call('add', 20, 22)[0]);`;
  writeFileSync(path.join(app, 'use.mjs'), script);
  expect(runOk(process.execPath, ['use.mjs'], { cwd: app }).stdout.trim()).toBe('42');
});
