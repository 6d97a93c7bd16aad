//! `Tracked`: Rust memory owned by a JS wrapper, freed by the napi-rs finalizer, with the
//! core's creation/drop counters (`trackedTally()`), for the lifetime lab.
//! Every `#[napi]` function here has `catch_unwind`: a Rust panic becomes a thrown JS
//! `Error` instead of aborting Node (an unwind cannot cross the `extern "C"` callback).

use crate::error::throw;
use bindlab_core::lab::lifetime::{self, Tally};
use napi::bindgen_prelude::Env;
use napi_derive::napi;

/// A Rust value of `bytes` payload owned by its JS wrapper; dropped by the finalizer.
#[napi]
pub struct Tracked(lifetime::Tracked);

#[napi]
impl Tracked {
    /// A value holding `bytes` of Rust memory.
    #[napi(catch_unwind, constructor)]
    pub fn new(env: Env, bytes: u32) -> napi::Result<Tracked> {
        Ok(Tracked(lifetime::Tracked::checked(bytes).map_err(|e| throw(&env, e))?))
    }

    /// The payload size in bytes.
    #[napi(catch_unwind, getter)]
    pub fn bytes(&self) -> u32 {
        self.0.bytes() as u32
    }
}

/// The core's `Tally`: `Tracked` values created, dropped, alive, and their live bytes.
#[napi(object, js_name = "TrackedTally")]
pub struct TallyObject {
    /// Values created.
    pub created: f64,
    /// Values dropped.
    pub dropped: f64,
    /// Values alive.
    pub live: f64,
    /// Payload bytes they hold.
    pub live_bytes: f64,
}

/// How many `Tracked` values exist and were dropped so far.
#[napi(catch_unwind)]
pub fn tracked_tally() -> TallyObject {
    let Tally { created, dropped, live, live_bytes } = lifetime::tally();
    TallyObject { created: created as f64, dropped: dropped as f64, live: live as f64, live_bytes: live_bytes as f64 }
}
