/*
 * wasmedge-plugin-kit: the plug-in subset of the WasmEdge 0.17 C API.
 *
 * This is our own declaration of the types, constants and functions a native
 * WasmEdge plug-in uses. Names, signatures and struct layouts match
 * WasmEdge 0.17.x (plug-in API version 5), so a plug-in written against the
 * real <wasmedge/wasmedge.h> compiles unchanged against this header, and the
 * resulting library loads in real WasmEdge 0.17 and in our runtime.
 *
 * API version selection
 *   By default the header declares API version 5 (WasmEdge 0.17.x).
 *   Define WASMEDGE_PLUGIN_API_VERSION to 4 before including it to get the
 *   WasmEdge 0.14.1-0.16.x form: the 12-byte WasmEdge_Limit struct and the old
 *   signatures of LimitIsEqual, MemoryTypeCreate, MemoryTypeGetLimit,
 *   TableTypeCreate and TableTypeGetLimit. On GNU/ELF toolchains, references
 *   to those five are bound to their @WASMEDGE_0.16 symbol versions, so a v4
 *   plug-in linked against a 0.17 library (or our link stub) calls the
 *   0.16-compatible entry points.
 *
 *   Plug-in API versions by release (each release loads only its own):
 *     5 = 0.17.x, 4 = 0.14.1-0.16.x, 3 = 0.14.0, 2 = 0.11.1-0.13.x,
 *     1 = 0.10.0-0.11.0. This header offers 5 and 4.
 *
 * Ownership conventions used in the comments below
 *   - "borrowed": the caller keeps ownership; the callee does not free it and
 *     does not keep it after returning unless said so.
 *   - "caller owns result": free it with the named *Delete function.
 *   - "owned by <X>": the pointer stays valid as long as X lives; never free it.
 *   - WasmEdge tolerates NULL context arguments (the function does nothing
 *     and returns 0 / NULL / false / a failure result); do not rely on it.
 */
#ifndef WASMEDGE_PLUGIN_KIT_WASMEDGE_H
#define WASMEDGE_PLUGIN_KIT_WASMEDGE_H

/* ------------------------------------------------------------------------ */
/* Versions                                                                  */
/* ------------------------------------------------------------------------ */

/* The WasmEdge release whose plug-in ABI this header describes. */
#define WASMEDGE_VERSION "0.17.1"
#define WASMEDGE_VERSION_MAJOR 0
#define WASMEDGE_VERSION_MINOR 17
#define WASMEDGE_VERSION_PATCH 1

/* The version of this SDK (wasmedge-plugin-kit), independent of WasmEdge. */
#define WASMEDGE_PLUGIN_KIT_VERSION_MAJOR 0
#define WASMEDGE_PLUGIN_KIT_VERSION_MINOR 1
#define WASMEDGE_PLUGIN_KIT_VERSION_PATCH 0
#define WASMEDGE_PLUGIN_KIT_VERSION_STRING "0.1.0"

#ifndef WASMEDGE_PLUGIN_API_VERSION
#define WASMEDGE_PLUGIN_API_VERSION 5
#endif

#if WASMEDGE_PLUGIN_API_VERSION == 5
/* The API version a plug-in must put in WasmEdge_PluginDescriptor.APIVersion.
 * WasmEdge 0.17.x rejects any other value. */
#define WasmEdge_Plugin_CurrentAPIVersion 5
#elif WASMEDGE_PLUGIN_API_VERSION == 4
/* WasmEdge 0.14.1-0.16.x accept API version 4 only (0.14.0 wants 3). */
#define WasmEdge_Plugin_CurrentAPIVersion 4
#else
#error "WASMEDGE_PLUGIN_API_VERSION must be 5 (WasmEdge 0.17.x, the default) or 4 (WasmEdge 0.14.1-0.16.x); define it before including <wasmedge/wasmedge.h>"
#endif

/* ------------------------------------------------------------------------ */
/* Export and language macros                                                */
/* ------------------------------------------------------------------------ */

#if defined(_WIN32) || defined(_WIN64) || defined(__WIN32__) ||              \
    defined(__TOS_WIN__) || defined(__WINDOWS__)
#ifdef WASMEDGE_COMPILE_LIBRARY
#define WASMEDGE_CAPI_EXPORT __declspec(dllexport)
#else
#define WASMEDGE_CAPI_EXPORT __declspec(dllimport)
#endif
#ifdef WASMEDGE_PLUGIN
#define WASMEDGE_CAPI_PLUGIN_EXPORT __declspec(dllexport)
#else
#define WASMEDGE_CAPI_PLUGIN_EXPORT __declspec(dllimport)
#endif
#else
/* Default visibility, so the symbols stay exported even when the plug-in is
 * built with -fvisibility=hidden. */
#define WASMEDGE_CAPI_EXPORT __attribute__((visibility("default")))
#define WASMEDGE_CAPI_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* Newer upstream headers mark C API functions noexcept in C++; provided for
 * source compatibility, it is not applied to the declarations here. */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define WASMEDGE_CAPI_NOEXCEPT noexcept
#else
#define WASMEDGE_CAPI_NOEXCEPT
#endif

#if !defined(__cplusplus) &&                                                 \
    (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 202311L)
#include <stdbool.h>
#endif
#include <stdint.h>
#include <time.h>

/* ------------------------------------------------------------------------ */
/* Opaque contexts (only ever handled through pointers)                      */
/* ------------------------------------------------------------------------ */

typedef struct WasmEdge_ConfigureContext WasmEdge_ConfigureContext;
typedef struct WasmEdge_StatisticsContext WasmEdge_StatisticsContext;
typedef struct WasmEdge_ASTModuleContext WasmEdge_ASTModuleContext;
#if WASMEDGE_PLUGIN_API_VERSION >= 5
typedef struct WasmEdge_LimitContext WasmEdge_LimitContext;
#endif
typedef struct WasmEdge_FunctionTypeContext WasmEdge_FunctionTypeContext;
typedef struct WasmEdge_MemoryTypeContext WasmEdge_MemoryTypeContext;
typedef struct WasmEdge_TableTypeContext WasmEdge_TableTypeContext;
typedef struct WasmEdge_TagTypeContext WasmEdge_TagTypeContext;
typedef struct WasmEdge_GlobalTypeContext WasmEdge_GlobalTypeContext;
typedef struct WasmEdge_ImportTypeContext WasmEdge_ImportTypeContext;
typedef struct WasmEdge_ExportTypeContext WasmEdge_ExportTypeContext;
typedef struct WasmEdge_CompilerContext WasmEdge_CompilerContext;
typedef struct WasmEdge_LoaderContext WasmEdge_LoaderContext;
typedef struct WasmEdge_ValidatorContext WasmEdge_ValidatorContext;
typedef struct WasmEdge_ExecutorContext WasmEdge_ExecutorContext;
typedef struct WasmEdge_StoreContext WasmEdge_StoreContext;
typedef struct WasmEdge_ModuleInstanceContext WasmEdge_ModuleInstanceContext;
typedef struct WasmEdge_FunctionInstanceContext
    WasmEdge_FunctionInstanceContext;
typedef struct WasmEdge_TableInstanceContext WasmEdge_TableInstanceContext;
typedef struct WasmEdge_MemoryInstanceContext WasmEdge_MemoryInstanceContext;
typedef struct WasmEdge_TagInstanceContext WasmEdge_TagInstanceContext;
typedef struct WasmEdge_GlobalInstanceContext WasmEdge_GlobalInstanceContext;
typedef struct WasmEdge_CallingFrameContext WasmEdge_CallingFrameContext;
typedef struct WasmEdge_Async WasmEdge_Async;
typedef struct WasmEdge_VMContext WasmEdge_VMContext;
typedef struct WasmEdge_PluginContext WasmEdge_PluginContext;

/* ------------------------------------------------------------------------ */
/* 128-bit integers                                                          */
/* ------------------------------------------------------------------------ */

/* WasmEdge_Value's layout (32 bytes, 16-byte aligned) depends on these being
 * the native 128-bit integer types; __extension__ keeps -pedantic quiet. */
