//! The scalar call-cost probes and the error probes.

use bindlab_core::lab::probe;
use neon::prelude::*;
use neon::types::JsBigInt;

/// Does nothing: the cost of a JS → Node-API call through neon.
fn noop(mut cx: FunctionContext) -> JsResult<JsUndefined> {
    probe::noop();
    Ok(cx.undefined())
}

/// Adds two int32 values, wrapping on overflow (the loader's guard lets only int32 in).
fn add(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let a = cx.argument::<JsNumber>(0)?.value(&mut cx) as i32;
    let b = cx.argument::<JsNumber>(1)?.value(&mut cx) as i32;
    Ok(cx.number(probe::add(a, b)))
}

/// `a * b + c` in float64, rounded twice as JavaScript does.
fn mul_add(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let a = cx.argument::<JsNumber>(0)?.value(&mut cx);
    let b = cx.argument::<JsNumber>(1)?.value(&mut cx);
    let c = cx.argument::<JsNumber>(2)?.value(&mut cx);
    Ok(cx.number(probe::mul_add(a, b, c)))
}

/// Negates a boolean.
fn not(mut cx: FunctionContext) -> JsResult<JsBoolean> {
    let value = cx.argument::<JsBoolean>(0)?.value(&mut cx);
    Ok(cx.boolean(probe::not(value)))
}

/// Reads argument `index` as a BigInt in [0, 2^64); a RangeError naming it otherwise.
fn u64_argument(cx: &mut FunctionContext, index: usize, name: &str) -> NeonResult<u64> {
    let value = cx.argument::<JsBigInt>(index)?;
    match value.to_u64(cx) {
        Ok(v) => Ok(v),
        Err(_) => cx.throw_range_error(format!("addU64(a, b): {name} must be a BigInt in [0, 2^64)")),
    }
}

/// Adds two BigInts in [0, 2^64), wrapping modulo 2^64.
fn add_u64(mut cx: FunctionContext) -> JsResult<JsBigInt> {
    let a = u64_argument(&mut cx, 0, "a")?;
    let b = u64_argument(&mut cx, 1, "b")?;
    Ok(JsBigInt::from_u64(&mut cx, probe::add_u64(a, b)))
}

/// Throws an `Error` carrying `message`.
fn throw_error(mut cx: FunctionContext) -> JsResult<JsUndefined> {
    let message = cx.argument::<JsString>(0)?.value(&mut cx);
    cx.throw_error(message)
}

/// Panics with `message`; neon turns the panic into a thrown `Error`.
fn panic_probe(mut cx: FunctionContext) -> JsResult<JsUndefined> {
    let message = cx.argument::<JsString>(0)?.value(&mut cx);
    probe::panic_with(&message)
}

/// Registers this file's exports.
pub fn export(cx: &mut ModuleContext) -> NeonResult<()> {
    cx.export_function("noop", noop)?;
    cx.export_function("add", add)?;
    cx.export_function("mulAdd", mul_add)?;
    cx.export_function("not", not)?;
    cx.export_function("addU64", add_u64)?;
    cx.export_function("throwError", throw_error)?;
    cx.export_function("panicProbe", panic_probe)?;
    Ok(())
}
