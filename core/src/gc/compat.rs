//! Compat mode: memwatch 0.2.x / memwatch-next's `stats` and `leak` state machine,
//! reproduced bug for bug. Everything memwatch keeps in a C `unsigned int` is a `u32`
//! here with wrapping arithmetic, its clock is `time(NULL)` (whole seconds), and its
//! leak rule is fixed at 5 consecutive growing GCs.

use super::event::{Event, Events, Leak, LeakDetector, Stats};
use super::record::{GcKind, GcRecord};
use crate::nice::{nice_delta, nice_size};

/// memwatch's `RECENT_PERIOD`: the span of the recent average, in compactions.
const RECENT_PERIOD: u32 = 10;
/// memwatch's `ANCIENT_PERIOD`: the span of the long-term average, in compactions.
const ANCIENT_PERIOD: u32 = 120;
/// How many growing full GCs in a row memwatch calls a leak.
const LEAK_RUN: u32 = 5;

/// memwatch's `s_stats`, field for field.
#[derive(Debug, Clone, Default)]
pub(crate) struct CompatState {
    gc_full: u32,
    gc_inc: u32,
    gc_compact: u32,
    last_base: u32,
    base_recent: u32,
    base_ancient: u32,
    base_max: u32,
    base_min: u32,
    /// A C `time_t`.
    leak_time_start: i64,
    /// Also a C `time_t` in memwatch, although it holds bytes.
    leak_base_start: i64,
    consecutive_growth: u32,
}

impl CompatState {
    /// Processes one collection as memwatch's `AsyncMemwatchAfter` does.
    pub(crate) fn record(&mut self, record: &GcRecord) -> Events {
        let mut events = Events::default();
        if record.kind != GcKind::MarkSweepCompact {
            self.gc_inc = self.gc_inc.wrapping_add(1);
            return events;
        }
        self.gc_full = self.gc_full.wrapping_add(1);
        let now = unix_seconds(record.time_ms);
        // `heapUsage` is a `size_t`; `last_base` is widened to compare with it.
        let used = record.used_heap_size;
        if u64::from(self.last_base) < used {
            if self.consecutive_growth == 0 {
                self.leak_time_start = now;
                self.leak_base_start = used as i64;
            }
            self.consecutive_growth += 1;
            if self.consecutive_growth >= LEAK_RUN {
                self.consecutive_growth = 0;
                events.push(Event::Leak(self.leak_report(used, now)));
            }
        } else {
            self.consecutive_growth = 0;
        }
        // Truncated to 32 bits: above 4 GiB the next comparison sees a smaller value.
        self.last_base = used as u32;
        self.gc_compact = self.gc_compact.wrapping_add(1);
        self.update_bases();
        if self.gc_compact >= 3 {
            if self.base_min == 0 || self.base_min > self.last_base {
                self.base_min = self.last_base;
            }
            if self.base_max == 0 || self.base_max < self.last_base {
                self.base_max = self.last_base;
            }
        }
        events.push(Event::Stats(self.stats()));
        events
    }

    /// memwatch's moving averages of the post-GC heap size.
    fn update_bases(&mut self) {
        if self.gc_compact < RECENT_PERIOD {
            // memwatch means to weight the old average by (n / 10)^2.5 * n, but n / 10 is
            // integer division: 0 below 10, so both averages restart from the latest value.
            self.base_recent = self.last_base;
            self.base_ancient = self.last_base;
        } else {
            // Unsigned 32-bit maths: wraps once base_recent exceeds 477,218,588.
            self.base_recent = self
                .base_recent
                .wrapping_mul(RECENT_PERIOD - 1)
                .wrapping_add(self.last_base)
                / RECENT_PERIOD;
            let decay = f64::from(self.gc_compact.min(ANCIENT_PERIOD));
            // A weighted mean of u32 values, so the conversion never saturates.
            self.base_ancient = ((f64::from(self.base_ancient) * (decay - 1.0)
                + f64::from(self.last_base))
                / decay) as u32;
        }
    }

    fn stats(&self) -> Stats {
        Stats {
            num_full_gc: u64::from(self.gc_full),
            num_inc_gc: u64::from(self.gc_inc),
            heap_compactions: u64::from(self.gc_compact),
            usage_trend: usage_trend(self.base_recent, self.base_ancient),
            estimated_base: u64::from(self.base_recent),
            current_base: u64::from(self.last_base),
            min: u64::from(self.base_min),
            max: u64::from(self.base_max),
        }
    }

    /// memwatch's `getLeakReport`.
    fn leak_report(&self, used: u64, now: i64) -> Leak {
        let growth = used.wrapping_sub(self.leak_base_start as u64);
        // `int now = time(NULL); int delta = now - leak_time_start;`
        let delta = (i64::from(now as i32) - self.leak_time_start) as i32;
        let per_hour = growth as f64 / (f64::from(delta) / 3600.0);
        Leak {
            start_ms: self.leak_time_start as f64 * 1000.0,
            end_ms: now as f64 * 1000.0,
            growth,
            reason: format!(
                "heap growth over {LEAK_RUN} consecutive GCs ({}) - {}/hr",
                nice_delta(i64::from(delta)),
                nice_size_of_c_int(c_int_from_double(per_hour))
            ),
            detector: LeakDetector::ConsecutiveGrowth,
        }
    }
}

