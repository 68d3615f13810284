// `wasmedge-plugin dev` as a real process on a generated C project: an edit of the host function
// shows the new test result; a build error and a crashing plug-in do not end it; SIGINT ends it
// with no process left behind (every descendant inherits a marker in its environment).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTempDir } from './helpers/cbuild.js';
import { BIN, cli, ensureBuilt } from './helpers/cli.js';

const MARK = `wpk-dev-test-${process.pid}-${Date.now()}`;
let dir: string;
let source: string;
let dev: ChildProcess;
let output = '';

/** Resolves with the output after `from` once `re` matches a complete status block there. */
function waitFor(re: RegExp, from: number, ms: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const check = () => {
      const blocks = output.slice(from);
      if (re.test(blocks) && /watching \(Ctrl-C to stop\)\n$/.test(output)) {
        clearInterval(timer);
        resolvePromise(blocks);
      }
    };
    const timer = setInterval(check, 100);
    setTimeout(() => { clearInterval(timer); reject(new Error(`timed out waiting for ${re}; output:\n${output}`)); }, ms);
  });
}

function edit(from: string, to: string): void {
  const text = fs.readFileSync(source, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(source, text.replace(from, to));
}

/** Processes (other than ours) whose environment carries the marker. */
function marked(): number[] {
  const pids: number[] = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (fs.readFileSync(`/proc/${p}/environ`, 'utf8').includes(MARK)) pids.push(Number(p));
    } catch { /* gone or not ours */ }
  }
  return pids;
}

const ADD = 'Returns[0] = WasmEdge_ValueGenI32((int32_t)(A + B));';

beforeAll(async () => {
  ensureBuilt();
  dir = path.join(makeTempDir('wpk-dev-'), 'devproj');
  const made = await cli(['new', dir, '--yes', '--lang', 'c', '--name', 'devproj']);
  expect(made.status, made.stderr).toBe(0);
  source = path.join(dir, 'src', 'plugin.c');
  dev = spawn(process.execPath, [BIN, 'dev', dir, '--debounce', '200'], { env: { ...process.env, NO_COLOR: '1', WPK_DEV_TEST_MARK: MARK }, stdio: ['ignore', 'pipe', 'pipe'] });
  dev.stdout!.on('data', (d) => { output += d; });
  dev.stderr!.on('data', (d) => { output += d; });
  await waitFor(/test\s+PASS/, 0, 180_000);
});

afterAll(() => {
  if (dev.exitCode === null) dev.kill('SIGKILL');
});

describe('dev on a generated C project', () => {
  test('an edit of the host function rebuilds and shows the new test result', async () => {
    const from = output.length;
    const started = performance.now();
    edit(ADD, 'Returns[0] = WasmEdge_ValueGenI32((int32_t)(A + B + 1));');
    const block = await waitFor(/test\s+FAIL/, from, 60_000);
    const seconds = (performance.now() - started) / 1000;
    console.log(`dev: edit → new test result in ${seconds.toFixed(1)} s`);
    expect(block).toContain('src/plugin.c');
    expect(block).toMatch(/build\s+ok/);
    expect(block).toContain('add.wat');
    expect(block).toContain('got 6'); // the first failure in full: add(2, 3) now returns 6
    edit('(int32_t)(A + B + 1)', '(int32_t)(A + B)');
    await waitFor(/test\s+PASS/, from + block.length, 60_000);
  });

  test('a build error and a crashing host function are reported, and dev keeps watching', async () => {
    let from = output.length;
    edit(ADD, 'Returns[0] = WasmEdge_ValueGenI32((int32_t)(A + B)) /* missing semicolon */');
    const broken = await waitFor(/build\s+FAILED/, from, 60_000);
    expect(broken).toMatch(/error/i);
    from = output.length;
    edit('Returns[0] = WasmEdge_ValueGenI32((int32_t)(A + B)) /* missing semicolon */', `*(volatile int *)0 = 1; ${ADD}`);
    const crashed = await waitFor(/test\s+FAIL/, from, 90_000);
    expect(crashed).toMatch(/crash|SIGSEGV/i);
    from = output.length;
    edit(`*(volatile int *)0 = 1; ${ADD}`, ADD);
    await waitFor(/test\s+PASS/, from, 60_000);
    expect(dev.exitCode).toBeNull();
  });

  test('SIGINT in the middle of a cycle ends it cleanly with no process left behind', async () => {
    expect(marked().length).toBeGreaterThan(0); // the dev process itself carries the marker
    // Start a cycle and interrupt it while a step (build or test, with its children) runs.
    edit(ADD, `${ADD} /* touched */`);
    const deadline = Date.now() + 30_000;
    while (marked().length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(marked().length).toBeGreaterThan(1);
    const exited = new Promise<number | null>((r) => dev.once('exit', (code) => r(code)));
    dev.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('dev stopped (SIGINT)');
    await new Promise((r) => setTimeout(r, 300));
    expect(marked()).toEqual([]);
  });
});

describe('dev --run', () => {
  test('runs the program after each build and shows its output; SIGTERM ends it', async () => {
    output = '';
    dev = spawn(process.execPath, [BIN, 'dev', dir, '--run', path.join(dir, 'test', 'get_string.wat')], { env: { ...process.env, NO_COLOR: '1', WPK_DEV_TEST_MARK: MARK }, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stdout!.on('data', (d) => { output += d; });
    dev.stderr!.on('data', (d) => { output += d; });
    const block = await waitFor(/run\s+exit 0/, 0, 120_000);
    expect(block).toContain('hello');
    expect(block).not.toMatch(/^test/m);
    const exited = new Promise<number | null>((r) => dev.once('exit', (code) => r(code)));
    dev.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('dev stopped (SIGTERM)');
    await new Promise((r) => setTimeout(r, 300));
    expect(marked()).toEqual([]);
  });
});
