//! Plug-in modules built with this crate, driven through the real host shim
//! (`build/Release/libwasmedge.so.0`): module creation, calls, memory, errors, finalizers.
//!
//! Run with: LD_LIBRARY_PATH=<repo>/build/Release cargo test --offline --features shim-tests
#![cfg(feature = "shim-tests")]

use std::ffi::{CStr, c_char, c_void};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use wasmedge_plugin_sdk::prelude::*;
use wasmedge_plugin_sdk::{WasmType, sys};

// ---- the plug-in under test --------------------------------------------------------------------

static GREETING: StringOption = StringOption::new("hello");
static DROPPED: AtomicBool = AtomicBool::new(false);

struct State {
    calls: AtomicU32,
}

impl Drop for State {
    fn drop(&mut self) {
        DROPPED.store(true, Ordering::SeqCst);
    }
}

fn create() -> Module<State> {
    Module::with_data("shim_test_module", State { calls: AtomicU32::new(0) })
        .function("add", |a: i32, b: i32| a.wrapping_add(b))
        .function("count", |f: &CallingFrame<State>| f.data().calls.fetch_add(1, Ordering::SeqCst) + 1)
        .function("greet", |f: &CallingFrame<State>, ptr: u32, written: u32| -> Result<(), HostError> {
            let text = GREETING.get();
            let mut memory = f.memory(0)?;
            memory.read(written, 4)?;
            memory.write_str(ptr, &text)?;
            memory.write_u32(written, text.len() as u32)
        })
        .function("peek64", |f: &CallingFrame<State>, ptr: u32| -> Result<u64, HostError> { f.memory(0)?.read_u64(ptr) })
        .function("fail", |code: u32| -> Result<(), HostError> { Err(HostError::user(code)) })
        .function("boom", || -> i32 { panic!("deliberate panic") })
        .function("swap", |a: f64, b: i64| (b, a))
        .function("twice", |f: &CallingFrame<State>| -> Result<(), HostError> {
            let _first = f.memory(0)?;
            let _second = f.memory(0)?; // would alias the first view: panics
            Ok(())
        })
        .function("sequential", |f: &CallingFrame<State>| -> Result<u32, HostError> {
            let first = f.memory(0)?.read_u32(0)?;
            Ok(first + f.memory(0)?.read_u32(4)?) // views that do not overlap in time are fine
        })
}

wasmedge_plugin! {
    name: "shim_test",
    description: "drives the SDK through the host shim",
    version: (0, 1, 0),
    options: [ { name: "greeting", description: "what greet writes", storage: GREETING } ],
    modules: [ { name: "shim_test_module", description: "test functions", create: create } ],
}

// ---- the host-facing shim API (not in the link stub, so looked up at run time) ----------------

unsafe extern "C" {
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
}

struct Host {
    version: unsafe extern "C" fn() -> *const c_char,
    live_objects: unsafe extern "C" fn() -> u64,
    slots: unsafe extern "C" fn() -> *mut sys::WasmEdge_Value,
    guest_module_create: unsafe extern "C" fn(*const c_char) -> *mut sys::WasmEdge_ModuleInstanceContext,
    guest_memory: unsafe extern "C" fn(*const sys::WasmEdge_ModuleInstanceContext) -> *mut sys::WasmEdge_MemoryInstanceContext,
    memory_attach: unsafe extern "C" fn(*mut sys::WasmEdge_MemoryInstanceContext, u32, *mut u8, u64, u64),
    bind: unsafe extern "C" fn(*const sys::WasmEdge_FunctionInstanceContext, *const sys::WasmEdge_ModuleInstanceContext) -> u32,
    unbind: unsafe extern "C" fn(u32),
    invoke: unsafe extern "C" fn(u32) -> u32,
}

fn host() -> Host {
    fn sym<T: Copy>(name: &CStr) -> T {
        let p = unsafe { dlsym(std::ptr::null_mut(), name.as_ptr()) };
        assert!(!p.is_null(), "{name:?} not found: is LD_LIBRARY_PATH=<repo>/build/Release set?");
        unsafe { std::mem::transmute_copy(&p) }
    }
    Host {
        version: sym(c"wpk_version"),
        live_objects: sym(c"wpk_live_objects"),
        slots: sym(c"wpk_slots"),
        guest_module_create: sym(c"wpk_guest_module_create"),
        guest_memory: sym(c"wpk_guest_memory"),
        memory_attach: sym(c"wpk_memory_attach"),
        bind: sym(c"wpk_bind"),
        unbind: sym(c"wpk_unbind"),
        invoke: sym(c"wpk_invoke"),
    }
}

