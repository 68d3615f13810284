//! The descriptor `wasmedge_plugin!` defines, read the way the loader reads it.

use std::ffi::CStr;
use wasmedge_plugin_sdk::prelude::*;
use wasmedge_plugin_sdk::sys;

static STRING: StringOption = StringOption::new("hello");
static UPPER: ToggleOption = ToggleOption::new();

fn create_a() -> Module {
    Module::new("mod_a").function("add", |a: i32, b: i32| a.wrapping_add(b))
}

fn create_b() -> Module {
    Module::new("mod_b")
}

wasmedge_plugin! {
    name: "demo",
    description: "a demo plug-in",
    version: (1, 2, 3, 4),
    options: [
        { name: "string", description: "the string", storage: STRING },
        { name: "upper", description: "uppercase", storage: UPPER },
    ],
    modules: [
        { name: "mod_a", description: "module a", create: create_a },
        { name: "mod_b", description: "module b", create: create_b },
    ],
}

fn s(p: *const std::ffi::c_char) -> &'static str {
    unsafe { CStr::from_ptr(p) }.to_str().unwrap()
}

#[test]
fn descriptor_describes_the_plugin() {
    let d = unsafe { &*WasmEdge_Plugin_GetDescriptor() };
    assert_eq!(s(d.Name), "demo");
    assert_eq!(s(d.Description), "a demo plug-in");
    assert_eq!(d.APIVersion, 5);
    assert_eq!(d.Version, sys::WasmEdge_PluginVersionData { Major: 1, Minor: 2, Patch: 3, Build: 4 });
    assert_eq!((d.ModuleCount, d.ProgramOptionCount), (2, 2));

    let modules = unsafe { std::slice::from_raw_parts(d.ModuleDescriptions, 2) };
    assert_eq!(modules.iter().map(|m| s(m.Name)).collect::<Vec<_>>(), ["mod_a", "mod_b"]);
    assert_eq!(s(modules[1].Description), "module b");
    assert!(modules.iter().all(|m| m.Create.is_some()));
    // Each module gets its own create thunk.
    assert_ne!(modules[0].Create.map(|f| f as usize), modules[1].Create.map(|f| f as usize));

    let options = unsafe { std::slice::from_raw_parts(d.ProgramOptions, 2) };
    assert_eq!(s(options[0].Name), "string");
    assert_eq!(options[0].Type, sys::WasmEdge_ProgramOptionType_String);
    assert_eq!(s(options[1].Name), "upper");
    assert_eq!(options[1].Type, sys::WasmEdge_ProgramOptionType_Toggle);
    // The descriptor is a static: the same pointer every time.
    assert_eq!(WasmEdge_Plugin_GetDescriptor(), d as *const _);
}
