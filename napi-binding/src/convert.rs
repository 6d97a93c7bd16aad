//! The conversions several modules share.

use napi::bindgen_prelude::{Env, Unknown};
use napi::sys;
use serde::Serialize;
use serde_json::{Number, Value};

/// Throws a JS `RangeError` with `message` and returns the pending-exception error.
pub(crate) fn range_error(env: &Env, message: String) -> napi::Error {
    match env.throw_range_error(&message, None) {
        Ok(()) => napi::Error::new(napi::Status::PendingException, message),
        Err(error) => error,
    }
}

/// A core value as a plain JS value whose numbers are all JS numbers: napi-rs's serializer
/// turns a `u64` above 2^32 into a BigInt, where the types (and wasm's JSON-compatible
/// serializer) say `number`.
pub(crate) fn to_js_numbers<T: Serialize>(env: &Env, value: &T) -> napi::Result<Unknown<'static>> {
    let mut json = serde_json::to_value(value).map_err(|e| napi::Error::from_reason(e.to_string()))?;
    integers_as_floats(&mut json);
    env.to_js_value(&json)
}

/// Rewrites every integer in `value` as a float, in place.
fn integers_as_floats(value: &mut Value) {
    match value {
        Value::Number(n) if !n.is_f64() => {
            if let Some(float) = n.as_f64().and_then(Number::from_f64) {
                *n = float;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integers_as_floats),
        Value::Object(map) => map.values_mut().for_each(integers_as_floats),
        _ => {}
    }
}

/// Checks a Node-API status, naming the call that failed.
pub(crate) fn check(status: sys::napi_status, call: &str) -> napi::Result<()> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(napi::Error::from_reason(format!("{call} failed with status {status}")))
    }
}
