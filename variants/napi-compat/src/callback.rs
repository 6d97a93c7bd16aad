//! Probes that call back into JavaScript: napi-rs 3's typed `Function`, read from the
//! `CallContext` (compat mode's own `JsFunction` cannot be read through it in 3.x).

use bindlab_core::lab::probe;
use napi::bindgen_prelude::Function;
use napi::{CallContext, JsObject, Result};
use napi_derive::js_function;

/// Returns `f()`: one native → JS call.
#[js_function(1)]
fn call_once(ctx: CallContext) -> Result<f64> {
    ctx.get::<Function<(), f64>>(0)?.call(())
}

/// The sum of `f(i)` for `i` in `0..n`: `n` native → JS calls inside one JS → native call.
#[js_function(2)]
fn call_many(ctx: CallContext) -> Result<f64> {
    let f = ctx.get::<Function<u32, f64>>(0)?;
    probe::call_many(ctx.get::<u32>(1)?, |i| f.call(i))
}

/// Registers this file's exports.
pub fn export(exports: &mut JsObject) -> Result<()> {
    exports.create_named_method("callOnce", call_once)?;
    exports.create_named_method("callMany", call_many)?;
    Ok(())
}
