// The command-line contract every command shares: exit statuses, the `error[CODE]:` + hint form for
// errors the argument parser finds, colour decided per stream (NO_COLOR / FORCE_COLOR), and how `call`
// shows what a host function wrote into its buffers. Runs the built CLI against the get_string example.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, buildPluginLib, makeTempDir, removeDir } from './helpers/cbuild.js';
import { BIN, cli } from './helpers/cli.js';

const ANSI = /\x1b\[[0-9;]*m/;
let dir: string;
let lib: string;

beforeAll(() => {
  dir = makeTempDir('wpk-contract-');
  lib = buildPluginLib([path.join(REPO_ROOT, 'examples', 'get-string', 'get_string.c')], path.join(dir, 'libget_string.so'), {
    flags: ['-std=c11'], stubDir: path.join(dir, 'stub'),
  });
});

afterAll(() => removeDir(dir));

describe('usage errors: exit 2 with error[E_USAGE] and a hint', () => {
  test('no command prints the help on stderr and exits 2', async () => {
    const r = await cli([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: wasmedge-plugin');
  });

  test('a command group without its sub-command exits 2', async () => {
    const r = await cli(['add']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: wasmedge-plugin add');
  });

  test('--help and help still exit 0 on stdout', async () => {
    for (const args of [['--help'], ['help'], ['build', '--help']]) {
      const r = await cli(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: wasmedge-plugin');
    }
  });

  test.each([
    [['frob'], "unknown command 'frob'", 'wasmedge-plugin --help'],
    [['biuld'], "unknown command 'biuld'", 'did you mean build?'],
    [['inspect', '--frob'], "unknown option '--frob'", 'wasmedge-plugin inspect --help'],
    [['build', 'a', 'b'], "too many arguments for 'build'", 'wasmedge-plugin build --help'],
    [['call'], "missing required argument 'plugin'", 'wasmedge-plugin call --help'],
    [['add', 'function', 'x', '.', '--params'], "option '--params <list>' argument missing", 'wasmedge-plugin add function --help'],
  ])('%j', async (args, message, hint) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0].startsWith(`error[E_USAGE]: ${message}`), lines[0]).toBe(true);
    expect(r.stderr).not.toMatch(/^error: /m);
    expect(lines.at(-1)).toMatch(/^ {2}hint: /);
    expect(lines.at(-1)).toContain(hint);
  });
});

describe('call: bytes and decoded values are shown apart', () => {
  test('a 4-byte result buffer shows its bytes and its little-endian value separately', async () => {
    const r = await cli(['call', lib, 'get_string_module.get_string', '@64', '64', '@4']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('0x05000000');
    expect(r.stdout).toMatch(/^ {2}bytes: 05 00 00 00$/m);
    expect(r.stdout).toMatch(/^ {2}as u32 \(little-endian\): 5$/m);
    expect(r.stdout).toMatch(/^ {2}text: "hello"$/m);
    expect(r.stdout).toMatch(/^ {2}bytes: 68 65 6c 6c 6f 00/m);
  });

  test('too few arguments for an integer function names the parameters, not @N buffers', async () => {
    const r = await cli(['call', lib, 'get_string_module.add', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error[E_ARGUMENTS]');
    expect(r.stderr).toContain('takes 2 argument(s), got 1');
    expect(r.stderr).not.toContain('@N');
    expect(r.stderr).toMatch(/hint: .*get_string_module\.add <i32> <i32>/);
  });
});

describe('colour is decided per stream', () => {
  const noColourEnv = { NO_COLOR: '', FORCE_COLOR: undefined as unknown as string };

  test('piped output has no colour; FORCE_COLOR adds it; NO_COLOR wins over FORCE_COLOR', async () => {
    const plain = await cli(['inspect', lib], { env: noColourEnv });
    expect(plain.stdout).toContain('get_string_module');
    expect(plain.stdout).not.toMatch(ANSI);
    const forced = await cli(['inspect', lib], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const both = await cli(['inspect', lib], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(both.stdout).not.toMatch(ANSI);
  });

  test('FORCE_COLOR colours the findings of test and the checks of doctor too', async () => {
    const t = await cli(['test', lib], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(t.stdout).toContain('PASS');
    expect(t.stdout).toMatch(ANSI);
    const d = await cli(['doctor'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(d.stdout).toMatch(ANSI);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  if (!hasScript) console.warn('script (util-linux) not found: the terminal colour test is skipped; install util-linux');
  test.skipIf(!hasScript)('stdout redirected to a file from a terminal gets no colour while stderr (the terminal) does', () => {
    const out = path.join(dir, 'inspect.txt');
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} inspect ${JSON.stringify(lib)} ${JSON.stringify(path.join(dir, 'missing.so'))} > ${JSON.stringify(out)}`;
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm' };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env });
    const file = fs.readFileSync(out, 'utf8');
    expect(file).toContain('get_string_module');
    expect(file).not.toMatch(ANSI);
    // The error about the missing file went to the terminal, in colour.
    expect(r.stdout).toContain('E_');
    expect(r.stdout).toMatch(ANSI);
  });
});
