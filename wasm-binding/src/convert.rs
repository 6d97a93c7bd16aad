//! The conversions every module shares: JS `TypeError`s, and serde between core types
//! and plain JS values (`serde-wasm-bindgen`, JSON-compatible: numbers, not BigInts).

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;

/// A JS `TypeError` with `message`.
pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// Converts a JS value into a core type, or says why it does not fit. The value goes
/// through a `serde_json::Value`: serde-wasm-bindgen reads only the fields a struct names,
/// so it would let through unknown ones that `deny_unknown_fields` refuses (and that
/// napi's conversion refuses).
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| String::from(js_sys::Error::from(JsValue::from(e)).message()))?;
    serde_json::from_value(json).map_err(|e| e.to_string())
}

/// Converts a core value into a plain JS value.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}
