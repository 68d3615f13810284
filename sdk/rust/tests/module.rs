//! Host functions built with `Module`, called from Rust through the same dispatch path the host
//! uses (`Module::call`): signatures, value passing, error results, panics, host data.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use wasmedge_plugin_sdk::{CallingFrame, HostError, Module, Val, ValType};

#[test]
fn signatures_come_from_the_rust_types() {
    let m = Module::new("m")
        .function("none", || {})
        .function("add", |a: i32, b: i32| a.wrapping_add(b))
        .function("mixed", |a: i64, b: f32, c: f64, d: u32| -> (f64, i64) { (c + b as f64, a + d as i64) })
        .function("framed", |_f: &CallingFrame, p: u64| -> Result<u32, HostError> { Ok(p as u32) });
    use ValType::*;
    assert_eq!(
        m.signatures(),
        vec![
            ("none", &[][..], &[][..]),
            ("add", &[I32, I32][..], &[I32][..]),
            ("mixed", &[I64, F32, F64, I32][..], &[F64, I64][..]),
            ("framed", &[I64][..], &[I32][..]),
        ]
    );
    assert_eq!(m.name(), "m");
}

#[test]
fn values_pass_through_unchanged() {
    let m = Module::new("m")
        .function("add", |a: i32, b: i32| a.wrapping_add(b))
        .function("mixed", |a: i64, b: f32, c: f64, d: u32| -> (f64, i64) { (c + b as f64, a + d as i64) });
    assert_eq!(m.call("add", &[Val::I32(i32::MAX), Val::I32(1)]), Ok(vec![Val::I32(i32::MIN)]));
    assert_eq!(
        m.call("mixed", &[Val::I64(-10), Val::F32(0.5), Val::F64(2.0), Val::I32(-1)]),
        Ok(vec![Val::F64(2.5), Val::I64(-10 + u32::MAX as i64)])
    );
}

#[test]
fn errors_become_failure_results() {
    let m = Module::new("m")
        .function("user", |code: u32| -> Result<(), HostError> { Err(HostError::user(code)) })
        .function("oob", || -> Result<i32, HostError> { Err(HostError::MEMORY_OUT_OF_BOUNDS) })
        .function("ok", || -> Result<i32, HostError> { Ok(3) });
    let err = m.call("user", &[Val::I32(0x7654_3210)]).unwrap_err();
    assert_eq!(err.to_raw().Code, 0x0154_3210);
    assert_eq!(m.call("oob", &[]), Err(HostError::MEMORY_OUT_OF_BOUNDS));
    assert_eq!(m.call("ok", &[]), Ok(vec![Val::I32(3)]));
}

#[test]
fn panics_are_caught_and_become_host_func_error() {
    let m = Module::new("m").function("boom", |x: i32| -> i32 {
        if x > 0 {
            panic!("deliberate panic in a host function");
        }
        x
    });
    assert_eq!(m.call("boom", &[Val::I32(1)]), Err(HostError::HOST_FUNC_ERROR));
    // The module is still usable afterwards.
    assert_eq!(m.call("boom", &[Val::I32(-1)]), Ok(vec![Val::I32(-1)]));
}

#[test]
fn host_data_is_shared_by_the_module_functions() {
    struct Counter(AtomicU32);
    let m = Module::with_data("m", Counter(AtomicU32::new(0)))
        .function("bump", |f: &CallingFrame<Counter>, by: u32| f.data().0.fetch_add(by, Ordering::SeqCst) + by);
    assert_eq!(m.call("bump", &[Val::I32(2)]), Ok(vec![Val::I32(2)]));
    assert_eq!(m.call("bump", &[Val::I32(3)]), Ok(vec![Val::I32(5)]));
    assert_eq!(m.data().0.load(Ordering::SeqCst), 5);
}

#[test]
fn without_a_frame_memory_is_out_of_bounds() {
    let m = Module::new("m").function("peek", |f: &CallingFrame, p: u32| -> Result<u32, HostError> { f.memory(0)?.read_u32(p) });
    assert_eq!(m.call("peek", &[Val::I32(0)]), Err(HostError::MEMORY_OUT_OF_BOUNDS));
}

#[test]
fn a_module_that_never_reaches_the_host_drops_its_data_and_closures() {
    let data = Arc::new(());
    let captured = Arc::clone(&data);
    let m = Module::with_data("m", Arc::clone(&data)).function("f", move || {
        let _keep = &captured;
    });
    assert_eq!(Arc::strong_count(&data), 3);
    drop(m);
    assert_eq!(Arc::strong_count(&data), 1);
}

#[test]
#[should_panic(expected = "do not match")]
fn calling_with_wrong_argument_types_panics() {
    let m = Module::new("m").function("add", |a: i32, b: i32| a + b);
    let _ = m.call("add", &[Val::I64(1), Val::I32(2)]);
}
