//! Data-transfer probes: strings, bytes, floats and objects going in and out.

use bindlab_core::lab::probe;
use napi::bindgen_prelude::{Float64Array, Uint8Array};
use napi::{CallContext, Env, Error, JsObject, Result, Status};
use napi_derive::js_function;

/// Checks a count against the core's limit; a RangeError worded as the other bindings'.
fn made_count(env: &Env, call: &str, count: u32, item_bytes: u64) -> Result<usize> {
    probe::check_made(count.into(), item_bytes).map_err(|e| {
        let error = Error::new(Status::InvalidArg, format!("{call} {e}"));
        // A RangeError, as the guard's own: throw it here and report it as pending.
        match env.throw_range_error(&error.reason, None) {
            Ok(()) => Error::new(Status::PendingException, error.reason),
            Err(other) => other,
        }
    })
}

/// The length of a string in UTF-8 bytes.
#[js_function(1)]
fn utf8_length(ctx: CallContext) -> Result<u32> {
    Ok(probe::utf8_length(&ctx.get::<String>(0)?) as u32)
}

/// Returns its argument: a string going in and coming back out.
#[js_function(1)]
fn echo_string(ctx: CallContext) -> Result<String> {
    Ok(probe::echo_string(&ctx.get::<String>(0)?).to_owned())
}

/// The sum of the bytes, read in place.
#[js_function(1)]
fn sum_bytes(ctx: CallContext) -> Result<u32> {
    Ok(probe::sum_bytes(&ctx.get::<Uint8Array>(0)?))
}

/// The sum of the bytes, over a copy made first.
#[js_function(1)]
fn sum_bytes_copied(ctx: CallContext) -> Result<u32> {
    let copy = ctx.get::<Uint8Array>(0)?.to_vec();
    Ok(probe::sum_bytes(&std::hint::black_box(copy)))
}

/// `length` bytes counting up from 0, as a new Uint8Array.
#[js_function(1)]
fn make_bytes(ctx: CallContext) -> Result<Uint8Array> {
    let length = made_count(ctx.env, "makeBytes(length): length", ctx.get::<u32>(0)?, 1)?;
    Ok(Uint8Array::new(probe::make_bytes(length)))
}

/// Sums a Float64Array in order, read in place.
#[js_function(1)]
fn sum(ctx: CallContext) -> Result<f64> {
    Ok(probe::sum(&ctx.get::<Float64Array>(0)?))
}

/// A `{ x, y }` object.
fn point_object(env: &Env, point: probe::Point) -> Result<JsObject> {
    let mut object = env.create_object()?;
    object.set_named_property("x", point.x)?;
    object.set_named_property("y", point.y)?;
    Ok(object)
}

/// `x + y` of a small object.
#[js_function(1)]
fn point_sum(ctx: CallContext) -> Result<f64> {
    let object = ctx.get::<JsObject>(0)?;
    let point = probe::Point { x: object.get_named_property("x")?, y: object.get_named_property("y")? };
    Ok(probe::point_sum(&point))
}

/// Builds a small object.
#[js_function(2)]
fn make_point(ctx: CallContext) -> Result<JsObject> {
    point_object(ctx.env, probe::make_point(ctx.get::<f64>(0)?, ctx.get::<f64>(1)?))
}

/// `n` points in an array.
#[js_function(1)]
fn make_points(ctx: CallContext) -> Result<JsObject> {
    let n = ctx.get::<u32>(0)?;
    made_count(ctx.env, "makePoints(n): n", n, std::mem::size_of::<probe::Point>() as u64)?;
    let mut array = ctx.env.create_array_with_length(n as usize)?;
    for (i, point) in probe::make_points(n).into_iter().enumerate() {
        array.set_element(i as u32, point_object(ctx.env, point)?)?;
    }
    Ok(array)
}

/// The names of the wide object's twenty fields, in order.
const WIDE_FIELDS: [&str; 20] = [
    "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9",
    "f10", "f11", "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19",
];

/// The sum of `f0` to `f19`.
#[js_function(1)]
fn wide_sum(ctx: CallContext) -> Result<f64> {
    let object = ctx.get::<JsObject>(0)?;
    let mut fields = [0.0; 20];
    for (field, key) in fields.iter_mut().zip(WIDE_FIELDS) {
        *field = object.get_named_property(key)?;
    }
    Ok(probe::wide_sum(&probe::Wide::from_fields(fields)))
}

/// A twenty-property object with `f_i = seed + i`.
#[js_function(1)]
fn make_wide(ctx: CallContext) -> Result<JsObject> {
    let mut object = ctx.env.create_object()?;
    for (value, key) in probe::make_wide(ctx.get::<f64>(0)?).fields().into_iter().zip(WIDE_FIELDS) {
        object.set_named_property(key, value)?;
    }
    Ok(object)
}

/// Registers this file's exports.
pub fn export(exports: &mut JsObject) -> Result<()> {
    exports.create_named_method("utf8Length", utf8_length)?;
    exports.create_named_method("echoString", echo_string)?;
    exports.create_named_method("sumBytes", sum_bytes)?;
    exports.create_named_method("sumBytesCopied", sum_bytes_copied)?;
    exports.create_named_method("makeBytes", make_bytes)?;
    exports.create_named_method("sum", sum)?;
    exports.create_named_method("pointSum", point_sum)?;
    exports.create_named_method("makePoint", make_point)?;
    exports.create_named_method("makePoints", make_points)?;
    exports.create_named_method("wideSum", wide_sum)?;
    exports.create_named_method("makeWide", make_wide)?;
    Ok(())
}
