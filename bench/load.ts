/**
 * Sections 3–4: plug-in load latency. In-process: load (dlopen + descriptor), module create and
 * function list, each timed on a fresh copy of the library so every load is a real dlopen. Whole
 * process: `wasmedge-plugin inspect` against `node -e 0`, alternated run by run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { inspectWithHost } from '../tooling/engines/inspect.js';
import { PluginHost } from '../runtime/host.js';
import { packageRoot } from '../runtime/paths.js';
import type { Fixtures } from './fixtures.js';
import { median, timeProcessMs, timeUs } from './timing.js';

export interface LoadResultFigures {
  /** Median µs for one fresh library: load + descriptor, module create, function list, and the sum. */
  loadUs: number;
  createUs: number;
  listUs: number;
  totalUs: number;
  nodeMs: number;
  /** `inspect` as users run it (plug-in code in an isolated child process, when the CLI does that). */
  inspectMs: number;
  inspectVsNode: number;
  /** `inspect --no-isolate` (everything in one process); null when the CLI has no such flag. */
  inspectNoIsolateMs: number | null;
  inspectNoIsolateVsNode: number | null;
}

export interface ScalingFigures {
  /** Functions in the module → median µs of an in-process inspect (load, create, list, dispose). */
  inspectUs: Record<string, number>;
  /** µs per added function between the two largest counts and between the two smallest. */
  marginalUsPerFunction: { first: number; last: number };
  /** last / first marginal cost: ≈ 1 when time grows linearly, ≫ 1 when it grows faster. */
  perFunctionGrowth: number;
  /** Whole-process `inspect` of the largest plug-in, ms. */
  inspectLargestMs: number;
}

const CLI = join(packageRoot, 'bin', 'wasmedge-plugin.js');

export function benchLoad(fx: Fixtures, trials: number, processRuns: number): LoadResultFigures {
  new PluginHost(); // loads the shim once per process: not part of a plug-in's load
  const load: number[] = [];
  const create: number[] = [];
  const list: number[] = [];
  for (let i = 0; i < trials; i++) {
    const path = fx.copy(fx.getString, 'get_string');
    const host = new PluginHost();
    let plugin!: ReturnType<PluginHost['loadFromPath']>['loaded'][number];
    load.push(timeUs(() => {
      const r = host.loadFromPath(path);
      if (r.errors.length) throw new Error(r.errors[0].message);
      plugin = r.loaded[0];
    }));
    let mod!: ReturnType<typeof plugin.createModule>;
    create.push(timeUs(() => { mod = plugin.createModule(); }));
    list.push(timeUs(() => {
      if (mod.functions.length !== 2) throw new Error('get_string_module should have 2 functions');
    }));
    host.close();
  }
  // Whole process: each `inspect` is paired with a `node -e 0` right before it; ratios are per pair.
  const noIsolate = supportsNoIsolate();
  const node: number[] = [];
  const inspect: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < processRuns; i++) {
    node.push(timeProcessMs(process.execPath, ['-e', '0']));
    inspect.push(timeProcessMs(process.execPath, [CLI, 'inspect', fx.getString]));
    if (noIsolate) plain.push(timeProcessMs(process.execPath, [CLI, 'inspect', '--no-isolate', fx.getString]));
  }
  const ratio = (xs: number[]) => median(xs.map((x, i) => x / node[i]));
  const [l, c, f] = [median(load), median(create), median(list)];
  return {
    loadUs: l, createUs: c, listUs: f, totalUs: l + c + f,
    nodeMs: median(node), inspectMs: median(inspect), inspectVsNode: ratio(inspect),
    inspectNoIsolateMs: noIsolate ? median(plain) : null, inspectNoIsolateVsNode: noIsolate ? ratio(plain) : null,
  };
}

function supportsNoIsolate(): boolean {
  const r = spawnSync(process.execPath, [CLI, 'inspect', '--help'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('--no-isolate');
}

export function benchScaling(fx: Fixtures, trials: number, processRuns: number): ScalingFigures {
  const inspectOnce = (n: number) => {
    const path = fx.copy(fx.many.get(n)!, `many${n}`);
    return timeUs(() => {
      const report = inspectWithHost(new PluginHost(), [path]);
      if (report.errors.length || report.plugins[0].modules[0].functions.length !== n) {
        throw new Error(`inspect of the ${n}-function plug-in failed: ${JSON.stringify(report.errors)}`);
      }
    });
  };
  const sizes = [...fx.many.keys()];
  for (const n of sizes) inspectOnce(n); // warm-up: V8 compiles the listing code on the first run
  // Sizes interleaved trial by trial, so a burst of load elsewhere does not land on one size only.
  const samples = new Map<number, number[]>(sizes.map((n) => [n, []]));
  for (let i = 0; i < trials; i++) for (const n of sizes) samples.get(n)!.push(inspectOnce(n));
  const inspectUs: Record<string, number> = {};
  for (const n of sizes) inspectUs[n] = median(samples.get(n)!);
  const counts = [...fx.many.keys()].sort((a, b) => a - b);
  if (counts.length < 3) throw new Error('the scaling benchmark needs at least three function counts');
  const slope = (a: number, b: number) => (inspectUs[b] - inspectUs[a]) / (b - a);
  const first = slope(counts[0], counts[1]);
  const last = slope(counts[counts.length - 2], counts[counts.length - 1]);
  const hi = counts[counts.length - 1];
  const proc: number[] = [];
  for (let i = 0; i < processRuns; i++) proc.push(timeProcessMs(process.execPath, [CLI, 'inspect', fx.many.get(hi)!]));
  return {
    inspectUs,
    marginalUsPerFunction: { first, last },
    perFunctionGrowth: last / first,
    inspectLargestMs: median(proc),
  };
}
