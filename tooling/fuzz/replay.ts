/**
 * `fuzz --replay FILE`: runs a reproducer's call again. With libFuzzer available and a C/C++
 * project, through the instrumented harness (exact, with AddressSanitizer's report); otherwise in
 * the kit's runtime in an isolation child, where a crash or hang means "reproduced".
 */
import { isKitError } from '../../runtime/errors.js';
import { runIsolated } from '../isolation/parent.js';
import { describe } from './libfuzzer.js';
import { loadReproducer, type Reproducer } from './reproducer.js';
import { resolveTarget } from './fuzz.js';
import { fuzzToolchain } from './toolchain.js';

export interface ReplayReport {
  file: string;
  reproducer: Reproducer;
  library: string;
  via: 'libfuzzer' | 'runtime';
  reproduced: boolean;
  /** The sanitizer's verdict, the crash message, or what the call returned. */
  outcome: string;
  stack: string[];
}

export async function replayReproducer(file: string, target: string, o: { timeoutS?: number; progress?: boolean } = {}): Promise<ReplayReport> {
  const r = loadReproducer(file);
  const timeoutS = o.timeoutS ?? 5;
  const t = await resolveTarget(target, fuzzToolchain() ? 'libfuzzer' : 'random', o.progress ?? false);
  if (t.harness) {
    const d = await describe(t.harness, { module: r.module, function: r.function, params: r.call.params, results: [] }, Buffer.from(r.input, 'base64'), timeoutS);
    return { file, reproducer: r, library: t.library, via: 'libfuzzer', reproduced: d.reproduced, outcome: d.reproduced ? d.summary : 'the call completed without a sanitizer report', stack: d.stack };
  }
  try {
    const outcome = await runIsolated('fuzzReplay', [t.library, r.module, r.function, r.call], { timeoutMs: timeoutS * 1000, stdout: 'ignore' });
    return { file, reproducer: r, library: t.library, via: 'runtime', reproduced: false, outcome: `the call ${outcome}`, stack: [] };
  } catch (e) {
    if (!isKitError(e) || !['E_CRASH', 'E_TIMEOUT'].includes(e.code)) throw e;
    return { file, reproducer: r, library: t.library, via: 'runtime', reproduced: true, outcome: e.message.split('\n')[0], stack: [] };
  }
}
