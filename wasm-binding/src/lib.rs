//! `@bindlab/wasm`: bindlab's core through wasm-bindgen, the "thick" binding.
//!
//! Conversions only, in three parts: `api` is the product (memwatch's GC monitor, heap
//! snapshots and HeapDiff), `lab` the probes and lifetime instruments the harness
//! measures, and `floor` the raw exports with no glue they are measured against. The JS
//! package puts `lab` items (and `floor`'s `raw`) under `pkg.lab`; `panic` turns a
//! Rust panic into a JS `Error` for all of them.

mod api;
mod convert;
mod error;
mod floor;
mod lab;
mod panic;
