//! The conversions several modules share.

use napi::bindgen_prelude::{Env, Function, JsObjectValue, Object, Unknown};
use napi::sys;
use serde::Serialize;

/// A core value as a plain JS value whose numbers are all JS numbers, with its fields in
/// their declared order (the shape and order of wasm's JSON-compatible serializer):
/// the value is written as JSON text and read back by `JSON.parse`. napi-rs's own
/// serializer would turn a `u64` above 2^32 into a BigInt where the types say `number`,
/// and going through a `serde_json::Value` tree costs a map per object (a big leak
/// report's rows held three times over) and sorts the keys; the text is compact, and
/// V8's parser builds the objects faster than property-by-property calls would.
pub(crate) fn to_js_numbers<T: Serialize>(env: &Env, value: &T) -> napi::Result<Unknown<'static>> {
    let text = serde_json::to_string(value).map_err(|e| napi::Error::from_reason(e.to_string()))?;
    let json: Object = env.get_global()?.get_named_property("JSON")?;
    let parse: Function<String, Unknown<'static>> = json.get_named_property("parse")?;
    parse.call(text)
}

/// Checks a Node-API status, naming the call that failed.
pub(crate) fn check(status: sys::napi_status, call: &str) -> napi::Result<()> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(napi::Error::from_reason(format!("{call} failed with status {status}")))
    }
}
