//! Raw C ABI of WasmEdge plug-ins (plug-in API version 5, WasmEdge 0.17.x), x86-64/aarch64 Linux.
//!
//! Names follow the C header `sdk/include/wasmedge/wasmedge.h` one to one, so the two can be
//! compared mechanically. Every layout is pinned by the compile-time assertions at the end of this
//! file; a mismatch fails the build instead of corrupting memory at run time.
//!
//! Prefer the safe API of the crate root; use this module only for what it does not cover.
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals)]

use core::ffi::{c_char, c_void};
use core::marker::{PhantomData, PhantomPinned};
use core::mem::{align_of, offset_of, size_of};

/// The plug-in API version this crate targets (WasmEdge 0.17.x). The loader rejects any other.
pub const WasmEdge_Plugin_CurrentAPIVersion: u32 = 5;

// ---- plain data -------------------------------------------------------------------------------

/// A byte string that is not NUL-terminated. Who owns `Buf` depends on the function that made it.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WasmEdge_String {
    pub Length: u32,
    pub Buf: *const c_char,
}

/// A byte buffer. Who owns `Buf` depends on the function that made it.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WasmEdge_Bytes {
    pub Length: u32,
    pub Buf: *const u8,
}

/// `Code = (category << 24) | (code & 0x00FF_FFFF)`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WasmEdge_Result {
    pub Code: u32,
}

/// Encoded value type: `[0]` 0, `[1]` externalize flag, `[2]` type code, `[3]` heap type
/// (0x40 for number/vector types), `[4..8]` type index (little-endian u32).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WasmEdge_ValType {
    pub Data: [u8; 8],
}

/// A value: the payload sits little-endian in the low bytes of `Value`, the rest is zero.
/// `u128` makes the struct 32 bytes with 16-byte alignment, like C's `unsigned __int128`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WasmEdge_Value {
    pub Value: u128,
    pub Type: WasmEdge_ValType,
}

/// C enums are 4 bytes; they are declared as `u32` aliases with constants so that an unknown value
/// coming from the host can never be undefined behaviour in Rust.
pub type WasmEdge_ErrCategory = u32;
pub const WasmEdge_ErrCategory_WASM: WasmEdge_ErrCategory = 0;
pub const WasmEdge_ErrCategory_UserLevelError: WasmEdge_ErrCategory = 1;

pub type WasmEdge_ErrCode = u32;
pub const WasmEdge_ErrCode_Success: WasmEdge_ErrCode = 0x00;
pub const WasmEdge_ErrCode_Terminated: WasmEdge_ErrCode = 0x01;
pub const WasmEdge_ErrCode_RuntimeError: WasmEdge_ErrCode = 0x02;
pub const WasmEdge_ErrCode_UserDefError: WasmEdge_ErrCode = 0x0C;
pub const WasmEdge_ErrCode_ModuleNameConflict: WasmEdge_ErrCode = 0x300;
pub const WasmEdge_ErrCode_IncompatibleImportType: WasmEdge_ErrCode = 0x301;
pub const WasmEdge_ErrCode_UnknownImport: WasmEdge_ErrCode = 0x302;
pub const WasmEdge_ErrCode_FuncSigMismatch: WasmEdge_ErrCode = 0x403;
pub const WasmEdge_ErrCode_MemoryOutOfBounds: WasmEdge_ErrCode = 0x408;
pub const WasmEdge_ErrCode_HostFuncError: WasmEdge_ErrCode = 0x40E;

pub type WasmEdge_Mutability = u32;
pub const WasmEdge_Mutability_Const: WasmEdge_Mutability = 0;
pub const WasmEdge_Mutability_Var: WasmEdge_Mutability = 1;

