/**
 * `inspect` through the native probe (tooling/isolation/probe.ts): the same steps, in the same order,
 * as the in-process engine (inspect.ts over PluginHost) — load every file, then create, list and
 * delete each module, then read the options — with the plug-in code running in the probe's process
 * and every judgement made here by the runtime's own rules (load-rules, descriptor-rules,
 * option-values, value-types). test/inspect-probe.test.ts holds the two engines to the same report.
 */
import { isKitError } from '../../runtime/errors.js';
import {
  checkElf, classifyDlopenError, createFailedError, duplicatePluginError, loadSteps, loaderMessage,
  noDescriptorError, nullDescriptorError, refusal, toLoadError, type LoadError,
} from '../../runtime/load-rules.js';
import { MAX_DESCRIPTOR_COUNT, descriptorProblems, type DescriptorFacts } from '../../runtime/descriptor-rules.js';
import {
  MAX_STRING_OPTION, OPTION_TYPES, decodeOptionValue, describeOption, stringOptionValue,
  type OptionInfo, type OptionType, type OptionValue,
} from '../../runtime/option-values.js';
import { compatibleWith } from '../../runtime/api-versions.js';
import { fileIdentity } from '../../runtime/search-paths.js';
import { valTypeName } from '../../runtime/value-types.js';
import { warnSignalHandlers } from '../../runtime/signal-warning.js';
import type { StageEvent } from '../../runtime/stages.js';
import { ProbeSession, type ProbeReply } from '../isolation/probe.js';
import type { IsolateOptions } from '../isolation/parent.js';
import type { InspectReport, InspectedModule } from './inspect.js';

/** A plug-in the probe loaded and the rules accepted. */
interface ProbedPlugin {
  id: number;
  path: string;
  facts: DescriptorFacts & { name: string };
  /** Declared options with a valid type (the rules refused any other). */
  options: Array<{ name: string; description: string; type: OptionType }>;
}

const text = (hex: unknown): string => Buffer.from(String(hex ?? ''), 'hex').toString('utf8');
const optionalText = (hex: unknown): string | undefined => (hex === null || hex === undefined ? undefined : text(hex));

/** The descriptor facts from a `describe` reply (hex strings decoded). */
function descriptorFacts(r: ProbeReply): DescriptorFacts {
  const v = r.version as number[];
  return {
    name: optionalText(r.name), description: optionalText(r.description) ?? '', apiVersion: r.apiVersion as number,
    version: { major: v[0], minor: v[1], patch: v[2], build: v[3] },
    moduleCount: r.moduleCount as number, moduleArray: r.moduleArray as boolean,
    optionCount: r.optionCount as number, optionArray: r.optionArray as boolean,
    modules: (r.modules as Array<Record<string, unknown>>).map((m) => ({ name: optionalText(m.name), description: optionalText(m.description) ?? '', create: m.create as boolean })),
    options: (r.options as Array<Record<string, unknown>>).map((o) => ({
      name: optionalText(o.name), description: optionalText(o.description) ?? '', typeNumber: o.type as number,
      storage: o.storage as boolean, defaultValue: o.default as boolean, stringLength: o.stringLength as number | undefined,
    })),
  };
}

