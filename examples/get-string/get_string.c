/*
 * get_string: a minimal WasmEdge plug-in in C.
 *
 * Module `get_string_module` with two host functions:
 *   get_string(buf_ptr: i32, buf_len: i32, written_ptr: i32)
 *       copies the `string` option (uppercased if `upper` is set) into the
 *       caller's memory 0 at buf_ptr, truncated to buf_len bytes, and stores
 *       the number of bytes written as a little-endian u32 at written_ptr.
 *   add(a: i32, b: i32) -> i32
 *       wrapping 32-bit addition.
 *
 * Program options: --string <text> (default "hello"), --upper (toggle).
 * Options are read at call time, so a value set after the module was created
 * still takes effect.
 */
#include <wasmedge/wasmedge.h>

#include <stddef.h>

/* ---- program options ---------------------------------------------------- */

/* Storage the runtime writes into; it only replaces StringOption when the
 * option is given, so it starts as a wrap of a static literal. */
static WasmEdge_String StringOption = {5, "hello"};
static bool UpperOption = false;

/* Stored when the flag is given without a value (must be non-NULL). */
static const WasmEdge_String StringDefault = {5, "hello"};
static const bool UpperDefault = true;

static WasmEdge_ProgramOption Options[] = {
    {
        .Name = "string",
        .Description = "the string get_string writes (default \"hello\")",
        .Type = WasmEdge_ProgramOptionType_String,
        .Storage = &StringOption,
        .DefaultValue = &StringDefault,
    },
    {
        .Name = "upper",
        .Description = "uppercase the string",
        .Type = WasmEdge_ProgramOptionType_Toggle,
        .Storage = &UpperOption,
        .DefaultValue = &UpperDefault,
    },
};

/* ---- host functions ----------------------------------------------------- */

static WasmEdge_Result out_of_bounds(void) {
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM,
                            WasmEdge_ErrCode_MemoryOutOfBounds);
}

static WasmEdge_Result get_string(void *Data,
                                  const WasmEdge_CallingFrameContext *Frame,
                                  const WasmEdge_Value *Params,
                                  WasmEdge_Value *Returns) {
  (void)Data;
  (void)Returns;
  /* Wasm addresses and lengths are unsigned. */
  uint32_t BufPtr = (uint32_t)WasmEdge_ValueGetI32(Params[0]);
  uint32_t BufLen = (uint32_t)WasmEdge_ValueGetI32(Params[1]);
  uint32_t WrittenPtr = (uint32_t)WasmEdge_ValueGetI32(Params[2]);

  WasmEdge_MemoryInstanceContext *Mem =
      WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  if (Mem == NULL)
    return out_of_bounds();

  WasmEdge_String Str = StringOption;
  uint32_t N = Str.Length < BufLen ? Str.Length : BufLen;

  /* Check both destinations before writing anything, so a failing call
   * leaves the caller's memory untouched. */
  if (WasmEdge_MemoryInstanceGetPointer(Mem, WrittenPtr, 4) == NULL)
    return out_of_bounds();
  uint8_t *Dst = NULL;
  if (N > 0) {
    Dst = WasmEdge_MemoryInstanceGetPointer(Mem, BufPtr, N);
    if (Dst == NULL)
      return out_of_bounds();
  }

  for (uint32_t I = 0; I < N; I++) {
    uint8_t C = (uint8_t)Str.Buf[I];
    if (UpperOption && C >= 'a' && C <= 'z')
      C = (uint8_t)(C - 'a' + 'A');
    Dst[I] = C;
  }

  uint8_t Written[4] = {(uint8_t)N, (uint8_t)(N >> 8), (uint8_t)(N >> 16),
                        (uint8_t)(N >> 24)};
  return WasmEdge_MemoryInstanceSetData(Mem, Written, WrittenPtr, 4);
}

static WasmEdge_Result add(void *Data,
                           const WasmEdge_CallingFrameContext *Frame,
                           const WasmEdge_Value *Params,
                           WasmEdge_Value *Returns) {
  (void)Data;
  (void)Frame;
  /* Unsigned arithmetic wraps like i32.add; signed overflow would be UB. */
  uint32_t A = (uint32_t)WasmEdge_ValueGetI32(Params[0]);
  uint32_t B = (uint32_t)WasmEdge_ValueGetI32(Params[1]);
  Returns[0] = WasmEdge_ValueGenI32((int32_t)(A + B));
  return WasmEdge_Result_Success;
}

/* ---- module ------------------------------------------------------------- */

/* Add host function Name with the given signature to Mod. Returns false on
 * allocation failure. */
static bool add_function(WasmEdge_ModuleInstanceContext *Mod, const char *Name,
                         const WasmEdge_ValType *Params, uint32_t ParamLen,
                         const WasmEdge_ValType *Results, uint32_t ResultLen,
                         WasmEdge_HostFunc_t Fn) {
  WasmEdge_FunctionTypeContext *Type =
      WasmEdge_FunctionTypeCreate(Params, ParamLen, Results, ResultLen);
  if (Type == NULL)
    return false;
  /* The function instance copies the type, so we can free ours right away. */
  WasmEdge_FunctionInstanceContext *Func =
      WasmEdge_FunctionInstanceCreate(Type, Fn, NULL, 0);
  WasmEdge_FunctionTypeDelete(Type);
  if (Func == NULL)
    return false;
  /* The module takes ownership of Func and copies the name. */
  WasmEdge_String FuncName = WasmEdge_StringCreateByCString(Name);
  WasmEdge_ModuleInstanceAddFunction(Mod, FuncName, Func);
  WasmEdge_StringDelete(FuncName);
  return true;
}

static WasmEdge_ModuleInstanceContext *
create_module(const WasmEdge_ModuleDescriptor *Desc) {
  (void)Desc;
  WasmEdge_String ModName = WasmEdge_StringCreateByCString("get_string_module");
  WasmEdge_ModuleInstanceContext *Mod = WasmEdge_ModuleInstanceCreate(ModName);
  WasmEdge_StringDelete(ModName);
  if (Mod == NULL)
    return NULL;

  WasmEdge_ValType I32 = WasmEdge_ValTypeGenI32();
  WasmEdge_ValType ThreeI32[3] = {I32, I32, I32};
  WasmEdge_ValType TwoI32[2] = {I32, I32};
  if (!add_function(Mod, "get_string", ThreeI32, 3, NULL, 0, get_string) ||
      !add_function(Mod, "add", TwoI32, 2, &I32, 1, add)) {
    WasmEdge_ModuleInstanceDelete(Mod);
    return NULL;
  }
  return Mod;
}

/* ---- descriptor --------------------------------------------------------- */

static WasmEdge_ModuleDescriptor Modules[] = {
    {
        .Name = "get_string_module",
        .Description = "get_string(buf_ptr, buf_len, written_ptr) and add(a, b)",
        .Create = create_module,
    },
};

static WasmEdge_PluginDescriptor Descriptor = {
    .Name = "get_string",
    .Description = "Writes a configurable string into wasm memory",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 1, .Patch = 0, .Build = 0},
    .ModuleCount = sizeof(Modules) / sizeof(Modules[0]),
    .ProgramOptionCount = sizeof(Options) / sizeof(Options[0]),
    .ModuleDescriptions = Modules,
    .ProgramOptions = Options,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *
WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
