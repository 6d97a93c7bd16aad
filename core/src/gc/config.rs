//! Configuration of the leak detectors, deserializable from a JavaScript options object
//! such as `{ mode: "compat", leakRule: { consecutive: 5, minGrowth: 0 }, trend: { window: 60 } }`.
//! Missing fields take their defaults; unknown fields are an error.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which maths the state machine uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Exactly memwatch 0.2.x / memwatch-next, bugs included (32-bit wrap-around,
    /// integer-division warm-up, unsigned trend, start-up leak, whole-second clock).
    /// `leak_rule` and `trend` are ignored.
    Compat,
    /// 64-bit and floating-point maths, the intended warm-up, a signed trend, no start-up
    /// leak, the configurable consecutive-growth rule and the trend detector.
    #[default]
    Fixed,
}

/// Settings of the whole state machine.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    /// Compat or fixed maths; fixed by default.
    pub mode: Mode,
    /// memwatch's consecutive-growth rule, as used in fixed mode.
    pub leak_rule: LeakRule,
    /// The least-squares trend detector, used in fixed mode.
    pub trend: TrendConfig,
}

/// memwatch's leak rule, made configurable: report a leak when the post-GC heap grew
/// over `consecutive` full GCs in a row, each time by more than `min_growth` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct LeakRule {
    /// Whether the rule runs (default `true`).
    pub enabled: bool,
    /// How many growing full GCs in a row make a leak (default 5, memwatch's value).
    pub consecutive: u32,
    /// Growth of at most this many bytes does not count, and resets the run
    /// (default 0: any strict growth counts, as in memwatch).
    pub min_growth: u64,
}

impl Default for LeakRule {
    fn default() -> Self {
        LeakRule {
            enabled: true,
            consecutive: 5,
            min_growth: 0,
        }
    }
}

/// The trend detector: a least-squares line through the post-GC heap sizes of the last
/// `window` full GCs, against time. It reports a leak when all of these hold: at least
/// `min_samples` samples; the lower confidence bound of the slope,
/// `slope - confidence_z * standard_error`, is at least `min_slope_bytes_per_sec`; and
/// the line explains at least `min_r_squared` of the variance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct TrendConfig {
    /// Whether the detector runs (default `true`).
    pub enabled: bool,
    /// How many of the latest full GCs the line is fitted through (default 60, 2 to 10000).
    pub window: u32,
    /// How many samples the window needs before the detector may fire (default 20,
    /// 3 to `window`). After firing the window restarts empty.
    pub min_samples: u32,
    /// The smallest slope worth reporting, in bytes per second (default 1024, about
    /// 3.5 MiB per hour).
    pub min_slope_bytes_per_sec: f64,
    /// The smallest coefficient of determination R² (default 0.5).
    pub min_r_squared: f64,
    /// How many standard errors below the fitted slope the lower bound lies (default 3).
    pub confidence_z: f64,
}

impl Default for TrendConfig {
    fn default() -> Self {
        TrendConfig {
            enabled: true,
            window: 60,
            min_samples: 20,
            min_slope_bytes_per_sec: 1024.0,
            min_r_squared: 0.5,
            confidence_z: 3.0,
        }
    }
}

/// The largest trend window accepted, to bound the memory a configuration can request.
pub const MAX_TREND_WINDOW: u32 = 10_000;

/// Why a configuration was rejected.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigError {
    /// `leakRule.consecutive` was 0.
    ZeroConsecutive,
    /// `trend.window` was outside 2 to [`MAX_TREND_WINDOW`].
    Window(u32),
    /// `trend.minSamples` was below 3 or above `trend.window`.
    MinSamples {
        /// The rejected value.
        min_samples: u32,
        /// The window it must fit in.
        window: u32,
    },
    /// A numeric setting was out of range or not finite.
    Number {
        /// The setting's JavaScript name.
        field: &'static str,
        /// The rejected value.
        value: f64,
        /// The accepted range, in words.
        expected: &'static str,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::ZeroConsecutive => {
                write!(f, "leakRule.consecutive must be at least 1, got 0")
            }
            ConfigError::Window(window) => write!(
                f,
                "trend.window must be between 2 and {MAX_TREND_WINDOW}, got {window}"
            ),
            ConfigError::MinSamples {
                min_samples,
                window,
            } => write!(
                f,
                "trend.minSamples must be between 3 and trend.window ({window}), got {min_samples}"
            ),
            ConfigError::Number {
                field,
                value,
                expected,
            } => write!(f, "{field} must be {expected}, got {value}"),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Checks every setting, including those compat mode ignores, so that a typo is
    /// caught whichever mode is chosen.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.leak_rule.consecutive == 0 {
            return Err(ConfigError::ZeroConsecutive);
        }
        self.trend.validate()
    }
}

