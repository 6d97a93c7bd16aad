//! The one error conversion of this binding: a core [`CallError`] as the JS error class
//! the core gives it, with the core's message.

use bindlab_core::error::{CallError, ErrorClass};
use wasm_bindgen::prelude::*;

/// `error` as a JS `TypeError`, `RangeError` or `Error`.
pub(crate) fn js_error(error: impl Into<CallError>) -> JsValue {
    let error = error.into();
    let message = error.to_string();
    match error.class() {
        ErrorClass::Type => js_sys::TypeError::new(&message).into(),
        ErrorClass::Range => js_sys::RangeError::new(&message).into(),
        ErrorClass::Plain => js_sys::Error::new(&message).into(),
    }
}
