// One owner per template-pack rule (issue #9): tarballs are unpacked by the `tar` library only after
// every entry was checked (no links, no absolute or `..` paths), so a hostile pack writes nothing;
// the pack-name limit is the same for a manifest and for `templates new --name`; lint errors stop
// `templates test` and `new --template` through the same E_TEMPLATE_INVALID; `new` runs Yeoman
// through generators/run.ts like the sub-generators (silenced log, answers returned).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scaffold } from '../generators/new-project.js';
import { checkManifest, PACK_NAME_MAX, resolvePack } from '../tooling/packs/manifest.js';
import { resolvePackAnswers } from '../generators/pack/index.js';
import { assertLintClean, lintPack } from '../tooling/packs/lint.js';
import { packForUse } from '../tooling/packs/use.js';
import { templatesDir } from '../tooling/paths.js';
import { kitVersion } from '../tooling/paths.js';
import { ToolError } from '../tooling/errors.js';

let tmp: string; // holds the tarballs and their staging folders
let unpackTmp: string; // TMPDIR while unpacking: must stay empty after a refused tarball
const savedTmpdir = process.env.TMPDIR;

const manifest = () => JSON.stringify({ name: 'rules-pack', version: '1.0.0', description: 'a pack', languages: ['c'], kit: `^${kitVersion()}` });

/** Writes `stage/package/wasmedge-plugin-template.json` and returns the stage folder. */
function stage(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'package'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package', 'wasmedge-plugin-template.json'), manifest());
  return dir;
}

function makeTarball(name: string, cwd: string, entries: string[], preservePaths = false): string {
  const file = path.join(tmp, `${name}.tgz`);
  tar.c({ file, cwd, gzip: true, sync: true, preservePaths }, entries);
  return file;
}

