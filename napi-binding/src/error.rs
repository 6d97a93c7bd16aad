//! The error probe: a Rust `Err` becomes a thrown JS `Error`.

use napi_derive::napi;

/// Throws an `Error` with `message`.
#[napi]
pub fn throw_error(message: String) -> napi::Result<()> {
    Err(napi::Error::from_reason(message))
}
