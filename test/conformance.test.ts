// `wasmedge-plugin test`: one finding per problem, with the right code and stage, on every fixture;
// passes on the C example and on a generated project (with its .wat expectations).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, buildPluginLib, cmakeBuild, makeTempDir, removeDir, runOk } from './helpers/cbuild.js';
import { cli, ensureBuilt } from './helpers/cli.js';
import { parseWatExpectations } from '../tooling/check/wat-expectations.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'bad');
let dir: string;
const lib: Record<string, string> = {};

interface Finding { check: string; status: string; code?: string; stage?: string; message: string; module?: string; function?: string }
interface Report { ok: boolean; findings: Finding[]; summary: Record<string, number> }

function fixture(name: string, source: string, defines: Record<string, string | true> = {}, flags: string[] = []): void {
  lib[name] = buildPluginLib([path.join(FIXTURES, source)], path.join(dir, `lib${name}.so`), {
    flags: ['-std=c11', '-Wall', '-Wextra', '-g', ...flags], defines, stubDir: path.join(dir, 'stub'),
  });
}

async function testJson(target: string, ...extra: string[]): Promise<Report> {
  const r = await cli(['test', '--json', ...extra, target]);
  expect(r.signal).toBeNull();
  const report = JSON.parse(r.stdout) as Report;
  expect(r.status, r.stderr).toBe(report.ok ? 0 : 1);
  return report;
}

const failures = (r: Report) => r.findings.filter((f) => f.status === 'fail');

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir('wpk-conformance-');
  const variants: Array<[string, Record<string, string | true>]> = [
    ['nulldesc', { NULL_DESCRIPTOR: true }], ['noentry', { NO_ENTRY: true }], ['nullname', { NULL_PLUGIN_NAME: true }],
    ['emptyname', { EMPTY_PLUGIN_NAME: true }], ['nullmodname', { NULL_MODULE_NAME: true }], ['nullcreate', { NULL_CREATE: true }],
    ['count', { COUNT_MISMATCH: true }], ['api3', { API_VERSION: '3' }], ['dupmod', { DUP_MODULE: true }],
    ['dupopt', { DUP_OPTION: true }], ['badopt', { BAD_OPTION_TYPE: true }], ['nullstorage', { NULL_OPTION_STORAGE: true }],
    ['createnull', { CREATE_RETURNS_NULL: true }], ['leak', { LEAK: true }], ['good', {}],
  ];
  for (const [n, d] of variants) fixture(n, 'descriptor.c', d);
  fixture('ctor', 'crash.c', { IN_CONSTRUCTOR: true });
  fixture('create', 'crash.c', { IN_CREATE: true });
  fixture('fn', 'crash.c', { IN_FUNCTION: true });
  fixture('abort', 'crash.c', { IN_FUNCTION: true, HOW_ABORT: true });
  fixture('hang', 'crash.c', { IN_FUNCTION: true, HOW_HANG: true });
  fixture('finalizer', 'crash.c', { IN_FINALIZER: true });
  fixture('oob', 'oob.c', { NO_FILL: true });
  fixture('oobAsan', 'oob.c', { NO_POKE: true }, ['-fsanitize=address', '-fno-omit-frame-pointer']);
  const gs = cmakeBuild(path.join(REPO_ROOT, 'examples', 'get-string'), path.join(dir, 'gs'));
  lib.getString = path.join(gs, 'libget_string.so');
});

afterAll(() => removeDir(dir));

describe.concurrent('descriptor problems: one failing finding each', () => {
  test.each([
    ['nulldesc', 'entry-point', 'E_NULL_DESCRIPTOR', 'returned NULL'],
    ['noentry', 'entry-point', 'E_NO_DESCRIPTOR', 'does not export'],
    ['nullname', 'plugin-name', 'E_BAD_DESCRIPTOR', 'NULL Name'],
    ['emptyname', 'plugin-name', 'E_BAD_DESCRIPTOR', 'empty Name'],
    ['nullmodname', 'module-name', 'E_BAD_DESCRIPTOR', 'module #0 has a NULL Name'],
    ['nullcreate', 'module-create', 'E_BAD_DESCRIPTOR', 'NULL Create'],
    ['count', 'module-count', 'E_BAD_DESCRIPTOR', 'ModuleCount is 2 but ModuleDescriptions is NULL'],
    ['api3', 'api-version', 'E_API_VERSION', 'API version 3 (WasmEdge 0.13.x)'],
    ['dupmod', 'module-name', 'E_BAD_DESCRIPTOR', "module name 'dup' is declared more than once"],
    ['dupopt', 'option-name', 'E_BAD_DESCRIPTOR', "option name 'level' is declared more than once"],
    ['badopt', 'option-type', 'E_BAD_DESCRIPTOR', 'type 42'],
    ['nullstorage', 'option-storage', 'E_BAD_DESCRIPTOR', 'NULL Storage'],
    ['createnull', 'create', 'E_CREATE_FAILED', 'Create returned NULL'],
    ['leak', 'leaks', 'E_BAD_DESCRIPTOR', 'still alive'],
  ])('%s → %s %s', async (name, check, code, text) => {
    const r = await testJson(lib[name]);
    expect(r.ok).toBe(false);
    const f = failures(r).find((x) => x.check === check);
    expect(f, JSON.stringify(r.findings, null, 1)).toBeDefined();
    expect(f!.code).toBe(code);
    expect(f!.message).toContain(text);
  });
  test('the same source without defects passes every check', async () => {
    const r = await testJson(lib.good);
    expect(failures(r)).toEqual([]);
    expect(r.findings.find((f) => f.check === 'call' && f.function === 'add')?.status).toBe('pass');
  });
});

