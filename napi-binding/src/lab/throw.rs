//! The error probe: a Rust `Err` becomes a thrown JS `Error`.
//! Every `#[napi]` function here has `catch_unwind`: a Rust panic becomes a thrown JS
//! `Error` instead of aborting Node (an unwind cannot cross the `extern "C"` callback).

use napi_derive::napi;

/// Throws an `Error` with `message`.
#[napi(catch_unwind)]
pub fn throw_error(message: String) -> napi::Result<()> {
    Err(napi::Error::from_reason(message))
}
