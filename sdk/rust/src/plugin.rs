//! The plug-in descriptor and the `wasmedge_plugin!` macro that defines it.

use crate::sys;
use core::ffi::c_char;

#[doc(hidden)]
pub use crate::module::create_module_instance;

/// A static the host reads through raw pointers. Everything in it is immutable after start-up
/// (option storage is reached through its own `UnsafeCell`), so sharing it is sound.
#[doc(hidden)]
#[repr(transparent)]
pub struct Static<T>(pub T);

unsafe impl<T> Sync for Static<T> {}

#[doc(hidden)]
pub const fn c_str(s: &'static str) -> *const c_char {
    let b = s.as_bytes();
    assert!(!b.is_empty() && b[b.len() - 1] == 0, "names and descriptions must end with \\0");
    s.as_ptr() as *const c_char
}

/// Fills a descriptor from the macro's parts. Empty arrays become NULL, like C plug-ins do.
#[doc(hidden)]
pub const fn descriptor(
    name: &'static str,
    description: &'static str,
    version: (u32, u32, u32, u32),
    modules: &'static [sys::WasmEdge_ModuleDescriptor],
    options: &'static [sys::WasmEdge_ProgramOption],
) -> sys::WasmEdge_PluginDescriptor {
    sys::WasmEdge_PluginDescriptor {
        Name: c_str(name),
        Description: c_str(description),
        APIVersion: sys::WasmEdge_Plugin_CurrentAPIVersion,
        Version: sys::WasmEdge_PluginVersionData { Major: version.0, Minor: version.1, Patch: version.2, Build: version.3 },
        ModuleCount: modules.len() as u32,
        ProgramOptionCount: options.len() as u32,
        // The host never writes through these; the C field types are just not const.
        ModuleDescriptions: if modules.is_empty() { core::ptr::null_mut() } else { modules.as_ptr().cast_mut() },
        ProgramOptions: if options.is_empty() { core::ptr::null_mut() } else { options.as_ptr().cast_mut() },
    }
}

/// Defines the plug-in: its static descriptor and the exported
/// `WasmEdge_Plugin_GetDescriptor` the loader looks for. Use it once per library.
///
/// ```
/// use wasmedge_plugin_sdk::prelude::*;
///
/// static STRING: StringOption = StringOption::new("hello");
///
/// fn create() -> Module {
///     Module::new("get_string_module").function("len", || STRING.get().len() as u32)
/// }
///
/// wasmedge_plugin! {
///     name: "get_string",
///     description: "Copies a configurable string into wasm memory",
///     version: (0, 1, 0),            // or (major, minor, patch, build)
///     options: [                     // optional
///         { name: "string", description: "the string to return", storage: STRING },
///     ],
///     modules: [
///         { name: "get_string_module", description: "string functions", create: create },
///     ],
/// }
///
/// let descriptor = unsafe { &*WasmEdge_Plugin_GetDescriptor() };
/// assert_eq!((descriptor.APIVersion, descriptor.ModuleCount, descriptor.ProgramOptionCount), (5, 1, 1));
/// ```
///
/// `create` is a `fn() -> Module<D>`; the host calls it for each new instance. A panic in it is
/// caught and reported as a NULL module.
#[macro_export]
macro_rules! wasmedge_plugin {
    (
        name: $name:literal,
        description: $description:literal,
        version: ($major:expr, $minor:expr, $patch:expr $(, $build:expr)? $(,)?),
        $(options: [ $({ name: $oname:literal, description: $odescription:literal, storage: $ostorage:path $(,)? }),* $(,)? ],)?
        modules: [ $({ name: $mname:literal, description: $mdescription:literal, create: $mcreate:path $(,)? }),* $(,)? ] $(,)?
    ) => {
        /// The plug-in's entry point. The descriptor and everything it points to are statics, so
        /// they live as long as the library.
        #[unsafe(no_mangle)]
        pub extern "C" fn WasmEdge_Plugin_GetDescriptor() -> *const $crate::sys::WasmEdge_PluginDescriptor {
            use $crate::plugin::Static;
            use $crate::sys::{WasmEdge_ModuleDescriptor, WasmEdge_ModuleInstanceContext, WasmEdge_PluginDescriptor, WasmEdge_ProgramOption};

            static OPTIONS: Static<&[WasmEdge_ProgramOption]> = Static(&[
                $($($ostorage.program_option(concat!($oname, "\0"), concat!($odescription, "\0")),)*)?
            ]);

            static MODULES: Static<&[WasmEdge_ModuleDescriptor]> = Static(&[
                $(WasmEdge_ModuleDescriptor {
                    Name: $crate::plugin::c_str(concat!($mname, "\0")),
                    Description: $crate::plugin::c_str(concat!($mdescription, "\0")),
                    Create: {
                        // One thunk per module (an odd name, so it cannot shadow the user's function).
                        unsafe extern "C" fn __wasmedge_plugin_sdk_create(_: *const WasmEdge_ModuleDescriptor) -> *mut WasmEdge_ModuleInstanceContext {
                            $crate::plugin::create_module_instance($mcreate)
                        }
                        Some(__wasmedge_plugin_sdk_create)
                    },
                },)*
            ]);

            static DESCRIPTOR: Static<WasmEdge_PluginDescriptor> = Static($crate::plugin::descriptor(
                concat!($name, "\0"),
                concat!($description, "\0"),
                ($major, $minor, $patch, 0 $(+ $build)?),
                MODULES.0,
                OPTIONS.0,
            ));

            &DESCRIPTOR.0
        }
    };
}