#if defined(__x86_64__) || defined(__aarch64__) || defined(__riscv)
__extension__ typedef unsigned __int128 uint128_t;
__extension__ typedef __int128 int128_t;
#else
typedef struct uint128_t {
  uint64_t Low;
  uint64_t High;
} uint128_t;
typedef struct int128_t {
  uint64_t Low;
  int64_t High;
} int128_t;
#endif

/* ------------------------------------------------------------------------ */
/* Enumerations                                                              */
/* ------------------------------------------------------------------------ */

/* Error category: bits 24..31 of WasmEdge_Result.Code. */
enum WasmEdge_ErrCategory {
  WasmEdge_ErrCategory_WASM = 0x00,
  WasmEdge_ErrCategory_UserLevelError = 0x01
};

/* WasmEdge error codes (category WASM): bits 0..23 of WasmEdge_Result.Code.
 * The high byte groups them by phase: 0x00 common, 0x01 loading,
 * 0x02 validation, 0x03 instantiation, 0x04 execution, 0x05/0x06 component
 * model. */
enum WasmEdge_ErrCode {
  /* Common */
  WasmEdge_ErrCode_Success = 0x0000,
  WasmEdge_ErrCode_Terminated = 0x0001,
  WasmEdge_ErrCode_RuntimeError = 0x0002,
  WasmEdge_ErrCode_CostLimitExceeded = 0x0003,
  WasmEdge_ErrCode_WrongVMWorkflow = 0x0004,
  WasmEdge_ErrCode_FuncNotFound = 0x0005,
  WasmEdge_ErrCode_AOTDisabled = 0x0006,
  WasmEdge_ErrCode_Interrupted = 0x0007,
  WasmEdge_ErrCode_NotValidated = 0x0008,
  WasmEdge_ErrCode_NonNullRequired = 0x0009,
  WasmEdge_ErrCode_SetValueToConst = 0x000A,
  WasmEdge_ErrCode_SetValueErrorType = 0x000B,
  WasmEdge_ErrCode_UserDefError = 0x000C,
  /* Loading */
  WasmEdge_ErrCode_IllegalPath = 0x0100,
  WasmEdge_ErrCode_ReadError = 0x0101,
  WasmEdge_ErrCode_UnexpectedEnd = 0x0102,
  WasmEdge_ErrCode_MalformedMagic = 0x0103,
  WasmEdge_ErrCode_MalformedVersion = 0x0104,
  WasmEdge_ErrCode_MalformedSection = 0x0105,
  WasmEdge_ErrCode_SectionSizeMismatch = 0x0106,
  WasmEdge_ErrCode_LengthOutOfBounds = 0x0107,
  WasmEdge_ErrCode_JunkSection = 0x0108,
  WasmEdge_ErrCode_IncompatibleFuncCode = 0x0109,
  WasmEdge_ErrCode_IncompatibleDataCount = 0x010A,
  WasmEdge_ErrCode_DataCountRequired = 0x010B,
  WasmEdge_ErrCode_MalformedImportKind = 0x010C,
  WasmEdge_ErrCode_MalformedExportKind = 0x010D,
  WasmEdge_ErrCode_ExpectedZeroByte = 0x010E,
  WasmEdge_ErrCode_InvalidMut = 0x010F,
  WasmEdge_ErrCode_TooManyLocals = 0x0110,
  WasmEdge_ErrCode_MalformedValType = 0x0111,
  WasmEdge_ErrCode_MalformedElemType = 0x0112,
  WasmEdge_ErrCode_MalformedRefType = 0x0113,
  WasmEdge_ErrCode_MalformedUTF8 = 0x0114,
  WasmEdge_ErrCode_IntegerTooLarge = 0x0115,
  WasmEdge_ErrCode_IntegerTooLong = 0x0116,
  WasmEdge_ErrCode_IllegalOpCode = 0x0117,
  WasmEdge_ErrCode_ENDCodeExpected = 0x0118,
  WasmEdge_ErrCode_IllegalGrammar = 0x0119,
  WasmEdge_ErrCode_SharedMemoryNoMax = 0x011A,
  WasmEdge_ErrCode_IntrinsicsTableNotFound = 0x011B,
  WasmEdge_ErrCode_MalformedTable = 0x011C,
  WasmEdge_ErrCode_InvalidStoreAlignment = 0x011D,
  /* Validation */
  WasmEdge_ErrCode_InvalidAlignment = 0x0200,
  WasmEdge_ErrCode_AlignmentTooLarge = 0x0201,
  WasmEdge_ErrCode_TypeCheckFailed = 0x0202,
  WasmEdge_ErrCode_InvalidLabelIdx = 0x0203,
  WasmEdge_ErrCode_InvalidLocalIdx = 0x0204,
  WasmEdge_ErrCode_InvalidFieldIdx = 0x0205,
  WasmEdge_ErrCode_InvalidFuncTypeIdx = 0x0206,
  WasmEdge_ErrCode_InvalidFuncIdx = 0x0207,
  WasmEdge_ErrCode_InvalidTableIdx = 0x0208,
  WasmEdge_ErrCode_InvalidMemoryIdx = 0x0209,
  WasmEdge_ErrCode_InvalidGlobalIdx = 0x020A,
  WasmEdge_ErrCode_InvalidTagIdx = 0x020B,
  WasmEdge_ErrCode_InvalidElemIdx = 0x020C,
  WasmEdge_ErrCode_InvalidDataIdx = 0x020D,
  WasmEdge_ErrCode_InvalidRefIdx = 0x020E,
  WasmEdge_ErrCode_ConstExprRequired = 0x020F,
  WasmEdge_ErrCode_DupExportName = 0x0210,
  WasmEdge_ErrCode_ImmutableGlobal = 0x0211,
  WasmEdge_ErrCode_ImmutableField = 0x0212,
  WasmEdge_ErrCode_ImmutableArray = 0x0213,
  WasmEdge_ErrCode_InvalidResultArity = 0x0214,
  WasmEdge_ErrCode_MultiTables = 0x0215,
  WasmEdge_ErrCode_MultiMemories = 0x0216,
  WasmEdge_ErrCode_InvalidLimit = 0x0217,
  WasmEdge_ErrCode_InvalidMemPages = 0x0218,
  WasmEdge_ErrCode_InvalidStartFunc = 0x0219,
  WasmEdge_ErrCode_InvalidLaneIdx = 0x021A,
  WasmEdge_ErrCode_InvalidUninitLocal = 0x021B,
  WasmEdge_ErrCode_InvalidNotDefaultableField = 0x021C,
  WasmEdge_ErrCode_InvalidNotDefaultableArray = 0x021D,
  WasmEdge_ErrCode_InvalidPackedField = 0x021E,
  WasmEdge_ErrCode_InvalidPackedArray = 0x021F,
  WasmEdge_ErrCode_InvalidUnpackedField = 0x0220,
  WasmEdge_ErrCode_InvalidUnpackedArray = 0x0221,
  WasmEdge_ErrCode_InvalidBrRefType = 0x0222,
  WasmEdge_ErrCode_ArrayTypesMismatch = 0x0223,
  WasmEdge_ErrCode_ArrayTypesNumtypeRequired = 0x0224,
  WasmEdge_ErrCode_InvalidSubType = 0x0225,
  WasmEdge_ErrCode_InvalidTagResultType = 0x0226,
  /* Instantiation */
  WasmEdge_ErrCode_ModuleNameConflict = 0x0300,
  WasmEdge_ErrCode_IncompatibleImportType = 0x0301,
  WasmEdge_ErrCode_UnknownImport = 0x0302,
  WasmEdge_ErrCode_DataSegDoesNotFit = 0x0303,
  WasmEdge_ErrCode_ElemSegDoesNotFit = 0x0304,
  WasmEdge_ErrCode_InvalidCoreSort = 0x0305,
  WasmEdge_ErrCode_InvalidCanonOption = 0x0306,
  /* Execution */
  WasmEdge_ErrCode_WrongInstanceAddress = 0x0400,
  WasmEdge_ErrCode_WrongInstanceIndex = 0x0401,
  WasmEdge_ErrCode_InstrTypeMismatch = 0x0402,
  WasmEdge_ErrCode_FuncSigMismatch = 0x0403,
  WasmEdge_ErrCode_DivideByZero = 0x0404,
  WasmEdge_ErrCode_IntegerOverflow = 0x0405,
  WasmEdge_ErrCode_InvalidConvToInt = 0x0406,
  WasmEdge_ErrCode_TableOutOfBounds = 0x0407,
  WasmEdge_ErrCode_MemoryOutOfBounds = 0x0408,
  WasmEdge_ErrCode_ArrayOutOfBounds = 0x0409,
  WasmEdge_ErrCode_Unreachable = 0x040A,
  WasmEdge_ErrCode_UninitializedElement = 0x040B,
  WasmEdge_ErrCode_UndefinedElement = 0x040C,
  WasmEdge_ErrCode_IndirectCallTypeMismatch = 0x040D,
  WasmEdge_ErrCode_HostFuncError = 0x040E,
  WasmEdge_ErrCode_RefTypeMismatch = 0x040F,
  WasmEdge_ErrCode_UnalignedAtomicAccess = 0x0410,
  WasmEdge_ErrCode_ExpectSharedMemory = 0x0411,
  WasmEdge_ErrCode_CastNullToNonNull = 0x0412,
  WasmEdge_ErrCode_AccessNullFunc = 0x0413,
  WasmEdge_ErrCode_AccessNullStruct = 0x0414,
  WasmEdge_ErrCode_AccessNullArray = 0x0415,
  WasmEdge_ErrCode_AccessNullI31 = 0x0416,
  WasmEdge_ErrCode_AccessNullException = 0x0417,
  WasmEdge_ErrCode_CastFailed = 0x0418,
  WasmEdge_ErrCode_UncaughtException = 0x0419,
  /* Component model: loading */
  WasmEdge_ErrCode_MalformedSort = 0x0500,
  WasmEdge_ErrCode_MalformedAliasTarget = 0x0501,
  WasmEdge_ErrCode_MalformedCoreInstance = 0x0502,
  WasmEdge_ErrCode_MalformedInstance = 0x0503,
  WasmEdge_ErrCode_MalformedDefType = 0x0504,
  WasmEdge_ErrCode_MalformedRecordType = 0x0505,
  WasmEdge_ErrCode_MalformedVariantType = 0x0506,
  WasmEdge_ErrCode_MalformedTupleType = 0x0507,
  WasmEdge_ErrCode_MalformedFlagsType = 0x0508,
  WasmEdge_ErrCode_MalformedCanonical = 0x0509,
  WasmEdge_ErrCode_UnknownCanonicalOption = 0x050A,
  WasmEdge_ErrCode_MalformedName = 0x050B,
  /* Component model: instantiation */
  WasmEdge_ErrCode_CoreInvalidExport = 0x0600
};

