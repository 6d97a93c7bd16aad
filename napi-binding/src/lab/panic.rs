//! The panic probe: a Rust panic becomes a thrown JS `Error` (`catch_unwind` on the
//! item), never an abort of the process.

use bindlab_core::lab::probe;
use napi_derive::napi;

/// Panics in Rust with `message`.
#[napi(catch_unwind)]
pub fn panic_probe(message: String) {
    probe::panic_with(&message)
}
