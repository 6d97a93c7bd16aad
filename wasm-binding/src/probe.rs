//! The call-cost probes, exported through wasm-bindgen's generated glue.

use wasm_bindgen::prelude::*;

/// Does nothing: the cost of a JS → wasm call through the generated glue.
#[wasm_bindgen]
pub fn noop() {
    bindlab_core::probe::noop()
}

/// Adds two int32 values, wrapping on overflow.
#[wasm_bindgen]
pub fn add(a: i32, b: i32) -> i32 {
    bindlab_core::probe::add(a, b)
}

/// Sums a Float64Array (copied into wasm memory by the glue).
#[wasm_bindgen]
pub fn sum(values: &[f64]) -> f64 {
    bindlab_core::probe::sum(values)
}
