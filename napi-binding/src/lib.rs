//! `@bindlab/napi`: bindlab's core through napi-rs, the "thin" binding over Node-API.
//!
//! Conversions only, in three parts: `api` is the product (memwatch's GC monitor, heap
//! snapshots and HeapDiff), `lab` the probes and lifetime instruments the harness
//! measures, and `floor` the macro-free Node-API floor and the overhead ladders they
//! are measured against. The JS package puts `lab` items (and `floor`'s `raw`) under
//! `pkg.lab`.

mod api;
mod convert;
mod error;
mod floor;
mod lab;
mod reference;
