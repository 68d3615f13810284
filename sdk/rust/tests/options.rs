//! Program options: the descriptor entries the host reads, and values it writes into storage.

use std::ffi::CStr;
use wasmedge_plugin_sdk::{NumberOption, StringOption, ToggleOption, sys};

static GREETING: StringOption = StringOption::new("hello");
static LOUD: ToggleOption = ToggleOption::new();
static COUNT: NumberOption<i32> = NumberOption::new(-3);
static RATIO: NumberOption<f64> = NumberOption::new(0.25);
static BIG: NumberOption<u64> = NumberOption::new(7);

fn name(o: &sys::WasmEdge_ProgramOption) -> &str {
    unsafe { CStr::from_ptr(o.Name) }.to_str().unwrap()
}

#[test]
fn string_option_reads_what_the_host_stores() {
    let o = GREETING.program_option("string\0", "the greeting\0");
    assert_eq!(name(&o), "string");
    assert_eq!(o.Type, sys::WasmEdge_ProgramOptionType_String);
    assert_eq!(GREETING.get(), "hello");
    unsafe {
        let default = &*(o.DefaultValue as *const sys::WasmEdge_String);
        assert_eq!(std::slice::from_raw_parts(default.Buf as *const u8, default.Length as usize), b"hello");
        // Like the host: a fresh buffer without NUL terminator.
        let text: &'static [u8] = Box::leak(Box::new(*b"bonjour!!"));
        *(o.Storage as *mut sys::WasmEdge_String) = sys::WasmEdge_String { Length: 7, Buf: text.as_ptr().cast() };
    }
    assert_eq!(GREETING.get(), "bonjour");
    assert_eq!(GREETING.get_bytes(), b"bonjour");
}

#[test]
fn toggle_and_numbers_read_what_the_host_stores() {
    let toggle = LOUD.program_option("upper\0", "d\0");
    assert_eq!(toggle.Type, sys::WasmEdge_ProgramOptionType_Toggle);
    assert!(!toggle.DefaultValue.is_null());
    assert!(!LOUD.get());
    unsafe { *(toggle.Storage as *mut bool) = true };
    assert!(LOUD.get());

    let count = COUNT.program_option("count\0", "d\0");
    assert_eq!(count.Type, sys::WasmEdge_ProgramOptionType_Int32);
    assert_eq!(unsafe { *(count.DefaultValue as *const i32) }, -3);
    assert_eq!(COUNT.get(), -3);
    unsafe { *(count.Storage as *mut i32) = 42 };
    assert_eq!(COUNT.get(), 42);

    let ratio = RATIO.program_option("ratio\0", "d\0");
    assert_eq!(ratio.Type, sys::WasmEdge_ProgramOptionType_Double);
    unsafe { *(ratio.Storage as *mut f64) = 1.5 };
    assert_eq!(RATIO.get(), 1.5);

    assert_eq!(BIG.program_option("big\0", "d\0").Type, sys::WasmEdge_ProgramOptionType_UInt64);
    assert_eq!(BIG.get(), 7);
}
