//! bindlab's core: everything the two JavaScript bindings expose, written once in
//! plain Rust with no JavaScript types.
//!
//! - [`probe`]: tiny functions whose only purpose is to measure what a call across
//!   a language boundary costs.
//! - [`gc`]: node-memwatch's GC statistics and leak detection, in a memwatch-compatible
//!   mode and a fixed mode.
//! - [`nice`]: memwatch's human-readable sizes and durations.
//! - [`snapshot`]: a streaming parser for V8 `.heapsnapshot` files.
//! - [`diff`]: memwatch's HeapDiff between two snapshots, with retainer paths.
//! - [`lifetime`]: counted values that show when Rust memory owned by JS is released.

pub mod diff;
pub mod gc;
pub mod lifetime;
pub mod nice;
pub mod probe;
pub mod snapshot;
#[doc(hidden)]
pub mod work;