impl TrendConfig {
    /// Checks the window, the sample count and the three thresholds.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if !(2..=MAX_TREND_WINDOW).contains(&self.window) {
            return Err(ConfigError::Window(self.window));
        }
        if !(3..=self.window).contains(&self.min_samples) {
            return Err(ConfigError::MinSamples {
                min_samples: self.min_samples,
                window: self.window,
            });
        }
        let checks = [
            (
                "trend.minSlopeBytesPerSec",
                self.min_slope_bytes_per_sec,
                self.min_slope_bytes_per_sec >= 0.0 && self.min_slope_bytes_per_sec.is_finite(),
                "a finite number >= 0",
            ),
            (
                "trend.minRSquared",
                self.min_r_squared,
                (0.0..=1.0).contains(&self.min_r_squared),
                "between 0 and 1",
            ),
            (
                "trend.confidenceZ",
                self.confidence_z,
                self.confidence_z >= 0.0 && self.confidence_z.is_finite(),
                "a finite number >= 0",
            ),
        ];
        match checks.into_iter().find(|check| !check.2) {
            Some((field, value, _, expected)) => Err(ConfigError::Number {
                field,
                value,
                expected,
            }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{from_value, json};

    #[test]
    fn default_config_is_fixed_and_valid() {
        let config = Config::default();
        assert_eq!(config.mode, Mode::Fixed);
        assert_eq!(config.leak_rule.consecutive, 5);
        assert_eq!(config.trend.window, 60);
        assert_eq!(config.validate(), Ok(()));
    }

    #[test]
    fn invalid_settings_are_rejected_with_clear_messages() {
        let mut config = Config::default();
        config.leak_rule.consecutive = 0;
        let error = config.validate().unwrap_err();
        assert_eq!(
            error.to_string(),
            "leakRule.consecutive must be at least 1, got 0"
        );

        let mut config = Config::default();
        config.trend.window = 1;
        assert_eq!(config.validate(), Err(ConfigError::Window(1)));
        assert_eq!(
            ConfigError::Window(1).to_string(),
            "trend.window must be between 2 and 10000, got 1"
        );

        let mut config = Config::default();
        config.trend.min_samples = 61;
        assert_eq!(
            config.validate().unwrap_err().to_string(),
            "trend.minSamples must be between 3 and trend.window (60), got 61"
        );

        let mut config = Config::default();
        config.trend.min_r_squared = f64::NAN;
        assert_eq!(
            config.validate().unwrap_err().to_string(),
            "trend.minRSquared must be between 0 and 1, got NaN"
        );

        let mut config = Config::default();
        config.trend.min_slope_bytes_per_sec = -1.0;
        assert!(matches!(
            config.validate(),
            Err(ConfigError::Number {
                field: "trend.minSlopeBytesPerSec",
                ..
            })
        ));
    }

    #[test]
    fn deserializes_a_partial_camel_case_options_object() {
        let options = json!({
            "mode": "compat",
            "leakRule": {
                "consecutive": 3,
                "minGrowth": 4096,
            },
            "trend": {
                "window": 30,
                "minRSquared": 0.8,
            },
        });
        let config: Config = from_value(options).unwrap();
        assert_eq!(config.mode, Mode::Compat);
        assert_eq!(
            config.leak_rule,
            LeakRule {
                enabled: true,
                consecutive: 3,
                min_growth: 4096
            }
        );
        assert_eq!(config.trend.window, 30);
        assert_eq!(config.trend.min_r_squared, 0.8);
        assert_eq!(config.trend.min_samples, 20);
    }

    #[test]
    fn unknown_option_names_are_an_error() {
        let options = json!({ "leakrule": {} });
        let error = from_value::<Config>(options).unwrap_err().to_string();
        assert!(error.contains("unknown field `leakrule`"), "{error}");
        let options = json!({ "mode": "strict" });
        assert!(from_value::<Config>(options).is_err());
    }
}
