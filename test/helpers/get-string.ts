// Checks shared by the C++ and Rust get_string examples: each must behave exactly like the C
// example (examples/get-string/get_string.c), both driven through the shim by the same host
// program (test/native/cpp_example_host.cpp) and run from test.wat through the TS runtime.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT, type RunResult } from './cbuild.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'get-string');

/** Lines every get_string transcript of cpp_example_host must contain (on top of equalling C's). */
const TRANSCRIPT_LINES = [
  'get_string(64, 255, 8) -> code 0x0, written 0x00000005, buf "hello......."',
  'get_string(65534, 255, 8) -> code 0x408, written 0x2e2e2e2e, buf ".."',
  'get_string(64, 255, 8) -> code 0x0, written 0x0000000a, buf "HI, WORLD!.."',
  'add(INT32_MAX, 1) -> code 0x0, -2147483648',
  'freed objects yes',
];

/** `example` and `c` are the host program's runs on the example and on the C example. */
export function expectSameTranscriptAsC(example: RunResult, c: RunResult): void {
  expect(example.status).toBe(0);
  expect(c.status).toBe(0);
  expect(example.stdout).toEqual(c.stdout);
  for (const line of TRANSCRIPT_LINES) expect(example.stdout).toContain(line);
}

/**
 * Loads the plug-in at `lib` into a PluginHost and runs examples/get-string/test.wat: it prints
 * "hello", then `upperText` once the options are set to upper + `text` (options are read at
 * call time). `tmp` receives the captured stdout.
 */
export async function expectTestWatRuns(lib: string, tmp: string, text: string, upperText: string): Promise<void> {
  const { PluginHost } = await import('../../runtime/index.js');
  const host = new PluginHost();
  try {
    const loaded = host.loadFromPath(lib);
    expect(loaded.errors).toEqual([]);
    const plugin = host.findPlugin('get_string')!;
    expect(plugin.options.map((o) => [o.name, o.type])).toEqual([['string', 'string'], ['upper', 'toggle']]);
    const outFile = path.join(tmp, 'stdout.txt');
    const wat = fs.readFileSync(path.join(EXAMPLE, 'test.wat'), 'utf8');
    const runOnce = async () => {
      const fd = fs.openSync(outFile, 'w');
      try {
        const code = await host.runWasi(wat, { modules: [plugin.createModule('get_string_module')], stdout: fd });
        expect(code).toBe(0);
      } finally {
        fs.closeSync(fd);
      }
      return fs.readFileSync(outFile, 'utf8');
    };
    expect(await runOnce()).toBe('hello\n');
    plugin.setOption('upper', true);
    plugin.setOption('string', text);
    expect(await runOnce()).toBe(upperText);
  } finally {
    host.close();
  }
}