/* Wasm type codes as stored in byte 2 (value type) and byte 3 (heap type) of
 * WasmEdge_ValType.Data. */
enum WasmEdge_TypeCode {
  WasmEdge_TypeCode_TypeIndex = 0x00,
  WasmEdge_TypeCode_I32 = 0x7F,
  WasmEdge_TypeCode_I64 = 0x7E,
  WasmEdge_TypeCode_F32 = 0x7D,
  WasmEdge_TypeCode_F64 = 0x7C,
  WasmEdge_TypeCode_V128 = 0x7B,
  WasmEdge_TypeCode_I8 = 0x78,
  WasmEdge_TypeCode_I16 = 0x77,
  WasmEdge_TypeCode_NullFuncRef = 0x73,
  WasmEdge_TypeCode_NullExternRef = 0x72,
  WasmEdge_TypeCode_NullRef = 0x71,
  WasmEdge_TypeCode_FuncRef = 0x70,
  WasmEdge_TypeCode_ExternRef = 0x6F,
  WasmEdge_TypeCode_AnyRef = 0x6E,
  WasmEdge_TypeCode_EqRef = 0x6D,
  WasmEdge_TypeCode_I31Ref = 0x6C,
  WasmEdge_TypeCode_StructRef = 0x6B,
  WasmEdge_TypeCode_ArrayRef = 0x6A,
  WasmEdge_TypeCode_ExnRef = 0x69,
  WasmEdge_TypeCode_Ref = 0x64,
  WasmEdge_TypeCode_RefNull = 0x63,
  WasmEdge_TypeCode_Func = 0x60,
  WasmEdge_TypeCode_Struct = 0x5F,
  WasmEdge_TypeCode_Array = 0x5E,
  WasmEdge_TypeCode_Sub = 0x50,
  WasmEdge_TypeCode_SubFinal = 0x4F,
  WasmEdge_TypeCode_Rec = 0x4E,
  WasmEdge_TypeCode_Epsilon = 0x40
};

/* Mutability of a global. */
enum WasmEdge_Mutability {
  WasmEdge_Mutability_Const = 0x00,
  WasmEdge_Mutability_Var = 0x01
};

/* Kind of an import or export. */
enum WasmEdge_ExternalType {
  WasmEdge_ExternalType_Function = 0x00U,
  WasmEdge_ExternalType_Table = 0x01U,
  WasmEdge_ExternalType_Memory = 0x02U,
  WasmEdge_ExternalType_Global = 0x03U,
  WasmEdge_ExternalType_Tag = 0x04U
};

/* Log levels, lowest (most verbose) first. */
typedef enum WasmEdge_LogLevel {
  WasmEdge_LogLevel_Trace,
  WasmEdge_LogLevel_Debug,
  WasmEdge_LogLevel_Info,
  WasmEdge_LogLevel_Warn,
  WasmEdge_LogLevel_Error,
  WasmEdge_LogLevel_Critical
} WasmEdge_LogLevel;

/* Type of the value behind WasmEdge_ProgramOption.Storage (see below). */
typedef enum WasmEdge_ProgramOptionType {
  WasmEdge_ProgramOptionType_None,   /* no value */
  WasmEdge_ProgramOptionType_Toggle, /* bool */
  WasmEdge_ProgramOptionType_Int8,   /* int8_t */
  WasmEdge_ProgramOptionType_Int16,  /* int16_t */
  WasmEdge_ProgramOptionType_Int32,  /* int32_t */
  WasmEdge_ProgramOptionType_Int64,  /* int64_t */
  WasmEdge_ProgramOptionType_UInt8,  /* uint8_t */
  WasmEdge_ProgramOptionType_UInt16, /* uint16_t */
  WasmEdge_ProgramOptionType_UInt32, /* uint32_t */
  WasmEdge_ProgramOptionType_UInt64, /* uint64_t */
  WasmEdge_ProgramOptionType_Float,  /* float */
  WasmEdge_ProgramOptionType_Double, /* double */
  WasmEdge_ProgramOptionType_String  /* WasmEdge_String */
} WasmEdge_ProgramOptionType;

/* ------------------------------------------------------------------------ */
/* Plain data structures                                                     */
/* ------------------------------------------------------------------------ */

/* A byte string with explicit length; Buf is NOT NUL-terminated in general.
 * Who owns Buf depends on how the string was made (see the String
 * functions). 16 bytes. */
typedef struct WasmEdge_String {
  uint32_t Length;
  const char *Buf;
} WasmEdge_String;

/* A byte buffer with explicit length; ownership as for WasmEdge_String. */
typedef struct WasmEdge_Bytes {
  uint32_t Length;
  const uint8_t *Buf;
} WasmEdge_Bytes;

/* Result of an operation: Code = (category << 24) | (code & 0xFFFFFF). */
typedef struct WasmEdge_Result {
  uint32_t Code;
} WasmEdge_Result;

/* Ready-made results a host function returns: success, terminate the whole
 * run successfully (like exit(0)), or fail with a generic runtime error.
 * Macros (as upstream), usable as values in C and C++. */
#ifdef __cplusplus
#define WasmEdge_Result_Success (WasmEdge_Result{/* Code */ 0x00})
#define WasmEdge_Result_Terminate (WasmEdge_Result{/* Code */ 0x01})
#define WasmEdge_Result_Fail (WasmEdge_Result{/* Code */ 0x02})
#else
#define WasmEdge_Result_Success ((WasmEdge_Result){.Code = 0x00})
#define WasmEdge_Result_Terminate ((WasmEdge_Result){.Code = 0x01})
#define WasmEdge_Result_Fail ((WasmEdge_Result){.Code = 0x02})
#endif

