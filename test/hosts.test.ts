/**
 * Per-host state in the embeddable runtime: two PluginHosts in one process each hear only their own
 * stages, and a host function failing in one leaves the other's calls and results untouched.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PluginHost, type StageEvent } from '../runtime/index.js';
import { REPO_ROOT, buildPluginLib, makeTempDir, removeDir } from './helpers/cbuild.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'runtime');
let dir: string;
const lib: Record<string, string> = {};

beforeAll(() => {
  dir = makeTempDir('wpk-hosts-');
  for (const name of ['basic', 'features']) {
    lib[name] = buildPluginLib([path.join(FIXTURES, `${name}.c`)], path.join(dir, `lib${name}.so`), {
      flags: ['-std=c11', '-Wall', '-Wextra', '-Werror'], stubDir: path.join(dir, 'stub'),
    });
  }
});
afterAll(() => removeDir(dir));

test('two hosts: separate stage listeners; a failing host function in one does not affect the other', async () => {
  const heardA: StageEvent[] = [];
  const heardB: StageEvent[] = [];
  const a = new PluginHost({ onStage: (e) => heardA.push(e) });
  const b = new PluginHost({ onStage: (e) => heardB.push(e) });
  try {
    const [features] = a.loadFromPath(lib.features).loaded;
    const [basic] = b.loadFromPath(lib.basic).loaded;
    const failing = await a.instantiate('(module (import "features" "fail_user" (func $f)) (func (export "go") (call $f)))', { modules: [features.createModule()], wasi: false });
    const adding = await b.instantiate(
      '(module (import "basic_module" "add" (func $add (param i32 i32) (result i32))) (func (export "go") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1))))',
      { modules: [basic.createModule()], wasi: false },
    );
    const direct = basic.createModule();

    expect(() => failing.invoke('go')).toThrow(/features\.fail_user of plug-in 'features' failed: user defined error code/);
    // B right after A's failure: its results are its own, no error carried over.
    expect(adding.invoke('go', 2, 3)).toBe(5);
    expect(direct.call('add', 40, 2)).toEqual([42]);
    // And A fails the same way again, B's success having left nothing behind either.
    expect(() => failing.invoke('go')).toThrow(/fail_user of plug-in 'features' failed/);
    expect(adding.invoke('go', -1, 1)).toBe(0);

    const paths = (heard: StageEvent[]) => new Set(heard.map((e) => e.path).filter(Boolean));
    expect(paths(heardA)).toEqual(new Set([lib.features]));
    expect(paths(heardB)).toEqual(new Set([lib.basic]));
    expect(heardA.map((e) => e.stage)).toEqual(['constructor', 'GetDescriptor', 'descriptor', 'Create', 'instantiate', 'invoke', 'invoke']);
    expect(heardB.map((e) => e.stage)).toEqual(['constructor', 'GetDescriptor', 'descriptor', 'Create', 'instantiate', 'Create', 'invoke', 'call', 'invoke']);
    expect(heardB.find((e) => e.stage === 'call')).toMatchObject({ plugin: 'basic', module: 'basic_module', function: 'add', detail: '40 2' });
  } finally {
    a.close();
    b.close();
  }
});

test('a host without a listener runs the same code silently', async () => {
  const host = new PluginHost();
  try {
    const [basic] = host.loadFromPath(lib.basic).loaded;
    expect(basic.createModule().call('add', 1, 2)).toEqual([3]);
  } finally {
    host.close();
  }
});