function refusal(file: string): ToolError {
  try {
    resolvePack(file).dispose();
  } catch (e) {
    return e as ToolError;
  }
  throw new Error(`${file} was accepted`);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wpk-pack-rules-'));
  unpackTmp = path.join(tmp, 'unpack-tmp');
  fs.mkdirSync(unpackTmp);
  process.env.TMPDIR = unpackTmp; // os.tmpdir() reads it on each call
});
afterAll(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('pack tarballs', () => {
  it('a plain npm-pack style tarball unpacks and its manifest is read', () => {
    const file = makeTarball('good', stage('good'), ['package']);
    const pack = resolvePack(file);
    try {
      expect(pack.source).toBe('tarball');
      expect(pack.manifest.name).toBe('rules-pack');
      expect(pack.root.startsWith(unpackTmp)).toBe(true);
    } finally {
      pack.dispose();
    }
    expect(fs.readdirSync(unpackTmp)).toEqual([]);
  });

  it('a tarball with a symlink entry is refused before anything is written', () => {
    const dir = stage('symlink');
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(outside, { recursive: true });
    fs.symlinkSync(outside, path.join(dir, 'package', 'escape'));
    const file = makeTarball('symlink', dir, ['package']);
    const e = refusal(file);
    expect(e).toBeInstanceOf(ToolError);
    expect(e.code).toBe('E_TEMPLATE_INVALID');
    expect(e.message).toContain('"package/escape" is a SymbolicLink');
    expect(fs.readdirSync(unpackTmp)).toEqual([]);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('a tarball with a ../x entry is refused and x is written nowhere', () => {
    const dir = stage('dotdot');
    fs.writeFileSync(path.join(dir, 'x'), 'escaped');
    // From package/, `../x` names the file next to it: kept as is with preservePaths.
    const file = makeTarball('dotdot', path.join(dir, 'package'), ['wasmedge-plugin-template.json', '../x'], true);
    const names: string[] = [];
    tar.t({ file, sync: true, onReadEntry: (en) => names.push(en.path) });
    expect(names).toContain('../x');
    const e = refusal(file);
    expect(e.code).toBe('E_TEMPLATE_INVALID');
    expect(e.message).toContain('"../x" leaves the pack');
    expect(fs.readdirSync(unpackTmp)).toEqual([]);
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
  });

  it('a tarball with an absolute entry is refused', () => {
    const dir = stage('absolute');
    const abs = path.join(dir, 'abs.txt');
    fs.writeFileSync(abs, 'absolute');
    const file = makeTarball('absolute', dir, ['package', abs], true);
    const e = refusal(file);
    expect(e.code).toBe('E_TEMPLATE_INVALID');
    expect(e.message).toContain('is an absolute path');
    expect(fs.readdirSync(unpackTmp)).toEqual([]);
  });

  it('a file that is not a tarball is refused with E_TEMPLATE_INVALID', () => {
    const file = path.join(tmp, 'junk.tgz');
    fs.writeFileSync(file, 'not a tarball');
    expect(refusal(file).code).toBe('E_TEMPLATE_INVALID');
    expect(fs.readdirSync(unpackTmp)).toEqual([]);
  });
});

describe('pack names', () => {
  const atLimit = 'a'.repeat(64);
  const overLimit = 'a'.repeat(65);
  const nameProblems = (name: string) => checkManifest({ ...JSON.parse(manifest()), name }).filter((p) => p.field === 'name');

  it('the limit is 64 characters', () => expect(PACK_NAME_MAX).toBe(64));

  it('a manifest takes a 64-character name and refuses 65', () => {
    expect(nameProblems(atLimit)).toEqual([]);
    expect(nameProblems(overLimit)[0]?.message).toContain('at most 64 characters');
  });

  it('templates new --name takes the same 64 characters and refuses 65 with E_USAGE', () => {
    expect(resolvePackAnswers({ name: atLimit }, '/x/pack').name).toBe(atLimit);
    expect(() => resolvePackAnswers({ name: overLimit }, '/x/pack')).toThrow(expect.objectContaining({ code: 'E_USAGE', hint: expect.stringContaining('at most 64 characters') }));
  });

  it('a name taken from a long folder name is cut to the limit, so it stays valid', () => {
    const answers = resolvePackAnswers({}, `/x/${'b'.repeat(80)}`);
    expect(answers.name).toBe('b'.repeat(64));
    expect(nameProblems(answers.name)).toEqual([]);
  });
});

describe('lint errors', () => {
  /** A pack whose manifest is valid but whose c/src holds `count` links (each a lint error). */
  function brokenPack(name: string, count: number): string {
    const root = path.join(stage(name), 'package');
    fs.mkdirSync(path.join(root, 'c', 'src'), { recursive: true });
    for (let i = 0; i < count; i++) fs.symlinkSync('/etc/passwd', path.join(root, 'c', 'src', `f${String(i).padStart(2, '0')}.c`));
    return root;
  }

  it('a clean report passes through (the built-in pack)', () => {
    const report = lintPack(templatesDir);
    expect(assertLintClean(report)).toBe(report);
  });

  it('templates test and new --template refuse the same broken pack with the same message', () => {
    const root = brokenPack('lint-one', 1);
    const viaTest = (() => {
      try {
        assertLintClean(lintPack(root), '"rules-pack"');
      } catch (e) {
        return e as ToolError;
      }
    })();
    const viaUse = (() => {
      try {
        packForUse(root).dispose();
      } catch (e) {
        return e as ToolError;
      }
    })();
    expect(viaTest?.code).toBe('E_TEMPLATE_INVALID');
    expect(viaTest?.message).toMatch(/^template pack "rules-pack" has \d+ lint error\(s\):\n {2}c\/src\/f00\.c/);
    expect(viaTest?.message).toContain('is a symbolic link (→ /etc/passwd)');
    expect(viaUse?.code).toBe('E_TEMPLATE_INVALID');
    expect(viaUse?.message).toBe(viaTest?.message);
  });

  it('a long list is cut after 10 errors and the rest are counted', () => {
    const root = brokenPack('lint-many', 12);
    const errors = lintPack(root).findings.filter((f) => f.severity === 'error').length;
    expect(errors).toBeGreaterThanOrEqual(12);
    expect(() => assertLintClean(lintPack(root))).toThrow(`… and ${errors - 10} more`);
  });
});

describe('Yeoman runs', () => {
  const distApp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'generators', 'app', 'index.js');

  /** Runs `new` with stdout/stderr watched: Yeoman's own log must not reach them. */
  async function quietly(dir: string, generator?: string) {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    try {
      const result = await scaffold({ dir, cwd: tmp, language: 'c', name: 'quiet', yes: true, interactive: false, generator });
      const printed = [...out.mock.calls, ...err.mock.calls].map((c) => String(c[0])).join('');
      return { result, printed };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('new with the built-in app generator class: answers come back, files land, Yeoman says nothing', async () => {
    const { result, printed } = await quietly('yo-class');
    expect(result.answers.language).toBe('c');
    expect(result.answers.name).toBe('quiet');
    expect(result.files).toContain('wasmedge-plugin.json');
    expect(fs.existsSync(path.join(tmp, 'yo-class', 'wasmedge-plugin.json'))).toBe(true);
    expect(printed).not.toMatch(/create|\.wasmedge-plugin-new-/);
  });

  it.skipIf(!fs.existsSync(distApp))('new with a generator given by module path (the pack hook) works the same', async () => {
    const { result, printed } = await quietly('yo-path', distApp);
    expect(result.answers.language).toBe('c');
    expect(result.files).toEqual(fs.readdirSync(path.join(tmp, 'yo-class'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.relative(path.join(tmp, 'yo-class'), path.join(d.parentPath, d.name))).sort());
    expect(printed).not.toMatch(/create|\.wasmedge-plugin-new-/);
  });
});