pub type WasmEdge_ProgramOptionType = u32;
pub const WasmEdge_ProgramOptionType_None: WasmEdge_ProgramOptionType = 0;
pub const WasmEdge_ProgramOptionType_Toggle: WasmEdge_ProgramOptionType = 1;
pub const WasmEdge_ProgramOptionType_Int8: WasmEdge_ProgramOptionType = 2;
pub const WasmEdge_ProgramOptionType_Int16: WasmEdge_ProgramOptionType = 3;
pub const WasmEdge_ProgramOptionType_Int32: WasmEdge_ProgramOptionType = 4;
pub const WasmEdge_ProgramOptionType_Int64: WasmEdge_ProgramOptionType = 5;
pub const WasmEdge_ProgramOptionType_UInt8: WasmEdge_ProgramOptionType = 6;
pub const WasmEdge_ProgramOptionType_UInt16: WasmEdge_ProgramOptionType = 7;
pub const WasmEdge_ProgramOptionType_UInt32: WasmEdge_ProgramOptionType = 8;
pub const WasmEdge_ProgramOptionType_UInt64: WasmEdge_ProgramOptionType = 9;
pub const WasmEdge_ProgramOptionType_Float: WasmEdge_ProgramOptionType = 10;
pub const WasmEdge_ProgramOptionType_Double: WasmEdge_ProgramOptionType = 11;
pub const WasmEdge_ProgramOptionType_String: WasmEdge_ProgramOptionType = 12;

/// Log levels (`enum WasmEdge_LogLevel`), most verbose first.
pub type WasmEdge_LogLevel = u32;
pub const WasmEdge_LogLevel_Trace: WasmEdge_LogLevel = 0;
pub const WasmEdge_LogLevel_Debug: WasmEdge_LogLevel = 1;
pub const WasmEdge_LogLevel_Info: WasmEdge_LogLevel = 2;
pub const WasmEdge_LogLevel_Warn: WasmEdge_LogLevel = 3;
pub const WasmEdge_LogLevel_Error: WasmEdge_LogLevel = 4;
pub const WasmEdge_LogLevel_Critical: WasmEdge_LogLevel = 5;

/// One log record passed to a `WasmEdge_LogCallback_t`; borrowed for the callback's duration.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WasmEdge_LogMessage {
    pub Message: WasmEdge_String,
    pub LoggerName: WasmEdge_String,
    pub Level: WasmEdge_LogLevel,
    /// C `time_t` (64-bit on the supported targets).
    pub Time: i64,
    pub ThreadId: u64,
}

pub type WasmEdge_LogCallback_t = Option<unsafe extern "C" fn(message: *const WasmEdge_LogMessage)>;

// ---- plug-in descriptor -----------------------------------------------------------------------

/// A command-line option of the plug-in. The host keeps every pointer for as long as the plug-in
/// is loaded and writes a value of the declared type into `Storage`; `DefaultValue` (same type,
/// never NULL) is what it stores when the flag is given without a value.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WasmEdge_ProgramOption {
    pub Name: *const c_char,
    pub Description: *const c_char,
    pub Type: WasmEdge_ProgramOptionType,
    pub Storage: *mut c_void,
    pub DefaultValue: *const c_void,
}

/// Creates one module instance; the host passes back the descriptor it was found in and owns the
/// result (it deletes it with `WasmEdge_ModuleInstanceDelete`).
pub type WasmEdge_ModuleCreate_t =
    Option<unsafe extern "C" fn(desc: *const WasmEdge_ModuleDescriptor) -> *mut WasmEdge_ModuleInstanceContext>;

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WasmEdge_ModuleDescriptor {
    pub Name: *const c_char,
    pub Description: *const c_char,
    pub Create: WasmEdge_ModuleCreate_t,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WasmEdge_PluginVersionData {
    pub Major: u32,
    pub Minor: u32,
    pub Patch: u32,
    pub Build: u32,
}

/// What `WasmEdge_Plugin_GetDescriptor` returns. Every pointer in it must stay valid while the
/// plug-in is loaded: in Rust, point only at `static`s.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WasmEdge_PluginDescriptor {
    pub Name: *const c_char,
    pub Description: *const c_char,
    pub APIVersion: u32,
    pub Version: WasmEdge_PluginVersionData,
    pub ModuleCount: u32,
    pub ProgramOptionCount: u32,
    pub ModuleDescriptions: *mut WasmEdge_ModuleDescriptor,
    pub ProgramOptions: *mut WasmEdge_ProgramOption,
}

// ---- opaque contexts --------------------------------------------------------------------------

