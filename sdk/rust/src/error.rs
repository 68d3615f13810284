//! Failure results of host functions.

use crate::sys;
use core::fmt;

/// Why a host function did not succeed. It becomes the function's `WasmEdge_Result`
/// (`(category << 24) | (code & 0xFF_FFFF)`), which the caller of the wasm function gets back
/// unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HostError {
    category: u32,
    code: u32,
}

impl HostError {
    /// "out of bounds memory access" (WASM category, 0x408).
    pub const MEMORY_OUT_OF_BOUNDS: HostError = HostError::wasm(sys::WasmEdge_ErrCode_MemoryOutOfBounds);
    /// "host function failed" (WASM category, 0x40E); also what a panic becomes.
    pub const HOST_FUNC_ERROR: HostError = HostError::wasm(sys::WasmEdge_ErrCode_HostFuncError);
    /// Stops the wasm program without an error ("terminated", WASM category, code 1).
    pub const TERMINATE: HostError = HostError::wasm(sys::WasmEdge_ErrCode_Terminated);

    /// A plug-in-defined error code (UserLevelError category); only the low 24 bits are kept.
    pub const fn user(code: u32) -> HostError {
        HostError { category: sys::WasmEdge_ErrCategory_UserLevelError, code: code & 0x00FF_FFFF }
    }

    /// A WasmEdge error code (WASM category), e.g. `sys::WasmEdge_ErrCode_RuntimeError`.
    pub const fn wasm(code: u32) -> HostError {
        HostError { category: sys::WasmEdge_ErrCategory_WASM, code: code & 0x00FF_FFFF }
    }

    pub const fn category(self) -> u32 {
        self.category
    }

    pub const fn code(self) -> u32 {
        self.code
    }

    /// The C result, computed like `WasmEdge_ResultGen`.
    pub const fn to_raw(self) -> sys::WasmEdge_Result {
        sys::WasmEdge_Result { Code: (self.category << 24) | self.code }
    }

    /// Splits a C result; `None` for success (category 0, code 0).
    pub const fn from_raw(raw: sys::WasmEdge_Result) -> Option<HostError> {
        if raw.Code == 0 {
            None
        } else {
            Some(HostError { category: raw.Code >> 24, code: raw.Code & 0x00FF_FFFF })
        }
    }
}

/// The C result of a host function's outcome.
pub(crate) const fn result_to_raw(result: Result<(), HostError>) -> sys::WasmEdge_Result {
    match result {
        Ok(()) => sys::WasmEdge_Result { Code: 0 },
        Err(e) => e.to_raw(),
    }
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known = match (self.category, self.code) {
            (sys::WasmEdge_ErrCategory_WASM, sys::WasmEdge_ErrCode_Terminated) => "terminated",
            (sys::WasmEdge_ErrCategory_WASM, sys::WasmEdge_ErrCode_MemoryOutOfBounds) => "out of bounds memory access",
            (sys::WasmEdge_ErrCategory_WASM, sys::WasmEdge_ErrCode_HostFuncError) => "host function failed",
            (sys::WasmEdge_ErrCategory_WASM, _) => "WasmEdge error",
            _ => "user defined error code",
        };
        write!(f, "{known} (category {}, code {:#x})", self.category, self.code)
    }
}

impl std::error::Error for HostError {}