/* An encoded value type: [0] 0, [1] externalize flag, [2] type code,
 * [3] heap type code (0x40 for number/vector types), [4..7] type index.
 * Treat as opaque; build and test it with the ValType functions. */
typedef struct WasmEdge_ValType {
  uint8_t Data[8];
} WasmEdge_ValType;

/* A wasm value: the payload sits little-endian in the low bytes of Value
 * (the rest is zero); references store a pointer. 32 bytes, 16-aligned. */
typedef struct WasmEdge_Value {
  uint128_t Value;
  WasmEdge_ValType Type;
} WasmEdge_Value;

#if WASMEDGE_PLUGIN_API_VERSION == 4
/* WasmEdge 0.14.1-0.16.x limit (API version 4 only): 12 bytes, passed by value.
 * In API version 5 this is the opaque WasmEdge_LimitContext. */
typedef struct WasmEdge_Limit {
  bool HasMax;
  bool Shared;
  uint32_t Min;
  uint32_t Max;
} WasmEdge_Limit;
#endif

/* A log record given to a WasmEdge_LogCallback_t; Message and LoggerName are
 * owned by the runtime and valid only during the callback. */
typedef struct WasmEdge_LogMessage {
  WasmEdge_String Message;
  WasmEdge_String LoggerName;
  WasmEdge_LogLevel Level;
  time_t Time;
  uint64_t ThreadId;
} WasmEdge_LogMessage;

/* Log callback; Message is borrowed for the duration of the call. */
typedef void (*WasmEdge_LogCallback_t)(const WasmEdge_LogMessage *Message);

/* Host function. Data is the pointer given at creation (owned by the plug-in).
 * CallFrameCxt is owned by the runtime and valid only during the call.
 * Params holds one value per declared parameter (read-only, runtime-owned);
 * Returns has room for one value per declared result, to be filled in.
 * Return WasmEdge_Result_Success, _Terminate, or a failure result. */
typedef WasmEdge_Result (*WasmEdge_HostFunc_t)(
    void *Data, const WasmEdge_CallingFrameContext *CallFrameCxt,
    const WasmEdge_Value *Params, WasmEdge_Value *Returns);

/* Binding wrapper (for language bindings): like WasmEdge_HostFunc_t, plus the
 * Binding pointer given at creation (This) and explicit array lengths. */
typedef WasmEdge_Result (*WasmEdge_WrapFunc_t)(
    void *This, void *Data, const WasmEdge_CallingFrameContext *CallFrameCxt,
    const WasmEdge_Value *Params, const uint32_t ParamLen,
    WasmEdge_Value *Returns, const uint32_t ReturnLen);

/* A command-line option of a plug-in. All pointers are owned by the plug-in
 * and must stay valid while it is loaded. Storage points to a variable of the
 * type given by Type; the plug-in initialises it (the runtime leaves it alone
 * when the option is absent). DefaultValue points to a value of the same type
 * stored when the flag is given without a value: always make it non-NULL
 * (real WasmEdge crashes on NULL); Toggle ignores it. For String, the runtime
 * stores a new WasmEdge_String (not NUL-terminated) that it owns. */
typedef struct WasmEdge_ProgramOption {
  const char *Name;
  const char *Description;
  WasmEdge_ProgramOptionType Type;
  void *Storage;
  const void *DefaultValue;
} WasmEdge_ProgramOption;

/* A module a plug-in offers. Name/Description are owned by the plug-in.
 * Create receives this very descriptor and returns a NEW module instance that
 * the caller (the runtime) owns and deletes with
 * WasmEdge_ModuleInstanceDelete. Never return NULL: real WasmEdge crashes. */
typedef struct WasmEdge_ModuleDescriptor {
  const char *Name;
  const char *Description;
  WasmEdge_ModuleInstanceContext *(*Create)(
      const struct WasmEdge_ModuleDescriptor *);
} WasmEdge_ModuleDescriptor;

/* Version of a plug-in (its own, not WasmEdge's). */
typedef struct WasmEdge_PluginVersionData {
  uint32_t Major;
  uint32_t Minor;
  uint32_t Patch;
  uint32_t Build;
} WasmEdge_PluginVersionData;

/* What WasmEdge_Plugin_GetDescriptor returns. Everything it points to is
 * owned by the plug-in and must stay valid while the plug-in is loaded
 * (use static storage). APIVersion must be WasmEdge_Plugin_CurrentAPIVersion.
 */
typedef struct WasmEdge_PluginDescriptor {
  const char *Name;
  const char *Description;
  uint32_t APIVersion;
  WasmEdge_PluginVersionData Version;
  uint32_t ModuleCount;
  uint32_t ProgramOptionCount;
  WasmEdge_ModuleDescriptor *ModuleDescriptions;
  WasmEdge_ProgramOption *ProgramOptions;
} WasmEdge_PluginDescriptor;

/* ------------------------------------------------------------------------ */
/* Symbol versions of the API-4 forms (GNU/ELF only)                         */
/* ------------------------------------------------------------------------ */

/* In v4 mode each changed function is declared under a private assembler name
 * which .symver then binds to X@WASMEDGE_0.16. Without this, a v4 plug-in
 * linked against a 0.17 library would call the 0.17 form with 0.16 arguments.
 * Note: GCC LTO may drop .symver bindings; check the built library with
 * `readelf --dyn-syms -W`. */
#if WASMEDGE_PLUGIN_API_VERSION == 4 && defined(__GNUC__) && defined(__ELF__)
#define WASMEDGE_PLUGIN_KIT_V016_(Name) __asm__("wpk_v016_" #Name)
__asm__(".symver wpk_v016_WasmEdge_LimitIsEqual, "
        "WasmEdge_LimitIsEqual@WASMEDGE_0.16");
__asm__(".symver wpk_v016_WasmEdge_MemoryTypeCreate, "
        "WasmEdge_MemoryTypeCreate@WASMEDGE_0.16");
__asm__(".symver wpk_v016_WasmEdge_MemoryTypeGetLimit, "
        "WasmEdge_MemoryTypeGetLimit@WASMEDGE_0.16");
__asm__(".symver wpk_v016_WasmEdge_TableTypeCreate, "
        "WasmEdge_TableTypeCreate@WASMEDGE_0.16");
__asm__(".symver wpk_v016_WasmEdge_TableTypeGetLimit, "
        "WasmEdge_TableTypeGetLimit@WASMEDGE_0.16");
#else
#define WASMEDGE_PLUGIN_KIT_V016_(Name)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Version                                                                   */
/* ------------------------------------------------------------------------ */

/* Version string of the running WasmEdge ("0.17.1"); owned by the runtime,
 * static, never free it. */
WASMEDGE_CAPI_EXPORT extern const char *WasmEdge_VersionGet(void);
/* Major version of the running WasmEdge. No pointers. */
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_VersionGetMajor(void);
/* Minor version of the running WasmEdge. No pointers. */
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_VersionGetMinor(void);
/* Patch version of the running WasmEdge. No pointers. */
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_VersionGetPatch(void);

/* ------------------------------------------------------------------------ */
/* Logging                                                                   */
/* ------------------------------------------------------------------------ */

/* Log only errors and worse. No pointers. */
WASMEDGE_CAPI_EXPORT extern void WasmEdge_LogSetErrorLevel(void);
/* Log debug messages and worse. No pointers. */
WASMEDGE_CAPI_EXPORT extern void WasmEdge_LogSetDebugLevel(void);
/* Turn logging off. No pointers. */
WASMEDGE_CAPI_EXPORT extern void WasmEdge_LogOff(void);
/* Log Level and worse. No pointers. Added in WasmEdge 0.15.0: an API-4
 * plug-in that calls it does not load in 0.14.1. */
