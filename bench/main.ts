/**
 * `npm run bench [-- --json] [-- --quick] [-- --only calls,load,scale,scaffold]`: host-call overhead,
 * load and inspect latency, scaffold-to-green time and fuzzing time-to-find. Prints a table (or one JSON document) and
 * exits 0; goals are reported, not enforced (timings on a shared machine are noisy).
 */
import { cpus, loadavg } from 'node:os';
import { buildFixtures } from './fixtures.js';
import { benchHostCalls, type HostCallResult } from './host-calls.js';
import { benchLoad, benchScaling, type LoadResultFigures, type ScalingFigures } from './load.js';
import { benchScaffold, type ScaffoldFigures } from './scaffold.js';
import { benchFuzz, type FuzzFigures } from './fuzz.js';
import { round } from './timing.js';

const SECTIONS = ['calls', 'load', 'scale', 'scaffold', 'fuzz'] as const;
type Section = (typeof SECTIONS)[number];

export const GOALS = { addVsKoffi: 1.25, inspectVsNode: 1.3 };

interface Options {
  json: boolean;
  quick: boolean;
  only: Set<Section>;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { json: false, quick: false, only: new Set(SECTIONS) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--quick') o.quick = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const list = a === '--only' ? argv[++i] ?? '' : a.slice('--only='.length);
      const picked = list.split(',').filter(Boolean);
      const bad = picked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
      if (bad.length || !picked.length) throw new Error(`--only takes a list of ${SECTIONS.join(', ')}; got '${list}'`);
      o.only = new Set(picked as Section[]);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench -- [--json] [--quick] [--only calls,load,scale,scaffold,fuzz]\n');
      process.exit(0);
    } else throw new Error(`unknown argument '${a}' (try --help)`);
  }
  return o;
}

export interface BenchReport extends Partial<HostCallResult>, Partial<LoadResultFigures>, Partial<FuzzFigures> {
  quick: boolean;
  machine: { node: string; cpus: number; cpuModel: string; loadAverage: number[] };
  manyFunctions?: ScalingFigures;
  scaffoldSeconds?: ScaffoldFigures['seconds'];
  scaffoldSkipped?: ScaffoldFigures['skipped'];
  scaffoldSteps?: ScaffoldFigures['steps'];
  goals: Record<keyof typeof GOALS, { goal: number; value: number | null; met: boolean | null }>;
  seconds: number;
}

function progress(o: Options, msg: string): void {
  if (!o.json) process.stderr.write(`bench: ${msg}\n`);
}

export async function runBench(argv: string[]): Promise<BenchReport> {
  const o = parseArgs(argv);
  const started = process.hrtime.bigint();
  const q = o.quick;
  const manyCounts = o.only.has('scale') ? (q ? [100, 200, 400] : [500, 1000, 2000]) : [];
  const report: BenchReport = {
    quick: q,
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', loadAverage: loadavg().map((x) => round(x, 2)) },
    goals: {} as BenchReport['goals'],
    seconds: 0,
  };
  const fx = await buildFixtures(manyCounts);
  try {
    if (o.only.has('calls')) {
      progress(o, 'host calls (wasm loop → host function) and floors');
      Object.assign(report, await benchHostCalls(fx, q ? 200_000 : 10_000_000, q ? 2 : 5));
    }
    if (o.only.has('load')) {
      progress(o, 'load + create + list in-process; inspect vs node -e 0');
      Object.assign(report, benchLoad(fx, q ? 3 : 15, q ? 2 : 11));
    }
    if (o.only.has('scale')) {
      progress(o, `inspect of plug-ins with ${manyCounts.join(', ')} host functions`);
      report.manyFunctions = benchScaling(fx, q ? 2 : 7, q ? 1 : 3);
    }
  } finally {
    fx.cleanup();
  }
  if (o.only.has('scaffold')) {
    progress(o, 'scaffold → build → smoke test (c, cpp, rust)');
    const s = benchScaffold(!q);
    report.scaffoldSeconds = s.seconds;
    report.scaffoldSkipped = s.skipped;
    report.scaffoldSteps = s.steps;
  }
  if (o.only.has('fuzz')) {
    progress(o, 'fuzz: time to find the planted off-by-one (test/fixtures/fuzz/planted)');
    Object.assign(report, await benchFuzz());
  }
  for (const [k, goal] of Object.entries(GOALS) as Array<[keyof typeof GOALS, number]>) {
    const value = report[k] ?? null;
    report.goals[k] = { goal, value: value === null ? null : round(value), met: value === null ? null : value <= goal };
  }
  report.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return roundAll(report);
}

