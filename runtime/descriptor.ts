/**
 * Reads a WasmEdge_PluginDescriptor field by field and lists every rule it breaks. The one source of
 * the descriptor rules: Plugin.load refuses the first problem, `wasmedge-plugin test` reports them all.
 */
import type { RuntimeErrorCode } from './errors.js';
import { ModuleDescriptor, PluginDescriptor, ProgramOption, koffi, readCString, type Ptr } from './native/binding.js';
import { compatibleWith } from './api-versions.js';
import { MAX_STRING_OPTION, OPTION_TYPES, readOptionValue, type OptionType } from './options.js';

export const SUPPORTED_API_VERSIONS = [5, 4] as const;
export { compatibleWith };

/** Counts above this are taken as uninitialised memory rather than real arrays. */
const MAX_COUNT = 4096;

export interface DescriptorProblem {
  /** Short id of the rule: api-version, plugin-name, module-count, module-name, module-create, option-… */
  check: string;
  code: RuntimeErrorCode;
  message: string;
  hint?: string;
  /** A warning does not stop loading (WasmEdge would load it, but something is fragile). */
  warning?: boolean;
}

export interface RawModule {
  name?: string;
  description: string;
  /** Address of the WasmEdge_ModuleDescriptor (passed back to Create). */
  address: Ptr;
  create: Ptr | null;
}

export interface RawOption {
  name?: string;
  description: string;
  /** Undefined when the type number is not a WasmEdge_ProgramOptionType. */
  type?: OptionType;
  typeNumber: number;
  storage: Ptr | null;
  defaultValue: Ptr | null;
}

export interface RawDescriptor {
  name?: string;
  description: string;
  apiVersion: number;
  version: { major: number; minor: number; patch: number; build: number };
  modules: RawModule[];
  options: RawOption[];
  problems: DescriptorProblem[];
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

function checkCount(kind: 'module' | 'option', field: string, arrayField: string, count: number, array: Ptr | null, problems: DescriptorProblem[]): boolean {
  if (count > MAX_COUNT) {
    problems.push({ check: `${kind}-count`, code: 'E_BAD_DESCRIPTOR', message: `${field} is ${count}: not plausible (uninitialised?)` });
    return false;
  }
  if (count > 0 && !array) {
    problems.push({ check: `${kind}-count`, code: 'E_BAD_DESCRIPTOR', message: `${field} is ${count} but ${arrayField} is NULL` });
    return false;
  }
  return true;
}

/** A WasmEdge_String whose length cannot be real would make readers walk into unmapped memory. */
function plausibleString(p: Ptr): boolean {
  return (koffi.decode(p, 'uint32_t') as number) <= MAX_STRING_OPTION;
}

export function readDescriptor(desc: Ptr): RawDescriptor {
  const d = koffi.decode(desc, PluginDescriptor) as {
    Name: Ptr | null; Description: Ptr | null; APIVersion: number;
    Version: { Major: number; Minor: number; Patch: number; Build: number };
    ModuleCount: number; ProgramOptionCount: number; ModuleDescriptions: Ptr | null; ProgramOptions: Ptr | null;
  };
  const problems: DescriptorProblem[] = [];
  const name = readCString(d.Name);
  if (!(SUPPORTED_API_VERSIONS as readonly number[]).includes(d.APIVersion)) {
    problems.push({
      check: 'api-version', code: 'E_API_VERSION',
      message: `plug-in '${name ?? '?'}' has API version ${d.APIVersion} (${compatibleWith(d.APIVersion)}); this runtime supports 5 (${compatibleWith(5)}) and 4 (${compatibleWith(4)})`,
    });
  }
  problems.push(...nameProblems('plugin', [name]));

  const modules: RawModule[] = [];
  if (d.ModuleCount === 0) {
    problems.push({ check: 'module-count', code: 'E_BAD_DESCRIPTOR', warning: true, message: 'the plug-in declares no modules (nothing for wasm to import)' });
  }
  if (checkCount('module', 'ModuleCount', 'ModuleDescriptions', d.ModuleCount, d.ModuleDescriptions, problems)) {
    for (let i = 0; i < d.ModuleCount; i++) {
      const address = BigInt(d.ModuleDescriptions!) + BigInt(i * ModuleDescriptor.size);
      const m = koffi.decode(address, ModuleDescriptor) as { Name: Ptr | null; Description: Ptr | null; Create: Ptr | null };
      modules.push({ name: readCString(m.Name), description: readCString(m.Description) ?? '', address, create: m.Create });
    }
    problems.push(...nameProblems('module', modules.map((m) => m.name)));
    for (const [i, m] of modules.entries()) {
      if (!m.create) problems.push({ check: 'module-create', code: 'E_BAD_DESCRIPTOR', message: `module '${m.name ?? `#${i}`}' has a NULL Create function (WasmEdge would crash calling it)` });
    }
  }

  const options: RawOption[] = [];
  if (checkCount('option', 'ProgramOptionCount', 'ProgramOptions', d.ProgramOptionCount, d.ProgramOptions, problems)) {
    for (let i = 0; i < d.ProgramOptionCount; i++) {
      const o = koffi.decode(BigInt(d.ProgramOptions!) + BigInt(i * ProgramOption.size), ProgramOption) as {
        Name: Ptr | null; Description: Ptr | null; Type: number; Storage: Ptr | null; DefaultValue: Ptr | null;
      };
      options.push({
        name: readCString(o.Name), description: readCString(o.Description) ?? '', type: OPTION_TYPES[o.Type], typeNumber: o.Type,
        storage: o.Storage, defaultValue: o.DefaultValue,
      });
    }
    problems.push(...nameProblems('option', options.map((o) => o.name)));
    for (const [i, o] of options.entries()) {
      const who = `option '${o.name ?? `#${i}`}'`;
      if (o.type === undefined) {
        problems.push({ check: 'option-type', code: 'E_BAD_DESCRIPTOR', message: `${who} has type ${o.typeNumber}, not a WasmEdge_ProgramOptionType (0–12)` });
      } else if (o.type !== 'none' && !o.storage) {
        problems.push({ check: 'option-storage', code: 'E_BAD_DESCRIPTOR', message: `${who} (${o.type}) has NULL Storage: setting it would write through NULL` });
      } else if (o.type === 'string' && !plausibleString(o.storage!)) {
        problems.push({ check: 'option-storage', code: 'E_BAD_DESCRIPTOR', message: `${who} (string) Storage holds a WasmEdge_String of implausible length (uninitialised?)`, hint: 'Initialise it, e.g. {0, NULL} or a static default.' });
      } else if (o.type !== 'none' && o.type !== 'toggle' && !o.defaultValue) {
        problems.push({
          check: 'option-default', code: 'E_BAD_DESCRIPTOR', warning: true,
          message: `${who} (${o.type}) has a NULL DefaultValue: a bare --${o.name} makes WasmEdge dereference NULL`,
          hint: 'Point DefaultValue at a static value of the option\'s type.',
        });
      }
    }
  }

  return {
    name, description: readCString(d.Description) ?? '', apiVersion: d.APIVersion,
    version: { major: d.Version.Major, minor: d.Version.Minor, patch: d.Version.Patch, build: d.Version.Build },
    modules, options, problems,
  };
}

/** The current value of an option's storage (for reports). */
export function optionValue(o: RawOption) {
  return o.type ? readOptionValue(o.type, o.storage) : null;
}
