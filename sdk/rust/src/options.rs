//! Program options: typed storage that the host writes (from `wasmedge --name value`, or our
//! runtime's `plugin.setOption`) and host functions read at call time.
//!
//! Declare each option as a `static` and list it in [`crate::wasmedge_plugin!`]:
//!
//! ```
//! use wasmedge_plugin_sdk::{NumberOption, StringOption, ToggleOption};
//!
//! static GREETING: StringOption = StringOption::new("hello");
//! static LOUD: ToggleOption = ToggleOption::new();
//! static REPEAT: NumberOption<u32> = NumberOption::new(1);
//!
//! assert_eq!((GREETING.get(), LOUD.get(), REPEAT.get()), ("hello".to_string(), false, 1));
//! ```
//!
//! The host writes while no host function runs (at start-up), so reads need no lock; they are
//! volatile so that the compiler never caches a value across host writes.

use crate::sys;
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_void};

/// Checks at compile time (the descriptor is a static) that a name is NUL-terminated.
const fn c_str(s: &'static str) -> *const c_char {
    let b = s.as_bytes();
    assert!(!b.is_empty() && b[b.len() - 1] == 0, "option names and descriptions must end with \\0");
    s.as_ptr() as *const c_char
}

const fn option(name: &'static str, description: &'static str, ty: sys::WasmEdge_ProgramOptionType, storage: *mut c_void, default: *const c_void) -> sys::WasmEdge_ProgramOption {
    sys::WasmEdge_ProgramOption { Name: c_str(name), Description: c_str(description), Type: ty, Storage: storage, DefaultValue: default }
}

/// A string option. Its initial value is also what a bare `--name` (no value) stores.
pub struct StringOption {
    storage: UnsafeCell<sys::WasmEdge_String>,
    default: sys::WasmEdge_String,
}

// SAFETY: the host writes only before host functions run; Rust code only reads.
unsafe impl Sync for StringOption {}

impl StringOption {
    pub const fn new(initial: &'static str) -> StringOption {
        let s = sys::WasmEdge_String { Length: initial.len() as u32, Buf: initial.as_ptr() as *const c_char };
        StringOption { storage: UnsafeCell::new(s), default: s }
    }

    /// The current bytes (the host stores a non-NUL-terminated buffer).
    pub fn get_bytes(&self) -> Vec<u8> {
        // SAFETY: the storage always holds a valid (Length, Buf) pair: ours or the host's.
        unsafe {
            let s = core::ptr::read_volatile(self.storage.get());
            if s.Length == 0 || s.Buf.is_null() {
                Vec::new()
            } else {
                core::slice::from_raw_parts(s.Buf as *const u8, s.Length as usize).to_vec()
            }
        }
    }

    /// The current value; invalid UTF-8 is replaced with U+FFFD.
    pub fn get(&self) -> String {
        String::from_utf8_lossy(&self.get_bytes()).into_owned()
    }

    /// Used by `wasmedge_plugin!`: the descriptor entry (`name` and `description` end with `\0`).
    pub const fn program_option(&'static self, name: &'static str, description: &'static str) -> sys::WasmEdge_ProgramOption {
        option(name, description, sys::WasmEdge_ProgramOptionType_String, self.storage.get().cast(), (&raw const self.default).cast())
    }
}

/// An on/off flag (`--name` turns it on). Starts off.
pub struct ToggleOption {
    storage: UnsafeCell<bool>,
    // The host ignores a toggle's default, but it must not be NULL.
    default: bool,
}

// SAFETY: as for StringOption.
unsafe impl Sync for ToggleOption {}

impl ToggleOption {
    pub const fn new() -> ToggleOption {
        ToggleOption { storage: UnsafeCell::new(false), default: true }
    }

    pub fn get(&self) -> bool {
        // The host stores a C `bool` (0 or 1); read the byte so any other value cannot be UB.
        unsafe { core::ptr::read_volatile(self.storage.get().cast::<u8>()) != 0 }
    }

    pub const fn program_option(&'static self, name: &'static str, description: &'static str) -> sys::WasmEdge_ProgramOption {
        option(name, description, sys::WasmEdge_ProgramOptionType_Toggle, self.storage.get().cast(), (&raw const self.default).cast())
    }
}

impl Default for ToggleOption {
    fn default() -> Self {
        ToggleOption::new()
    }
}

/// The number types an option can hold, with their C option type.
pub trait OptionNumber: Copy + Send + Sync + 'static {
    const TYPE: sys::WasmEdge_ProgramOptionType;
}

macro_rules! option_number {
    ($($t:ty => $code:ident),*) => {$(
        impl OptionNumber for $t {
            const TYPE: sys::WasmEdge_ProgramOptionType = sys::$code;
        }
    )*};
}

option_number!(
    i8 => WasmEdge_ProgramOptionType_Int8, i16 => WasmEdge_ProgramOptionType_Int16,
    i32 => WasmEdge_ProgramOptionType_Int32, i64 => WasmEdge_ProgramOptionType_Int64,
    u8 => WasmEdge_ProgramOptionType_UInt8, u16 => WasmEdge_ProgramOptionType_UInt16,
    u32 => WasmEdge_ProgramOptionType_UInt32, u64 => WasmEdge_ProgramOptionType_UInt64,
    f32 => WasmEdge_ProgramOptionType_Float, f64 => WasmEdge_ProgramOptionType_Double
);

/// An integer or floating-point option. Its initial value is also what a bare `--name` stores.
pub struct NumberOption<T: OptionNumber> {
    storage: UnsafeCell<T>,
    default: T,
}

// SAFETY: as for StringOption.
unsafe impl<T: OptionNumber> Sync for NumberOption<T> {}

impl<T: OptionNumber> NumberOption<T> {
    pub const fn new(initial: T) -> NumberOption<T> {
        NumberOption { storage: UnsafeCell::new(initial), default: initial }
    }

    pub fn get(&self) -> T {
        unsafe { core::ptr::read_volatile(self.storage.get()) }
    }

    pub const fn program_option(&'static self, name: &'static str, description: &'static str) -> sys::WasmEdge_ProgramOption {
        option(name, description, T::TYPE, self.storage.get().cast(), (&raw const self.default).cast())
    }
}
