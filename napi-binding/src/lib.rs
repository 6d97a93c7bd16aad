//! `@bindlab/napi`: bindlab's core through napi-rs, the "thin" binding over Node-API.
//!
//! Conversions only: each module wraps one concern of `bindlab-core` in a handful of
//! `#[napi]` items; `raw` is the macro-free Node-API floor they are measured against.

mod callback;
mod class;
mod convert;
mod error;
mod lifetime;
mod memwatch;
mod object;
mod overhead;
mod overhead_method;
mod panic;
mod probe;
mod raw;
mod raw_counter;
mod reference;
mod snapshot;
mod transfer;
