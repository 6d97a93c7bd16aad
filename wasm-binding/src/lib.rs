//! `@bindlab/wasm`: bindlab's core through wasm-bindgen, the "thick" binding.
//!
//! Conversions only: each module wraps one concern of `bindlab-core` in
//! wasm-bindgen's exported functions and classes.

mod callback;
mod class;
mod error;
mod object;
mod memwatch;
mod probe;
mod raw;
mod transfer;
