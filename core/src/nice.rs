//! memwatch's human-readable sizes and durations (`niceSize` and `niceDelta` in its
//! `util.cc`), reproduced to the character: leak reasons and HeapDiff output embed them.

/// Formats a byte count the way memwatch's `niceSize` does.
///
/// Above 1 MiB (strictly, by magnitude) the value is shown in "mb", above 1 KiB in "kb",
/// both rounded to two decimals; anything else is shown as is in "bytes". Numbers are
/// printed like C++'s default stream formatting (`%g` with six significant digits, no
/// trailing zeros).
///
/// ```
/// use bindlab_core::nice::nice_size;
/// assert_eq!(nice_size(1024.0), "1024 bytes");
/// assert_eq!(nice_size(66687.0), "65.12 kb");
/// assert_eq!(nice_size(-2120.0), "-2.07 kb");
/// ```
pub fn nice_size(bytes: f64) -> String {
    const KIB: f64 = 1024.0;
    const MIB: f64 = 1024.0 * 1024.0;
    // memwatch divides by (unit / 100), rounds, then divides by 100; keeping the same
    // operations keeps the same rounding.
    if bytes.abs() > MIB {
        format!("{} mb", format_g((bytes / (MIB / 100.0)).round() / 100.0))
    } else if bytes.abs() > KIB {
        format!("{} kb", format_g((bytes / (KIB / 100.0)).round() / 100.0))
    } else {
        format!("{} bytes", format_g(bytes))
    }
}

/// Formats a duration in whole seconds the way memwatch's `niceDelta` does.
///
/// Hours are shown only above 3600 s and minutes only above 60 s (both strictly), so
/// 3600 s is "60m 0s"; the seconds part is always shown. Negative durations print as
/// plain seconds.
///
/// ```
/// use bindlab_core::nice::nice_delta;
/// assert_eq!(nice_delta(61), "1m 1s");
/// assert_eq!(nice_delta(3661), "1h 1m 1s");
/// ```
pub fn nice_delta(seconds: i64) -> String {
    let mut rest = seconds;
    let mut out = String::new();
    if rest > 3600 {
        out += &format!("{}h ", rest / 3600);
        rest %= 3600;
    }
    if rest > 60 {
        out += &format!("{}m ", rest / 60);
        rest %= 60;
    }
    out += &format!("{rest}s");
    out
}

/// Prints `x` as C's `%g` (and C++'s default `ostream` formatting) does: six significant
/// digits, scientific notation when the exponent is below -4 or at least 6, and no
/// trailing zeros.
fn format_g(x: f64) -> String {
    const PRECISION: i32 = 6;
    if x.is_nan() {
        return "nan".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if x == 0.0 {
        return "0".to_owned();
    }
    // Rounding to six significant digits first gives the exponent %g decides with.
    let scientific = format!("{:.*e}", (PRECISION - 1) as usize, x);
    let Some((mantissa, exponent)) = scientific.split_once('e') else {
        return scientific;
    };
    let exponent: i32 = exponent.parse().unwrap_or(0);
    if (-4..PRECISION).contains(&exponent) {
        let decimals = (PRECISION - 1 - exponent).max(0) as usize;
        trim_fraction(&format!("{x:.decimals$}")).to_owned()
    } else {
        let sign = if exponent < 0 { '-' } else { '+' };
        format!(
            "{}e{sign}{:02}",
            trim_fraction(mantissa),
            exponent.unsigned_abs()
        )
    }
}

/// Drops trailing zeros after a decimal point, and the point itself if nothing follows.
fn trim_fraction(number: &str) -> &str {
    if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_size_matches_the_spec_examples() {
        assert_eq!(nice_size(1024.0), "1024 bytes");
        assert_eq!(nice_size(1025.0), "1 kb");
        assert_eq!(nice_size(66687.0), "65.12 kb");
        assert_eq!(nice_size(1048576.0), "1024 kb");
        assert_eq!(nice_size(2097152.0), "2 mb");
        assert_eq!(nice_size(-2120.0), "-2.07 kb");
    }

    #[test]
    fn nice_size_small_and_negative_values_stay_in_bytes() {
        assert_eq!(nice_size(0.0), "0 bytes");
        assert_eq!(nice_size(-0.0), "0 bytes");
        assert_eq!(nice_size(-1024.0), "-1024 bytes");
        assert_eq!(nice_size(-2147483648.0), "-2048 mb");
        assert_eq!(nice_size(12.5), "12.5 bytes");
    }

    #[test]
    fn nice_size_prints_six_significant_digits_like_ostream() {
        // 12345.67 mb has seven significant digits; C++ prints six.
        assert_eq!(nice_size(12345.67 * 1048576.0), "12345.7 mb");
        // A petabyte-scale value switches to scientific notation, as %g does.
        assert_eq!(nice_size(1e15), "9.53674e+08 mb");
    }

    #[test]
    fn nice_delta_matches_the_spec_examples() {
        assert_eq!(nice_delta(0), "0s");
        assert_eq!(nice_delta(60), "60s");
        assert_eq!(nice_delta(61), "1m 1s");
        assert_eq!(nice_delta(3600), "60m 0s");
        assert_eq!(nice_delta(3601), "1h 1s");
        assert_eq!(nice_delta(3661), "1h 1m 1s");
    }

    #[test]
    fn nice_delta_prints_negative_durations_as_seconds() {
        assert_eq!(nice_delta(-90), "-90s");
    }

    #[test]
    fn format_g_follows_printf() {
        assert_eq!(format_g(0.0001), "0.0001");
        assert_eq!(format_g(0.00001234), "1.234e-05");
        assert_eq!(format_g(999999.4), "999999");
        assert_eq!(format_g(999999.5), "1e+06");
        assert_eq!(format_g(f64::INFINITY), "inf");
        assert_eq!(format_g(f64::NAN), "nan");
    }
}
