//! What a host function sees of its caller.

use crate::error::HostError;
use crate::memory::Memory;
use crate::sys;
use core::cell::Cell;

/// The calling frame of one host call, plus the host data `D` of the plug-in module.
pub struct CallingFrame<D = ()> {
    raw: *const sys::WasmEdge_CallingFrameContext,
    data: *const D,
    // True while a `Memory` from this frame is alive, so two views never alias the same bytes.
    memory_borrowed: Cell<bool>,
}

impl<D> CallingFrame<D> {
    /// `raw` may be NULL (a call from Rust, see `Module::call`): then no memory is available.
    pub(crate) fn new(raw: *const sys::WasmEdge_CallingFrameContext, data: &D) -> CallingFrame<D> {
        CallingFrame { raw, data, memory_borrowed: Cell::new(false) }
    }

    /// The caller's memory `index` (0 for the usual single memory). A caller without that memory
    /// gives `MEMORY_OUT_OF_BOUNDS`.
    ///
    /// # Panics
    /// If a view from this frame is still alive: keep using that one (like `RefCell`, this is what
    /// keeps two mutable views of the same bytes from existing).
    pub fn memory(&self, index: u32) -> Result<Memory<'_>, HostError> {
        assert!(!self.memory_borrowed.get(), "CallingFrame::memory: a memory view of this frame is still alive; reuse it");
        if self.raw.is_null() {
            return Err(HostError::MEMORY_OUT_OF_BOUNDS);
        }
        let raw = unsafe { sys::WasmEdge_CallingFrameGetMemoryInstance(self.raw, index) };
        // SAFETY: the memory lives for the call, and the flag rules out a second view.
        unsafe { Memory::from_frame(raw, &self.memory_borrowed) }.ok_or(HostError::MEMORY_OUT_OF_BOUNDS)
    }

    /// The module's host data (given to `Module::with_data`).
    pub fn data(&self) -> &D {
        // SAFETY: points into the module's state (or the Module itself), alive for the call.
        unsafe { &*self.data }
    }

    /// The raw calling frame (NULL when called from Rust).
    pub fn as_raw(&self) -> *const sys::WasmEdge_CallingFrameContext {
        self.raw
    }

    /// The module instance of the caller (NULL when called from Rust).
    pub fn module_instance(&self) -> *const sys::WasmEdge_ModuleInstanceContext {
        if self.raw.is_null() { core::ptr::null() } else { unsafe { sys::WasmEdge_CallingFrameGetModuleInstance(self.raw) } }
    }

    /// The executor, for `WasmEdge_ExecutorInvoke` (NULL when called from Rust).
    pub fn executor(&self) -> *mut sys::WasmEdge_ExecutorContext {
        if self.raw.is_null() { core::ptr::null_mut() } else { unsafe { sys::WasmEdge_CallingFrameGetExecutor(self.raw) } }
    }
}
