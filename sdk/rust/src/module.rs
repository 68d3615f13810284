//! Building a plug-in module instance from Rust closures.

use crate::error::{HostError, result_to_raw};
use crate::frame::CallingFrame;
use crate::function::HostFunction;
use crate::sys::{self, WasmEdge_Value};
use crate::value::{Val, ValType};
use core::ffi::{c_char, c_void};
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};

type Call<D> = Box<dyn Fn(&CallingFrame<D>, &[WasmEdge_Value], &mut [WasmEdge_Value]) -> Result<(), HostError> + Send + Sync>;

struct FunctionDef<D> {
    name: String,
    params: Vec<ValType>,
    results: Vec<ValType>,
    call: Call<D>,
}

/// A module of host functions, with host data `D` that lives as long as the module instance.
///
/// ```
/// use wasmedge_plugin_sdk::{CallingFrame, HostError, Module, Val};
///
/// let math = Module::new("math")
///     .function("add", |a: i32, b: i32| a.wrapping_add(b))
///     .function("peek", |frame: &CallingFrame, ptr: u32| -> Result<u32, HostError> {
///         frame.memory(0)?.read_u32(ptr)
///     });
/// assert_eq!(math.call("add", &[Val::I32(2), Val::I32(3)]), Ok(vec![Val::I32(5)]));
/// ```
pub struct Module<D: Send + Sync + 'static = ()> {
    name: String,
    data: D,
    functions: Vec<FunctionDef<D>>,
}

impl Module<()> {
    /// A module without host data. `name` is the name wasm code imports from.
    pub fn new(name: &str) -> Module<()> {
        Module::with_data(name, ())
    }
}

impl<D: Send + Sync + 'static> Module<D> {
    /// A module owning `data`; host functions reach it with [`CallingFrame::data`]. It is dropped
    /// when the host deletes the module instance (or with the `Module` if it never became one).
    pub fn with_data(name: &str, data: D) -> Module<D> {
        Module { name: name.to_owned(), data, functions: Vec::new() }
    }

    /// Adds a host function; see [`HostFunction`] for the closure forms. Panics inside `f` are
    /// caught and become `HostError::HOST_FUNC_ERROR`.
    pub fn function<F, Marker>(mut self, name: &str, f: F) -> Module<D>
    where
        F: HostFunction<D, Marker>,
    {
        self.functions.push(FunctionDef {
            name: name.to_owned(),
            params: F::param_types(),
            results: F::result_types(),
            call: Box::new(move |frame, params, results| f.call(frame, params, results)),
        });
        self
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn data(&self) -> &D {
        &self.data
    }

    /// Name, parameter types and result types of each function, in insertion order.
    pub fn signatures(&self) -> Vec<(&str, &[ValType], &[ValType])> {
        self.functions.iter().map(|f| (f.name.as_str(), f.params.as_slice(), f.results.as_slice())).collect()
    }

    /// Calls a host function from Rust, through the same path the host uses, but without a
    /// calling frame (so `CallingFrame::memory` fails). For unit tests of host functions.
    ///
    /// # Panics
    /// If there is no function `name`, or `args` do not match its parameter types.
    pub fn call(&self, name: &str, args: &[Val]) -> Result<Vec<Val>, HostError> {
        let def = self.functions.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no function `{name}` in module `{}`", self.name));
        let types: Vec<ValType> = args.iter().map(|a| a.ty()).collect();
        assert_eq!(types, def.params, "arguments of `{name}` do not match its parameter types");
        let params: Vec<WasmEdge_Value> = args.iter().map(|a| a.to_raw()).collect();
        let mut results = vec![Val::I32(0).to_raw(); def.results.len()];
        let frame = CallingFrame::new(core::ptr::null(), &self.data);
        let raw = dispatch(def, &frame, &params, &mut results);
        match HostError::from_raw(raw) {
            Some(e) => Err(e),
            None => Ok(def.results.iter().zip(&results).map(|(t, r)| Val::from_raw(*t, r).expect("number type")).collect()),
        }
    }

    /// Creates the module instance in the host. The host owns the result (it deletes it with
    /// `WasmEdge_ModuleInstanceDelete`, which drops `D` and the closures). NULL if the host
    /// refused any part; whatever was built is freed then.
    pub fn into_raw(self) -> *mut sys::WasmEdge_ModuleInstanceContext {
        let Module { name, data, functions } = self;
        let instance = Box::into_raw(Box::new(Instance { data, functions: Vec::with_capacity(functions.len()) }));
        // SAFETY: `instance` is a valid, uniquely owned pointer until the host takes it.
        unsafe {
            let data_ptr: *const D = &(*instance).data;
            (*instance).functions.extend(functions.into_iter().map(|def| Bound { def, data: data_ptr }));

            let module = sys::WasmEdge_ModuleInstanceCreateWithData(wrap(&name), instance.cast(), Some(finalize::<D>));
            if module.is_null() {
                drop(Box::from_raw(instance));
                return module;
            }
            // From here the module owns `instance`: deleting the module frees it.
            for bound in (*instance).functions.iter() {
                let def = &bound.def;
                let params: Vec<sys::WasmEdge_ValType> = def.params.iter().map(|t| t.to_raw()).collect();
                let results: Vec<sys::WasmEdge_ValType> = def.results.iter().map(|t| t.to_raw()).collect();
                let ty = sys::WasmEdge_FunctionTypeCreate(params.as_ptr(), params.len() as u32, results.as_ptr(), results.len() as u32);
                if ty.is_null() {
                    sys::WasmEdge_ModuleInstanceDelete(module);
                    return core::ptr::null_mut();
                }
                // The function instance copies the type, so it is deleted right away.
                let func = sys::WasmEdge_FunctionInstanceCreate(ty, Some(trampoline::<D>), (bound as *const Bound<D>).cast_mut().cast(), 0);
                sys::WasmEdge_FunctionTypeDelete(ty);
                if func.is_null() {
                    sys::WasmEdge_ModuleInstanceDelete(module);
                    return core::ptr::null_mut();
                }
                sys::WasmEdge_ModuleInstanceAddFunction(module, wrap(&def.name), func);
            }
            module
        }
    }
}

