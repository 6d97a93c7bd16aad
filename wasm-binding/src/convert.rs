//! The conversions every module shares: JS `TypeError`s, and serde between core types
//! and plain JS values (`serde-wasm-bindgen`, JSON-compatible: numbers, not BigInts).

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;

/// A JS `TypeError` with `message`.
pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// Converts a JS value into a core type, or a `TypeError` saying it should have been `what`.
/// The value goes through a `serde_json::Value`: serde-wasm-bindgen reads only the fields a
/// struct names, so it would let through unknown ones that `deny_unknown_fields` refuses
/// (and that napi's conversion refuses).
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|e| {
        let reason = js_sys::Error::from(JsValue::from(e)).message();
        type_error(&format!("{what}: {reason}"))
    })?;
    serde_json::from_value(json).map_err(|e| type_error(&format!("{what}: {e}")))
}

/// Converts a core value into a plain JS value.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// A JS `RangeError` with `message`.
pub(crate) fn range_error(message: &str) -> JsValue {
    js_sys::RangeError::new(message).into()
}

/// A JS `Error` with `message`.
pub(crate) fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}
