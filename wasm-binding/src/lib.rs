//! `@bindlab/wasm`: bindlab's core through wasm-bindgen, the "thick" binding.
//!
//! Conversions only: each module wraps one concern of `bindlab-core` in
//! wasm-bindgen's exported functions and classes.

mod callback;
mod class;
mod convert;
mod error;
mod lifetime;
mod memwatch;
mod object;
mod panic;
mod probe;
mod raw;
mod snapshot;
mod transfer;
