//! Write native WasmEdge plug-ins in safe Rust (plug-in API version 5, WasmEdge 0.17.x).
//!
//! - [`Module`]: a module of host functions built from closures; the wasm signature comes from
//!   the Rust one (`i32 i64 f32 f64`, and `u32 u64` as `i32 i64`).
//! - [`CallingFrame`] / [`Memory`]: bounds-checked access to the caller's memory.
//! - [`HostError`]: failure results; panics are caught and become `HostError::HOST_FUNC_ERROR`.
//! - [`StringOption`], [`ToggleOption`], [`NumberOption`]: program options the host fills in.
//! - [`wasmedge_plugin!`]: the static descriptor and `WasmEdge_Plugin_GetDescriptor`.
//! - [`sys`]: the raw C ABI, for anything the safe API does not cover.
//!
//! The build script links the plug-in against a stub `libwasmedge.so` built from `../link`, so the
//! library carries `WasmEdge_*@WASMEDGE_0.16`/`@WASMEDGE_0.17` references and `NEEDED
//! libwasmedge.so.0`, exactly as if it had been linked against real WasmEdge 0.17.

pub mod sys;

mod error;
mod frame;
mod function;
mod memory;
mod module;
mod options;
#[doc(hidden)]
pub mod plugin;
mod value;

pub use error::HostError;
pub use frame::CallingFrame;
pub use function::{HostFunction, HostResult, ValuesOnly, WithFrame};
pub use memory::{Memory, PAGE_SIZE};
pub use module::Module;
pub use options::{NumberOption, OptionNumber, StringOption, ToggleOption};
pub use value::{Val, ValType, WasmParams, WasmResults, WasmType};

/// Everything a plug-in usually needs: `use wasmedge_plugin_sdk::prelude::*;`.
pub mod prelude {
    pub use crate::wasmedge_plugin;
    pub use crate::{CallingFrame, HostError, Memory, Module, NumberOption, StringOption, ToggleOption, Val, ValType};
}
