//! Probes that call back into JavaScript through a `js_sys::Function`.

use crate::convert::type_error;
use crate::error::js_error;
use bindlab_core::lab::probe;
use wasm_bindgen::prelude::*;

/// Calls `f(i)` and reads its result as a number.
fn call_number(f: &js_sys::Function, arg: &JsValue) -> Result<f64, JsValue> {
    let value = f.call1(&JsValue::UNDEFINED, arg)?;
    value.as_f64().ok_or_else(|| type_error("the callback must return a number"))
}

/// Returns `f()`: one wasm → JS call.
#[wasm_bindgen(js_name = callOnce)]
pub fn call_once(f: &js_sys::Function) -> Result<f64, JsValue> {
    call_number(f, &JsValue::UNDEFINED)
}

/// The sum of `f(i)` for `i` in `0..n`: `n` wasm → JS calls inside one JS → wasm call.
#[wasm_bindgen(js_name = callMany)]
pub fn call_many(f: &js_sys::Function, n: u32) -> Result<f64, JsValue> {
    probe::call_many(probe::check_calls(n).map_err(js_error)?, |i| call_number(f, &JsValue::from(i)))
}
