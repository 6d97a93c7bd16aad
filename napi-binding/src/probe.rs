//! The call-cost probes, exported through napi-rs's `#[napi]` macro.

use napi_derive::napi;

/// Does nothing: the cost of a JS → Node-API call through napi-rs.
#[napi]
pub fn noop() {
    bindlab_core::probe::noop()
}

/// Adds two int32 values, wrapping on overflow.
#[napi]
pub fn add(a: i32, b: i32) -> i32 {
    bindlab_core::probe::add(a, b)
}

#[napi]
pub fn sum(values: &[f64]) -> f64 {
    bindlab_core::probe::sum(values)
}