/** Rounds every number in the report to 3 significant digits. */
function roundAll<T>(x: T): T {
  if (typeof x === 'number') return round(x) as T;
  if (Array.isArray(x)) return x.map(roundAll) as T;
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, roundAll(v)])) as T;
  return x;
}

export function formatTable(r: BenchReport): string {
  const rows: Array<[string, string, string]> = [];
  const add = (what: string, value: number | null | undefined, unit: string, note = '') => {
    if (value !== undefined) rows.push([what, value === null ? 'skipped' : `${value} ${unit}`, note]);
  };
  const goal = (k: keyof typeof GOALS) => {
    const g = r.goals[k];
    return g.met === null ? '' : `goal ≤ ${g.goal}: ${g.met ? 'met' : 'NOT met'}`;
  };
  add('add(i32,i32)->i32, wasm → host', r.addCallNs, 'ns/call', `${r.calls ?? ''} calls, median of ${r.rounds ?? ''} rounds`);
  add('get_string (memory write)', r.getStringCallNs, 'ns/call');
  add('mix(i64,f32,f64)->f64', r.mixCallNs, 'ns/call');
  add('sum10(i32 × 10)->i32', r.sum10CallNs, 'ns/call');
  add('floor: bare koffi add(int,int)', r.bareKoffiAddNs, 'ns/call');
  add('floor: pure JS import add', r.pureJsAddNs, 'ns/call');
  add('ratio add / bare koffi', r.addVsKoffi, '×', goal('addVsKoffi'));
  add('ratio add / pure JS', r.addVsPureJs, '×');
  add('load + descriptor (in-process)', r.loadUs, 'µs');
  add('module create', r.createUs, 'µs');
  add('function list', r.listUs, 'µs');
  add('load + create + list', r.totalUs, 'µs');
  add('node -e 0 (process)', r.nodeMs, 'ms');
  add('wasmedge-plugin inspect (process)', r.inspectMs, 'ms');
  add('ratio inspect / node -e 0', r.inspectVsNode, '×', goal('inspectVsNode'));
  add('wasmedge-plugin inspect --no-isolate', r.inspectNoIsolateMs, 'ms', r.inspectNoIsolateMs === null ? 'the CLI has no --no-isolate' : '');
  add('ratio inspect --no-isolate / node -e 0', r.inspectNoIsolateVsNode, '×');
  if (r.manyFunctions) {
    for (const [n, us] of Object.entries(r.manyFunctions.inspectUs)) add(`inspect, ${n} host functions (in-process)`, us, 'µs');
    const mf = r.manyFunctions.marginalUsPerFunction;
    add('µs per added function, last / first step', r.manyFunctions.perFunctionGrowth, '×', `${mf.first} → ${mf.last} µs; ≈ 1 means linear`);
    add('inspect of the largest (process)', r.manyFunctions.inspectLargestMs, 'ms');
  }
  if (r.scaffoldSeconds) {
    for (const [k, v] of Object.entries(r.scaffoldSeconds)) {
      const st = r.scaffoldSteps?.[k as 'c'];
      const note = v === null ? r.scaffoldSkipped?.[k as 'c'] ?? '' : st ? `new ${st.new} + build ${st.build} + smoke ${st.smoke} s` : '';
      add(`scaffold → build → smoke: ${k === 'rustWarm' ? 'rust (warm target dir)' : k}`, v, 's', note);
    }
  }
  add(`fuzz: time to find a planted off-by-one (${r.fuzzMode ?? ''})`, r.fuzzTimeToFindS, 's', r.fuzzTotalS !== undefined ? `whole command ${r.fuzzTotalS} s (instrumented build included)` : '');
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const lines = rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd());
  const m = r.machine;
  return `${lines.join('\n')}\n\n${m.node}, ${m.cpus} × ${m.cpuModel}, load average ${m.loadAverage.join(' ')}; ${r.seconds} s${r.quick ? ' (quick mode: few iterations, figures are rough)' : ''}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const report = await runBench(argv);
  process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatTable(report));
  return 0;
}