WASMEDGE_CAPI_EXPORT extern void WasmEdge_LogSetLevel(WasmEdge_LogLevel Level);
/* Route log records to Callback. The function pointer is kept until
 * replaced, so its code must stay loaded that long. Added in WasmEdge
 * 0.15.0: an API-4 plug-in that calls it does not load in 0.14.1. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_LogSetCallback(WasmEdge_LogCallback_t Callback);

/* ------------------------------------------------------------------------ */
/* Strings and bytes                                                         */
/* ------------------------------------------------------------------------ */

/* Copy a NUL-terminated C string (borrowed) into a new string. Caller owns
 * the result: free with WasmEdge_StringDelete. {0, NULL} on NULL input. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_String
WasmEdge_StringCreateByCString(const char *Str);
/* Copy Len bytes of Buf (borrowed; may contain NULs) into a new string.
 * Caller owns the result: free with WasmEdge_StringDelete. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_String
WasmEdge_StringCreateByBuffer(const char *Buf, const uint32_t Len);
/* Wrap Buf without copying. The result borrows Buf: keep Buf alive while the
 * string is used and never call WasmEdge_StringDelete on it. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_String
WasmEdge_StringWrap(const char *Buf, const uint32_t Len);
/* True if both strings (borrowed) hold the same bytes. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_StringIsEqual(const WasmEdge_String Str1, const WasmEdge_String Str2);
/* Copy at most Len bytes of Str (borrowed) into Buf (caller-owned, Len
 * bytes); pads with NULs when Str is shorter, else leaves Buf unterminated.
 * Returns the number of string bytes copied. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_StringCopy(const WasmEdge_String Str, char *Buf, const uint32_t Len);
/* Free a string made by StringCreate* (or returned as caller-owned). Do not
 * use Str afterwards. Never pass a wrapped or runtime-owned string. */
WASMEDGE_CAPI_EXPORT extern void WasmEdge_StringDelete(WasmEdge_String Str);

/* Copy Len bytes of Buf (borrowed) into a new buffer. Caller owns the
 * result: free with WasmEdge_BytesDelete. {0, NULL} on NULL input. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Bytes
WasmEdge_BytesCreate(const uint8_t *Buf, const uint32_t Len);
/* Wrap Buf without copying; the result borrows Buf and must not be passed
 * to WasmEdge_BytesDelete. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Bytes
WasmEdge_BytesWrap(const uint8_t *Buf, const uint32_t Len);
/* Free bytes made by WasmEdge_BytesCreate. Do not use Bytes afterwards. */
WASMEDGE_CAPI_EXPORT extern void WasmEdge_BytesDelete(WasmEdge_Bytes Bytes);

/* ------------------------------------------------------------------------ */
/* Results                                                                   */
/* ------------------------------------------------------------------------ */

/* True for success and for terminate (category WASM, code 0 or 1). */
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ResultOK(const WasmEdge_Result Res);
/* Build a result from a category and a code (only the low 24 bits kept). */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result
WasmEdge_ResultGen(const enum WasmEdge_ErrCategory Category,
                   const uint32_t Code);
/* The 24-bit code of Res. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ResultGetCode(const WasmEdge_Result Res);
/* The category of Res. */
WASMEDGE_CAPI_EXPORT extern enum WasmEdge_ErrCategory
WasmEdge_ResultGetCategory(const WasmEdge_Result Res);
/* A static NUL-terminated message for Res, owned by the runtime (never free
 * it); "user defined error code" for any non-WASM category. */
WASMEDGE_CAPI_EXPORT extern const char *
WasmEdge_ResultGetMessage(const WasmEdge_Result Res);

/* ------------------------------------------------------------------------ */
/* Value types (returned by value; nothing to free)                          */
/* ------------------------------------------------------------------------ */

/* i32 value type. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenI32(void);
/* i64 value type. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenI64(void);
/* f32 value type. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenF32(void);
/* f64 value type. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenF64(void);
/* v128 value type. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenV128(void);
/* funcref (nullable ref to func) value type. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenFuncRef(void);
/* externref (nullable ref to extern) value type. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType
WasmEdge_ValTypeGenExternRef(void);
/* True if both value types are equal. By value; no pointers. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsEqual(const WasmEdge_ValType ValType1,
                        const WasmEdge_ValType ValType2);
/* True if ValType is i32. By value; no pointers. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsI32(const WasmEdge_ValType ValType);
/* True if ValType is i64. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsI64(const WasmEdge_ValType ValType);
/* True if ValType is f32. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsF32(const WasmEdge_ValType ValType);
/* True if ValType is f64. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsF64(const WasmEdge_ValType ValType);
/* True if ValType is v128. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsV128(const WasmEdge_ValType ValType);
/* True if ValType is a function reference. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsFuncRef(const WasmEdge_ValType ValType);
/* True if ValType is an external reference. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsExternRef(const WasmEdge_ValType ValType);
/* True if ValType is any reference type. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsRef(const WasmEdge_ValType ValType);
/* True if ValType is a nullable reference type. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValTypeIsRefNull(const WasmEdge_ValType ValType);

/* ------------------------------------------------------------------------ */
/* Values (returned by value; nothing to free)                               */
/* ------------------------------------------------------------------------ */

/* An i32 value. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value
WasmEdge_ValueGenI32(const int32_t Val);
/* An i64 value. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value
WasmEdge_ValueGenI64(const int64_t Val);
/* An f32 value. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value
WasmEdge_ValueGenF32(const float Val);
/* An f64 value. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value
WasmEdge_ValueGenF64(const double Val);
/* A v128 value. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value
WasmEdge_ValueGenV128(const int128_t Val);
/* A funcref holding Cxt (borrowed, may be NULL for a null ref). The value
 * does not own the function instance: keep it alive while the value is used.
 */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value
WasmEdge_ValueGenFuncRef(const WasmEdge_FunctionInstanceContext *Cxt);
/* An externref holding Ref (borrowed, never dereferenced or freed by the
 * runtime; NULL gives a null ref). */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value
WasmEdge_ValueGenExternRef(void *Ref);
/* The i32 in Val. */
WASMEDGE_CAPI_EXPORT extern int32_t WasmEdge_ValueGetI32(const WasmEdge_Value Val);
/* The i64 in Val. */
WASMEDGE_CAPI_EXPORT extern int64_t WasmEdge_ValueGetI64(const WasmEdge_Value Val);
/* The f32 in Val. */
WASMEDGE_CAPI_EXPORT extern float WasmEdge_ValueGetF32(const WasmEdge_Value Val);
/* The f64 in Val. */
WASMEDGE_CAPI_EXPORT extern double WasmEdge_ValueGetF64(const WasmEdge_Value Val);
/* The v128 in Val. */
WASMEDGE_CAPI_EXPORT extern int128_t
WasmEdge_ValueGetV128(const WasmEdge_Value Val);
/* True if Val is a null reference. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_ValueIsNullRef(const WasmEdge_Value Val);
/* The function instance in a funcref (NULL if null); borrowed, owned by
 * whoever owns the function instance. */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_FunctionInstanceContext *
WasmEdge_ValueGetFuncRef(const WasmEdge_Value Val);
/* The pointer stored in an externref (NULL if null); owned by whoever made
 * the reference. */
WASMEDGE_CAPI_EXPORT extern void *
WasmEdge_ValueGetExternRef(const WasmEdge_Value Val);

/* ------------------------------------------------------------------------ */
/* Limits                                                                    */
/* ------------------------------------------------------------------------ */

