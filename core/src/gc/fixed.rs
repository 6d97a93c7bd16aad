//! Fixed mode: memwatch's `stats` and `leak` with the bugs removed. 64-bit counters and
//! floating-point averages (no wrap-around), the warm-up memwatch intended, a signed
//! usage trend, no growth counted before the first full GC, a sensible report when no
//! time passed, a configurable consecutive-growth rule, and the trend detector.

use super::config::LeakRule;
use super::event::{Event, Events, Leak, LeakDetector, Stats};
use super::record::{GcKind, GcRecord};
use super::trend::TrendDetector;
use crate::nice::{nice_delta, nice_size};

/// The span of the recent average, in compactions.
const RECENT_PERIOD: f64 = 10.0;
/// The span of the long-term average, in compactions.
const ANCIENT_PERIOD: f64 = 120.0;

/// A post-GC heap size and when it was measured.
#[derive(Debug, Clone, Copy, Default)]
struct Sample {
    used: u64,
    time_ms: f64,
}

/// The fixed-mode state machine.
#[derive(Debug, Clone)]
pub(crate) struct FixedState {
    rule: Option<LeakRule>,
    trend: Option<TrendDetector>,
    full: u64,
    incremental: u64,
    compactions: u64,
    /// The previous full GC; `None` until the first one, so start-up is not growth.
    last: Option<Sample>,
    /// Growing full GCs in a row, and the sample the run grew from.
    run: u32,
    run_start: Sample,
    base_recent: f64,
    base_ancient: f64,
    min: Option<u64>,
    max: Option<u64>,
}

impl FixedState {
    /// A state machine running the given detectors (`None` disables one).
    pub(crate) fn new(rule: Option<LeakRule>, trend: Option<TrendDetector>) -> Self {
        FixedState {
            rule,
            trend,
            full: 0,
            incremental: 0,
            compactions: 0,
            last: None,
            run: 0,
            run_start: Sample::default(),
            base_recent: 0.0,
            base_ancient: 0.0,
            min: None,
            max: None,
        }
    }

    /// Processes one collection: leaks first (consecutive rule, then trend), then `stats`.
    pub(crate) fn record(&mut self, record: &GcRecord) -> Events {
        let mut events = Events::default();
        if record.kind != GcKind::MarkSweepCompact {
            self.incremental += 1;
            return events;
        }
        self.full += 1;
        let sample = Sample {
            used: record.used_heap_size,
            time_ms: record.time_ms,
        };
        if let Some(leak) = self.check_growth(sample) {
            events.push(Event::Leak(leak));
        }
        if let Some(leak) = self
            .trend
            .as_mut()
            .and_then(|trend| trend.push(sample.time_ms, sample.used))
        {
            events.push(Event::Leak(leak));
        }
        self.last = Some(sample);
        self.compactions += 1;
        self.update_bases(sample.used as f64);
        if self.compactions >= 3 {
            self.min = Some(self.min.map_or(sample.used, |min| min.min(sample.used)));
            self.max = Some(self.max.map_or(sample.used, |max| max.max(sample.used)));
        }
        events.push(Event::Stats(self.stats()));
        events
    }

    /// The consecutive-growth rule. Unlike memwatch, the run starts from the size before
    /// the first growth, so `growth` and the time span cover every growing interval.
    fn check_growth(&mut self, sample: Sample) -> Option<Leak> {
        let rule = self.rule?;
        let previous = self.last?;
        if sample.used > previous.used.saturating_add(rule.min_growth) {
            if self.run == 0 {
                self.run_start = previous;
            }
            self.run += 1;
            if self.run >= rule.consecutive {
                self.run = 0;
                return Some(growth_report(rule.consecutive, self.run_start, sample));
            }
        } else {
            self.run = 0;
        }
        None
    }

    /// The averages memwatch intended: a warm-up that trusts the newest value less as
    /// compactions accumulate, then a 10-compaction EMA and a running mean up to 120.
    fn update_bases(&mut self, used: f64) {
        let n = self.compactions as f64;
        if self.compactions == 1 {
            // No earlier average to weight: start from the first value.
            self.base_recent = used;
            self.base_ancient = used;
        } else if n < RECENT_PERIOD {
            let weight_recent = (n / RECENT_PERIOD).powf(2.5) * n;
            let weight_ancient = (n / RECENT_PERIOD).powf(2.4) * n;
            self.base_recent = (self.base_recent * weight_recent + used) / (weight_recent + 1.0);
            self.base_ancient =
                (self.base_ancient * weight_ancient + used) / (weight_ancient + 1.0);
        } else {
            self.base_recent = (self.base_recent * (RECENT_PERIOD - 1.0) + used) / RECENT_PERIOD;
            let decay = n.min(ANCIENT_PERIOD);
            self.base_ancient = (self.base_ancient * (decay - 1.0) + used) / decay;
        }
    }

