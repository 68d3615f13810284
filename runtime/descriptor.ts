/**
 * Reads a WasmEdge_PluginDescriptor from memory, field by field, and judges it with the rules of
 * descriptor-rules.ts.
 */
import { ModuleDescriptor, PluginDescriptor, ProgramOption, koffi, readCString, type Ptr } from './native/binding.js';
import { OPTION_TYPES, readOptionValue, type OptionType } from './options.js';
import { descriptorProblems, readableCount, type DescriptorFacts, type DescriptorProblem } from './descriptor-rules.js';

export { SUPPORTED_API_VERSIONS, nameProblems, type DescriptorProblem } from './descriptor-rules.js';
export { compatibleWith } from './api-versions.js';

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

/** Decodes the descriptor at `desc` and judges it (descriptorProblems). */
export function readDescriptor(desc: Ptr): RawDescriptor {
  const d = koffi.decode(desc, PluginDescriptor) as {
    Name: Ptr | null; Description: Ptr | null; APIVersion: number;
    Version: { Major: number; Minor: number; Patch: number; Build: number };
    ModuleCount: number; ProgramOptionCount: number; ModuleDescriptions: Ptr | null; ProgramOptions: Ptr | null;
  };
  const modules: RawModule[] = [];
  if (readableCount(d.ModuleCount, !!d.ModuleDescriptions)) {
    for (let i = 0; i < d.ModuleCount; i++) {
      const address = BigInt(d.ModuleDescriptions!) + BigInt(i * ModuleDescriptor.size);
      const m = koffi.decode(address, ModuleDescriptor) as { Name: Ptr | null; Description: Ptr | null; Create: Ptr | null };
      modules.push({ name: readCString(m.Name), description: readCString(m.Description) ?? '', address, create: m.Create });
    }
  }
  const options: RawOption[] = [];
  const stringLengths: Array<number | undefined> = [];
  if (readableCount(d.ProgramOptionCount, !!d.ProgramOptions)) {
    for (let i = 0; i < d.ProgramOptionCount; i++) {
      const o = koffi.decode(BigInt(d.ProgramOptions!) + BigInt(i * ProgramOption.size), ProgramOption) as {
        Name: Ptr | null; Description: Ptr | null; Type: number; Storage: Ptr | null; DefaultValue: Ptr | null;
      };
      options.push({
        name: readCString(o.Name), description: readCString(o.Description) ?? '', type: OPTION_TYPES[o.Type], typeNumber: o.Type,
        storage: o.Storage, defaultValue: o.DefaultValue,
      });
      stringLengths.push(o.Type === OPTION_TYPES.indexOf('string') && o.Storage ? (koffi.decode(o.Storage, 'uint32_t') as number) : undefined);
    }
  }
  const facts: DescriptorFacts = {
    name: readCString(d.Name), description: readCString(d.Description) ?? '', apiVersion: d.APIVersion,
    version: { major: d.Version.Major, minor: d.Version.Minor, patch: d.Version.Patch, build: d.Version.Build },
    moduleCount: d.ModuleCount, moduleArray: !!d.ModuleDescriptions, optionCount: d.ProgramOptionCount, optionArray: !!d.ProgramOptions,
    modules: modules.map((m) => ({ name: m.name, description: m.description, create: !!m.create })),
    options: options.map((o, i) => ({
      name: o.name, description: o.description, typeNumber: o.typeNumber, storage: !!o.storage, defaultValue: !!o.defaultValue, stringLength: stringLengths[i],
    })),
  };
  return { name: facts.name, description: facts.description, apiVersion: facts.apiVersion, version: facts.version, modules, options, problems: descriptorProblems(facts) };
}

/** The current value of an option's storage (for reports). */
export function optionValue(o: RawOption) {
  return o.type ? readOptionValue(o.type, o.storage) : null;
}
