// Template packs, end to end through the CLI: a pack authored with `templates new` is edited, linted,
// tested, packed, installed from its tarball into a temp node_modules (npm, offline), listed, used by
// `new --template`, built and run. Broken packs (path-escaping link, undeclared variable, kit range,
// name collision) are rejected with a message that names the file — by lint and by `new --template`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintPack } from '../tooling/packs/lint.js';
import { checkManifest } from '../tooling/packs/manifest.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'wasmedge-plugin.js');
const SHIM = path.join(ROOT, 'build', 'Release', 'libwasmedge.so');

let tmp: string;
let env: NodeJS.ProcessEnv;
let pack: string; // the pack authored in the round trip

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json`');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wpk-packs-'));
  const shim = path.join(tmp, 'libwasmedge.so');
  fs.copyFileSync(SHIM, shim);
  // A private global prefix: packs installed on this machine must not leak into `templates list`.
  env = { ...process.env, WASMEDGE_PLUGIN_KIT_SHIM: shim, NO_COLOR: '1', NPM_CONFIG_PREFIX: path.join(tmp, 'global'), npm_config_global_prefix: path.join(tmp, 'global') };
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], cwd = tmp) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('round trip: templates new → edit → lint → test → pack → npm install → new --template → build → run', () => {
  let tarball: string;
  const app = () => path.join(tmp, 'app');

  it('templates new writes a pack that lints clean', () => {
    const r = cli(['templates', 'new', 'team-pack', '--languages', 'c', '--description', 'Our team\'s plug-in starter']);
    expect(r.code, r.stderr).toBe(0);
    pack = path.join(tmp, 'team-pack');
    const manifest = JSON.parse(fs.readFileSync(path.join(pack, 'wasmedge-plugin-template.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'team-pack', version: '0.1.0', languages: ['c'] });
    expect(JSON.parse(fs.readFileSync(path.join(pack, 'package.json'), 'utf8')).name).toBe('wasmedge-plugin-template-team-pack');
    expect(fs.existsSync(path.join(pack, 'c', 'src', 'plugin.c.hbs'))).toBe(true);
    expect(fs.existsSync(path.join(pack, 'shared', '_gitignore'))).toBe(true);
    const lint = cli(['templates', 'lint', 'team-pack', '--json']);
    expect(lint.code, lint.stdout).toBe(0);
    expect(JSON.parse(lint.stdout).findings).toEqual([]);
  });

  it('edit: a new placeholder, used in the C source, lints clean', () => {
    const manifestFile = path.join(pack, 'wasmedge-plugin-template.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    manifest.prompts.push({ name: 'team', type: 'string', message: 'Owning team', default: 'core', pattern: '[a-z]+' });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const source = path.join(pack, 'c', 'src', 'plugin.c.hbs');
    fs.writeFileSync(source, `/* Owned by team {{comment.team}} ({{vars.team}}). */\n` + fs.readFileSync(source, 'utf8'));
    const lint = cli(['templates', 'lint', 'team-pack']);
    expect(lint.code, lint.stdout).toBe(0);
  });

  it('templates test renders, builds and smoke-tests each claimed language', () => {
    const r = cli(['templates', 'test', 'team-pack', '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.results.map((x: { language: string; ok: boolean }) => [x.language, x.ok])).toEqual([['c', true]]);
    expect(report.results[0].summary.fail).toBe(0);
    expect(report.results[0].summary.pass).toBeGreaterThan(5);
  });

  it('templates pack prints the tarball path', () => {
    const r = cli(['templates', 'pack', 'team-pack', '--destination', 'dist']);
    expect(r.code, r.stderr).toBe(0);
    tarball = r.stdout.trim();
    expect(tarball).toBe(path.join(tmp, 'dist', 'wasmedge-plugin-template-team-pack-0.1.0.tgz'));
    expect(fs.existsSync(tarball)).toBe(true);
  });

  it('the tarball installs offline into a temp node_modules and is listed', () => {
    fs.mkdirSync(app());
    fs.writeFileSync(path.join(app(), 'package.json'), '{ "name": "app", "private": true }\n');
    const npm = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app(), env, encoding: 'utf8', timeout: 120_000 });
    expect(npm.status, npm.stderr).toBe(0);
    // Listed from a sub-directory too: node_modules of the parents are searched.
    const sub = path.join(app(), 'sub');
    fs.mkdirSync(sub);
    const r = cli(['templates', 'list', '--json'], sub);
    expect(r.code, r.stderr).toBe(0);
    const packs = JSON.parse(r.stdout).packs;
    expect(packs[0]).toMatchObject({ name: 'default', source: 'built-in', languages: ['c', 'cpp', 'rust'] });
    expect(packs).toContainEqual(expect.objectContaining({ name: 'team-pack', version: '0.1.0', source: 'installed', packageName: 'wasmedge-plugin-template-team-pack', compatible: true, path: path.join(app(), 'node_modules', 'wasmedge-plugin-template-team-pack') }));
  });

  it('new --template <installed name> renders it with --var, builds and runs', () => {
    const made = cli(['new', 'team_plugin', '--template', 'team-pack', '--var', 'team=infra', '--yes', '--json'], app());
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout).language).toBe('c');
    const dir = path.join(app(), 'team_plugin');
    expect(fs.readFileSync(path.join(dir, 'src', 'plugin.c'), 'utf8')).toMatch(/^\/\* Owned by team infra \(infra\)\. \*\//);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('> Made from the team-pack template.');
    const built = cli(['build', 'team_plugin'], app());
    expect(built.code, built.stderr).toBe(0);
    const run = cli(['run', 'team_plugin/test/get_string.wat', '--plugin', built.stdout.trim()], app());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('hello\n');
  });

  it('new --template takes the tarball and the directory too; bad --var values exit 2 with the rule', () => {
    expect(cli(['new', 'from_tgz', '--template', tarball, '--yes'], app()).code).toBe(0);
    expect(fs.readFileSync(path.join(app(), 'from_tgz', 'src', 'plugin.c'), 'utf8')).toContain('Owned by team core');
    expect(cli(['new', 'from_dir', '--template', pack, '--yes'], app()).code).toBe(0);
    const bad = cli(['new', 'bad_var', '--template', pack, '--var', 'team=Not Valid', '--yes'], app());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid --var team="Not Valid"');
    expect(bad.stderr).toContain('must match /[a-z]+/');
    const lang = cli(['new', 'bad_lang', '--template', pack, '--lang', 'rust', '--yes'], app());
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('supports c');
    expect(fs.existsSync(path.join(app(), 'bad_var'))).toBe(false);
  });
});

describe('broken packs are rejected with a precise message', () => {
  // Its own fresh pack: these tests do not depend on what the round trip did (or whether it ran).
  let fresh: string;
  beforeAll(() => {
    const r = cli(['templates', 'new', 'fresh-pack', '--languages', 'c']);
    expect(r.code, r.stderr).toBe(0);
    fresh = path.join(tmp, 'fresh-pack');
  });

  function brokenCopy(name: string, edit: (dir: string) => void): string {
    const dir = path.join(tmp, name);
    fs.cpSync(fresh, dir, { recursive: true });
    edit(dir);
    return dir;
  }
  function errorsOf(dir: string) {
    return lintPack(dir).findings.filter((f) => f.severity === 'error');
  }

  it('a symbolic link (path escape): lint names it, new --template refuses the pack', () => {
    const dir = brokenCopy('escape-pack', (d) => fs.symlinkSync('/etc/passwd', path.join(d, 'c', 'src', 'secrets.c')));
    expect(errorsOf(dir)).toEqual([expect.objectContaining({ file: 'c/src/secrets.c', message: expect.stringContaining('symbolic link (→ /etc/passwd)') })]);
    const lint = cli(['templates', 'lint', dir]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('error c/src/secrets.c: is a symbolic link');
    const made = cli(['new', 'escaped', '--template', dir, '--yes']);
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('error[E_TEMPLATE_INVALID]');
    expect(made.stderr).toContain('c/src/secrets.c');
    expect(fs.existsSync(path.join(tmp, 'escaped'))).toBe(false);
  });

  it('an undeclared variable: file, line and the placeholder to declare', () => {
    const dir = brokenCopy('undeclared-pack', (d) => fs.appendFileSync(path.join(d, 'c', 'CMakeLists.txt.hbs'), '\n# {{vars.owner}}\n'));
    const errors = errorsOf(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'c/CMakeLists.txt.hbs', message: 'uses {{vars.owner}}, which is not declared' });
    expect(errors[0].line).toBe(fs.readFileSync(path.join(dir, 'c', 'CMakeLists.txt.hbs'), 'utf8').split('\n').length - 1);
    expect(errors[0].hint).toContain('Declare "owner" in "prompts"');
  });

  it('a kit range that excludes the running kit: lint and new --template say which range and version', () => {
    const dir = brokenCopy('future-pack', (d) => {
      const f = path.join(d, 'wasmedge-plugin-template.json');
      fs.writeFileSync(f, JSON.stringify({ ...JSON.parse(fs.readFileSync(f, 'utf8')), kit: '>=99.0.0' }));
    });
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(errorsOf(dir)).toEqual([expect.objectContaining({ file: 'wasmedge-plugin-template.json', message: `"kit": ">=99.0.0" excludes the running wasmedge-plugin-kit ${version}` })]);
    const made = cli(['new', 'future', '--template', dir, '--yes']);
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('error[E_TEMPLATE_INCOMPATIBLE]');
    expect(made.stderr).toContain('>=99.0.0');
  });

  it('name collisions after renaming, helpers/partials, unparsable templates and manifest fields', () => {
    const dir = brokenCopy('messy-pack', (d) => {
      fs.writeFileSync(path.join(d, 'shared', '.gitignore'), 'x\n');
      fs.writeFileSync(path.join(d, 'c', 'src', 'plugin.c'), 'int x;\n');
      fs.writeFileSync(path.join(d, 'c', 'extra.md.hbs'), '{{> header}}\n{{shout name}}\n{{#if name}}\n');
    });
    const messages = errorsOf(dir).map((f) => `${f.file}: ${f.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^shared\/(_gitignore|\.gitignore): renders to \.gitignore, like shared\/(\.gitignore|_gitignore)/));
    expect(messages).toContainEqual(expect.stringMatching(/^c\/src\/(plugin\.c|plugin\.c\.hbs): renders to src\/plugin\.c, like c\/src\/plugin\.c/));
    expect(messages).toContainEqual(expect.stringMatching(/^c\/extra\.md\.hbs: does not parse as Handlebars/));
    expect(checkManifest({ name: 'Bad Name', version: '1', description: '', languages: ['go'], kit: 'nope', prompts: [{ name: 'author', type: 'string', message: 'm', default: 'x' }] }).map((p) => p.field))
      .toEqual(['name', 'version', 'description', 'languages[0]', 'kit', 'prompts[0].name']);
    fs.writeFileSync(path.join(dir, 'c', 'extra.md.hbs'), '{{> header}}\n{{shout name}}\n');
    const more = errorsOf(dir).map((f) => `${f.file}:${f.line}: ${f.message}`);
    expect(more).toContain('c/extra.md.hbs:1: uses a partial ({{> …}}): packs are data and cannot define partials');
    expect(more).toContain('c/extra.md.hbs:2: calls "shout", which is not a built-in helper (packs may use if, unless, each, with, lookup only)');
  });

  it('the built-in pack lints without errors', () => {
    expect(lintPack(path.join(ROOT, 'templates')).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('an unknown pack name is a usage error that lists what is installed', () => {
    const r = cli(['new', 'x', '--template', 'nope', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E_TEMPLATE_NOT_FOUND]: no template pack named "nope" (known: default)');
  });
});
