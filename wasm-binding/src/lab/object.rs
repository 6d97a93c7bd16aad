//! Probes that pass objects, converted with serde (`serde-wasm-bindgen`): the idiomatic
//! thick way, which walks each property through the glue.

use crate::convert::{from_js, to_js, type_error};
use crate::error::js_error;
use bindlab_core::lab::probe::{self, Point, Wide};
use wasm_bindgen::prelude::*;

/// Reads `value` as a core `T`, or a `TypeError` saying it should have been `expected`.
fn object_of<T: serde::de::DeserializeOwned>(value: JsValue, expected: &str) -> Result<T, JsValue> {
    from_js(value).map_err(|reason| type_error(&format!("{expected}: {reason}")))
}

/// `x + y` of an object `{ x, y }`.
#[wasm_bindgen(js_name = pointSum)]
pub fn point_sum(point: JsValue) -> Result<f64, JsValue> {
    Ok(probe::point_sum(&object_of::<Point>(point, "expected an object { x: number, y: number }")?))
}

/// A new object `{ x, y }`.
#[wasm_bindgen(js_name = makePoint)]
pub fn make_point(x: f64, y: f64) -> Result<JsValue, JsValue> {
    to_js(&probe::make_point(x, y))
}

/// An array of `n` objects `{ x: i, y: 2i }`.
#[wasm_bindgen(js_name = makePoints)]
pub fn make_points(n: u32) -> Result<JsValue, JsValue> {
    to_js(&probe::make_points_checked(n).map_err(js_error)?)
}

/// The sum of the twenty properties `f0`..`f19` of an object.
#[wasm_bindgen(js_name = wideSum)]
pub fn wide_sum(wide: JsValue) -> Result<f64, JsValue> {
    Ok(probe::wide_sum(&object_of::<Wide>(wide, "expected an object with number properties f0 to f19")?))
}

/// A new object with twenty properties `f_i = seed + i`.
#[wasm_bindgen(js_name = makeWide)]
pub fn make_wide(seed: f64) -> Result<JsValue, JsValue> {
    to_js(&probe::make_wide(seed))
}
