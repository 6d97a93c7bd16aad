//! Probes that call back into JavaScript through a napi-rs `Function`.
//! Every `#[napi]` function here has `catch_unwind`: a Rust panic becomes a thrown JS
//! `Error` instead of aborting Node (an unwind cannot cross the `extern "C"` callback).

use bindlab_core::lab::probe;
use crate::error::throw;
use napi::bindgen_prelude::{Env, Function};
use napi_derive::napi;

/// Returns `f()`: one native → JS call.
#[napi(strict, catch_unwind)]
pub fn call_once(f: Function<(), f64>) -> napi::Result<f64> {
    f.call(())
}

/// The sum of `f(i)` for `i` in `0..n`: `n` native → JS calls inside one JS → native call.
#[napi(strict, catch_unwind)]
pub fn call_many(env: Env, f: Function<u32, f64>, n: u32) -> napi::Result<f64> {
    probe::call_many(probe::check_calls(n).map_err(|e| throw(&env, e))?, |i| f.call(i))
}