#if WASMEDGE_PLUGIN_API_VERSION >= 5
/* A new limit {Min, no max}; Is64 selects 64-bit addressing. Caller owns the
 * result: free with WasmEdge_LimitDelete. NULL on allocation failure. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_LimitContext *
WasmEdge_LimitCreate(const uint64_t Min, const bool Is64);
/* A new limit {Min, Max}; Shared for shared memories. Caller owns the
 * result: free with WasmEdge_LimitDelete. NULL on failure. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_LimitContext *
WasmEdge_LimitCreateWithMax(const uint64_t Min, const uint64_t Max,
                            const bool Shared, const bool Is64);
/* Minimum of Cxt (borrowed); 0 if NULL. */
WASMEDGE_CAPI_EXPORT extern uint64_t
WasmEdge_LimitGetMin(const WasmEdge_LimitContext *Cxt);
/* Maximum of Cxt (borrowed); meaningful only if WasmEdge_LimitHasMax. */
WASMEDGE_CAPI_EXPORT extern uint64_t
WasmEdge_LimitGetMax(const WasmEdge_LimitContext *Cxt);
/* True if Cxt (borrowed) has a maximum. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_LimitHasMax(const WasmEdge_LimitContext *Cxt);
/* True if Cxt (borrowed) is shared. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_LimitIsShared(const WasmEdge_LimitContext *Cxt);
/* True if Cxt (borrowed) uses 64-bit addressing. */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_LimitIs64Bit(const WasmEdge_LimitContext *Cxt);
/* True if both limits (borrowed) are equal. [0.17 form, @@WASMEDGE_0.17] */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_LimitIsEqual(const WasmEdge_LimitContext *Cxt1,
                      const WasmEdge_LimitContext *Cxt2);
/* Free a limit made by LimitCreate*. Never pass a limit obtained from a
 * *GetLimit function (those are owned by their type). */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_LimitDelete(WasmEdge_LimitContext *Cxt);
#else
/* True if both limits are equal. By value. [0.16 form, @WASMEDGE_0.16] */
WASMEDGE_CAPI_EXPORT extern bool
WasmEdge_LimitIsEqual(const WasmEdge_Limit Lim1, const WasmEdge_Limit Lim2)
    WASMEDGE_PLUGIN_KIT_V016_(WasmEdge_LimitIsEqual);
#endif

/* ------------------------------------------------------------------------ */
/* Function types                                                            */
/* ------------------------------------------------------------------------ */

/* A new function type. ParamList/ReturnList (borrowed, copied; may be NULL
 * when the length is 0). Caller owns the result: free with
 * WasmEdge_FunctionTypeDelete (safe right after creating a function instance
 * from it, which copies it). NULL on failure. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_FunctionTypeContext *
WasmEdge_FunctionTypeCreate(const WasmEdge_ValType *ParamList,
                            const uint32_t ParamLen,
                            const WasmEdge_ValType *ReturnList,
                            const uint32_t ReturnLen);
/* Number of parameters of Cxt (borrowed). */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_FunctionTypeGetParametersLength(const WasmEdge_FunctionTypeContext *Cxt);
/* Copy up to Len parameter types of Cxt (borrowed) into List (caller-owned).
 * Returns the full parameter count, which may exceed Len. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_FunctionTypeGetParameters(const WasmEdge_FunctionTypeContext *Cxt,
                                   WasmEdge_ValType *List, const uint32_t Len);
/* Number of results of Cxt (borrowed). */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_FunctionTypeGetReturnsLength(const WasmEdge_FunctionTypeContext *Cxt);
/* Copy up to Len result types of Cxt (borrowed) into List (caller-owned).
 * Returns the full result count, which may exceed Len. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_FunctionTypeGetReturns(const WasmEdge_FunctionTypeContext *Cxt,
                                WasmEdge_ValType *List, const uint32_t Len);
/* Free a function type made by WasmEdge_FunctionTypeCreate. Never pass one
 * obtained from a *GetFunctionType function. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_FunctionTypeDelete(WasmEdge_FunctionTypeContext *Cxt);

/* ------------------------------------------------------------------------ */
/* Table types                                                               */
/* ------------------------------------------------------------------------ */

#if WASMEDGE_PLUGIN_API_VERSION >= 5
/* A new table type of reference type RefType; Limit is borrowed (copied).
 * Caller owns the result: free with WasmEdge_TableTypeDelete. NULL on
 * failure (e.g. RefType is not a reference). [0.17 form] */
WASMEDGE_CAPI_EXPORT extern WasmEdge_TableTypeContext *
WasmEdge_TableTypeCreate(const WasmEdge_ValType RefType,
                         const WasmEdge_LimitContext *Limit);
#else
/* A new table type; Limit by value. Caller owns the result: free with
 * WasmEdge_TableTypeDelete. NULL on failure. [0.16 form] */
WASMEDGE_CAPI_EXPORT extern WasmEdge_TableTypeContext *
WasmEdge_TableTypeCreate(const WasmEdge_ValType RefType,
                         const WasmEdge_Limit Limit)
    WASMEDGE_PLUGIN_KIT_V016_(WasmEdge_TableTypeCreate);
#endif
/* Reference type of Cxt (borrowed). */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType
WasmEdge_TableTypeGetRefType(const WasmEdge_TableTypeContext *Cxt);
#if WASMEDGE_PLUGIN_API_VERSION >= 5
/* Limit of Cxt (borrowed). The result is owned by Cxt: never delete it; it
 * is valid while Cxt lives. [0.17 form] */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_LimitContext *
WasmEdge_TableTypeGetLimit(const WasmEdge_TableTypeContext *Cxt);
#else
/* Limit of Cxt (borrowed), by value. [0.16 form] */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Limit
WasmEdge_TableTypeGetLimit(const WasmEdge_TableTypeContext *Cxt)
    WASMEDGE_PLUGIN_KIT_V016_(WasmEdge_TableTypeGetLimit);
#endif
/* Free a table type made by WasmEdge_TableTypeCreate. Never pass one
 * obtained from WasmEdge_TableInstanceGetTableType. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_TableTypeDelete(WasmEdge_TableTypeContext *Cxt);

/* ------------------------------------------------------------------------ */
/* Memory types                                                              */
/* ------------------------------------------------------------------------ */

#if WASMEDGE_PLUGIN_API_VERSION >= 5
/* A new memory type; Limit (in 64 KiB pages) is borrowed (copied). Caller
 * owns the result: free with WasmEdge_MemoryTypeDelete. NULL on failure.
 * [0.17 form] */
WASMEDGE_CAPI_EXPORT extern WasmEdge_MemoryTypeContext *
WasmEdge_MemoryTypeCreate(const WasmEdge_LimitContext *Limit);
/* Limit of Cxt (borrowed). The result is owned by Cxt: never delete it.
 * [0.17 form] */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_LimitContext *
WasmEdge_MemoryTypeGetLimit(const WasmEdge_MemoryTypeContext *Cxt);
#else
/* A new memory type; Limit by value. Caller owns the result: free with
 * WasmEdge_MemoryTypeDelete. NULL on failure. [0.16 form] */
WASMEDGE_CAPI_EXPORT extern WasmEdge_MemoryTypeContext *
WasmEdge_MemoryTypeCreate(const WasmEdge_Limit Limit)
    WASMEDGE_PLUGIN_KIT_V016_(WasmEdge_MemoryTypeCreate);
/* Limit of Cxt (borrowed), by value. [0.16 form] */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Limit
WasmEdge_MemoryTypeGetLimit(const WasmEdge_MemoryTypeContext *Cxt)
    WASMEDGE_PLUGIN_KIT_V016_(WasmEdge_MemoryTypeGetLimit);
#endif
/* Free a memory type made by WasmEdge_MemoryTypeCreate. Never pass one
 * obtained from WasmEdge_MemoryInstanceGetMemoryType. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_MemoryTypeDelete(WasmEdge_MemoryTypeContext *Cxt);

/* ------------------------------------------------------------------------ */
/* Tag and global types                                                      */
/* ------------------------------------------------------------------------ */

/* Function type of a tag type (borrowed). The result is owned by Cxt: never
 * delete it. */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_FunctionTypeContext *
WasmEdge_TagTypeGetFunctionType(const WasmEdge_TagTypeContext *Cxt);
/* A new global type. Caller owns the result: free with
 * WasmEdge_GlobalTypeDelete. NULL on failure. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_GlobalTypeContext *
WasmEdge_GlobalTypeCreate(const WasmEdge_ValType ValType,
                          const enum WasmEdge_Mutability Mut);
/* Value type of Cxt (borrowed). */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType
WasmEdge_GlobalTypeGetValType(const WasmEdge_GlobalTypeContext *Cxt);
/* Mutability of Cxt (borrowed). */
WASMEDGE_CAPI_EXPORT extern enum WasmEdge_Mutability
WasmEdge_GlobalTypeGetMutability(const WasmEdge_GlobalTypeContext *Cxt);
/* Free a global type made by WasmEdge_GlobalTypeCreate. Never pass one
 * obtained from WasmEdge_GlobalInstanceGetGlobalType. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_GlobalTypeDelete(WasmEdge_GlobalTypeContext *Cxt);

/* ------------------------------------------------------------------------ */
/* Execution from inside a host function                                     */
/* ------------------------------------------------------------------------ */

