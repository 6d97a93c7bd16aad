//! The scalar call-cost probes and the error probes.

use bindlab_core::lab::probe;
use napi::bindgen_prelude::BigInt;
use napi::{CallContext, Error, JsObject, Result, Status};
use napi_derive::js_function;

/// Does nothing: the cost of a JS → Node-API call through `#[js_function]`.
#[js_function(0)]
fn noop(_ctx: CallContext) -> Result<()> {
    probe::noop();
    Ok(())
}

/// Adds two int32 values, wrapping on overflow.
#[js_function(2)]
fn add(ctx: CallContext) -> Result<i32> {
    Ok(probe::add(ctx.get::<i32>(0)?, ctx.get::<i32>(1)?))
}

/// `a * b + c` in float64, rounded twice as JavaScript does.
#[js_function(3)]
fn mul_add(ctx: CallContext) -> Result<f64> {
    Ok(probe::mul_add(ctx.get::<f64>(0)?, ctx.get::<f64>(1)?, ctx.get::<f64>(2)?))
}

/// Negates a boolean.
#[js_function(1)]
fn not(ctx: CallContext) -> Result<bool> {
    Ok(probe::not(ctx.get::<bool>(0)?))
}

/// Reads argument `index` as a BigInt in [0, 2^64).
fn u64_argument(ctx: &CallContext, index: usize, name: &str) -> Result<u64> {
    match ctx.get::<BigInt>(index)?.get_u64() {
        (false, v, true) => Ok(v),
        _ => Err(Error::new(Status::InvalidArg, format!("addU64(a, b): {name} must be a BigInt in [0, 2^64)"))),
    }
}

/// Adds two BigInts in [0, 2^64), wrapping modulo 2^64.
#[js_function(2)]
fn add_u64(ctx: CallContext) -> Result<BigInt> {
    Ok(BigInt::from(probe::add_u64(u64_argument(&ctx, 0, "a")?, u64_argument(&ctx, 1, "b")?)))
}

/// Throws an `Error` carrying `message`.
#[js_function(1)]
fn throw_error(ctx: CallContext) -> Result<()> {
    Err(Error::from_reason(ctx.get::<String>(0)?))
}

/// Panics with `message`; `#[js_function]`'s `catch_unwind` makes it a thrown `Error`.
#[js_function(1)]
fn panic_probe(ctx: CallContext) -> Result<()> {
    probe::panic_with(&ctx.get::<String>(0)?)
}

/// Registers this file's exports.
pub fn export(exports: &mut JsObject) -> Result<()> {
    exports.create_named_method("noop", noop)?;
    exports.create_named_method("add", add)?;
    exports.create_named_method("mulAdd", mul_add)?;
    exports.create_named_method("not", not)?;
    exports.create_named_method("addU64", add_u64)?;
    exports.create_named_method("throwError", throw_error)?;
    exports.create_named_method("panicProbe", panic_probe)?;
    Ok(())
}
