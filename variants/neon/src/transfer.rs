//! Data-transfer probes: strings, bytes, floats and objects going in and out.

use bindlab_core::lab::probe;
use neon::prelude::*;
use neon::types::buffer::TypedArray;

/// Reads argument `index` as a count and checks that `item_bytes` each stay within the
/// core's limit; a RangeError worded as the other bindings' otherwise.
fn made_count(cx: &mut FunctionContext, call: &str, index: usize, item_bytes: u64) -> NeonResult<usize> {
    let count = cx.argument::<JsNumber>(index)?.value(cx) as u64;
    match probe::check_made(count, item_bytes) {
        Ok(n) => Ok(n),
        Err(e) => cx.throw_range_error(format!("{call} {e}")),
    }
}

/// The length of a string in UTF-8 bytes.
fn utf8_length(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let text = cx.argument::<JsString>(0)?.value(&mut cx);
    Ok(cx.number(probe::utf8_length(&text) as f64))
}

/// Returns its argument: a string going in and coming back out.
fn echo_string(mut cx: FunctionContext) -> JsResult<JsString> {
    let text = cx.argument::<JsString>(0)?.value(&mut cx);
    Ok(cx.string(probe::echo_string(&text)))
}

/// The sum of the bytes, read in place.
fn sum_bytes(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let bytes = cx.argument::<JsUint8Array>(0)?;
    let total = probe::sum_bytes(bytes.as_slice(&cx));
    Ok(cx.number(total))
}

/// The sum of the bytes, over a copy made first.
fn sum_bytes_copied(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let bytes = cx.argument::<JsUint8Array>(0)?.as_slice(&cx).to_vec();
    Ok(cx.number(probe::sum_bytes(&std::hint::black_box(bytes))))
}

/// `length` bytes counting up from 0, as a new Uint8Array.
fn make_bytes(mut cx: FunctionContext) -> JsResult<JsUint8Array> {
    let length = made_count(&mut cx, "makeBytes(length): length", 0, 1)?;
    JsUint8Array::from_slice(&mut cx, &probe::make_bytes(length))
}

/// Sums a Float64Array in order, read in place.
fn sum(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let values = cx.argument::<JsFloat64Array>(0)?;
    let total = probe::sum(values.as_slice(&cx));
    Ok(cx.number(total))
}

/// Reads the number property `key` of `object`.
fn number_field(cx: &mut FunctionContext, object: Handle<JsObject>, key: &str) -> NeonResult<f64> {
    let value: Handle<JsNumber> = object.get(cx, key)?;
    Ok(value.value(cx))
}

/// A `{ x, y }` object.
fn point_object<'cx>(cx: &mut FunctionContext<'cx>, point: probe::Point) -> JsResult<'cx, JsObject> {
    let object = cx.empty_object();
    let x = cx.number(point.x);
    object.set(cx, "x", x)?;
    let y = cx.number(point.y);
    object.set(cx, "y", y)?;
    Ok(object)
}

/// `x + y` of a small object.
fn point_sum(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let object = cx.argument::<JsObject>(0)?;
    let point = probe::Point { x: number_field(&mut cx, object, "x")?, y: number_field(&mut cx, object, "y")? };
    Ok(cx.number(probe::point_sum(&point)))
}

/// Builds a small object.
fn make_point(mut cx: FunctionContext) -> JsResult<JsObject> {
    let x = cx.argument::<JsNumber>(0)?.value(&mut cx);
    let y = cx.argument::<JsNumber>(1)?.value(&mut cx);
    point_object(&mut cx, probe::make_point(x, y))
}

/// `n` points in an array.
fn make_points(mut cx: FunctionContext) -> JsResult<JsArray> {
    let n = made_count(&mut cx, "makePoints(n): n", 0, std::mem::size_of::<probe::Point>() as u64)?;
    let array = JsArray::new(&mut cx, n);
    for (i, point) in probe::make_points(n as u32).into_iter().enumerate() {
        let object = point_object(&mut cx, point)?;
        array.set(&mut cx, i as u32, object)?;
    }
    Ok(array)
}

/// The names of the wide object's twenty fields, in order.
const WIDE_FIELDS: [&str; 20] = [
    "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9",
    "f10", "f11", "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19",
];

/// The sum of `f0` to `f19`.
fn wide_sum(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let object = cx.argument::<JsObject>(0)?;
    let mut fields = [0.0; 20];
    for (field, key) in fields.iter_mut().zip(WIDE_FIELDS) {
        *field = number_field(&mut cx, object, key)?;
    }
    Ok(cx.number(probe::wide_sum(&probe::Wide::from_fields(fields))))
}

/// A twenty-property object with `f_i = seed + i`.
fn make_wide(mut cx: FunctionContext) -> JsResult<JsObject> {
    let seed = cx.argument::<JsNumber>(0)?.value(&mut cx);
    let object = cx.empty_object();
    for (value, key) in probe::make_wide(seed).fields().into_iter().zip(WIDE_FIELDS) {
        let value = cx.number(value);
        object.set(&mut cx, key, value)?;
    }
    Ok(object)
}

/// Registers this file's exports.
pub fn export(cx: &mut ModuleContext) -> NeonResult<()> {
    cx.export_function("utf8Length", utf8_length)?;
    cx.export_function("echoString", echo_string)?;
    cx.export_function("sumBytes", sum_bytes)?;
    cx.export_function("sumBytesCopied", sum_bytes_copied)?;
    cx.export_function("makeBytes", make_bytes)?;
    cx.export_function("sum", sum)?;
    cx.export_function("pointSum", point_sum)?;
    cx.export_function("makePoint", make_point)?;
    cx.export_function("makePoints", make_points)?;
    cx.export_function("wideSum", wide_sum)?;
    cx.export_function("makeWide", make_wide)?;
    Ok(())
}
