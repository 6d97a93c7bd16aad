//! The scalar call-cost probes and the error probes (also built by the napi-3.12 variant).

use bindlab_core::lab::probe;
use napi::bindgen_prelude::BigInt;
use napi_derive::napi;

/// Does nothing: the cost of a JS → Node-API call through `#[napi]`.
#[napi(catch_unwind)]
pub fn noop() {
    probe::noop()
}

/// Adds two int32 values, wrapping on overflow.
#[napi(catch_unwind)]
pub fn add(a: i32, b: i32) -> i32 {
    probe::add(a, b)
}

/// `a * b + c` in float64, rounded twice as JavaScript does.
#[napi(catch_unwind)]
pub fn mul_add(a: f64, b: f64, c: f64) -> f64 {
    probe::mul_add(a, b, c)
}

/// Negates a boolean.
#[napi(catch_unwind)]
pub fn not(value: bool) -> bool {
    probe::not(value)
}

/// Adds two BigInts in [0, 2^64), wrapping modulo 2^64.
#[napi(strict, catch_unwind, js_name = "addU64")]
pub fn add_u64(a: BigInt, b: BigInt) -> napi::Result<BigInt> {
    Ok(BigInt::from(probe::add_u64(to_u64(&a, "a")?, to_u64(&b, "b")?)))
}

/// Reads a BigInt that must lie in [0, 2^64).
fn to_u64(value: &BigInt, name: &str) -> napi::Result<u64> {
    match value.get_u64() {
        (false, v, true) => Ok(v),
        _ => Err(napi::Error::new(napi::Status::InvalidArg, format!("addU64(a, b): {name} must be a BigInt in [0, 2^64)"))),
    }
}

/// Throws an `Error` carrying `message`.
#[napi(catch_unwind)]
pub fn throw_error(message: String) -> napi::Result<()> {
    Err(napi::Error::from_reason(message))
}

/// Panics with `message`; `catch_unwind` makes it a thrown `Error`.
#[napi(catch_unwind)]
pub fn panic_probe(message: String) {
    probe::panic_with(&message)
}
