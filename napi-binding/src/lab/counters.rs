//! Readouts the lifetime lab takes from Node-API itself: the reference calls this
//! thread made, and V8's total of reported external memory.
//! Every `#[napi]` function here has `catch_unwind`: a Rust panic becomes a thrown JS
//! `Error` instead of aborting Node (an unwind cannot cross the `extern "C"` callback).

use crate::reference::{counters, ReferenceCounters};
use napi::bindgen_prelude::Env;
use napi_derive::napi;

/// The Node-API reference calls made so far by this thread.
#[napi(catch_unwind)]
pub fn reference_counters() -> ReferenceCounters {
    counters()
}

/// V8's running total of external memory reported through Node-API, read by adjusting
/// it by 0. (`process.memoryUsage().external` does not include it on Node 20.)
#[napi(catch_unwind)]
pub fn reported_external_memory(env: Env) -> napi::Result<f64> {
    Ok(env.adjust_external_memory(0)? as f64)
}
