// The Rust crate (sdk/rust): its own cargo tests (pure ones with no WasmEdge at all, and the ones
// that drive it through the real host shim), and the Rust get_string example built with plain
// cargo, inspected with readelf, driven through the shim next to the C example (identical
// transcripts) and run from wasm through the TS runtime.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HAS_CARGO, REPO_ROOT, SDK_DIR, buildPluginLib, compileExecutable, dynSyms, dynamicSection, makeTempDir, removeDir, run,
  type RunResult,
} from './helpers/cbuild.js';
import { expectSameTranscriptAsC, expectTestWatRuns } from './helpers/get-string.js';

const SHIM_DIR = path.join(REPO_ROOT, 'build', 'Release');
const CRATE = path.join(SDK_DIR, 'rust');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'get-string');
// Under the repo's ignored target/ so rebuilds stay warm between runs.
const TARGET = path.join(REPO_ROOT, 'target', 'vitest');

let tmp: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(SHIM_DIR, 'libwasmedge.so'))) {
    throw new Error(`the host shim is not built (${SHIM_DIR}/libwasmedge.so): run \`npx node-gyp rebuild\``);
  }
  tmp = makeTempDir('wpk-rust-sdk-');
});
afterAll(() => removeDir(tmp));

/** cargo with a clean environment: no inherited LD_LIBRARY_PATH unless given. */
function cargo(args: string[], cwd: string, targetDir: string, env: Record<string, string> = {}): RunResult {
  const base = { ...process.env };
  delete base.LD_LIBRARY_PATH;
  delete base.WASMEDGE_PLUGIN_SDK_NO_FALLBACK;
  return run('cargo', [...args, '--offline'], { cwd, env: { ...base, CARGO_TARGET_DIR: targetDir, ...env } });
}

/** Sum of "N passed" over all test binaries; throws with cargo's output unless every one is ok. */
function passedTests(r: RunResult): number {
  const out = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`cargo test failed (${r.status ?? r.signal})\n${out}`);
  const results = [...out.matchAll(/test result: (\w+)\. (\d+) passed; (\d+) failed/g)];
  expect(results.length).toBeGreaterThan(0);
  for (const m of results) expect(m[1]).toBe('ok');
  return results.reduce((n, m) => n + Number(m[2]), 0);
}

describe.skipIf(!HAS_CARGO)('the wasmedge-plugin-sdk crate', () => {
  it('cargo test --offline passes with no WasmEdge installed (layouts, encodings, dispatch, options, descriptor)', () => {
    const r = cargo(['test'], CRATE, path.join(TARGET, 'sdk'));
    expect(passedTests(r)).toBeGreaterThanOrEqual(15);
    // The shim-driven tests are compiled out without the feature.
    expect(r.stdout).not.toContain('the_real_shim_is_loaded_not_a_stub');
  });

  it('the shim-tests pass against the real shim (LD_LIBRARY_PATH=build/Release)', () => {
    const r = cargo(['test', '--features', 'shim-tests', '--test', 'shim'], CRATE, path.join(TARGET, 'sdk'), {
      LD_LIBRARY_PATH: SHIM_DIR,
    });
    expect(passedTests(r)).toBe(7);
    expect(r.stdout).toContain('test deleting_the_module_drops_its_data_and_frees_everything ... ok');
  });

  it('a test binary that calls WasmEdge without a runtime gets a clear abort, not a silent stub', () => {
    const dir = path.join(tmp, 'fallback-check');
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'Cargo.toml'), [
      '[package]', 'name = "fallback_check"', 'version = "0.1.0"', 'edition = "2024"', '[workspace]',
      '[dependencies]', `wasmedge-plugin-sdk = { path = ${JSON.stringify(CRATE)} }`, '',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'src', 'main.rs'),
      'fn main() { unsafe { wasmedge_plugin_sdk::sys::WasmEdge_VersionGetMajor(); } }\n');
    const r = cargo(['run', '-q'], dir, path.join(TARGET, 'fallback-check'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('WasmEdge_VersionGetMajor was called, but no WasmEdge runtime is loaded');
  });
});

describe.skipIf(!HAS_CARGO)('the Rust get_string example', () => {
  let lib: string;

  beforeAll(() => {
    const r = cargo(['build', '--release'], EXAMPLE, path.join(TARGET, 'examples'));
    if (r.status !== 0) throw new Error(`cargo build failed\n${r.stderr}`);
    lib = path.join(TARGET, 'examples', 'release', 'libget_string_rs.so');
  });

  it('builds libget_string_rs.so with plain cargo, linked like a real WasmEdge 0.17 plug-in', () => {
    expect(fs.existsSync(lib)).toBe(true);
    const dyn = dynamicSection(lib);
    expect(dyn.needed).toContain('libwasmedge.so.0');
    expect(dyn.runpath).toBeNull();
    expect(dyn.rpath).toBeNull();
    const syms = dynSyms(lib);
    const refs = syms.filter((s) => !s.defined && s.name.startsWith('WasmEdge_'));
    expect(refs.map((s) => s.name)).toContain('WasmEdge_MemoryInstanceGetPointer');
    for (const s of refs) expect(`${s.name}@${s.version}`).toBe(`${s.name}@WASMEDGE_0.16`);
    // The entry point is the only symbol the plug-in exports.
    expect(syms.filter((s) => s.defined && s.name !== '').map((s) => s.name)).toEqual(['WasmEdge_Plugin_GetDescriptor']);
  });

  it('behaves exactly like the C example when driven through the shim', () => {
    const cLib = buildPluginLib([path.join(EXAMPLE, 'get_string.c')], path.join(tmp, 'libget_string.so'));
    const host = compileExecutable([path.join(REPO_ROOT, 'test', 'native', 'cpp_example_host.cpp')], path.join(tmp, 'host'), {
      includes: [path.join(SDK_DIR, 'cpp'), path.join(REPO_ROOT, 'runtime', 'native')],
      extra: [`-L${SHIM_DIR}`, '-l:libwasmedge.so', '-ldl'],
    });
    const env = { ...process.env, LD_LIBRARY_PATH: SHIM_DIR };
    expectSameTranscriptAsC(run(host, [lib], { env }), run(host, [cLib], { env }));
  });

  it('runs examples/get-string/test.wat through the TS runtime and prints "hello"', async () => {
    await expectTestWatRuns(lib, tmp, 'from rust', 'FROM RUST\n');
  });
});
