//! Probes that pass objects, as `#[napi(object)]` structs: each property is read or
//! set by a Node-API call.
//! Every `#[napi]` function here has `catch_unwind`: a Rust panic becomes a thrown JS
//! `Error` instead of aborting Node (an unwind cannot cross the `extern "C"` callback).

use crate::error::throw;
use bindlab_core::lab::probe;
use napi::bindgen_prelude::Env;
use napi_derive::napi;

/// `{ x, y }`: a small object.
#[napi(object, js_name = "Point")]
pub struct PointObject {
    /// The first coordinate.
    pub x: f64,
    /// The second coordinate.
    pub y: f64,
}

impl From<probe::Point> for PointObject {
    fn from(p: probe::Point) -> Self {
        PointObject { x: p.x, y: p.y }
    }
}

/// Declares the twenty-property object and its conversions to and from the core's `Wide`.
macro_rules! wide_object {
    ($($field:ident),*) => {
        /// `{ f0, …, f19 }`: a wide object.
        #[napi(object, js_name = "Wide")]
        pub struct WideObject {
            $(#[allow(missing_docs)] pub $field: f64,)*
        }

        impl From<&WideObject> for probe::Wide {
            fn from(w: &WideObject) -> Self {
                probe::Wide { $($field: w.$field,)* }
            }
        }

        impl From<probe::Wide> for WideObject {
            fn from(w: probe::Wide) -> Self {
                WideObject { $($field: w.$field,)* }
            }
        }
    };
}

wide_object!(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19);

/// `x + y` of an object `{ x, y }`.
#[napi(catch_unwind)]
pub fn point_sum(point: PointObject) -> f64 {
    probe::point_sum(&probe::Point { x: point.x, y: point.y })
}

/// A new object `{ x, y }`.
#[napi(catch_unwind)]
pub fn make_point(x: f64, y: f64) -> PointObject {
    probe::make_point(x, y).into()
}

/// An array of `n` objects `{ x: i, y: 2i }`.
#[napi(catch_unwind)]
pub fn make_points(env: Env, n: u32) -> napi::Result<Vec<PointObject>> {
    let points = probe::make_points_checked(n).map_err(|e| throw(&env, e))?;
    Ok(points.into_iter().map(PointObject::from).collect())
}

/// The sum of the twenty properties `f0`..`f19` of an object.
#[napi(catch_unwind)]
pub fn wide_sum(wide: WideObject) -> f64 {
    probe::wide_sum(&(&wide).into())
}

/// A new object with twenty properties `f_i = seed + i`.
#[napi(catch_unwind)]
pub fn make_wide(seed: f64) -> WideObject {
    probe::make_wide(seed).into()
}
