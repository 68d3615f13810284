//! Host functions as plain Rust closures: the wasm signature comes from the Rust signature.

use crate::error::HostError;
use crate::frame::CallingFrame;
use crate::sys::WasmEdge_Value;
use crate::value::{ValType, WasmParams, WasmResults, WasmType};
use core::marker::PhantomData;

/// What a host function may return: results (`()`, a [`WasmType`], a tuple), or
/// `Result<results, HostError>` to fail with a chosen error.
pub trait HostResult {
    type Values: WasmResults;
    fn into_result(self) -> Result<Self::Values, HostError>;
}

impl<T: WasmResults> HostResult for T {
    type Values = T;
    fn into_result(self) -> Result<T, HostError> {
        Ok(self)
    }
}

impl<T: WasmResults> HostResult for Result<T, HostError> {
    type Values = T;
    fn into_result(self) -> Result<T, HostError> {
        self
    }
}

/// A closure usable as a host function of a module with host data `D`. Implemented for
/// `Fn(A1, .., An) -> R` and `Fn(&CallingFrame<D>, A1, .., An) -> R` (n ≤ 8), where each `Ai` is a
/// [`WasmType`] and `R` a [`HostResult`]. `Marker` only tells the two forms apart.
pub trait HostFunction<D, Marker>: Send + Sync + 'static {
    fn param_types() -> Vec<ValType>;
    fn result_types() -> Vec<ValType>;
    /// `params` and `results` have exactly as many values as the types above.
    fn call(&self, frame: &CallingFrame<D>, params: &[WasmEdge_Value], results: &mut [WasmEdge_Value]) -> Result<(), HostError>;
}

/// Marker of closures that take only wasm values.
pub struct ValuesOnly<Args, R>(PhantomData<fn(Args) -> R>);
/// Marker of closures that take the calling frame first.
pub struct WithFrame<Args, R>(PhantomData<fn(Args) -> R>);

macro_rules! host_function {
    ($($a:ident),*) => {
        impl<D, F, R, $($a: WasmType),*> HostFunction<D, ValuesOnly<($($a,)*), R>> for F
        where
            F: Fn($($a),*) -> R + Send + Sync + 'static,
            R: HostResult,
        {
            fn param_types() -> Vec<ValType> {
                <($($a,)*) as WasmParams>::types()
            }
            fn result_types() -> Vec<ValType> {
                R::Values::types()
            }
            #[allow(non_snake_case)]
            fn call(&self, _frame: &CallingFrame<D>, params: &[WasmEdge_Value], results: &mut [WasmEdge_Value]) -> Result<(), HostError> {
                let ($($a,)*) = <($($a,)*) as WasmParams>::load(params);
                self($($a),*).into_result()?.store(results);
                Ok(())
            }
        }

        impl<D, F, R, $($a: WasmType),*> HostFunction<D, WithFrame<($($a,)*), R>> for F
        where
            F: Fn(&CallingFrame<D>, $($a),*) -> R + Send + Sync + 'static,
            R: HostResult,
        {
            fn param_types() -> Vec<ValType> {
                <($($a,)*) as WasmParams>::types()
            }
            fn result_types() -> Vec<ValType> {
                R::Values::types()
            }
            #[allow(non_snake_case)]
            fn call(&self, frame: &CallingFrame<D>, params: &[WasmEdge_Value], results: &mut [WasmEdge_Value]) -> Result<(), HostError> {
                let ($($a,)*) = <($($a,)*) as WasmParams>::load(params);
                self(frame, $($a),*).into_result()?.store(results);
                Ok(())
            }
        }
    };
}

host_function!();
host_function!(A1);
host_function!(A1, A2);
host_function!(A1, A2, A3);
host_function!(A1, A2, A3, A4);
host_function!(A1, A2, A3, A4, A5);
host_function!(A1, A2, A3, A4, A5, A6);
host_function!(A1, A2, A3, A4, A5, A6, A7);
host_function!(A1, A2, A3, A4, A5, A6, A7, A8);
