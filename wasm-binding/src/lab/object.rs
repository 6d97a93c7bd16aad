//! Probes that pass objects, converted with serde (`serde-wasm-bindgen`): the idiomatic
//! thick way, which walks each property through the glue.

use crate::convert::{from_js, range_error, to_js};
use bindlab_core::lab::probe::{self, Point, Wide};
use wasm_bindgen::prelude::*;

/// `x + y` of an object `{ x, y }`.
#[wasm_bindgen(js_name = pointSum)]
pub fn point_sum(point: JsValue) -> Result<f64, JsValue> {
    Ok(probe::point_sum(&from_js::<Point>(point, "expected an object { x: number, y: number }")?))
}

/// A new object `{ x, y }`.
#[wasm_bindgen(js_name = makePoint)]
pub fn make_point(x: f64, y: f64) -> Result<JsValue, JsValue> {
    to_js(&probe::make_point(x, y))
}

/// An array of `n` objects `{ x: i, y: 2i }`.
#[wasm_bindgen(js_name = makePoints)]
pub fn make_points(n: u32) -> Result<JsValue, JsValue> {
    probe::check_made(n.into(), std::mem::size_of::<Point>() as u64)
        .map_err(|e| range_error(&format!("makePoints(n): n {e}")))?;
    to_js(&probe::make_points(n))
}

/// The sum of the twenty properties `f0`..`f19` of an object.
#[wasm_bindgen(js_name = wideSum)]
pub fn wide_sum(wide: JsValue) -> Result<f64, JsValue> {
    Ok(probe::wide_sum(&from_js::<Wide>(wide, "expected an object with number properties f0 to f19")?))
}

/// A new object with twenty properties `f_i = seed + i`.
#[wasm_bindgen(js_name = makeWide)]
pub fn make_wide(seed: f64) -> Result<JsValue, JsValue> {
    to_js(&probe::make_wide(seed))
}
