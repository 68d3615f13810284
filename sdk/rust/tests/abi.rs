//! The encodings of the C API, checked against the bytes printed by a probe compiled against
//! WasmEdge 0.17.1 (docs/abi.md, "Layouts" and "Value types"). Layout sizes/offsets are compile-time assertions in `sys`.

use std::mem::{align_of, size_of};
use wasmedge_plugin_sdk::{HostError, Val, ValType, WasmType, sys};

fn bytes(v: &sys::WasmEdge_Value) -> [u8; 16] {
    v.Value.to_le_bytes()
}

#[test]
fn value_struct_is_32_bytes_16_aligned() {
    assert_eq!(size_of::<sys::WasmEdge_Value>(), 32);
    assert_eq!(align_of::<sys::WasmEdge_Value>(), 16);
    assert_eq!(size_of::<sys::WasmEdge_PluginDescriptor>(), 64);
    assert_eq!(size_of::<sys::WasmEdge_ProgramOption>(), 40);
}

#[test]
fn val_types_encode_like_the_c_api() {
    let cases = [
        (ValType::I32, [0, 0, 0x7f, 0x40, 0, 0, 0, 0]),
        (ValType::I64, [0, 0, 0x7e, 0x40, 0, 0, 0, 0]),
        (ValType::F32, [0, 0, 0x7d, 0x40, 0, 0, 0, 0]),
        (ValType::F64, [0, 0, 0x7c, 0x40, 0, 0, 0, 0]),
        (ValType::V128, [0, 0, 0x7b, 0x40, 0, 0, 0, 0]),
        (ValType::FuncRef, [0, 0, 0x63, 0x70, 0, 0, 0, 0]),
        (ValType::ExternRef, [0, 0, 0x63, 0x6f, 0, 0, 0, 0]),
    ];
    for (ty, data) in cases {
        assert_eq!(ty.to_raw().Data, data, "{}", ty.name());
        assert_eq!(ValType::from_raw(ty.to_raw()), Some(ty));
    }
    // Non-null references decode to the same kinds; unknown codes do not decode.
    assert_eq!(ValType::from_raw(sys::WasmEdge_ValType { Data: [0, 0, 0x64, 0x70, 0, 0, 0, 0] }), Some(ValType::FuncRef));
    assert_eq!(ValType::from_raw(sys::WasmEdge_ValType { Data: [0, 0, 0x11, 0x40, 0, 0, 0, 0] }), None);
}

#[test]
fn values_encode_little_endian_in_the_low_bytes() {
    let minus_two = (-2i32).to_raw();
    assert_eq!(bytes(&minus_two), [0xfe, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(minus_two.Type, ValType::I32.to_raw());
    assert_eq!(bytes(&1.0f32.to_raw()), [0, 0, 0x80, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!((-1i64).to_raw().Value, u64::MAX as u128);
    assert_eq!(0xdead_beefu32.to_raw().Type, ValType::I32.to_raw());
    assert_eq!(u64::MAX.to_raw().Type, ValType::I64.to_raw());

    for v in [Val::I32(i32::MIN), Val::I64(-5), Val::F32(-0.5), Val::F64(f64::MAX)] {
        assert_eq!(Val::from_raw(v.ty(), &v.to_raw()), Some(v));
    }
    // Only the low bytes count when reading: garbage above them is ignored.
    let mut raw = 7i32.to_raw();
    raw.Value |= 0xffff_ffff << 64;
    assert_eq!(i32::from_raw(&raw), 7);
}

#[test]
fn errors_encode_like_result_gen() {
    assert_eq!(HostError::user(0x1234_5678).to_raw().Code, 0x0134_5678);
    assert_eq!(HostError::MEMORY_OUT_OF_BOUNDS.to_raw().Code, 0x408);
    assert_eq!(HostError::HOST_FUNC_ERROR.to_raw().Code, 0x40e);
    assert_eq!(HostError::TERMINATE.to_raw().Code, 0x1);
    assert_eq!(HostError::from_raw(sys::WasmEdge_Result { Code: 0x0200_0005 }).map(|e| (e.category(), e.code())), Some((2, 5)));
    assert_eq!(HostError::from_raw(sys::WasmEdge_Result { Code: 0 }), None);
    assert_eq!(HostError::MEMORY_OUT_OF_BOUNDS.to_string(), "out of bounds memory access (category 0, code 0x408)");
}
