//! get_string: the WasmEdge plug-in of `get_string.c`, in Rust.
//!
//! Module `get_string_module` with two host functions:
//!   get_string(buf_ptr: i32, buf_len: i32, written_ptr: i32)
//!       copies the `string` option (uppercased if `upper` is set) into the caller's memory 0 at
//!       buf_ptr, truncated to buf_len bytes, and stores the number of bytes written as a
//!       little-endian u32 at written_ptr; out of bounds → MemoryOutOfBounds, nothing written.
//!   add(a: i32, b: i32) -> i32
//!       wrapping 32-bit addition.
//!
//! Program options: --string <text> (default "hello"), --upper (toggle). They are read at call
//! time, so a value set after the module was created still takes effect.

use wasmedge_plugin_sdk::prelude::*;

static STRING: StringOption = StringOption::new("hello");
static UPPER: ToggleOption = ToggleOption::new();

/// Wasm addresses and lengths are unsigned, so they arrive as `u32` (an `i32` in the signature).
fn get_string(frame: &CallingFrame, buf_ptr: u32, buf_len: u32, written_ptr: u32) -> Result<(), HostError> {
    let mut bytes = STRING.get_bytes();
    bytes.truncate(buf_len as usize);
    if UPPER.get() {
        bytes.make_ascii_uppercase();
    }

    let mut memory = frame.memory(0)?;
    // Check both destinations before writing anything, so a failing call leaves memory untouched.
    memory.read(written_ptr, 4)?;
    if !bytes.is_empty() {
        memory.write(buf_ptr, &bytes)?;
    }
    memory.write_u32(written_ptr, bytes.len() as u32)
}

fn create_module() -> Module {
    Module::new("get_string_module")
        .function("get_string", get_string)
        .function("add", |a: i32, b: i32| a.wrapping_add(b))
}

wasmedge_plugin! {
    name: "get_string",
    description: "Writes a configurable string into wasm memory",
    version: (0, 1, 0),
    options: [
        { name: "string", description: "the string get_string writes (default \"hello\")", storage: STRING },
        { name: "upper", description: "uppercase the string", storage: UPPER },
    ],
    modules: [
        {
            name: "get_string_module",
            description: "get_string(buf_ptr, buf_len, written_ptr) and add(a, b)",
            create: create_module,
        },
    ],
}
