//! The conversions several modules share.

use napi::bindgen_prelude::Env;

/// Throws a JS `RangeError` with `message` and returns the pending-exception error.
pub(crate) fn range_error(env: &Env, message: String) -> napi::Error {
    match env.throw_range_error(&message, None) {
        Ok(()) => napi::Error::new(napi::Status::PendingException, message),
        Err(error) => error,
    }
}

/// Throws a JS `TypeError` with `message` and returns the error that tells napi-rs an
/// exception is already pending.
pub(crate) fn type_error(env: &Env, message: String) -> napi::Error {
    match env.throw_type_error(&message, None) {
        Ok(()) => napi::Error::new(napi::Status::PendingException, message),
        Err(error) => error,
    }
}
