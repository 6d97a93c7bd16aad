//! Call-cost probes: functions that do almost nothing, so that timing a call to one
//! from JavaScript measures the crossing itself. Every binding exports each probe
//! under the same name.

/// Does nothing; the cost of calling it is the pure crossing cost.
#[inline]
pub fn noop() {}

/// Adds two 32-bit integers, wrapping on overflow (as JavaScript's `(a + b) | 0`).
#[inline]
pub fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

/// Sums a slice of floats in order (the same order, and so the same rounding, as a
/// plain JavaScript loop).
#[inline]
pub fn sum(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |acc, v| acc + v)
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
    fn sum_adds_in_order() {
        assert_eq!(sum(&[]), 0.0);
        assert_eq!(sum(&[0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3);
    }
}
