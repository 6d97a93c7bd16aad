//! An exported class: napi-rs boxes the Rust value and wraps it in the JS object
//! (`napi_wrap`); the finalizer frees it when the object is collected.
//! Every `#[napi]` function here has `catch_unwind`: a Rust panic becomes a thrown JS
//! `Error` instead of aborting Node (an unwind cannot cross the `extern "C"` callback).

use bindlab_core::lab::probe;
use napi_derive::napi;

/// A counter owned by Rust, used to measure method calls and construction.
#[napi]
pub struct Counter(probe::Counter);

#[napi]
impl Counter {
    /// A counter starting at `start`.
    #[napi(catch_unwind, constructor)]
    pub fn new(start: f64) -> Counter {
        Counter(probe::Counter::new(start))
    }

    /// Adds one and returns the new value.
    #[napi(catch_unwind)]
    pub fn increment(&mut self) -> f64 {
        self.0.increment()
    }

    /// The current value.
    #[napi(catch_unwind, getter)]
    pub fn value(&self) -> f64 {
        self.0.value()
    }
}
