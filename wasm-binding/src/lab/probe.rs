//! The scalar call-cost probes, exported through wasm-bindgen's generated glue.

use bindlab_core::lab::probe;
use wasm_bindgen::prelude::*;

/// Does nothing: the cost of a JS → wasm call through the generated glue.
#[wasm_bindgen]
pub fn noop() {
    probe::noop()
}

/// Adds two int32 values, wrapping on overflow.
#[wasm_bindgen]
pub fn add(a: i32, b: i32) -> i32 {
    probe::add(a, b)
}

/// `a * b + c` in float64, rounded twice as JavaScript does.
#[wasm_bindgen(js_name = mulAdd)]
pub fn mul_add(a: f64, b: f64, c: f64) -> f64 {
    probe::mul_add(a, b, c)
}

/// Negates a boolean.
#[wasm_bindgen]
pub fn not(value: bool) -> bool {
    probe::not(value)
}

/// Adds two BigInts in [0, 2^64), wrapping modulo 2^64.
#[wasm_bindgen(js_name = addU64)]
pub fn add_u64(a: u64, b: u64) -> u64 {
    probe::add_u64(a, b)
}
