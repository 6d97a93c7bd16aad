//! Call-cost probes: functions that do almost nothing, so that timing a call to one
//! from JavaScript measures the crossing (and the conversion of its arguments and
//! result) rather than work. Every binding exports each probe under the same name,
//! and `bench-js/plain.js` holds the plain-JavaScript twin of each.

use crate::error::{CallError, CallErrorKind};
use serde::{Deserialize, Serialize};

/// Does nothing; the cost of calling it is the pure crossing cost.
#[inline]
pub fn noop() {}

/// Panics with `message`: lets each binding show that a Rust panic reaches
/// JavaScript as an exception instead of aborting the process.
pub fn panic_with(message: &str) -> ! {
    panic!("{message}")
}

/// Adds two 32-bit integers, wrapping on overflow (as JavaScript's `(a + b) | 0`).
#[inline]
pub fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

/// `a * b + c` in two roundings, as JavaScript computes it (not a fused multiply-add).
#[inline]
pub fn mul_add(a: f64, b: f64, c: f64) -> f64 {
    a * b + c
}

/// Negates a boolean.
#[inline]
pub fn not(value: bool) -> bool {
    !value
}

/// Adds two unsigned 64-bit integers, wrapping modulo 2^64.
#[inline]
pub fn add_u64(a: u64, b: u64) -> u64 {
    a.wrapping_add(b)
}

/// The length of a string in UTF-8 bytes.
#[inline]
pub fn utf8_length(text: &str) -> usize {
    text.len()
}

/// Returns its argument: the cost of a string going in and coming back out.
#[inline]
pub fn echo_string(text: &str) -> &str {
    text
}

/// The sum of the bytes, wrapping modulo 2^32.
#[inline]
pub fn sum_bytes(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |acc, &b| acc.wrapping_add(u32::from(b)))
}

/// The most bytes a `make_*` probe will build: 256 MiB. A larger request from JS would
/// otherwise end in an allocation failure, which aborts the process.
pub const MAX_MADE_BYTES: u64 = 1 << 28;

/// A `make_*` request larger than [`MAX_MADE_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    /// The count asked for.
    pub count: u64,
    /// The largest count allowed.
    pub max_count: u64,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "must be at most {}, got {}", self.max_count, self.count)
    }
}

impl std::error::Error for TooLarge {}

/// Checks that `count` items of `item_bytes` each stay within [`MAX_MADE_BYTES`].
pub fn check_made(count: u64, item_bytes: u64) -> Result<usize, TooLarge> {
    let max_count = MAX_MADE_BYTES / item_bytes.max(1);
    match usize::try_from(count) {
        Ok(n) if count <= max_count => Ok(n),
        _ => Err(TooLarge { count, max_count }),
    }
}

/// Checks that `count` items of `item_bytes` each, asked for as `call`'s `argument`,
/// stay within [`MAX_MADE_BYTES`].
pub fn check_made_for(call: &'static str, argument: &'static str, count: u32, item_bytes: u64) -> Result<usize, CallError> {
    check_made(count.into(), item_bytes)
        .map_err(|e| CallError::new(call, CallErrorKind::OverLimit { argument, value: e.count, limit: e.max_count }))
}

/// `makeBytes(length)`: [`make_bytes`], refused above [`MAX_MADE_BYTES`].
pub fn make_bytes_checked(length: u32) -> Result<Vec<u8>, CallError> {
    Ok(make_bytes(check_made_for("makeBytes(length)", "length", length, 1)?))
}

/// `length` bytes counting up from 0 and wrapping at 256.
pub fn make_bytes(length: usize) -> Vec<u8> {
    (0..length).map(|i| i as u8).collect()
}

/// Sums a slice of floats in order (the same order, and so the same rounding, as a
/// plain JavaScript loop).
#[inline]
pub fn sum(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |acc, v| acc + v)
}

/// A small object: two numeric properties.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The first coordinate.
    pub x: f64,
    /// The second coordinate.
    pub y: f64,
}

/// `x + y`: reads both properties of a small object.
#[inline]
pub fn point_sum(point: &Point) -> f64 {
    point.x + point.y
}

/// Builds a small object.
#[inline]
pub fn make_point(x: f64, y: f64) -> Point {
    Point { x, y }
}

/// `n` points with `x = i` and `y = 2i`: an array of small objects going out.
pub fn make_points(n: u32) -> Vec<Point> {
    (0..n).map(|i| Point { x: f64::from(i), y: 2.0 * f64::from(i) }).collect()
}

/// `makePoints(n)`: [`make_points`], refused above [`MAX_MADE_BYTES`] of points.
pub fn make_points_checked(n: u32) -> Result<Vec<Point>, CallError> {
    check_made_for("makePoints(n)", "n", n, std::mem::size_of::<Point>() as u64)?;
    Ok(make_points(n))
}

/// A wide object: twenty numeric properties, `f0` to `f19`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
#[rustfmt::skip]
pub struct Wide {
    pub f0: f64, pub f1: f64, pub f2: f64, pub f3: f64, pub f4: f64,
    pub f5: f64, pub f6: f64, pub f7: f64, pub f8: f64, pub f9: f64,
    pub f10: f64, pub f11: f64, pub f12: f64, pub f13: f64, pub f14: f64,
    pub f15: f64, pub f16: f64, pub f17: f64, pub f18: f64, pub f19: f64,
}

