//! `@bindlab/napi`: bindlab's core through napi-rs, the "thin" binding over Node-API.
//!
//! Conversions only: each module wraps one concern of `bindlab-core` in a handful of
//! `#[napi]` items.

mod probe;