/* Call FuncCxt (borrowed) with Params (borrowed, ParamLen values) and write
 * up to ReturnLen results into Returns (caller-owned). Cxt is borrowed (from
 * WasmEdge_CallingFrameGetExecutor). On failure Returns is unspecified. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result
WasmEdge_ExecutorInvoke(WasmEdge_ExecutorContext *Cxt,
                        const WasmEdge_FunctionInstanceContext *FuncCxt,
                        const WasmEdge_Value *Params, const uint32_t ParamLen,
                        WasmEdge_Value *Returns, const uint32_t ReturnLen);
/* Executor running the current call. Owned by the runtime: valid only during
 * the host call, never delete it. NULL if Cxt is NULL. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ExecutorContext *
WasmEdge_CallingFrameGetExecutor(const WasmEdge_CallingFrameContext *Cxt);
/* Module instance of the calling wasm function (NULL if the caller is not a
 * wasm module). Owned by the runtime: never delete it. */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_ModuleInstanceContext *
WasmEdge_CallingFrameGetModuleInstance(const WasmEdge_CallingFrameContext *Cxt);
/* Memory number Idx of the calling module (NULL if none). Owned by the
 * runtime: never delete it; do not keep it after the host call returns. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_MemoryInstanceContext *
WasmEdge_CallingFrameGetMemoryInstance(const WasmEdge_CallingFrameContext *Cxt,
                                       const uint32_t Idx);

/* ------------------------------------------------------------------------ */
/* Module instances                                                          */
/* ------------------------------------------------------------------------ */

/* A new, empty module instance named ModuleName (borrowed, copied). Caller
 * owns the result: free with WasmEdge_ModuleInstanceDelete, unless it is
 * handed to the runtime (e.g. returned from a ModuleDescriptor.Create).
 * NULL on failure. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ModuleInstanceContext *
WasmEdge_ModuleInstanceCreate(const WasmEdge_String ModuleName);
/* Like WasmEdge_ModuleInstanceCreate, plus HostData (plug-in-owned pointer)
 * and Finalizer: the module calls Finalizer(HostData) once when deleted, so
 * ownership of HostData passes to the module if Finalizer frees it. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_ModuleInstanceContext *
WasmEdge_ModuleInstanceCreateWithData(const WasmEdge_String ModuleName,
                                      void *HostData,
                                      void (*Finalizer)(void *));
/* Name of Cxt. The string is owned by Cxt: never delete it. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_String
WasmEdge_ModuleInstanceGetModuleName(const WasmEdge_ModuleInstanceContext *Cxt);
/* HostData given at creation (owned as described there); NULL if none. */
WASMEDGE_CAPI_EXPORT extern void *
WasmEdge_ModuleInstanceGetHostData(const WasmEdge_ModuleInstanceContext *Cxt);
/* Exported function named Name (borrowed); owned by Cxt: never delete it.
 * NULL if not found. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_FunctionInstanceContext *
WasmEdge_ModuleInstanceFindFunction(const WasmEdge_ModuleInstanceContext *Cxt,
                                    const WasmEdge_String Name);
/* Exported table named Name (borrowed); owned by Cxt. NULL if not found. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_TableInstanceContext *
WasmEdge_ModuleInstanceFindTable(const WasmEdge_ModuleInstanceContext *Cxt,
                                 const WasmEdge_String Name);
/* Exported memory named Name (borrowed); owned by Cxt. NULL if not found. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_MemoryInstanceContext *
WasmEdge_ModuleInstanceFindMemory(const WasmEdge_ModuleInstanceContext *Cxt,
                                  const WasmEdge_String Name);
/* Exported tag named Name (borrowed); owned by Cxt. NULL if not found. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_TagInstanceContext *
WasmEdge_ModuleInstanceFindTag(const WasmEdge_ModuleInstanceContext *Cxt,
                               const WasmEdge_String Name);
/* Exported global named Name (borrowed); owned by Cxt. NULL if not found. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_GlobalInstanceContext *
WasmEdge_ModuleInstanceFindGlobal(const WasmEdge_ModuleInstanceContext *Cxt,
                                  const WasmEdge_String Name);
/* Number of exported functions of Cxt. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListFunctionLength(
    const WasmEdge_ModuleInstanceContext *Cxt);
/* Write up to Len function names into Names (caller-owned array). The
 * strings are owned by Cxt: never delete them. Returns the full count. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListFunction(const WasmEdge_ModuleInstanceContext *Cxt,
                                    WasmEdge_String *Names, const uint32_t Len);
/* Number of exported tables of Cxt. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListTableLength(const WasmEdge_ModuleInstanceContext *Cxt);
/* Table names, as for ListFunction (strings owned by Cxt). */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListTable(const WasmEdge_ModuleInstanceContext *Cxt,
                                 WasmEdge_String *Names, const uint32_t Len);
/* Number of exported memories of Cxt. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListMemoryLength(
    const WasmEdge_ModuleInstanceContext *Cxt);
/* Memory names, as for ListFunction (strings owned by Cxt). */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListMemory(const WasmEdge_ModuleInstanceContext *Cxt,
                                  WasmEdge_String *Names, const uint32_t Len);
/* Number of exported tags of Cxt. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListTagLength(const WasmEdge_ModuleInstanceContext *Cxt);
/* Tag names, as for ListFunction (strings owned by Cxt). */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListTag(const WasmEdge_ModuleInstanceContext *Cxt,
                               WasmEdge_String *Names, const uint32_t Len);
/* Number of exported globals of Cxt. */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListGlobalLength(
    const WasmEdge_ModuleInstanceContext *Cxt);
/* Global names, as for ListFunction (strings owned by Cxt). */
WASMEDGE_CAPI_EXPORT extern uint32_t
WasmEdge_ModuleInstanceListGlobal(const WasmEdge_ModuleInstanceContext *Cxt,
                                  WasmEdge_String *Names, const uint32_t Len);
/* Export FuncCxt as Name (borrowed, copied). Takes ownership of FuncCxt: do
 * not delete or add it again afterwards. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_ModuleInstanceAddFunction(WasmEdge_ModuleInstanceContext *Cxt,
                                   const WasmEdge_String Name,
                                   WasmEdge_FunctionInstanceContext *FuncCxt);
/* Export TableCxt as Name (copied). Takes ownership of TableCxt. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_ModuleInstanceAddTable(WasmEdge_ModuleInstanceContext *Cxt,
                                const WasmEdge_String Name,
                                WasmEdge_TableInstanceContext *TableCxt);
/* Export MemoryCxt as Name (copied). Takes ownership of MemoryCxt. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_ModuleInstanceAddMemory(WasmEdge_ModuleInstanceContext *Cxt,
                                 const WasmEdge_String Name,
                                 WasmEdge_MemoryInstanceContext *MemoryCxt);
/* Export GlobalCxt as Name (copied). Takes ownership of GlobalCxt. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_ModuleInstanceAddGlobal(WasmEdge_ModuleInstanceContext *Cxt,
                                 const WasmEdge_String Name,
                                 WasmEdge_GlobalInstanceContext *GlobalCxt);
/* Free a module instance the caller owns, with everything added to it, and
 * run its finalizer. Never delete one owned by the runtime. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_ModuleInstanceDelete(WasmEdge_ModuleInstanceContext *Cxt);

/* ------------------------------------------------------------------------ */
/* Function instances                                                        */
/* ------------------------------------------------------------------------ */