/// `time(NULL)` at `time_ms`: whole seconds since the Unix epoch (0 for NaN).
fn unix_seconds(time_ms: f64) -> i64 {
    (time_ms / 1000.0).floor() as i64
}

/// memwatch's `usage_trend`: the difference of two unsigned values is taken unsigned, so
/// a recent base below the ancient one wraps to a huge positive trend.
fn usage_trend(recent: u32, ancient: u32) -> f64 {
    if ancient == 0 {
        return 0.0;
    }
    (f64::from(recent.wrapping_sub(ancient)) / f64::from(ancient) * 1000.0).round() / 10.0
}

/// A C `double` to `int` conversion as x86-64 performs it (`cvttsd2si`): truncation, and
/// `INT_MIN` for NaN and anything out of range, such as the infinity of a zero `dt`.
fn c_int_from_double(value: f64) -> i32 {
    if value.is_nan() || value >= 2_147_483_648.0 || value <= -2_147_483_649.0 {
        i32::MIN
    } else {
        value as i32
    }
}

/// memwatch's `niceSize(int)`: `abs(INT_MIN)` overflows and stays negative, so `INT_MIN`
/// falls through to the "bytes" branch.
fn nice_size_of_c_int(bytes: i32) -> String {
    if bytes == i32::MIN {
        format!("{bytes} bytes")
    } else {
        nice_size(f64::from(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::record::full;

    const T0_MS: f64 = 1_700_000_000_000.0;
    const MIB: u64 = 1024 * 1024;

    fn stats_of(events: &Events) -> Stats {
        match events.iter().last() {
            Some(Event::Stats(stats)) => *stats,
            other => panic!("expected stats last, got {other:?}"),
        }
    }

    fn leaks_of(events: &Events) -> Vec<Leak> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Leak(leak) => Some(leak.clone()),
                Event::Stats(_) => None,
            })
            .collect()
    }

    #[test]
    fn start_up_counts_as_growth_so_five_growing_gcs_leak() {
        let mut state = CompatState::default();
        let mut last = Events::default();
        for i in 0..5 {
            last = state.record(&full(10_000_000 + i * MIB, T0_MS + i as f64 * 10_000.0));
            if i < 4 {
                assert!(leaks_of(&last).is_empty(), "no leak before the 5th GC");
            }
        }
        // The leak event comes before the stats event of the same GC.
        assert_eq!(last.len(), 2);
        assert!(matches!(last.iter().next(), Some(Event::Leak(_))));
        let leak = &leaks_of(&last)[0];
        // growth = used - leak_base_start: 4 intervals, not 5.
        assert_eq!(leak.growth, 4 * MIB);
        assert_eq!(
            leak.reason,
            "heap growth over 5 consecutive GCs (40s) - 360 mb/hr"
        );
        assert_eq!(leak.start_ms, T0_MS);
        assert_eq!(leak.end_ms, T0_MS + 40_000.0);
        assert_eq!(leak.detector, LeakDetector::ConsecutiveGrowth);
    }

    #[test]
    fn zero_dt_prints_int_min_bytes_per_hour() {
        let mut state = CompatState::default();
        let mut last = Events::default();
        for i in 0..5 {
            // Five GCs within the same second.
            last = state.record(&full(10_000_000 + i * MIB, T0_MS + i as f64 * 100.0));
        }
        assert_eq!(
            leaks_of(&last)[0].reason,
            "heap growth over 5 consecutive GCs (0s) - -2147483648 bytes/hr"
        );
    }

    #[test]
    fn timestamps_are_truncated_to_whole_seconds() {
        let mut state = CompatState::default();
        let mut last = Events::default();
        // 1 ms apart in real time, but across a second boundary: time(NULL) says 1 s.
        let times = [999.0, 999.2, 999.4, 999.6, 1000.0].map(|ms| T0_MS + ms);
        for (i, time) in times.into_iter().enumerate() {
            last = state.record(&full(10_000_000 + i as u64 * 1000, time));
        }
        let leak = &leaks_of(&last)[0];
        assert_eq!(leak.start_ms, T0_MS);
        assert_eq!(leak.end_ms, T0_MS + 1000.0);
        assert_eq!(
            leak.reason,
            "heap growth over 5 consecutive GCs (1s) - 13.73 mb/hr"
        );
    }

    #[test]
    fn warm_up_uses_integer_division_so_first_nine_averages_are_the_latest_value() {
        let mut state = CompatState::default();
        let used = [5, 1, 9, 2, 8, 3, 7, 4, 6].map(|m| m * 1_000_000);
        for (i, &u) in used.iter().enumerate() {
            let stats = stats_of(&state.record(&full(u, T0_MS + i as f64 * 1000.0)));
            assert_eq!(stats.estimated_base, u, "decay is 0 for n < 10");
            assert_eq!(stats.usage_trend, 0.0);
        }
        let stats = stats_of(&state.record(&full(10_000_000, T0_MS + 9000.0)));
        // n = 10: (6e6 * 9 + 1e7) / 10 for both averages.
        assert_eq!(stats.estimated_base, 6_400_000);
        assert_eq!(stats.usage_trend, 0.0);
    }

    #[test]
    fn base_recent_wraps_around_32_bits() {
        let mut state = CompatState::default();
        let mut stats = stats_of(&state.record(&full(500_000_000, T0_MS)));
        for i in 1..10 {
            stats = stats_of(&state.record(&full(500_000_000, T0_MS + i as f64 * 1000.0)));
        }
        // (500e6 * 9 + 500e6) mod 2^32 / 10, instead of 500e6.
        assert_eq!(stats.estimated_base, 70_503_270);
        assert_eq!(stats.current_base, 500_000_000);
        assert_eq!(stats.usage_trend, 773.1);
    }

    #[test]
    fn usage_trend_subtraction_is_unsigned() {
        // The spec's example: recent 9e6, ancient 1e7 gives 42939.7 instead of -10.0.
        assert_eq!(usage_trend(9_000_000, 10_000_000), 42939.7);
        assert_eq!(usage_trend(11_000_000, 10_000_000), 10.0);
        assert_eq!(usage_trend(5, 0), 0.0);
        // Through the state machine: a shrinking heap reports a huge positive trend.
        let mut state = CompatState::default();
        for i in 0..10 {
            state.record(&full(10_000_000, T0_MS + i as f64 * 1000.0));
        }
        let stats = stats_of(&state.record(&full(1_000_000, T0_MS + 10_000.0)));
        assert!(stats.estimated_base < 10_000_000);
        assert!(stats.usage_trend > 40_000.0, "{}", stats.usage_trend);
    }

    #[test]
    fn heaps_above_4_gib_truncate_last_base_and_always_grow() {
        let mut state = CompatState::default();
        let mut last = Events::default();
        for i in 0..5 {
            last = state.record(&full(5 * 1024 * MIB, T0_MS + i as f64 * 10_000.0));
        }
        let leak = &leaks_of(&last)[0];
        assert_eq!(leak.growth, 0);
        assert_eq!(
            leak.reason,
            "heap growth over 5 consecutive GCs (40s) - 0 bytes/hr"
        );
        assert_eq!(stats_of(&last).current_base, 1024 * MIB);
    }

    #[test]
    fn one_non_growing_gc_resets_the_run() {
        let mut state = CompatState::default();
        let mut used = 10_000_000;
        for i in 0..40 {
            // Grows 4 times, then stays level once: never 5 in a row after start-up.
            if i % 5 != 4 {
                used += 100_000;
            }
            let events = state.record(&full(used, T0_MS + i as f64 * 1000.0));
            assert!(leaks_of(&events).is_empty(), "GC {i}");
        }
    }

    #[test]
    fn min_and_max_start_at_the_third_compaction() {
        let mut state = CompatState::default();
        let used = [3_000_000, 1_000_000, 5_000_000, 4_000_000, 6_000_000];
        let seen: Vec<(u64, u64)> = used
            .iter()
            .enumerate()
            .map(|(i, &u)| {
                let stats = stats_of(&state.record(&full(u, T0_MS + i as f64 * 1000.0)));
                (stats.min, stats.max)
            })
            .collect();
        assert_eq!(
            seen,
            [
                (0, 0),
                (0, 0),
                (5_000_000, 5_000_000),
                (4_000_000, 5_000_000),
                (4_000_000, 6_000_000)
            ]
        );
    }

    #[test]
    fn other_kinds_only_count_as_incremental() {
        let mut state = CompatState::default();
        for kind in [
            GcKind::Scavenge,
            GcKind::IncrementalMarking,
            GcKind::ProcessWeakCallbacks,
        ] {
            let mut record = full(1, T0_MS);
            record.kind = kind;
            assert!(state.record(&record).is_empty());
        }
        let stats = stats_of(&state.record(&full(1_000, T0_MS)));
        assert_eq!((stats.num_full_gc, stats.num_inc_gc), (1, 3));
        assert_eq!(stats.heap_compactions, 1);
    }

    #[test]
    fn c_conversions_match_x86() {
        assert_eq!(c_int_from_double(f64::INFINITY), i32::MIN);
        assert_eq!(c_int_from_double(f64::NAN), i32::MIN);
        assert_eq!(c_int_from_double(3e9), i32::MIN);
        assert_eq!(c_int_from_double(-1.9), -1);
        assert_eq!(nice_size_of_c_int(i32::MIN), "-2147483648 bytes");
        assert_eq!(nice_size_of_c_int(2048), "2 kb");
    }
}