macro_rules! opaque {
    ($($name:ident),* $(,)?) => {$(
        /// Opaque host object; only ever used behind a pointer.
        #[repr(C)]
        pub struct $name {
            _private: [u8; 0],
            _marker: PhantomData<(*mut u8, PhantomPinned)>,
        }
    )*};
}

opaque!(
    WasmEdge_LimitContext,
    WasmEdge_FunctionTypeContext,
    WasmEdge_TableTypeContext,
    WasmEdge_MemoryTypeContext,
    WasmEdge_TagTypeContext,
    WasmEdge_GlobalTypeContext,
    WasmEdge_ExecutorContext,
    WasmEdge_CallingFrameContext,
    WasmEdge_ModuleInstanceContext,
    WasmEdge_FunctionInstanceContext,
    WasmEdge_TableInstanceContext,
    WasmEdge_MemoryInstanceContext,
    WasmEdge_TagInstanceContext,
    WasmEdge_GlobalInstanceContext,
);

/// A host function. `Params` holds as many values as the function type declares parameters,
/// `Returns` room for as many as it declares results. All pointers are borrowed for the call.
pub type WasmEdge_HostFunc_t = Option<
    unsafe extern "C" fn(
        Data: *mut c_void,
        CallFrameCxt: *const WasmEdge_CallingFrameContext,
        Params: *const WasmEdge_Value,
        Returns: *mut WasmEdge_Value,
    ) -> WasmEdge_Result,
>;

/// A host function with an extra `This` pointer and explicit lengths.
pub type WasmEdge_WrapFunc_t = Option<
    unsafe extern "C" fn(
        This: *mut c_void,
        Data: *mut c_void,
        CallFrameCxt: *const WasmEdge_CallingFrameContext,
        Params: *const WasmEdge_Value,
        ParamLen: u32,
        Returns: *mut WasmEdge_Value,
        ReturnLen: u32,
    ) -> WasmEdge_Result,
>;

/// Finalizer of a module instance's host data; called once when the module is deleted.
pub type WasmEdge_Finalizer_t = Option<unsafe extern "C" fn(Data: *mut c_void)>;

// ---- functions (provided by libwasmedge.so.0 at run time) -------------------------------------
// Ownership follows the C header: `*Create*` results are owned by the caller until handed to a
// module (`WasmEdge_ModuleInstanceAdd*`), `*Get*` results are borrowed from their owner.