/* A new host function of type Type (borrowed, copied: delete it when you
 * like) calling HostFunc with Data (plug-in-owned, never freed by the
 * runtime). Cost is the gas cost per call (0 is fine). Caller owns the
 * result until it is added to a module. NULL on failure. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_FunctionInstanceContext *
WasmEdge_FunctionInstanceCreate(const WasmEdge_FunctionTypeContext *Type,
                                WasmEdge_HostFunc_t HostFunc, void *Data,
                                const uint64_t Cost);
/* Like WasmEdge_FunctionInstanceCreate for language bindings: WrapFunc is
 * called with Binding (plug-in-owned) as This, and Data. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_FunctionInstanceContext *
WasmEdge_FunctionInstanceCreateBinding(const WasmEdge_FunctionTypeContext *Type,
                                       WasmEdge_WrapFunc_t WrapFunc,
                                       void *Binding, void *Data,
                                       const uint64_t Cost);
/* Data given at creation (still owned by whoever gave it); NULL if none or
 * not a host function. */
WASMEDGE_CAPI_EXPORT extern const void *
WasmEdge_FunctionInstanceGetData(const WasmEdge_FunctionInstanceContext *Cxt);
/* Type of Cxt, owned by Cxt: never delete it. */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_FunctionTypeContext *
WasmEdge_FunctionInstanceGetFunctionType(
    const WasmEdge_FunctionInstanceContext *Cxt);
/* Free a function instance the caller still owns (not yet added to a
 * module). */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_FunctionInstanceDelete(WasmEdge_FunctionInstanceContext *Cxt);

/* ------------------------------------------------------------------------ */
/* Table instances                                                           */
/* ------------------------------------------------------------------------ */

/* A new table of type TabType (borrowed, copied) filled with null refs.
 * Caller owns the result until added to a module. NULL on failure (e.g. a
 * non-nullable element type: use CreateWithInit). */
WASMEDGE_CAPI_EXPORT extern WasmEdge_TableInstanceContext *
WasmEdge_TableInstanceCreate(const WasmEdge_TableTypeContext *TabType);
/* Like WasmEdge_TableInstanceCreate, every element set to Value. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_TableInstanceContext *
WasmEdge_TableInstanceCreateWithInit(const WasmEdge_TableTypeContext *TabType,
                                     const WasmEdge_Value Value);
/* Type of Cxt, owned by Cxt: never delete it. */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_TableTypeContext *
WasmEdge_TableInstanceGetTableType(const WasmEdge_TableInstanceContext *Cxt);
/* Read element Offset into *Data (caller-owned). On failure *Data is left
 * unchanged and TableOutOfBounds is returned. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result
WasmEdge_TableInstanceGetData(const WasmEdge_TableInstanceContext *Cxt,
                              WasmEdge_Value *Data, const uint64_t Offset);
/* Store Data at element Offset (the table does not own what a reference
 * points to). Fails on bad index or type mismatch. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result
WasmEdge_TableInstanceSetData(WasmEdge_TableInstanceContext *Cxt,
                              WasmEdge_Value Data, const uint64_t Offset);
/* Number of elements of Cxt. */
WASMEDGE_CAPI_EXPORT extern uint64_t
WasmEdge_TableInstanceGetSize(const WasmEdge_TableInstanceContext *Cxt);
/* Grow Cxt by Size elements; fails (nothing changed) beyond the maximum. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result
WasmEdge_TableInstanceGrow(WasmEdge_TableInstanceContext *Cxt,
                           const uint64_t Size);
/* Free a table instance the caller still owns. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_TableInstanceDelete(WasmEdge_TableInstanceContext *Cxt);

/* ------------------------------------------------------------------------ */
/* Memory instances                                                          */
/* ------------------------------------------------------------------------ */

/* A new zeroed memory of type MemType (borrowed, copied). Caller owns the
 * result until added to a module. NULL on failure. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_MemoryInstanceContext *
WasmEdge_MemoryInstanceCreate(const WasmEdge_MemoryTypeContext *MemType);
/* Type of Cxt, owned by Cxt: never delete it. */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_MemoryTypeContext *
WasmEdge_MemoryInstanceGetMemoryType(const WasmEdge_MemoryInstanceContext *Cxt);
/* Copy Length bytes at Offset of Cxt into Data (caller-owned, >= Length
 * bytes). On failure (MemoryOutOfBounds) Data is left unchanged. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result
WasmEdge_MemoryInstanceGetData(const WasmEdge_MemoryInstanceContext *Cxt,
                               uint8_t *Data, const uint64_t Offset,
                               const uint64_t Length);
/* Copy Length bytes from Data (borrowed) to Offset of Cxt. On failure
 * (MemoryOutOfBounds) memory is left unchanged. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result
WasmEdge_MemoryInstanceSetData(WasmEdge_MemoryInstanceContext *Cxt,
                               const uint8_t *Data, const uint64_t Offset,
                               const uint64_t Length);
/* Pointer to Length bytes at Offset inside Cxt, or NULL if out of bounds.
 * Owned by Cxt; invalid after the memory grows or is deleted, so do not keep
 * it past the current host call. */
WASMEDGE_CAPI_EXPORT extern uint8_t *
WasmEdge_MemoryInstanceGetPointer(WasmEdge_MemoryInstanceContext *Cxt,
                                  const uint64_t Offset, const uint64_t Length);
/* Read-only variant of WasmEdge_MemoryInstanceGetPointer; same lifetime. */
WASMEDGE_CAPI_EXPORT extern const uint8_t *
WasmEdge_MemoryInstanceGetPointerConst(const WasmEdge_MemoryInstanceContext *Cxt,
                                       const uint64_t Offset,
                                       const uint64_t Length);
/* Size of Cxt in 64 KiB pages. */
WASMEDGE_CAPI_EXPORT extern uint64_t
WasmEdge_MemoryInstanceGetPageSize(const WasmEdge_MemoryInstanceContext *Cxt);
/* Grow Cxt by Page pages (new bytes zeroed); invalidates earlier pointers.
 * Fails (nothing changed) beyond the maximum. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result
WasmEdge_MemoryInstanceGrowPage(WasmEdge_MemoryInstanceContext *Cxt,
                                const uint64_t Page);
/* Free a memory instance the caller still owns. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_MemoryInstanceDelete(WasmEdge_MemoryInstanceContext *Cxt);

/* ------------------------------------------------------------------------ */
/* Tag and global instances                                                  */
/* ------------------------------------------------------------------------ */

/* Type of a tag instance, owned by Cxt: never delete it. */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_TagTypeContext *
WasmEdge_TagInstanceGetTagType(const WasmEdge_TagInstanceContext *Cxt);
/* A new global of type GlobType (borrowed, copied) holding Value. Caller
 * owns the result until added to a module. NULL on type mismatch. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_GlobalInstanceContext *
WasmEdge_GlobalInstanceCreate(const WasmEdge_GlobalTypeContext *GlobType,
                              const WasmEdge_Value Value);
/* Type of Cxt, owned by Cxt: never delete it. */
WASMEDGE_CAPI_EXPORT extern const WasmEdge_GlobalTypeContext *
WasmEdge_GlobalInstanceGetGlobalType(const WasmEdge_GlobalInstanceContext *Cxt);
/* Current value of Cxt (by value). */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value
WasmEdge_GlobalInstanceGetValue(const WasmEdge_GlobalInstanceContext *Cxt);
/* Set the value of Cxt. Fails (nothing changed) if Cxt is const or Value
 * has the wrong type. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result
WasmEdge_GlobalInstanceSetValue(WasmEdge_GlobalInstanceContext *Cxt,
                                const WasmEdge_Value Value);
/* Free a global instance the caller still owns. */
WASMEDGE_CAPI_EXPORT extern void
WasmEdge_GlobalInstanceDelete(WasmEdge_GlobalInstanceContext *Cxt);

/* ------------------------------------------------------------------------ */
/* Plug-in entry point                                                       */
/* ------------------------------------------------------------------------ */

/* Defined by every plug-in (not by the runtime). Returns a pointer to the
 * plug-in's static descriptor, which the plug-in owns and keeps valid while
 * loaded; the runtime never frees it. Returning NULL makes the runtime skip
 * the library. */
WASMEDGE_CAPI_PLUGIN_EXPORT extern const WasmEdge_PluginDescriptor *
WasmEdge_Plugin_GetDescriptor(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMEDGE_PLUGIN_KIT_WASMEDGE_H */
