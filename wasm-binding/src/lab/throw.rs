//! The error probe: a Rust `Err` becomes a thrown JS `Error`.

use wasm_bindgen::prelude::*;

/// Throws an `Error` with `message`.
#[wasm_bindgen(js_name = throwError)]
pub fn throw_error(message: &str) -> Result<(), JsError> {
    Err(JsError::new(message))
}
