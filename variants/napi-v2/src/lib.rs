//! bindlab's probes through napi-rs 2.16's `#[napi]` macro, the previous major: the same
//! exports and conversions as the shipped binding (napi-rs 3.16), so that the two differ by
//! library version only. Every export has `catch_unwind`: a panic becomes a JS `Error`.

mod callback;
mod counter;
mod scalar;
mod transfer;
