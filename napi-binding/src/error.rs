//! The one error conversion of this binding: a core [`CallError`] thrown as the JS error
//! class the core gives it, with the core's message.

use bindlab_core::error::{CallError, ErrorClass};
use napi::bindgen_prelude::Env;

/// Throws `error` as a `TypeError`, `RangeError` or `Error` and returns the error that
/// tells napi-rs what to do (a plain `Error` is thrown by napi-rs itself).
pub(crate) fn throw(env: &Env, error: impl Into<CallError>) -> napi::Error {
    let error = error.into();
    let message = error.to_string();
    let thrown = match error.class() {
        ErrorClass::Type => env.throw_type_error(&message, None),
        ErrorClass::Range => env.throw_range_error(&message, None),
        ErrorClass::Plain => return napi::Error::from_reason(message),
    };
    match thrown {
        Ok(()) => napi::Error::new(napi::Status::PendingException, message),
        Err(failed) => failed,
    }
}

/// `error` as the plain `Error` napi-rs throws, for a call without an `Env` (the core
/// gives these errors the plain class: a spent handle, a malformed snapshot).
pub(crate) fn plain(error: impl Into<CallError>) -> napi::Error {
    napi::Error::from_reason(error.into().to_string())
}
