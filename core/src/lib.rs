//! bindlab's core: everything the two JavaScript bindings expose, written once in
//! plain Rust with no JavaScript types.
//!
//! The product:
//! - [`gc`]: node-memwatch's GC statistics and leak detection, in a memwatch-compatible
//!   mode and a fixed mode.
//! - [`nice`]: memwatch's human-readable sizes and durations.
//! - [`snapshot`]: a streaming parser for V8 `.heapsnapshot` files.
//! - [`diff`]: memwatch's HeapDiff between two snapshots, with retainer paths.
//! - [`analysis`]: dominators, retained sizes, leaks across three snapshots, traces.
//!
//! Both:
//! - [`error`]: the one error type of a refused call, with its wording.
//!
//! The lab, which the bindings export apart from the product:
//! - [`lab`]: call-cost probes and object-lifetime instruments.

pub mod analysis;
pub mod diff;
pub mod error;
pub mod gc;
pub mod lab;
pub mod nice;
pub mod snapshot;
#[doc(hidden)]
pub mod work;
