//! The lab: what the bindings export under `pkg.lab` to measure themselves, apart from
//! the product (GC monitoring, snapshots, HeapDiff).
//!
//! - [`probe`]: tiny functions whose only purpose is to measure what a call across a
//!   language boundary costs.
//! - [`lifetime`]: counted values that show when Rust memory owned by JS is released.

pub mod lifetime;
pub mod probe;
