//! An exported class: napi-rs boxes the Rust value and wraps it in the JS object (also built by the napi-3.12 variant).

use bindlab_core::lab::probe;
use napi_derive::napi;

/// A counter owned by Rust, used to measure method calls and construction.
#[napi]
pub struct Counter(probe::Counter);

#[napi]
impl Counter {
    /// A counter starting at `start`.
    #[napi(constructor, catch_unwind)]
    pub fn new(start: f64) -> Counter {
        Counter(probe::Counter::new(start))
    }

    /// Adds one and returns the new value.
    #[napi(catch_unwind)]
    pub fn increment(&mut self) -> f64 {
        self.0.increment()
    }

    /// The current value.
    #[napi(getter, catch_unwind)]
    pub fn value(&self) -> f64 {
        self.0.value()
    }
}
