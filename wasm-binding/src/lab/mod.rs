//! The lab: probes and lifetime instruments, exported under `pkg.lab`.

mod callback;
mod class;
mod lifetime;
mod object;
mod panic;
mod probe;
mod throw;
mod transfer;
