//! bindlab's probes through napi-rs 3.16 in compat mode: every export is a
//! `#[js_function(n)]` reading its arguments from a `CallContext`, registered on the
//! exports object in `#[module_exports]`, the napi-rs 1.x style that 3.x still carries.
//! These functions skip `#[napi]`'s per-call borrow machinery; `#[js_function]` wraps
//! each one in `catch_unwind`, so a panic becomes a thrown JS `Error`.

// napi-rs 3 marks compat mode's types (`JsObject`, `JsFunction`, `Env::wrap`) deprecated;
// they are the style this variant exists to measure.
#![allow(deprecated)]

mod callback;
mod counter;
mod scalar;
mod transfer;

use napi::{Env, JsObject, Result};
use napi_derive::module_exports;

/// Registers every export under the name the bench cases call it by.
#[module_exports]
fn init(mut exports: JsObject, env: Env) -> Result<()> {
    scalar::export(&mut exports)?;
    callback::export(&mut exports)?;
    counter::export(&mut exports, &env)?;
    transfer::export(&mut exports)?;
    Ok(())
}
