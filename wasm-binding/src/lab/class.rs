//! An exported class: wasm-bindgen keeps the Rust value in linear memory and gives JS
//! a wrapper holding its pointer, freed by `free()` or a FinalizationRegistry.

use bindlab_core::lab::probe;
use wasm_bindgen::prelude::*;

/// A counter owned by Rust, used to measure method calls and construction.
#[wasm_bindgen]
pub struct Counter(probe::Counter);

#[wasm_bindgen]
impl Counter {
    /// A counter starting at `start`.
    #[wasm_bindgen(constructor)]
    pub fn new(start: f64) -> Counter {
        Counter(probe::Counter::new(start))
    }

    /// Adds one and returns the new value.
    pub fn increment(&mut self) -> f64 {
        self.0.increment()
    }

    /// The current value.
    #[wasm_bindgen(getter)]
    pub fn value(&self) -> f64 {
        self.0.value()
    }
}