/** A stored option value as the probe read it: null, raw bytes (hex), or a string's length and text. */
function optionValue(type: OptionType, raw: unknown): OptionValue | null {
  if (raw === null || raw === undefined || type === 'none') return null;
  if (type === 'string') {
    const s = raw as { length: number; text?: string };
    return stringOptionValue(s.length, () => Buffer.from(s.text ?? '', 'hex'));
  }
  const bytes = Buffer.from(String(raw), 'hex');
  return decodeOptionValue(type, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

class ProbeInspection {
  readonly #probe: ProbeSession;
  readonly #byName = new Map<string, ProbedPlugin>();
  readonly #byFile = new Map<string, ProbedPlugin>();
  /** Signals replaced since the last warning (the probe reports them after every command). */
  #signals = 0;

  constructor(probe: ProbeSession) {
    this.#probe = probe;
  }

  async #request(verb: string, args: string, stage?: StageEvent): Promise<ProbeReply> {
    const r = await this.#probe.request(verb, args, stage);
    this.#signals |= r.signals;
    return r;
  }

  /** The runtime warns at the same points: after GetDescriptor, Create and a module's deletion. */
  #warnSignals(who: string, where: string): void {
    if (this.#signals) warnSignalHandlers(this.#signals, who, where);
    this.#signals = 0;
  }

  /** Plugin.load and PluginHost's first-name-wins, step by step. */
  async #loadOne(path: string, loaded: ProbedPlugin[], errors: LoadError[]): Promise<void> {
    const same = this.#byFile.get(fileIdentity(path));
    if (same) {
      loaded.push(same);
      return;
    }
    try {
      checkElf(path);
      const opened = await this.#request('open', path, { stage: 'constructor', path });
      if (opened.error !== undefined) throw classifyDlopenError(path, loaderMessage(path, text(opened.error)));
      if (!opened.symbol) throw noDescriptorError(path, opened.internalSymbol as boolean);
      const id = opened.id as number;
      const got = await this.#request('get', String(id), { stage: 'GetDescriptor', path });
      this.#warnSignals(`the plug-in ${path}`, 'while loading it');
      if (got.null) throw nullDescriptorError(path);
      const facts = descriptorFacts(await this.#request('describe', `${id} ${MAX_DESCRIPTOR_COUNT}`, { stage: 'descriptor', path }));
      const refused = refusal(path, descriptorProblems(facts), facts.apiVersion);
      if (refused) throw refused;
      const name = facts.name!;
      const first = this.#byName.get(name);
      if (first) throw duplicatePluginError(name, path, first.path);
      const plugin: ProbedPlugin = {
        id, path, facts: { ...facts, name },
        options: facts.options.map((o) => ({ name: o.name!, description: o.description, type: OPTION_TYPES[o.typeNumber] })),
      };
      this.#byName.set(name, plugin);
      this.#byFile.set(fileIdentity(path), plugin);
      loaded.push(plugin);
    } catch (e) {
      if (this.#probe.ended) throw e; // the probe died: the caller reports the crash
      errors.push(toLoadError(e, path));
    }
  }

  /** createModule, toJSON and dispose of one module. */
  async #module(p: ProbedPlugin, index: number, errors: LoadError[]): Promise<InspectedModule> {
    const { name, description } = p.facts.modules[index] as { name: string; description: string };
    try {
      const r = await this.#request('create', `${p.id} ${index}`, { stage: 'Create', path: p.path, plugin: p.facts.name, module: name });
      this.#warnSignals(`plug-in '${p.facts.name}'`, `in Create of module '${name}'`);
      if (r.null || r.live === false) throw createFailedError({ name: p.facts.name, path: p.path }, name, r.null ? null : BigInt(r.address as string));
      const instanceName = text(r.instanceName);
      const typeNames = (list: unknown) => (list as string[]).map((t) => valTypeName(Buffer.from(t, 'hex')));
      const module: InspectedModule = {
        name, description, instanceName,
        functions: (r.functions as Array<Record<string, unknown>>).map((f) => ({ name: text(f.name), params: typeNames(f.params), results: typeNames(f.results) })),
        memories: (r.memories as Array<Record<string, unknown>>).map((m) => ({ name: text(m.name), pages: m.pages as number })),
        globals: (r.globals as Array<Record<string, unknown>>).map((g) => ({ name: text(g.name), type: valTypeName(Buffer.from(String(g.type), 'hex')), mutable: g.mutable as boolean })),
      };
      await this.#request('delete', String(p.id), { stage: 'dispose', path: p.path, plugin: p.facts.name, module: instanceName });
      this.#warnSignals(`plug-in '${p.facts.name}'`, `while deleting module '${instanceName}'`);
      return module;
    } catch (e) {
      if (this.#probe.ended || !isKitError(e)) throw e; // the probe died: the caller reports the crash
      const error = { path: p.path, ...e.toJSON() };
      errors.push(error as LoadError);
      return { name, description, functions: [], error: error as LoadError };
    }
  }

  /** Plugin.options: the values stored now (after the modules were created). */
  async #options(p: ProbedPlugin): Promise<OptionInfo[]> {
    if (p.options.length === 0) return [];
    const r = await this.#request('options', `${p.id} ${MAX_STRING_OPTION}`);
    const values = r.values as Array<{ value: unknown; flagDefault: unknown }>;
    return p.options.map((o, i) => describeOption(o, (where) => optionValue(o.type, where === 'storage' ? values[i].value : values[i].flagDefault)));
  }

  async run(files: string[]): Promise<Omit<InspectReport, 'searched'>> {
    const loaded: ProbedPlugin[] = [];
    const errors: LoadError[] = [];
    for (const file of files) {
      for (const step of loadSteps(file).steps) {
        if ('error' in step) errors.push(step.error);
        else await this.#loadOne(step.load, loaded, errors);
      }
    }
    const report: Omit<InspectReport, 'searched'> = { plugins: [], errors };
    for (const p of loaded) {
      const modules: InspectedModule[] = [];
      for (let i = 0; i < p.facts.modules.length; i++) modules.push(await this.#module(p, i, errors));
      const f = p.facts;
      report.plugins.push({
        name: f.name, description: f.description, path: p.path, apiVersion: f.apiVersion, version: f.version,
        compatibleWith: compatibleWith(f.apiVersion), options: await this.#options(p), modules,
      });
    }
    return report;
  }
}

/**
 * Inspects `files` (plug-in libraries; directories were expanded by the caller) in a probe process.
 * Rejects with E_CRASH / E_TIMEOUT, naming the stage, when plug-in code kills or hangs the probe.
 */
export async function inspectWithProbe(program: string, files: string[], o: IsolateOptions): Promise<Omit<InspectReport, 'searched'>> {
  const probe = new ProbeSession(program, o);
  const report = await new ProbeInspection(probe).run(files);
  await probe.finish();
  return report;
}
