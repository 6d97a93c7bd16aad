//! The lab: probes and lifetime instruments, exported under `pkg.lab`.

mod callback;
mod class;
mod counters;
mod holder;
mod object;
mod panic;
mod probe;
mod throw;
mod tracked;
mod transfer;
mod values;