// The shim's value slots are process-wide: one test at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn name(s: &str) -> sys::WasmEdge_String {
    sys::WasmEdge_String { Length: s.len() as u32, Buf: s.as_ptr().cast() }
}

/// A plug-in module instance plus a guest with 1 page of memory, as the runtime would set up.
struct Fixture {
    host: Host,
    module: *mut sys::WasmEdge_ModuleInstanceContext,
    guest: *mut sys::WasmEdge_ModuleInstanceContext,
    memory: Box<[u8]>,
}

impl Fixture {
    fn new() -> Fixture {
        let host = host();
        let desc = unsafe { &*WasmEdge_Plugin_GetDescriptor() };
        let module_desc = unsafe { &*desc.ModuleDescriptions };
        let module = unsafe { (module_desc.Create.unwrap())(module_desc) };
        assert!(!module.is_null(), "create returned NULL");
        let guest = unsafe { (host.guest_module_create)(c"guest".as_ptr()) };
        let mut memory = vec![0u8; 65536].into_boxed_slice();
        unsafe { (host.memory_attach)((host.guest_memory)(guest), 1, memory.as_mut_ptr(), memory.len() as u64, 1) };
        Fixture { host, module, guest, memory }
    }

    /// Calls `func` with `args` the way the runtime does; returns the result code and the returns.
    fn call(&self, func: &str, args: &[sys::WasmEdge_Value], nreturns: usize) -> (u32, Vec<sys::WasmEdge_Value>) {
        unsafe {
            let f = sys::WasmEdge_ModuleInstanceFindFunction(self.module, name(func));
            assert!(!f.is_null(), "no function {func}");
            let binding = (self.host.bind)(f, self.guest);
            let slots = (self.host.slots)();
            for (i, a) in args.iter().enumerate() {
                *slots.add(i) = *a;
            }
            let code = (self.host.invoke)(binding);
            let returns = (0..nreturns).map(|i| *slots.add(i)).collect();
            (self.host.unbind)(binding);
            (code, returns)
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        unsafe {
            sys::WasmEdge_ModuleInstanceDelete(self.guest);
            sys::WasmEdge_ModuleInstanceDelete(self.module);
        }
    }
}

// ---- tests -----------------------------------------------------------------------------------

#[test]
fn the_real_shim_is_loaded_not_a_stub() {
    let host = host();
    let version = unsafe { CStr::from_ptr((host.version)()) };
    assert!(!version.to_bytes().is_empty());
    assert_eq!(unsafe { sys::WasmEdge_VersionGetMajor() }, 0);
    assert_eq!(unsafe { sys::WasmEdge_VersionGetMinor() }, 17);
}

#[test]
fn module_has_the_declared_functions_and_signatures() {
    let _g = SERIAL.lock().unwrap();
    let fx = Fixture::new();
    unsafe {
        let n = sys::WasmEdge_ModuleInstanceGetModuleName(fx.module);
        assert_eq!(std::slice::from_raw_parts(n.Buf.cast::<u8>(), n.Length as usize), b"shim_test_module");
        assert_eq!(sys::WasmEdge_ModuleInstanceListFunctionLength(fx.module), 9);
        let f = sys::WasmEdge_ModuleInstanceFindFunction(fx.module, name("swap"));
        let ty = sys::WasmEdge_FunctionInstanceGetFunctionType(f);
        let mut params = [sys::WasmEdge_ValType { Data: [0; 8] }; 2];
        let mut results = [sys::WasmEdge_ValType { Data: [0; 8] }; 2];
        assert_eq!(sys::WasmEdge_FunctionTypeGetParameters(ty, params.as_mut_ptr(), 2), 2);
        assert_eq!(sys::WasmEdge_FunctionTypeGetReturns(ty, results.as_mut_ptr(), 2), 2);
        assert_eq!(params.map(|t| ValType::from_raw(t).unwrap()), [ValType::F64, ValType::I64]);
        assert_eq!(results.map(|t| ValType::from_raw(t).unwrap()), [ValType::I64, ValType::F64]);
        // The shim's own encoding agrees with ours.
        assert_eq!(sys::WasmEdge_ValTypeGenF64(), ValType::F64.to_raw());
        assert_eq!(sys::WasmEdge_ValueGenI32(-2), (-2i32).to_raw());
        assert_eq!(sys::WasmEdge_ValueGetF32(1.5f32.to_raw()), 1.5);
    }
}

#[test]
fn calls_pass_values_and_results() {
    let _g = SERIAL.lock().unwrap();
    let fx = Fixture::new();
    let (code, r) = fx.call("add", &[40i32.to_raw(), 2i32.to_raw()], 1);
    assert_eq!((code, i32::from_raw(&r[0])), (0, 42));
    let (code, r) = fx.call("swap", &[2.5f64.to_raw(), (-7i64).to_raw()], 2);
    assert_eq!((code, i64::from_raw(&r[0]), f64::from_raw(&r[1])), (0, -7, 2.5));
    // Host data persists across calls of one instance.
    fx.call("count", &[], 1);
    let (_, r) = fx.call("count", &[], 1);
    assert_eq!(u32::from_raw(&r[0]), 2);
}

#[test]
fn memory_writes_reach_the_guest_and_bounds_are_checked() {
    let _g = SERIAL.lock().unwrap();
    let fx = Fixture::new();
    let (code, _) = fx.call("greet", &[100u32.to_raw(), 8u32.to_raw()], 0);
    assert_eq!(code, 0);
    assert_eq!(&fx.memory[100..105], b"hello");
    assert_eq!(&fx.memory[8..12], &5u32.to_le_bytes());

    // The string would end past the memory: nothing may be written, not even the count.
    let (code, _) = fx.call("greet", &[65534u32.to_raw(), 16u32.to_raw()], 0);
    assert_eq!(code, 0x408);
    assert_eq!(&fx.memory[16..20], &[0; 4]);
    assert_eq!(&fx.memory[65534..], &[0, 0]);

    let (code, _) = fx.call("peek64", &[65528u32.to_raw()], 1);
    assert_eq!(code, 0);
    let (code, _) = fx.call("peek64", &[65529u32.to_raw()], 1);
    assert_eq!(code, 0x408);
    let (code, _) = fx.call("peek64", &[u32::MAX.to_raw()], 1);
    assert_eq!(code, 0x408);
}

#[test]
fn memory_view_checks_every_range() {
    let _g = SERIAL.lock().unwrap();
    let fx = Fixture::new();
    let raw = unsafe { (fx.host.guest_memory)(fx.guest) };
    let mut memory = unsafe { Memory::from_raw(raw) }.unwrap();
    assert_eq!((memory.pages(), memory.size()), (1, 65536));
    memory.write_u32(65532, 0xdead_beef).unwrap();
    assert_eq!(memory.read_u32(65532), Ok(0xdead_beef));
    assert_eq!(memory.read(65533, 4), Err(HostError::MEMORY_OUT_OF_BOUNDS));
    assert_eq!(memory.write(65535, b"ab"), Err(HostError::MEMORY_OUT_OF_BOUNDS));
    assert_eq!(memory.read(65536, 0).map(<[u8]>::len), Ok(0));
    assert_eq!(memory.read(65537, 0), Err(HostError::MEMORY_OUT_OF_BOUNDS));
    memory.read_mut(10, 3).unwrap().copy_from_slice(b"xyz");
    assert_eq!(memory.read_str(10, 3), Ok("xyz"));
    assert_eq!(&fx.memory[65532..], &0xdead_beefu32.to_le_bytes());
}

#[test]
fn errors_and_panics_become_result_codes() {
    let _g = SERIAL.lock().unwrap();
    let fx = Fixture::new();
    assert_eq!(fx.call("fail", &[0x1234_5678u32.to_raw()], 0).0, 0x0134_5678);
    assert_eq!(fx.call("boom", &[], 1).0, 0x40e);
    assert_eq!(fx.call("twice", &[], 0).0, 0x40e);
    assert_eq!(fx.call("sequential", &[], 1).0, 0);
    // Still usable after a panic.
    assert_eq!(fx.call("add", &[1i32.to_raw(), 1i32.to_raw()], 1).0, 0);
}

#[test]
fn deleting_the_module_drops_its_data_and_frees_everything() {
    let _g = SERIAL.lock().unwrap();
    let host = host();
    let before = unsafe { (host.live_objects)() };
    DROPPED.store(false, Ordering::SeqCst);
    let fx = Fixture::new();
    assert!(unsafe { (host.live_objects)() } > before);
    fx.call("add", &[1i32.to_raw(), 2i32.to_raw()], 1);
    assert!(!DROPPED.load(Ordering::SeqCst));
    drop(fx);
    assert!(DROPPED.load(Ordering::SeqCst), "the finalizer did not drop the host data");
    assert_eq!(unsafe { (host.live_objects)() }, before, "shim objects leaked");
}
