//! The panic probe: a Rust panic becomes a thrown JS `Error` through the hook in
//! `crate::panic`, and the next call runs on a fresh instance.

use bindlab_core::lab::probe;
use wasm_bindgen::prelude::*;

/// Panics in Rust with `message`.
#[wasm_bindgen(js_name = panicProbe)]
pub fn panic_probe(message: String) {
    probe::panic_with(&message)
}
