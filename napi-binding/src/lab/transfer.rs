//! Probes that move data across: strings, bytes and float arrays. Typed arrays are
//! borrowed in place where the probe allows it.
//! Every `#[napi]` function here has `catch_unwind`: a Rust panic becomes a thrown JS
//! `Error` instead of aborting Node (an unwind cannot cross the `extern "C"` callback).

use bindlab_core::lab::probe;
use crate::error::throw;
use napi::bindgen_prelude::{Env, Uint8Array};
use napi_derive::napi;

/// The UTF-8 length of a string (copied out of V8 as UTF-8).
#[napi(catch_unwind)]
pub fn utf8_length(text: String) -> u32 {
    probe::utf8_length(&text) as u32
}

/// Returns the string: decoded in, encoded out.
#[napi(catch_unwind)]
pub fn echo_string(text: String) -> String {
    probe::echo_string(&text).to_owned()
}

/// The wrapping sum of the bytes, read in place (no copy).
#[napi(strict, catch_unwind)]
pub fn sum_bytes(bytes: &[u8]) -> u32 {
    probe::sum_bytes(bytes)
}

/// The wrapping sum of the bytes after copying them into a Rust `Vec`.
#[napi(strict, catch_unwind)]
pub fn sum_bytes_copied(bytes: &[u8]) -> u32 {
    // black_box keeps the optimiser from eliding the copy this probe exists to measure.
    probe::sum_bytes(&std::hint::black_box(bytes.to_vec()))
}

/// `length` bytes counting up from 0, handed to JS without a copy (external memory).
#[napi(catch_unwind)]
pub fn make_bytes(env: Env, length: u32) -> napi::Result<Uint8Array> {
    Ok(Uint8Array::new(probe::make_bytes_checked(length).map_err(|e| throw(&env, e))?))
}

/// Sums a Float64Array, read in place (no copy).
#[napi(strict, catch_unwind)]
pub fn sum(values: &[f64]) -> f64 {
    probe::sum(values)
}
