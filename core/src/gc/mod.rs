//! node-memwatch's GC statistics and leak detection, fed one [`GcRecord`] per garbage
//! collection (from a `PerformanceObserver` plus `v8.getHeapStatistics()`, say).
//!
//! - [`Memwatch`] produces memwatch's `stats` and `leak` events, in [`Mode::Compat`]
//!   (memwatch 0.2.x / memwatch-next to the bug) or [`Mode::Fixed`] (the default: correct
//!   maths, a configurable consecutive-growth rule and a least-squares [`TrendDetector`]).
//! - [`AirbnbAccumulator`] produces the `stats` payload of airbnb's fork.
//!
//! Both ignore collections that happen while a heap snapshot is taken: call `pause` before
//! and `resume` after, with the same clock as [`GcRecord::time_ms`].

#![warn(missing_docs)]

mod airbnb;
mod compat;
mod config;
mod event;
mod fixed;
mod gate;
mod listeners;
mod record;
mod trend;

pub use airbnb::{AirbnbAccumulator, AirbnbStats, HeapStatistics, KindTotals};
pub use config::{Config, ConfigError, LeakRule, Mode, TrendConfig, MAX_TREND_WINDOW};
pub use event::{Event, Events, Leak, LeakDetector, Stats};
pub use listeners::{EventName, Listeners, UnknownEvent};
pub use record::{GcKind, GcRecord};
pub use trend::TrendDetector;

use compat::CompatState;
use fixed::FixedState;
use gate::SnapshotGate;

/// memwatch's state machine: one [`GcRecord`] in, the `stats` / `leak` [`Events`] out.
#[derive(Debug, Clone)]
pub struct Memwatch {
    gate: SnapshotGate,
    engine: Engine,
}

/// The maths chosen by [`Mode`].
#[derive(Debug, Clone)]
enum Engine {
    Compat(CompatState),
    Fixed(FixedState),
}

impl Memwatch {
    /// A state machine with the given settings, or the reason they are invalid.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.validate()?;
        let engine = match config.mode {
            Mode::Compat => Engine::Compat(CompatState::default()),
            Mode::Fixed => {
                let rule = config.leak_rule.enabled.then_some(config.leak_rule);
                let trend = if config.trend.enabled {
                    Some(TrendDetector::new(config.trend)?)
                } else {
                    None
                };
                Engine::Fixed(FixedState::new(rule, trend))
            }
        };
        Ok(Memwatch {
            gate: SnapshotGate::default(),
            engine,
        })
    }

    /// Processes one collection. Mark-sweep-compact GCs yield any `leak` events, then
    /// `stats`; other kinds are only counted. Collections inside a
    /// [`pause`](Self::pause) interval are ignored entirely, as memwatch ignores those of
    /// a HeapDiff snapshot. Records must arrive in time order.
    pub fn record(&mut self, record: &GcRecord) -> Events {
        if !self.gate.admits(record.time_ms) {
            return Events::default();
        }
        match &mut self.engine {
            Engine::Compat(state) => state.record(record),
            Engine::Fixed(state) => state.record(record),
        }
    }

    /// Ignores collections that end at or after `at_ms` (ms since the Unix epoch) until
    /// [`resume`](Self::resume); call before taking a heap snapshot. Records delivered
    /// later are still judged by their own time.
    pub fn pause(&mut self, at_ms: f64) {
        self.gate.pause(at_ms);
    }

    /// Counts collections that end after `at_ms` again; call after the snapshot.
    pub fn resume(&mut self, at_ms: f64) {
        self.gate.resume(at_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::record::full;

    const T0_MS: f64 = 1_700_000_000_000.0;

    fn leak_count(mw: &mut Memwatch, records: &[GcRecord]) -> usize {
        records
            .iter()
            .map(|r| {
                mw.record(r)
                    .iter()
                    .filter(|e| matches!(e, Event::Leak(_)))
                    .count()
            })
            .sum()
    }

    #[test]
    fn modes_differ_on_start_up_growth() {
        let records: Vec<GcRecord> = (0..5)
            .map(|i| full(10_000_000 + i * 1_000_000, T0_MS + i as f64 * 10_000.0))
            .collect();
        let compat = Config {
            mode: Mode::Compat,
            ..Config::default()
        };
        assert_eq!(leak_count(&mut Memwatch::new(compat).unwrap(), &records), 1);
        let mut fixed = Memwatch::new(Config::default()).unwrap();
        assert_eq!(leak_count(&mut fixed, &records), 0);
    }

    #[test]
    fn both_fixed_detectors_can_fire_on_one_gc_before_stats() {
        let mut config = Config::default();
        config.trend.min_samples = 6;
        let mut mw = Memwatch::new(config).unwrap();
        let mut last = Events::default();
        for i in 0..6 {
            last = mw.record(&full(
                10_000_000 + i * 1_000_000,
                T0_MS + i as f64 * 10_000.0,
            ));
        }
        let detectors: Vec<Option<LeakDetector>> = last
            .iter()
            .map(|e| match e {
                Event::Leak(leak) => Some(leak.detector),
                Event::Stats(_) => None,
            })
            .collect();
        assert_eq!(
            detectors,
            [
                Some(LeakDetector::ConsecutiveGrowth),
                Some(LeakDetector::Trend),
                None
            ]
        );
    }

    #[test]
    fn detectors_can_be_disabled() {
        let mut config = Config::default();
        config.leak_rule.enabled = false;
        config.trend.enabled = false;
        let mut mw = Memwatch::new(config).unwrap();
        let records: Vec<GcRecord> = (0..100)
            .map(|i| full(10_000_000 + i * 1_000_000, T0_MS + i as f64 * 10_000.0))
            .collect();
        assert_eq!(leak_count(&mut mw, &records), 0);
    }

    #[test]
    fn collections_during_a_snapshot_are_ignored() {
        for mode in [Mode::Compat, Mode::Fixed] {
            let mut mw = Memwatch::new(Config {
                mode,
                ..Config::default()
            })
            .unwrap();
            mw.record(&full(1_000, T0_MS));
            mw.pause(T0_MS + 100.0);
            mw.resume(T0_MS + 200.0);
            // Delivered after the snapshot ended, but timed inside it.
            assert!(mw.record(&full(2_000, T0_MS + 150.0)).is_empty());
            let mut scavenge = full(2_000, T0_MS + 160.0);
            scavenge.kind = GcKind::Scavenge;
            assert!(mw.record(&scavenge).is_empty());
            let events = mw.record(&full(3_000, T0_MS + 300.0));
            match events.iter().last() {
                Some(Event::Stats(stats)) => {
                    assert_eq!((stats.num_full_gc, stats.num_inc_gc), (2, 0), "{mode:?}");
                }
                other => panic!("expected stats, got {other:?}"),
            }
        }
    }

    #[test]
    fn invalid_config_is_an_error_not_a_panic() {
        let mut config = Config::default();
        config.trend.window = 0;
        assert_eq!(
            Memwatch::new(config).map(|_| ()),
            Err(ConfigError::Window(0))
        );
        let mut config = Config {
            mode: Mode::Compat,
            ..Config::default()
        };
        config.leak_rule.consecutive = 0;
        assert_eq!(
            Memwatch::new(config).map(|_| ()),
            Err(ConfigError::ZeroConsecutive)
        );
    }
}
