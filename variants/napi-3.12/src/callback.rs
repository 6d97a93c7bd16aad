//! Probes that call back into JavaScript through napi-rs 3's typed `Function`.

use bindlab_core::lab::probe;
use napi::bindgen_prelude::Function;
use napi_derive::napi;

/// Returns `f()`: one native → JS call.
#[napi(strict, catch_unwind)]
pub fn call_once(f: Function<(), f64>) -> napi::Result<f64> {
    f.call(())
}

/// The sum of `f(i)` for `i` in `0..n`: `n` native → JS calls inside one JS → native call.
#[napi(strict, catch_unwind)]
pub fn call_many(f: Function<u32, f64>, n: u32) -> napi::Result<f64> {
    probe::call_many(n, |i| f.call(i))
}
