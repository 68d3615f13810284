/**
 * The descriptor rules, as plain data in and problems out (no native code: the isolated `inspect`
 * judges in the CLI process what its probe read in another). The one source of them: Plugin.load
 * refuses the first problem, `wasmedge-plugin test` reports them all.
 */
import type { RuntimeErrorCode } from './errors.js';
import { compatibleWith } from './api-versions.js';
import { MAX_STRING_OPTION, OPTION_TYPES, type OptionType } from './option-values.js';

export const SUPPORTED_API_VERSIONS = [5, 4] as const;

/** Counts above this are taken as uninitialised memory rather than real arrays. */
export const MAX_DESCRIPTOR_COUNT = 4096;

export interface DescriptorProblem {
  /** Short id of the rule: api-version, plugin-name, module-count, module-name, module-create, option-… */
  check: string;
  code: RuntimeErrorCode;
  message: string;
  hint?: string;
  /** A warning does not stop loading (WasmEdge would load it, but something is fragile). */
  warning?: boolean;
}

/**
 * What a descriptor says, as plain data: the facts every rule below judges. The runtime decodes
 * them from memory (readDescriptor); the crash-isolated `inspect` probe reports the same facts from
 * its own process (tooling/isolation/probe.ts). Arrays whose count is implausible (above
 * MAX_DESCRIPTOR_COUNT) or whose pointer is NULL are not read: `modules` / `options` are then empty.
 */
export interface DescriptorFacts {
  name?: string;
  description: string;
  apiVersion: number;
  version: { major: number; minor: number; patch: number; build: number };
  moduleCount: number;
  /** ModuleDescriptions is not NULL. */
  moduleArray: boolean;
  optionCount: number;
  optionArray: boolean;
  modules: Array<{ name?: string; description: string; create: boolean }>;
  options: Array<{
    name?: string; description: string; typeNumber: number; storage: boolean; defaultValue: boolean;
    /** String options with Storage: the Length word of the WasmEdge_String it holds. */
    stringLength?: number;
  }>;
}

/** Names must be present, non-empty and unique within their kind (plugin, module, option, function). */
export function nameProblems(kind: string, names: Array<string | undefined>): DescriptorProblem[] {
  const problems: DescriptorProblem[] = [];
  const seen = new Set<string>();
  names.forEach((n, i) => {
    const who = kind === 'plugin' ? 'the plug-in' : `${kind} #${i}`;
    if (n === undefined) problems.push({ check: `${kind}-name`, code: 'E_BAD_DESCRIPTOR', message: `${who} has a NULL Name` });
    else if (n === '') problems.push({ check: `${kind}-name`, code: 'E_BAD_DESCRIPTOR', message: `${who} has an empty Name` });
    else if (seen.has(n)) problems.push({ check: `${kind}-name`, code: 'E_BAD_DESCRIPTOR', message: `${kind} name '${n}' is declared more than once (WasmEdge keeps only one)` });
    if (n) seen.add(n);
  });
  return problems;
}

/** Whether an array of `count` entries can be read (a problem is recorded when not). */
function checkCount(kind: 'module' | 'option', field: string, arrayField: string, count: number, array: boolean, problems: DescriptorProblem[]): boolean {
  if (count > MAX_DESCRIPTOR_COUNT) {
    problems.push({ check: `${kind}-count`, code: 'E_BAD_DESCRIPTOR', message: `${field} is ${count}: not plausible (uninitialised?)` });
    return false;
  }
  if (count > 0 && !array) {
    problems.push({ check: `${kind}-count`, code: 'E_BAD_DESCRIPTOR', message: `${field} is ${count} but ${arrayField} is NULL` });
    return false;
  }
  return true;
}

/** Whether the runtime may read an array of `count` entries at all (the probe gets the same bound). */
export function readableCount(count: number, array: boolean): boolean {
  return array && count <= MAX_DESCRIPTOR_COUNT;
}

/** Every rule a descriptor breaks, in the order they are checked (the first non-warning one refuses it). */
export function descriptorProblems(d: DescriptorFacts): DescriptorProblem[] {
  const problems: DescriptorProblem[] = [];
  if (!(SUPPORTED_API_VERSIONS as readonly number[]).includes(d.apiVersion)) {
    problems.push({
      check: 'api-version', code: 'E_API_VERSION',
      message: `plug-in '${d.name ?? '?'}' has API version ${d.apiVersion} (${compatibleWith(d.apiVersion)}); this runtime supports 5 (${compatibleWith(5)}) and 4 (${compatibleWith(4)})`,
    });
  }
  problems.push(...nameProblems('plugin', [d.name]));

  if (d.moduleCount === 0) {
    problems.push({ check: 'module-count', code: 'E_BAD_DESCRIPTOR', warning: true, message: 'the plug-in declares no modules (nothing for wasm to import)' });
  }
  if (checkCount('module', 'ModuleCount', 'ModuleDescriptions', d.moduleCount, d.moduleArray, problems)) {
    problems.push(...nameProblems('module', d.modules.map((m) => m.name)));
    for (const [i, m] of d.modules.entries()) {
      if (!m.create) problems.push({ check: 'module-create', code: 'E_BAD_DESCRIPTOR', message: `module '${m.name ?? `#${i}`}' has a NULL Create function (WasmEdge would crash calling it)` });
    }
  }

  if (checkCount('option', 'ProgramOptionCount', 'ProgramOptions', d.optionCount, d.optionArray, problems)) {
    problems.push(...nameProblems('option', d.options.map((o) => o.name)));
    for (const [i, o] of d.options.entries()) {
      const who = `option '${o.name ?? `#${i}`}'`;
      const type = OPTION_TYPES[o.typeNumber] as OptionType | undefined;
      if (type === undefined) {
        problems.push({ check: 'option-type', code: 'E_BAD_DESCRIPTOR', message: `${who} has type ${o.typeNumber}, not a WasmEdge_ProgramOptionType (0–12)` });
      } else if (type !== 'none' && !o.storage) {
        problems.push({ check: 'option-storage', code: 'E_BAD_DESCRIPTOR', message: `${who} (${type}) has NULL Storage: setting it would write through NULL` });
      } else if (type === 'string' && (o.stringLength ?? 0) > MAX_STRING_OPTION) {
        // A WasmEdge_String whose length cannot be real would make readers walk into unmapped memory.
        problems.push({ check: 'option-storage', code: 'E_BAD_DESCRIPTOR', message: `${who} (string) Storage holds a WasmEdge_String of implausible length (uninitialised?)`, hint: 'Initialise it, e.g. {0, NULL} or a static default.' });
      } else if (type !== 'none' && type !== 'toggle' && !o.defaultValue) {
        problems.push({
          check: 'option-default', code: 'E_BAD_DESCRIPTOR', warning: true,
          message: `${who} (${type}) has a NULL DefaultValue: a bare --${o.name} makes WasmEdge dereference NULL`,
          hint: 'Point DefaultValue at a static value of the option\'s type.',
        });
      }
    }
  }
  return problems;
}
