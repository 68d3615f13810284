/** Public API of wasmedge-plugin-kit's runtime. Everything else is internal. */
export { PluginHost, type LoadResult, type LoadError, type RunOptions } from './host.js';
export { Plugin, compatibleWith, SUPPORTED_API_VERSIONS, type PluginVersion, type ModuleDescriptorInfo } from './plugin.js';
export { PluginModule, type HostFunctionInfo, type GlobalInfo, type MemoryInfo, type ScratchBuffer } from './module.js';
export { WasmInstance, type InstantiateOptions, type WasiOptions } from './instance.js';
export { WasmTerminate, type WasmValue } from './call-engine.js';
export { KitError, isKitError, RUNTIME_ERROR_CODES, type RuntimeErrorCode, type ErrorCodeInfo } from './errors.js';
export { OPTION_TYPES, type OptionInfo, type OptionType, type OptionValue } from './options.js';
export { defaultPluginPaths, envPluginPaths, installPluginPaths } from './search-paths.js';
export { watToWasm, loadWasmFile } from './wasm/wat.js';
export type { ValueTypeName } from './value-types.js';
export type { StageEvent, StageListener, StageName } from './stages.js';
export type { FuncSignature } from './wasm/binary.js';
