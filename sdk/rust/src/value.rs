//! Wasm value types and values, encoded in pure Rust exactly as the C API encodes them, so that no
//! FFI call is needed per parameter or result.

use crate::sys::{WasmEdge_ValType, WasmEdge_Value};

/// A wasm value type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValType {
    I32,
    I64,
    F32,
    F64,
    V128,
    FuncRef,
    ExternRef,
}

impl ValType {
    /// The 8-byte encoding of the C API: `[0, externalize, type code, heap type, index u32 LE]`.
    /// Reference types are nullable refs (0x63), like `WasmEdge_ValTypeGenFuncRef`.
    pub const fn to_raw(self) -> WasmEdge_ValType {
        let (code, heap) = match self {
            ValType::I32 => (0x7F, 0x40),
            ValType::I64 => (0x7E, 0x40),
            ValType::F32 => (0x7D, 0x40),
            ValType::F64 => (0x7C, 0x40),
            ValType::V128 => (0x7B, 0x40),
            ValType::FuncRef => (0x63, 0x70),
            ValType::ExternRef => (0x63, 0x6F),
        };
        WasmEdge_ValType { Data: [0, 0, code, heap, 0, 0, 0, 0] }
    }

    /// Decodes a C value type; `None` for types this crate does not model (typed references).
    /// Non-null references (0x64) to func/extern are accepted as `FuncRef`/`ExternRef`.
    pub const fn from_raw(raw: WasmEdge_ValType) -> Option<ValType> {
        match (raw.Data[2], raw.Data[3]) {
            (0x7F, _) => Some(ValType::I32),
            (0x7E, _) => Some(ValType::I64),
            (0x7D, _) => Some(ValType::F32),
            (0x7C, _) => Some(ValType::F64),
            (0x7B, _) => Some(ValType::V128),
            (0x63 | 0x64, 0x70) => Some(ValType::FuncRef),
            (0x63 | 0x64, 0x6F) => Some(ValType::ExternRef),
            _ => None,
        }
    }

    /// The name used in wasm text and in our CLI output (`i32`, `funcref`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
            ValType::V128 => "v128",
            ValType::FuncRef => "funcref",
            ValType::ExternRef => "externref",
        }
    }
}

/// A number value, for calling host functions from Rust (see [`crate::Module::call`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Val {
    I32(i32),
    I64(i64),
    F32(f32),
    F64(f64),
}

impl Val {
    pub const fn ty(self) -> ValType {
        match self {
            Val::I32(_) => ValType::I32,
            Val::I64(_) => ValType::I64,
            Val::F32(_) => ValType::F32,
            Val::F64(_) => ValType::F64,
        }
    }

    pub fn to_raw(self) -> WasmEdge_Value {
        match self {
            Val::I32(v) => v.to_raw(),
            Val::I64(v) => v.to_raw(),
            Val::F32(v) => v.to_raw(),
            Val::F64(v) => v.to_raw(),
        }
    }

    /// Decodes `raw` as a value of type `ty`; `None` for non-number types.
    pub fn from_raw(ty: ValType, raw: &WasmEdge_Value) -> Option<Val> {
        Some(match ty {
            ValType::I32 => Val::I32(i32::from_raw(raw)),
            ValType::I64 => Val::I64(i64::from_raw(raw)),
            ValType::F32 => Val::F32(f32::from_raw(raw)),
            ValType::F64 => Val::F64(f64::from_raw(raw)),
            _ => return None,
        })
    }
}

mod sealed {
    pub trait Sealed {}
}

/// A Rust type that maps to one wasm number type. `u32`/`u64` map to `i32`/`i64` bit for bit,
/// which suits wasm pointers and lengths.
pub trait WasmType: Copy + Send + Sync + 'static + sealed::Sealed {
    const TYPE: ValType;
    /// Reads the payload from the low bytes of `raw.Value` (the type tag is not checked: the host
    /// only calls a function with the types it was declared with).
    fn from_raw(raw: &WasmEdge_Value) -> Self;
    fn to_raw(self) -> WasmEdge_Value;
}

macro_rules! wasm_type {
    ($t:ty, $vt:ident, |$v:ident| $to_bits:expr, |$b:ident| $from_bits:expr) => {
        impl sealed::Sealed for $t {}
        impl WasmType for $t {
            const TYPE: ValType = ValType::$vt;
            #[inline]
            fn from_raw(raw: &WasmEdge_Value) -> Self {
                let $b = raw.Value;
                $from_bits
            }
            #[inline]
            fn to_raw(self) -> WasmEdge_Value {
                let $v = self;
                WasmEdge_Value { Value: $to_bits, Type: ValType::$vt.to_raw() }
            }
        }
    };
}

wasm_type!(i32, I32, |v| v as u32 as u128, |b| b as u32 as i32);
wasm_type!(u32, I32, |v| v as u128, |b| b as u32);
wasm_type!(i64, I64, |v| v as u64 as u128, |b| b as u64 as i64);
wasm_type!(u64, I64, |v| v as u128, |b| b as u64);
wasm_type!(f32, F32, |v| v.to_bits() as u128, |b| f32::from_bits(b as u32));
wasm_type!(f64, F64, |v| v.to_bits() as u128, |b| f64::from_bits(b as u64));

/// The parameter list of a host function: a tuple of [`WasmType`]s, decoded from the host's array.
pub trait WasmParams: Sized {
    fn types() -> Vec<ValType>;
    /// `raw` has exactly `types().len()` values.
    fn load(raw: &[WasmEdge_Value]) -> Self;
}

/// The result list of a host function: `()`, one [`WasmType`], or a tuple of them.
pub trait WasmResults {
    fn types() -> Vec<ValType>;
    /// `out` has exactly `types().len()` slots.
    fn store(self, out: &mut [WasmEdge_Value]);
}

impl<T: WasmType> WasmResults for T {
    fn types() -> Vec<ValType> {
        vec![T::TYPE]
    }
    fn store(self, out: &mut [WasmEdge_Value]) {
        out[0] = self.to_raw();
    }
}

macro_rules! tuples {
    ($($name:ident $idx:tt),*) => {
        impl<$($name: WasmType),*> WasmParams for ($($name,)*) {
            fn types() -> Vec<ValType> {
                vec![$($name::TYPE),*]
            }
            #[allow(unused_variables, clippy::unused_unit)]
            fn load(raw: &[WasmEdge_Value]) -> Self {
                ($($name::from_raw(&raw[$idx]),)*)
            }
        }
        impl<$($name: WasmType),*> WasmResults for ($($name,)*) {
            fn types() -> Vec<ValType> {
                vec![$($name::TYPE),*]
            }
            #[allow(unused_variables)]
            fn store(self, out: &mut [WasmEdge_Value]) {
                $(out[$idx] = self.$idx.to_raw();)*
            }
        }
    };
}

tuples!();
tuples!(A 0);
tuples!(A 0, B 1);
tuples!(A 0, B 1, C 2);
tuples!(A 0, B 1, C 2, D 3);
tuples!(A 0, B 1, C 2, D 3, E 4);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