    fn stats(&self) -> Stats {
        let usage_trend = if self.base_ancient > 0.0 {
            ((self.base_recent - self.base_ancient) / self.base_ancient * 1000.0).round() / 10.0
        } else {
            0.0
        };
        Stats {
            num_full_gc: self.full,
            num_inc_gc: self.incremental,
            heap_compactions: self.compactions,
            usage_trend,
            estimated_base: self.base_recent.round() as u64,
            current_base: self.last.map_or(0, |last| last.used),
            min: self.min.unwrap_or(0),
            max: self.max.unwrap_or(0),
        }
    }
}

/// The consecutive-growth leak report. With no measurable time between `start` and
/// `end` (same timestamp, or clock trouble) it gives the total growth instead of a rate.
fn growth_report(consecutive: u32, start: Sample, end: Sample) -> Leak {
    let growth = end.used - start.used;
    let seconds = (end.time_ms - start.time_ms) / 1000.0;
    let rate = if seconds > 0.0 {
        format!(
            "{}/hr",
            nice_size((growth as f64 / (seconds / 3600.0)).round())
        )
    } else {
        format!("{} in total", nice_size(growth as f64))
    };
    Leak {
        start_ms: start.time_ms,
        end_ms: end.time_ms,
        growth,
        reason: format!(
            "heap growth over {consecutive} consecutive GCs ({}) - {rate}",
            nice_delta(seconds.round() as i64)
        ),
        detector: LeakDetector::ConsecutiveGrowth,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::record::full;

    const T0_MS: f64 = 1_700_000_000_000.0;
    const MIB: u64 = 1024 * 1024;

    fn rule_only(consecutive: u32, min_growth: u64) -> FixedState {
        FixedState::new(
            Some(LeakRule {
                enabled: true,
                consecutive,
                min_growth,
            }),
            None,
        )
    }

    fn stats_of(events: &Events) -> Stats {
        match events.iter().last() {
            Some(Event::Stats(stats)) => *stats,
            other => panic!("expected stats last, got {other:?}"),
        }
    }

    fn leak_of(events: &Events) -> Option<Leak> {
        events.iter().find_map(|e| match e {
            Event::Leak(leak) => Some(leak.clone()),
            Event::Stats(_) => None,
        })
    }

    #[test]
    fn start_up_is_not_growth_and_growth_spans_every_interval() {
        let mut state = rule_only(5, 0);
        for i in 0..5 {
            let events = state.record(&full(10_000_000 + i * MIB, T0_MS + i as f64 * 10_000.0));
            assert!(leak_of(&events).is_none(), "compat would leak at GC {i}");
        }
        let events = state.record(&full(10_000_000 + 5 * MIB, T0_MS + 50_000.0));
        let leak = leak_of(&events).expect("5 growing intervals");
        assert_eq!(leak.growth, 5 * MIB);
        assert_eq!(leak.start_ms, T0_MS);
        assert_eq!(leak.end_ms, T0_MS + 50_000.0);
        assert_eq!(
            leak.reason,
            "heap growth over 5 consecutive GCs (50s) - 360 mb/hr"
        );
    }

    #[test]
    fn zero_dt_reports_total_growth_instead_of_a_rate() {
        let mut state = rule_only(5, 0);
        let mut events = Events::default();
        for i in 0..6 {
            events = state.record(&full(10_000_000 + i * MIB, T0_MS));
        }
        assert_eq!(
            leak_of(&events).map(|leak| leak.reason),
            Some("heap growth over 5 consecutive GCs (0s) - 5 mb in total".to_owned())
        );
    }

    #[test]
    fn consecutive_count_and_min_growth_are_configurable() {
        let mut state = rule_only(3, 1000);
        let mut used = 10_000_000;
        let mut fired_at = Vec::new();
        for i in 0..12 {
            // Small growth (<= 1000 bytes) never counts; large growth from GC 6 on.
            used += if i < 6 { 1000 } else { 5000 };
            if leak_of(&state.record(&full(used, T0_MS + i as f64 * 1000.0))).is_some() {
                fired_at.push(i);
            }
        }
        assert_eq!(fired_at, [8, 11]);
    }

    #[test]
    fn warm_up_uses_the_intended_float_decay() {
        let mut state = rule_only(5, 0);
        state.record(&full(10_000_000, T0_MS));
        let stats = stats_of(&state.record(&full(20_000_000, T0_MS + 1000.0)));
        // n = 2: recent weight (0.2)^2.5 * 2 ≈ 0.0358, ancient weight (0.2)^2.4 * 2 ≈ 0.0420.
        assert!(
            (19_654_000..19_655_500).contains(&stats.estimated_base),
            "{}",
            stats.estimated_base
        );
        assert_eq!(stats.usage_trend, 0.3);
    }

    #[test]
    fn no_32_bit_wrap_around() {
        let mut state = rule_only(5, 0);
        let mut stats = stats_of(&state.record(&full(500_000_000, T0_MS)));
        for i in 1..12 {
            stats = stats_of(&state.record(&full(500_000_000, T0_MS + i as f64 * 1000.0)));
        }
        assert_eq!(stats.estimated_base, 500_000_000);
        assert_eq!(stats.usage_trend, 0.0);
        // A flat heap above 4 GiB is not growth.
        let mut state = rule_only(1, 0);
        state.record(&full(5 * 1024 * MIB, T0_MS));
        let events = state.record(&full(5 * 1024 * MIB, T0_MS + 1000.0));
        assert!(leak_of(&events).is_none());
        assert_eq!(stats_of(&events).current_base, 5 * 1024 * MIB);
    }

    #[test]
    fn usage_trend_is_signed() {
        let mut state = rule_only(5, 0);
        for i in 0..10 {
            state.record(&full(10_000_000, T0_MS + i as f64 * 1000.0));
        }
        let stats = stats_of(&state.record(&full(1_000_000, T0_MS + 10_000.0)));
        // recent 9.1e6, ancient (1e7 * 10 + 1e6) / 11.
        assert_eq!(stats.estimated_base, 9_100_000);
        assert_eq!(stats.usage_trend, -0.9);
    }

    #[test]
    fn the_10th_compaction_is_the_first_of_the_moving_averages() {
        let mut state = rule_only(5, 0);
        for i in 0..9 {
            let stats = stats_of(&state.record(&full(10_000_000, T0_MS + i as f64 * 1000.0)));
            assert_eq!(stats.estimated_base, 10_000_000);
        }
        // The 10th doubles the heap: 10-compaction EMA (9 parts old, 1 new) for both
        // averages (the running mean spans 10 too). Warm-up weighting at n = 10 would
        // give (10 x 1e7 + 2e7) / 11 = 10,909,091 instead.
        let stats = stats_of(&state.record(&full(20_000_000, T0_MS + 9000.0)));
        assert_eq!(stats.heap_compactions, 10);
        assert_eq!((stats.estimated_base, stats.usage_trend), (11_000_000, 0.0));
        // The 11th: recent (9 x 1.1e7 + 2e7) / 10 = 1.19e7, ancient over 11:
        // (10 x 1.1e7 + 2e7) / 11 = 1.1818e7, 0.7 % apart.
        let stats = stats_of(&state.record(&full(20_000_000, T0_MS + 10_000.0)));
        assert_eq!((stats.estimated_base, stats.usage_trend), (11_900_000, 0.7));
    }

    #[test]
    fn other_kinds_count_as_incremental_and_min_max_start_at_third() {
        let mut state = rule_only(5, 0);
        let mut scavenge = full(1, T0_MS);
        scavenge.kind = GcKind::Scavenge;
        assert!(state.record(&scavenge).is_empty());
        let mut stats = stats_of(&state.record(&full(3_000_000, T0_MS)));
        assert_eq!((stats.num_full_gc, stats.num_inc_gc, stats.min), (1, 1, 0));
        for used in [2_000_000, 1_000_000, 4_000_000] {
            stats = stats_of(&state.record(&full(used, T0_MS)));
        }
        assert_eq!((stats.min, stats.max), (1_000_000, 4_000_000));
        assert_eq!(stats.heap_compactions, 4);
    }
}
