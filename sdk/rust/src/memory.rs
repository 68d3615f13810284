//! Bounds-checked access to a wasm linear memory.

use crate::error::HostError;
use crate::sys;
use core::cell::Cell;
use core::marker::PhantomData;
use core::ptr::NonNull;

/// Bytes per wasm page.
pub const PAGE_SIZE: u64 = 65536;

/// A view of one memory instance, valid for the duration of a host call.
///
/// Every access goes through `WasmEdge_MemoryInstanceGetPointer`, which checks the whole range
/// against the memory's current size; an out-of-range access returns
/// [`HostError::MEMORY_OUT_OF_BOUNDS`], so `?` turns it into the usual wasm trap. Slices borrow the
/// view, and growing needs `&mut self`, so no slice can outlive a grow.
pub struct Memory<'a> {
    raw: NonNull<sys::WasmEdge_MemoryInstanceContext>,
    // The frame's "a view is alive" flag, cleared on drop (None for `from_raw` views).
    borrowed: Option<&'a Cell<bool>>,
    _call: PhantomData<&'a mut sys::WasmEdge_MemoryInstanceContext>,
}

impl Drop for Memory<'_> {
    fn drop(&mut self) {
        if let Some(flag) = self.borrowed {
            flag.set(false);
        }
    }
}

impl<'a> Memory<'a> {
    /// Wraps a memory instance; `None` for NULL.
    ///
    /// # Safety
    /// `raw` must be a live memory instance for `'a`, and nothing else may access its bytes
    /// through another handle while this view (or a slice from it) is in use.
    pub unsafe fn from_raw(raw: *mut sys::WasmEdge_MemoryInstanceContext) -> Option<Memory<'a>> {
        NonNull::new(raw).map(|raw| Memory { raw, borrowed: None, _call: PhantomData })
    }

    /// A view that clears `flag` when dropped (see `CallingFrame::memory`).
    pub(crate) unsafe fn from_frame(raw: *mut sys::WasmEdge_MemoryInstanceContext, flag: &'a Cell<bool>) -> Option<Memory<'a>> {
        let raw = NonNull::new(raw)?;
        flag.set(true);
        Some(Memory { raw, borrowed: Some(flag), _call: PhantomData })
    }

    pub fn as_raw(&self) -> *mut sys::WasmEdge_MemoryInstanceContext {
        self.raw.as_ptr()
    }

    /// Current size in pages.
    pub fn pages(&self) -> u64 {
        unsafe { sys::WasmEdge_MemoryInstanceGetPageSize(self.raw.as_ptr()) }
    }

    /// Current size in bytes.
    pub fn size(&self) -> u64 {
        self.pages() * PAGE_SIZE
    }

    /// Pointer to `[offset, offset + len)`, or `MEMORY_OUT_OF_BOUNDS`. A zero-length range is
    /// valid anywhere up to the end of memory and yields a dangling (never dereferenced) pointer.
    fn range(&self, offset: u32, len: usize) -> Result<*mut u8, HostError> {
        if len == 0 {
            return if u64::from(offset) <= self.size() { Ok(NonNull::dangling().as_ptr()) } else { Err(HostError::MEMORY_OUT_OF_BOUNDS) };
        }
        let len = u64::try_from(len).map_err(|_| HostError::MEMORY_OUT_OF_BOUNDS)?;
        let p = unsafe { sys::WasmEdge_MemoryInstanceGetPointer(self.raw.as_ptr(), u64::from(offset), len) };
        if p.is_null() { Err(HostError::MEMORY_OUT_OF_BOUNDS) } else { Ok(p) }
    }

    /// The bytes `[offset, offset + len)`.
    pub fn read(&self, offset: u32, len: u32) -> Result<&[u8], HostError> {
        let p = self.range(offset, len as usize)?;
        Ok(unsafe { core::slice::from_raw_parts(p, len as usize) })
    }

    /// The bytes `[offset, offset + len)`, writable.
    pub fn read_mut(&mut self, offset: u32, len: u32) -> Result<&mut [u8], HostError> {
        let p = self.range(offset, len as usize)?;
        Ok(unsafe { core::slice::from_raw_parts_mut(p, len as usize) })
    }

    /// Copies `data` to `offset`. Nothing is written unless the whole range fits.
    pub fn write(&mut self, offset: u32, data: &[u8]) -> Result<(), HostError> {
        let p = self.range(offset, data.len())?;
        unsafe { core::ptr::copy_nonoverlapping(data.as_ptr(), p, data.len()) };
        Ok(())
    }

    /// Reads a UTF-8 string of `len` bytes; invalid UTF-8 is `HOST_FUNC_ERROR`.
    pub fn read_str(&self, offset: u32, len: u32) -> Result<&str, HostError> {
        core::str::from_utf8(self.read(offset, len)?).map_err(|_| HostError::HOST_FUNC_ERROR)
    }

    /// Writes the bytes of `s` (no NUL terminator).
    pub fn write_str(&mut self, offset: u32, s: &str) -> Result<(), HostError> {
        self.write(offset, s.as_bytes())
    }

    /// Little-endian, like every wasm load; no alignment needed.
    pub fn read_u32(&self, offset: u32) -> Result<u32, HostError> {
        let b = self.read(offset, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn write_u32(&mut self, offset: u32, value: u32) -> Result<(), HostError> {
        self.write(offset, &value.to_le_bytes())
    }

    pub fn read_u64(&self, offset: u32) -> Result<u64, HostError> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.read(offset, 8)?);
        Ok(u64::from_le_bytes(b))
    }

    pub fn write_u64(&mut self, offset: u32, value: u64) -> Result<(), HostError> {
        self.write(offset, &value.to_le_bytes())
    }

    /// Grows by `pages`; the host's error result on failure (e.g. past the maximum).
    pub fn grow(&mut self, pages: u64) -> Result<(), HostError> {
        let r = unsafe { sys::WasmEdge_MemoryInstanceGrowPage(self.raw.as_ptr(), pages) };
        match HostError::from_raw(r) {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }
}