impl Wide {
    /// The twenty fields in order.
    #[rustfmt::skip]
    pub fn fields(&self) -> [f64; 20] {
        [
            self.f0, self.f1, self.f2, self.f3, self.f4, self.f5, self.f6, self.f7, self.f8, self.f9,
            self.f10, self.f11, self.f12, self.f13, self.f14, self.f15, self.f16, self.f17, self.f18, self.f19,
        ]
    }

    /// A wide object from its twenty fields in order.
    #[rustfmt::skip]
    pub fn from_fields(f: [f64; 20]) -> Wide {
        Wide {
            f0: f[0], f1: f[1], f2: f[2], f3: f[3], f4: f[4], f5: f[5], f6: f[6], f7: f[7], f8: f[8], f9: f[9],
            f10: f[10], f11: f[11], f12: f[12], f13: f[13], f14: f[14], f15: f[15], f16: f[16], f17: f[17],
            f18: f[18], f19: f[19],
        }
    }
}

/// The sum of the twenty fields in order: reads every property of a wide object.
#[inline]
pub fn wide_sum(wide: &Wide) -> f64 {
    sum(&wide.fields())
}

/// A wide object with `f_i = seed + i`.
pub fn make_wide(seed: f64) -> Wide {
    Wide::from_fields(std::array::from_fn(|i| seed + i as f64))
}

/// The most callbacks one `callMany` makes: 10 million JS calls take seconds; 2^32 - 1
/// would take hours, and a caller could not stop them.
pub const MAX_CALLS: u32 = 10_000_000;

/// Checks `callMany(f, n)`'s `n` against [`MAX_CALLS`].
pub fn check_calls(n: u32) -> Result<u32, CallError> {
    Ok(CallError::check_limit("callMany(f, n)", "n", n.into(), MAX_CALLS.into())? as u32)
}

/// Calls `f(i)` for `i` in `0..n` and sums the results in order; stops at the first error.
pub fn call_many<E>(n: u32, mut f: impl FnMut(u32) -> Result<f64, E>) -> Result<f64, E> {
    (0..n).try_fold(0.0, |acc, i| Ok(acc + f(i)?))
}

/// A counter: the state behind the exported class used to measure method calls and
/// object construction.
#[derive(Debug, Clone, Default)]
pub struct Counter {
    value: f64,
}

impl Counter {
    /// A counter starting at `start`.
    pub fn new(start: f64) -> Counter {
        Counter { value: start }
    }

    /// Adds one and returns the new value.
    #[inline]
    pub fn increment(&mut self) -> f64 {
        self.value += 1.0;
        self.value
    }

    /// The current value.
    #[inline]
    pub fn value(&self) -> f64 {
        self.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_wraps_like_javascript_int32() {
        assert_eq!(add(2, 3), 5);
        assert_eq!(add(i32::MAX, 1), i32::MIN);
    }

    #[test]
    fn mul_add_rounds_twice() {
        let (a, b, c) = (0.1, 10.0, -1.0);
        assert_eq!(mul_add(a, b, c), a * b + c);
        assert_ne!(mul_add(a, b, c), a.mul_add(b, c));
    }

    #[test]
    fn scalars() {
        assert!(not(false));
        assert_eq!(add_u64(u64::MAX, 2), 1);
        assert_eq!(utf8_length("héllo"), 6);
        assert_eq!(echo_string("ü"), "ü");
    }

    #[test]
    fn bytes_wrap_and_count() {
        assert_eq!(sum_bytes(&[255; 4]), 1020);
        assert_eq!(sum_bytes(&vec![255; 16_843_010]), 255u32.wrapping_mul(16_843_010));
        assert_eq!(make_bytes(258)[255..], [255, 0, 1]);
    }

    #[test]
    fn sum_adds_in_order() {
        assert_eq!(sum(&[]), 0.0);
        assert_eq!(sum(&[0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3);
    }

    #[test]
    fn objects() {
        assert_eq!(point_sum(&make_point(1.5, 2.0)), 3.5);
        assert_eq!(make_points(3)[2], Point { x: 2.0, y: 4.0 });
        let wide = make_wide(10.0);
        assert_eq!(wide.f19, 29.0);
        assert_eq!(wide_sum(&wide), (10..30).sum::<i32>() as f64);
        assert_eq!(Wide::from_fields(wide.fields()), wide);
    }

    #[test]
    fn made_and_called_counts_are_refused_above_their_limits() {
        assert_eq!(make_bytes_checked(3), Ok(vec![0, 1, 2]));
        let too_many = make_bytes_checked(u32::MAX).unwrap_err();
        assert_eq!(too_many.to_string(), format!("makeBytes(length): length must be at most {MAX_MADE_BYTES}, got {}", u32::MAX));
        assert!(make_points_checked(u32::MAX).unwrap_err().to_string().starts_with("makePoints(n): n must be at most "));
        assert_eq!(check_calls(MAX_CALLS), Ok(MAX_CALLS));
        assert_eq!(check_calls(u32::MAX).unwrap_err().to_string(), format!("callMany(f, n): n must be at most {MAX_CALLS}, got {}", u32::MAX));
    }

    #[test]
    fn call_many_sums_and_stops_at_the_first_error() {
        assert_eq!(call_many::<()>(4, |i| Ok(f64::from(i))), Ok(6.0));
        assert_eq!(call_many(4, |i| if i == 2 { Err(i) } else { Ok(1.0) }), Err(2));
    }

    #[test]
    fn counter_counts() {
        let mut counter = Counter::new(1.0);
        assert_eq!(counter.increment(), 2.0);
        assert_eq!(counter.value(), 2.0);
    }
}
