//! bindlab's core: everything the two JavaScript bindings expose, written once in
//! plain Rust with no JavaScript types.
//!
//! - [`probe`]: tiny functions whose only purpose is to measure what a call across
//!   a language boundary costs.

pub mod probe;
