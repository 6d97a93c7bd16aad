//! Probes that pass objects, converted with serde (`serde-wasm-bindgen`): the idiomatic
//! thick way, which walks each property through the glue.

use bindlab_core::probe::{self, Point, Wide};
use wasm_bindgen::prelude::*;

/// Converts a JS value into a core struct, with a TypeError naming what was expected.
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_sys::TypeError::new(&format!("expected {what}: {e}")).into())
}

/// Converts a core value into a JS value.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}


/// `x + y` of an object `{ x, y }`.
#[wasm_bindgen(js_name = pointSum)]
pub fn point_sum(point: JsValue) -> Result<f64, JsValue> {
    Ok(probe::point_sum(&from_js::<Point>(point, "an object { x: number, y: number }")?))
}

/// A new object `{ x, y }`.
#[wasm_bindgen(js_name = makePoint)]
pub fn make_point(x: f64, y: f64) -> Result<JsValue, JsValue> {
    to_js(&probe::make_point(x, y))
}

/// An array of `n` objects `{ x: i, y: 2i }`.
#[wasm_bindgen(js_name = makePoints)]
pub fn make_points(n: u32) -> Result<JsValue, JsValue> {
    to_js(&probe::make_points(n))
}

/// The sum of the twenty properties `f0`..`f19` of an object.
#[wasm_bindgen(js_name = wideSum)]
pub fn wide_sum(wide: JsValue) -> Result<f64, JsValue> {
    Ok(probe::wide_sum(&from_js::<Wide>(wide, "an object with number properties f0 to f19")?))
}

/// A new object with twenty properties `f_i = seed + i`.
#[wasm_bindgen(js_name = makeWide)]
pub fn make_wide(seed: f64) -> Result<JsValue, JsValue> {
    to_js(&probe::make_wide(seed))
}