/// What the host owns through the module instance's host data.
struct Instance<D> {
    data: D,
    functions: Vec<Bound<D>>,
}

/// A function and the host data it sees; the host passes a pointer to this to the trampoline.
struct Bound<D> {
    def: FunctionDef<D>,
    data: *const D,
}

/// Borrows a Rust string as a `WasmEdge_String` (the host copies names it keeps).
fn wrap(s: &str) -> sys::WasmEdge_String {
    sys::WasmEdge_String { Length: s.len() as u32, Buf: s.as_ptr() as *const c_char }
}

/// Runs one host function; never lets a panic reach the C caller.
fn dispatch<D>(def: &FunctionDef<D>, frame: &CallingFrame<D>, params: &[WasmEdge_Value], results: &mut [WasmEdge_Value]) -> sys::WasmEdge_Result {
    match catch_unwind(AssertUnwindSafe(|| (def.call)(frame, params, results))) {
        Ok(outcome) => result_to_raw(outcome),
        Err(_) => {
            // The panic hook has printed the message; name the function too.
            let _ = writeln!(std::io::stderr(), "wasmedge-plugin-sdk: host function `{}` panicked; returning HostFuncError", def.name);
            HostError::HOST_FUNC_ERROR.to_raw()
        }
    }
}

unsafe extern "C" fn trampoline<D>(
    data: *mut c_void,
    frame: *const sys::WasmEdge_CallingFrameContext,
    params: *const WasmEdge_Value,
    returns: *mut WasmEdge_Value,
) -> sys::WasmEdge_Result {
    // SAFETY: `data` is the `Bound` registered in `into_raw`, alive while the module is; the host
    // passes as many params/returns as the function type declares.
    unsafe {
        let bound = &*(data as *const Bound<D>);
        let def = &bound.def;
        let params = if def.params.is_empty() { &[][..] } else { core::slice::from_raw_parts(params, def.params.len()) };
        let results = if def.results.is_empty() { &mut [][..] } else { core::slice::from_raw_parts_mut(returns, def.results.len()) };
        let frame = CallingFrame::new(frame, &*bound.data);
        dispatch(def, &frame, params, results)
    }
}

unsafe extern "C" fn finalize<D>(data: *mut c_void) {
    if !data.is_null() {
        // A panicking Drop of the user's data must not unwind into the host.
        let _ = catch_unwind(AssertUnwindSafe(|| drop(unsafe { Box::from_raw(data as *mut Instance<D>) })));
    }
}

/// Calls a module descriptor's create function for the host: NULL if it panicked.
#[doc(hidden)]
pub fn create_module_instance<D: Send + Sync + 'static>(create: fn() -> Module<D>) -> *mut sys::WasmEdge_ModuleInstanceContext {
    match catch_unwind(create) {
        Ok(module) => catch_unwind(AssertUnwindSafe(|| module.into_raw())).unwrap_or(core::ptr::null_mut()),
        Err(_) => {
            let _ = writeln!(std::io::stderr(), "wasmedge-plugin-sdk: a module create function panicked; returning NULL");
            core::ptr::null_mut()
        }
    }
}
