//! Probes that call back into JavaScript through napi-rs 2's `JsFunction`.

use bindlab_core::lab::probe;
use napi::{Env, JsFunction, JsNumber, JsUnknown};
use napi_derive::napi;

/// A callback's result as a number (coerced, as the other bindings' `f64` conversion does).
fn number_of(value: JsUnknown) -> napi::Result<f64> {
    value.coerce_to_number()?.get_double()
}

/// Returns `f()`: one native → JS call.
#[napi(strict, catch_unwind)]
pub fn call_once(f: JsFunction) -> napi::Result<f64> {
    number_of(f.call_without_args(None)?)
}

/// The sum of `f(i)` for `i` in `0..n`: `n` native → JS calls inside one JS → native call.
#[napi(strict, catch_unwind)]
pub fn call_many(env: Env, f: JsFunction, n: u32) -> napi::Result<f64> {
    probe::call_many(n, |i| {
        let arg: JsNumber = env.create_uint32(i)?;
        number_of(f.call(None, &[arg])?)
    })
}