unsafe extern "C" {
    // basic
    pub fn WasmEdge_VersionGet() -> *const c_char;
    pub fn WasmEdge_VersionGetMajor() -> u32;
    pub fn WasmEdge_VersionGetMinor() -> u32;
    pub fn WasmEdge_VersionGetPatch() -> u32;
    pub fn WasmEdge_LogSetErrorLevel();
    pub fn WasmEdge_LogSetDebugLevel();
    pub fn WasmEdge_LogOff();
    pub fn WasmEdge_LogSetLevel(Level: WasmEdge_LogLevel);
    pub fn WasmEdge_LogSetCallback(Callback: WasmEdge_LogCallback_t);
    pub fn WasmEdge_StringCreateByCString(Str: *const c_char) -> WasmEdge_String;
    pub fn WasmEdge_StringCreateByBuffer(Buf: *const c_char, Len: u32) -> WasmEdge_String;
    pub fn WasmEdge_StringWrap(Buf: *const c_char, Len: u32) -> WasmEdge_String;
    pub fn WasmEdge_StringIsEqual(Str1: WasmEdge_String, Str2: WasmEdge_String) -> bool;
    pub fn WasmEdge_StringCopy(Str: WasmEdge_String, Buf: *mut c_char, Len: u32) -> u32;
    pub fn WasmEdge_StringDelete(Str: WasmEdge_String);
    pub fn WasmEdge_BytesCreate(Buf: *const u8, Len: u32) -> WasmEdge_Bytes;
    pub fn WasmEdge_BytesWrap(Buf: *const u8, Len: u32) -> WasmEdge_Bytes;
    pub fn WasmEdge_BytesDelete(Bytes: WasmEdge_Bytes);
    pub fn WasmEdge_ResultOK(Res: WasmEdge_Result) -> bool;
    pub fn WasmEdge_ResultGen(Category: WasmEdge_ErrCategory, Code: u32) -> WasmEdge_Result;
    pub fn WasmEdge_ResultGetCode(Res: WasmEdge_Result) -> u32;
    pub fn WasmEdge_ResultGetCategory(Res: WasmEdge_Result) -> WasmEdge_ErrCategory;
    pub fn WasmEdge_ResultGetMessage(Res: WasmEdge_Result) -> *const c_char;

    // value types and values
    pub fn WasmEdge_ValTypeGenI32() -> WasmEdge_ValType;
    pub fn WasmEdge_ValTypeGenI64() -> WasmEdge_ValType;
    pub fn WasmEdge_ValTypeGenF32() -> WasmEdge_ValType;
    pub fn WasmEdge_ValTypeGenF64() -> WasmEdge_ValType;
    pub fn WasmEdge_ValTypeGenV128() -> WasmEdge_ValType;
    pub fn WasmEdge_ValTypeGenFuncRef() -> WasmEdge_ValType;
    pub fn WasmEdge_ValTypeGenExternRef() -> WasmEdge_ValType;
    pub fn WasmEdge_ValTypeIsEqual(A: WasmEdge_ValType, B: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValTypeIsI32(T: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValTypeIsI64(T: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValTypeIsF32(T: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValTypeIsF64(T: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValTypeIsV128(T: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValTypeIsFuncRef(T: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValTypeIsExternRef(T: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValTypeIsRef(T: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValTypeIsRefNull(T: WasmEdge_ValType) -> bool;
    pub fn WasmEdge_ValueGenI32(Val: i32) -> WasmEdge_Value;
    pub fn WasmEdge_ValueGenI64(Val: i64) -> WasmEdge_Value;
    pub fn WasmEdge_ValueGenF32(Val: f32) -> WasmEdge_Value;
    pub fn WasmEdge_ValueGenF64(Val: f64) -> WasmEdge_Value;
    pub fn WasmEdge_ValueGenV128(Val: i128) -> WasmEdge_Value;
    pub fn WasmEdge_ValueGenFuncRef(Cxt: *const WasmEdge_FunctionInstanceContext) -> WasmEdge_Value;
    pub fn WasmEdge_ValueGenExternRef(Ref: *mut c_void) -> WasmEdge_Value;
    pub fn WasmEdge_ValueGetI32(Val: WasmEdge_Value) -> i32;
    pub fn WasmEdge_ValueGetI64(Val: WasmEdge_Value) -> i64;
    pub fn WasmEdge_ValueGetF32(Val: WasmEdge_Value) -> f32;
    pub fn WasmEdge_ValueGetF64(Val: WasmEdge_Value) -> f64;
    pub fn WasmEdge_ValueGetV128(Val: WasmEdge_Value) -> i128;
    pub fn WasmEdge_ValueIsNullRef(Val: WasmEdge_Value) -> bool;
    pub fn WasmEdge_ValueGetFuncRef(Val: WasmEdge_Value) -> *const WasmEdge_FunctionInstanceContext;
    pub fn WasmEdge_ValueGetExternRef(Val: WasmEdge_Value) -> *mut c_void;

    // limits and types (0.17 forms: the Limit is an opaque context with 64-bit bounds)
    pub fn WasmEdge_LimitCreate(Min: u64, Is64Bit: bool) -> *mut WasmEdge_LimitContext;
    pub fn WasmEdge_LimitCreateWithMax(Min: u64, Max: u64, Shared: bool, Is64Bit: bool) -> *mut WasmEdge_LimitContext;
    pub fn WasmEdge_LimitGetMin(Cxt: *const WasmEdge_LimitContext) -> u64;
    pub fn WasmEdge_LimitGetMax(Cxt: *const WasmEdge_LimitContext) -> u64;
    pub fn WasmEdge_LimitHasMax(Cxt: *const WasmEdge_LimitContext) -> bool;
    pub fn WasmEdge_LimitIsShared(Cxt: *const WasmEdge_LimitContext) -> bool;
    pub fn WasmEdge_LimitIs64Bit(Cxt: *const WasmEdge_LimitContext) -> bool;
    pub fn WasmEdge_LimitIsEqual(A: *const WasmEdge_LimitContext, B: *const WasmEdge_LimitContext) -> bool;
    pub fn WasmEdge_LimitDelete(Cxt: *mut WasmEdge_LimitContext);
    pub fn WasmEdge_FunctionTypeCreate(
        ParamList: *const WasmEdge_ValType,
        ParamLen: u32,
        ReturnList: *const WasmEdge_ValType,
        ReturnLen: u32,
    ) -> *mut WasmEdge_FunctionTypeContext;
    pub fn WasmEdge_FunctionTypeGetParametersLength(Cxt: *const WasmEdge_FunctionTypeContext) -> u32;
    pub fn WasmEdge_FunctionTypeGetParameters(Cxt: *const WasmEdge_FunctionTypeContext, List: *mut WasmEdge_ValType, Len: u32) -> u32;
    pub fn WasmEdge_FunctionTypeGetReturnsLength(Cxt: *const WasmEdge_FunctionTypeContext) -> u32;
    pub fn WasmEdge_FunctionTypeGetReturns(Cxt: *const WasmEdge_FunctionTypeContext, List: *mut WasmEdge_ValType, Len: u32) -> u32;
    pub fn WasmEdge_FunctionTypeDelete(Cxt: *mut WasmEdge_FunctionTypeContext);
    pub fn WasmEdge_TableTypeCreate(RefType: WasmEdge_ValType, Limit: *const WasmEdge_LimitContext) -> *mut WasmEdge_TableTypeContext;
    pub fn WasmEdge_TableTypeGetRefType(Cxt: *const WasmEdge_TableTypeContext) -> WasmEdge_ValType;
    pub fn WasmEdge_TableTypeGetLimit(Cxt: *const WasmEdge_TableTypeContext) -> *const WasmEdge_LimitContext;
    pub fn WasmEdge_TableTypeDelete(Cxt: *mut WasmEdge_TableTypeContext);
    pub fn WasmEdge_MemoryTypeCreate(Limit: *const WasmEdge_LimitContext) -> *mut WasmEdge_MemoryTypeContext;
    pub fn WasmEdge_MemoryTypeGetLimit(Cxt: *const WasmEdge_MemoryTypeContext) -> *const WasmEdge_LimitContext;
    pub fn WasmEdge_MemoryTypeDelete(Cxt: *mut WasmEdge_MemoryTypeContext);
    pub fn WasmEdge_TagTypeGetFunctionType(Cxt: *const WasmEdge_TagTypeContext) -> *const WasmEdge_FunctionTypeContext;
    pub fn WasmEdge_GlobalTypeCreate(ValType: WasmEdge_ValType, Mut: WasmEdge_Mutability) -> *mut WasmEdge_GlobalTypeContext;
    pub fn WasmEdge_GlobalTypeGetValType(Cxt: *const WasmEdge_GlobalTypeContext) -> WasmEdge_ValType;
    pub fn WasmEdge_GlobalTypeGetMutability(Cxt: *const WasmEdge_GlobalTypeContext) -> WasmEdge_Mutability;
    pub fn WasmEdge_GlobalTypeDelete(Cxt: *mut WasmEdge_GlobalTypeContext);

    // execution
    pub fn WasmEdge_ExecutorInvoke(
        Cxt: *mut WasmEdge_ExecutorContext,
        FuncCxt: *const WasmEdge_FunctionInstanceContext,
        Params: *const WasmEdge_Value,
        ParamLen: u32,
        Returns: *mut WasmEdge_Value,
        ReturnLen: u32,
    ) -> WasmEdge_Result;
    pub fn WasmEdge_CallingFrameGetExecutor(Cxt: *const WasmEdge_CallingFrameContext) -> *mut WasmEdge_ExecutorContext;
    pub fn WasmEdge_CallingFrameGetModuleInstance(Cxt: *const WasmEdge_CallingFrameContext) -> *const WasmEdge_ModuleInstanceContext;
    pub fn WasmEdge_CallingFrameGetMemoryInstance(Cxt: *const WasmEdge_CallingFrameContext, Idx: u32) -> *mut WasmEdge_MemoryInstanceContext;

    // module instances
    pub fn WasmEdge_ModuleInstanceCreate(ModuleName: WasmEdge_String) -> *mut WasmEdge_ModuleInstanceContext;
    pub fn WasmEdge_ModuleInstanceCreateWithData(
        ModuleName: WasmEdge_String,
        HostData: *mut c_void,
        Finalizer: WasmEdge_Finalizer_t,
    ) -> *mut WasmEdge_ModuleInstanceContext;
    pub fn WasmEdge_ModuleInstanceGetModuleName(Cxt: *const WasmEdge_ModuleInstanceContext) -> WasmEdge_String;
    pub fn WasmEdge_ModuleInstanceGetHostData(Cxt: *const WasmEdge_ModuleInstanceContext) -> *mut c_void;
    pub fn WasmEdge_ModuleInstanceFindFunction(Cxt: *const WasmEdge_ModuleInstanceContext, Name: WasmEdge_String) -> *mut WasmEdge_FunctionInstanceContext;
    pub fn WasmEdge_ModuleInstanceFindTable(Cxt: *const WasmEdge_ModuleInstanceContext, Name: WasmEdge_String) -> *mut WasmEdge_TableInstanceContext;
    pub fn WasmEdge_ModuleInstanceFindMemory(Cxt: *const WasmEdge_ModuleInstanceContext, Name: WasmEdge_String) -> *mut WasmEdge_MemoryInstanceContext;
    pub fn WasmEdge_ModuleInstanceFindTag(Cxt: *const WasmEdge_ModuleInstanceContext, Name: WasmEdge_String) -> *mut WasmEdge_TagInstanceContext;
    pub fn WasmEdge_ModuleInstanceFindGlobal(Cxt: *const WasmEdge_ModuleInstanceContext, Name: WasmEdge_String) -> *mut WasmEdge_GlobalInstanceContext;
    pub fn WasmEdge_ModuleInstanceListFunctionLength(Cxt: *const WasmEdge_ModuleInstanceContext) -> u32;
    pub fn WasmEdge_ModuleInstanceListFunction(Cxt: *const WasmEdge_ModuleInstanceContext, Names: *mut WasmEdge_String, Len: u32) -> u32;
    pub fn WasmEdge_ModuleInstanceListTableLength(Cxt: *const WasmEdge_ModuleInstanceContext) -> u32;
    pub fn WasmEdge_ModuleInstanceListTable(Cxt: *const WasmEdge_ModuleInstanceContext, Names: *mut WasmEdge_String, Len: u32) -> u32;
    pub fn WasmEdge_ModuleInstanceListMemoryLength(Cxt: *const WasmEdge_ModuleInstanceContext) -> u32;
    pub fn WasmEdge_ModuleInstanceListMemory(Cxt: *const WasmEdge_ModuleInstanceContext, Names: *mut WasmEdge_String, Len: u32) -> u32;
    pub fn WasmEdge_ModuleInstanceListTagLength(Cxt: *const WasmEdge_ModuleInstanceContext) -> u32;
    pub fn WasmEdge_ModuleInstanceListTag(Cxt: *const WasmEdge_ModuleInstanceContext, Names: *mut WasmEdge_String, Len: u32) -> u32;
    pub fn WasmEdge_ModuleInstanceListGlobalLength(Cxt: *const WasmEdge_ModuleInstanceContext) -> u32;
    pub fn WasmEdge_ModuleInstanceListGlobal(Cxt: *const WasmEdge_ModuleInstanceContext, Names: *mut WasmEdge_String, Len: u32) -> u32;
    pub fn WasmEdge_ModuleInstanceAddFunction(Cxt: *mut WasmEdge_ModuleInstanceContext, Name: WasmEdge_String, FuncCxt: *mut WasmEdge_FunctionInstanceContext);
    pub fn WasmEdge_ModuleInstanceAddTable(Cxt: *mut WasmEdge_ModuleInstanceContext, Name: WasmEdge_String, TableCxt: *mut WasmEdge_TableInstanceContext);
    pub fn WasmEdge_ModuleInstanceAddMemory(Cxt: *mut WasmEdge_ModuleInstanceContext, Name: WasmEdge_String, MemoryCxt: *mut WasmEdge_MemoryInstanceContext);
    pub fn WasmEdge_ModuleInstanceAddGlobal(Cxt: *mut WasmEdge_ModuleInstanceContext, Name: WasmEdge_String, GlobalCxt: *mut WasmEdge_GlobalInstanceContext);
    pub fn WasmEdge_ModuleInstanceDelete(Cxt: *mut WasmEdge_ModuleInstanceContext);

    // function instances
    pub fn WasmEdge_FunctionInstanceCreate(
        Type: *const WasmEdge_FunctionTypeContext,
        HostFunc: WasmEdge_HostFunc_t,
        Data: *mut c_void,
        Cost: u64,
    ) -> *mut WasmEdge_FunctionInstanceContext;
    pub fn WasmEdge_FunctionInstanceCreateBinding(
        Type: *const WasmEdge_FunctionTypeContext,
        WrapFunc: WasmEdge_WrapFunc_t,
        Binding: *mut c_void,
        Data: *mut c_void,
        Cost: u64,
    ) -> *mut WasmEdge_FunctionInstanceContext;
    pub fn WasmEdge_FunctionInstanceGetData(Cxt: *const WasmEdge_FunctionInstanceContext) -> *const c_void;
    pub fn WasmEdge_FunctionInstanceGetFunctionType(Cxt: *const WasmEdge_FunctionInstanceContext) -> *const WasmEdge_FunctionTypeContext;
    pub fn WasmEdge_FunctionInstanceDelete(Cxt: *mut WasmEdge_FunctionInstanceContext);

    // tables
    pub fn WasmEdge_TableInstanceCreate(TabType: *const WasmEdge_TableTypeContext) -> *mut WasmEdge_TableInstanceContext;
    pub fn WasmEdge_TableInstanceCreateWithInit(TabType: *const WasmEdge_TableTypeContext, Value: WasmEdge_Value) -> *mut WasmEdge_TableInstanceContext;
    pub fn WasmEdge_TableInstanceGetTableType(Cxt: *const WasmEdge_TableInstanceContext) -> *const WasmEdge_TableTypeContext;
    pub fn WasmEdge_TableInstanceGetData(Cxt: *const WasmEdge_TableInstanceContext, Data: *mut WasmEdge_Value, Offset: u64) -> WasmEdge_Result;
    pub fn WasmEdge_TableInstanceSetData(Cxt: *mut WasmEdge_TableInstanceContext, Data: WasmEdge_Value, Offset: u64) -> WasmEdge_Result;
    pub fn WasmEdge_TableInstanceGetSize(Cxt: *const WasmEdge_TableInstanceContext) -> u64;
    pub fn WasmEdge_TableInstanceGrow(Cxt: *mut WasmEdge_TableInstanceContext, Size: u64) -> WasmEdge_Result;
    pub fn WasmEdge_TableInstanceDelete(Cxt: *mut WasmEdge_TableInstanceContext);

    // memories
    pub fn WasmEdge_MemoryInstanceCreate(MemType: *const WasmEdge_MemoryTypeContext) -> *mut WasmEdge_MemoryInstanceContext;
    pub fn WasmEdge_MemoryInstanceGetMemoryType(Cxt: *const WasmEdge_MemoryInstanceContext) -> *const WasmEdge_MemoryTypeContext;
    pub fn WasmEdge_MemoryInstanceGetData(Cxt: *const WasmEdge_MemoryInstanceContext, Data: *mut u8, Offset: u64, Length: u64) -> WasmEdge_Result;
    pub fn WasmEdge_MemoryInstanceSetData(Cxt: *mut WasmEdge_MemoryInstanceContext, Data: *const u8, Offset: u64, Length: u64) -> WasmEdge_Result;
    /// NULL when `[Offset, Offset + Length)` is not inside the memory.
    pub fn WasmEdge_MemoryInstanceGetPointer(Cxt: *mut WasmEdge_MemoryInstanceContext, Offset: u64, Length: u64) -> *mut u8;
    pub fn WasmEdge_MemoryInstanceGetPointerConst(Cxt: *const WasmEdge_MemoryInstanceContext, Offset: u64, Length: u64) -> *const u8;
    pub fn WasmEdge_MemoryInstanceGetPageSize(Cxt: *const WasmEdge_MemoryInstanceContext) -> u64;
    pub fn WasmEdge_MemoryInstanceGrowPage(Cxt: *mut WasmEdge_MemoryInstanceContext, Page: u64) -> WasmEdge_Result;
    pub fn WasmEdge_MemoryInstanceDelete(Cxt: *mut WasmEdge_MemoryInstanceContext);

    // tags and globals
    pub fn WasmEdge_TagInstanceGetTagType(Cxt: *const WasmEdge_TagInstanceContext) -> *const WasmEdge_TagTypeContext;
    pub fn WasmEdge_GlobalInstanceCreate(GlobType: *const WasmEdge_GlobalTypeContext, Value: WasmEdge_Value) -> *mut WasmEdge_GlobalInstanceContext;
    pub fn WasmEdge_GlobalInstanceGetGlobalType(Cxt: *const WasmEdge_GlobalInstanceContext) -> *const WasmEdge_GlobalTypeContext;
    pub fn WasmEdge_GlobalInstanceGetValue(Cxt: *const WasmEdge_GlobalInstanceContext) -> WasmEdge_Value;
    pub fn WasmEdge_GlobalInstanceSetValue(Cxt: *mut WasmEdge_GlobalInstanceContext, Value: WasmEdge_Value) -> WasmEdge_Result;
    pub fn WasmEdge_GlobalInstanceDelete(Cxt: *mut WasmEdge_GlobalInstanceContext);
}

// ---- layout assertions (numbers from a probe compiled against WasmEdge 0.17.1, x86-64) -------

macro_rules! assert_layout {
    ($t:ty, size $size:expr, align $align:expr $(, $field:ident @ $off:expr)* $(,)?) => {
        const _: () = {
            assert!(size_of::<$t>() == $size, concat!("size of ", stringify!($t)));
            assert!(align_of::<$t>() == $align, concat!("alignment of ", stringify!($t)));
            $(assert!(offset_of!($t, $field) == $off, concat!("offset of ", stringify!($t), ".", stringify!($field)));)*
        };
    };
}

assert_layout!(WasmEdge_String, size 16, align 8, Length @ 0, Buf @ 8);
assert_layout!(WasmEdge_Bytes, size 16, align 8, Length @ 0, Buf @ 8);
assert_layout!(WasmEdge_Result, size 4, align 4, Code @ 0);
assert_layout!(WasmEdge_ValType, size 8, align 1, Data @ 0);
assert_layout!(WasmEdge_Value, size 32, align 16, Value @ 0, Type @ 16);
assert_layout!(WasmEdge_ProgramOptionType, size 4, align 4);
assert_layout!(WasmEdge_ErrCategory, size 4, align 4);
assert_layout!(WasmEdge_ErrCode, size 4, align 4);
assert_layout!(WasmEdge_ProgramOption, size 40, align 8,
    Name @ 0, Description @ 8, Type @ 16, Storage @ 24, DefaultValue @ 32);
assert_layout!(WasmEdge_ModuleDescriptor, size 24, align 8, Name @ 0, Description @ 8, Create @ 16);
assert_layout!(WasmEdge_PluginVersionData, size 16, align 4, Major @ 0, Minor @ 4, Patch @ 8, Build @ 12);
assert_layout!(WasmEdge_PluginDescriptor, size 64, align 8,
    Name @ 0, Description @ 8, APIVersion @ 16, Version @ 20, ModuleCount @ 36,
    ProgramOptionCount @ 40, ModuleDescriptions @ 48, ProgramOptions @ 56);
assert_layout!(WasmEdge_LogMessage, size 56, align 8,
    Message @ 0, LoggerName @ 16, Level @ 32, Time @ 40, ThreadId @ 48);
// Function pointers wrapped in Option are exactly one pointer (NULL = None).
assert_layout!(WasmEdge_HostFunc_t, size 8, align 8);
assert_layout!(WasmEdge_ModuleCreate_t, size 8, align 8);
