//! Data-transfer probes: strings, bytes, floats and objects going in and out (also built by the napi-3.12 variant).

use bindlab_core::lab::probe;
use napi::bindgen_prelude::{Float64Array, Uint8Array};
use napi::Env;
use napi_derive::napi;

/// A small object.
#[napi(object, js_name = "Point")]
pub struct PointObject {
    /// The first coordinate.
    pub x: f64,
    /// The second coordinate.
    pub y: f64,
}

/// Checks a count against the core's limit; throws a RangeError worded as the other bindings'.
fn made_count(env: &Env, call: &str, count: u32, item_bytes: u64) -> napi::Result<usize> {
    probe::check_made(count.into(), item_bytes).map_err(|e| {
        let reason = format!("{call} {e}");
        match env.throw_range_error(&reason, None) {
            Ok(()) => napi::Error::new(napi::Status::PendingException, reason),
            Err(other) => other,
        }
    })
}

/// The length of a string in UTF-8 bytes.
#[napi(catch_unwind)]
pub fn utf8_length(text: String) -> u32 {
    probe::utf8_length(&text) as u32
}

/// Returns its argument: a string going in and coming back out.
#[napi(catch_unwind)]
pub fn echo_string(text: String) -> String {
    probe::echo_string(&text).to_owned()
}

/// The sum of the bytes, read in place.
#[napi(strict, catch_unwind)]
pub fn sum_bytes(bytes: Uint8Array) -> u32 {
    probe::sum_bytes(&bytes)
}

/// The sum of the bytes, over a copy made first.
#[napi(strict, catch_unwind)]
pub fn sum_bytes_copied(bytes: Uint8Array) -> u32 {
    probe::sum_bytes(&std::hint::black_box(bytes.to_vec()))
}

/// `length` bytes counting up from 0, as a new Uint8Array.
#[napi(catch_unwind)]
pub fn make_bytes(env: Env, length: u32) -> napi::Result<Uint8Array> {
    let length = made_count(&env, "makeBytes(length): length", length, 1)?;
    Ok(Uint8Array::new(probe::make_bytes(length)))
}

/// Sums a Float64Array in order, read in place.
#[napi(strict, catch_unwind)]
pub fn sum(values: Float64Array) -> f64 {
    probe::sum(&values)
}

/// `x + y` of a small object.
#[napi(catch_unwind)]
pub fn point_sum(point: PointObject) -> f64 {
    probe::point_sum(&probe::Point { x: point.x, y: point.y })
}

/// Builds a small object.
#[napi(catch_unwind)]
pub fn make_point(x: f64, y: f64) -> PointObject {
    let p = probe::make_point(x, y);
    PointObject { x: p.x, y: p.y }
}

/// `n` points in an array.
#[napi(catch_unwind)]
pub fn make_points(env: Env, n: u32) -> napi::Result<Vec<PointObject>> {
    made_count(&env, "makePoints(n): n", n, std::mem::size_of::<probe::Point>() as u64)?;
    Ok(probe::make_points(n).into_iter().map(|p| PointObject { x: p.x, y: p.y }).collect())
}

/// Declares the wide object and its conversions to and from the core's.
macro_rules! wide_object {
    ($($field:ident),*) => {
        /// Twenty numeric properties, `f0` to `f19`.
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

/// The sum of `f0` to `f19`.
#[napi(catch_unwind)]
pub fn wide_sum(wide: WideObject) -> f64 {
    probe::wide_sum(&(&wide).into())
}

/// A twenty-property object with `f_i = seed + i`.
#[napi(catch_unwind)]
pub fn make_wide(seed: f64) -> WideObject {
    probe::make_wide(seed).into()
}