describe.concurrent('crashes and hangs: the finding names the stage and the function', () => {
  test.each([
    ['ctor', 'load', 'E_CRASH', 'constructor', 'dlopen: library constructors'],
    ['create', 'create', 'E_CRASH', 'Create', "in Create of module 'crash_module'"],
    ['finalizer', 'load', 'E_CRASH', 'dispose', "while deleting module 'crash_module'"],
    ['fn', 'call', 'E_CRASH', 'call', 'crashed (SIGSEGV) in host function crash_module.boom'],
    ['abort', 'call', 'E_CRASH', 'call', 'aborted (SIGABRT) in host function crash_module.boom'],
  ])('%s', async (name, _check, code, stage, text) => {
    const r = await testJson(lib[name]);
    const f = failures(r).find((x) => x.code === code);
    expect(f, JSON.stringify(r.findings, null, 1)).toBeDefined();
    expect(f!.stage).toBe(stage);
    expect(f!.message).toContain(text);
  });
  test('a crash in one function does not hide the others', async () => {
    const r = await testJson(lib.fn);
    expect(r.findings.find((f) => f.check === 'call' && f.function === 'ok')?.status).toBe('pass');
    expect(failures(r).map((f) => f.function)).toEqual(['boom']);
  });
  test('a hang is killed after --timeout and reported per function', async () => {
    const r = await testJson(lib.hang, '--timeout', '1');
    const f = failures(r);
    expect(f.map((x) => [x.code, x.function])).toEqual([['E_TIMEOUT', 'boom']]);
    expect(r.findings.find((x) => x.function === 'ok')?.status).toBe('pass');
  });
  test('out-of-bounds pointers: unchecked access crashes, a MemoryOutOfBounds result is fine', async () => {
    const r = await testJson(lib.oob);
    expect(failures(r).map((x) => [x.code, x.function])).toEqual([['E_CRASH', 'poke']]);
    const safe = r.findings.find((x) => x.function === 'safe')!;
    expect(safe.status).toBe('pass');
    expect(safe.message).toContain('out of bounds memory access');
  });
  test('--sanitize address reports a heap overflow with the function name', async () => {
    const r = await testJson(lib.oobAsan, '--sanitize', 'address');
    const f = failures(r);
    expect(f.length).toBe(1);
    expect(f[0].code).toBe('E_SANITIZER');
    expect(f[0].function).toBe('fill');
    expect(f[0].message).toMatch(/heap-buffer-overflow, WRITE of size \d+ in fill/);
  });
});

describe('valid plug-ins pass', () => {
  test('the C example', async () => {
    const r = await cli(['test', lib.getString, '--wat', path.join(REPO_ROOT, 'examples', 'get-string', 'test.wat')]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^✓ wat +test\.wat: _start exited 0$/m);
    expect(r.stdout).toMatch(/^✓ api-version/m);
    expect(r.stdout).toMatch(/^PASS /m);
  });
  test('a generated project, with its .wat expectations; a wrong expectation fails', async () => {
    const proj = path.join(dir, 'proj');
    runOk(process.execPath, [path.join(REPO_ROOT, 'bin', 'wasmedge-plugin.js'), 'new', proj, '--yes']);
    let r = await testJson(proj);
    expect(failures(r)).toEqual([]);
    expect(r.findings.filter((f) => f.check === 'wat' && f.status === 'pass').length).toBeGreaterThanOrEqual(4);
    const add = path.join(proj, 'test', 'add.wat');
    fs.writeFileSync(add, `;; @invoke add 2 2 => 5\n;; @invoke add 1 1 => trap nope\n${fs.readFileSync(add, 'utf8')}`);
    fs.writeFileSync(path.join(proj, 'test', 'exit.wat'), ';; @exit 3\n;; @stdout x\n(module (memory (export "memory") 1) (func (export "_start")))\n');
    r = await testJson(proj);
    expect(failures(r).map((f) => f.message)).toEqual([
      'add.wat: line 1: @invoke add 2 2 => 5: got 4',
      'add.wat: line 2: @invoke add 1 1 => trap nope: returned 2 instead of trapping',
      'exit.wat: _start exited 0, expected 3',
      expect.stringContaining('exit.wat: stdout differs'),
    ]);
  });
});

describe('expectation format', () => {
  test('directives', () => {
    const e = parseWatExpectations(';; @opt upper\n;; @opt string=a b\n;; @stdout HELLO\n;; @stdout\n;; @exit 2\n;; @invoke f 1 2 => 3\n;; @invoke g => trap out of bounds\n;; @invoke h 0x10\n(module)');
    expect(e).toEqual({
      opts: [{ name: 'upper' }, { name: 'string', value: 'a b' }],
      stdout: ['HELLO', ''],
      exit: 2,
      invokes: [
        { line: 6, export: 'f', args: ['1', '2'], results: ['3'], text: 'f 1 2 => 3' },
        { line: 7, export: 'g', args: [], trap: 'out of bounds', text: 'g => trap out of bounds' },
        { line: 8, export: 'h', args: ['0x10'], text: 'h 0x10' },
      ],
      todos: [],
    });
    expect(parseWatExpectations(';; @invoke f\n;; @todo write f\n;; @todo\n(module)').todos).toEqual([
      { line: 2, text: 'write f' }, { line: 3, text: 'this test is not written yet' },
    ]);
  });
  test('a typo is an error with a suggestion', () => {
    expect(() => parseWatExpectations(';; @stdot hi', 't.wat')).toThrow(/t\.wat:1: unknown directive @stdot \(did you mean @stdout\?\)/);
    expect(() => parseWatExpectations(';; @exit x', 't.wat')).toThrow(/@exit needs an integer/);
  });
});
