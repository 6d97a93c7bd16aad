//! The `stats` payload of airbnb's fork (`@airbnb/node-memwatch` 3.x): cumulative counts
//! and times per GC kind plus the caller's `v8.getHeapStatistics()`, emitted on each
//! mark-sweep-compact GC. That fork has no `leak` event.

use super::gate::SnapshotGate;
use super::record::{GcKind, GcRecord};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

/// The fields of Node's `v8.getHeapStatistics()`, passed in by the caller. Deserializes
/// from that object directly; fields an older Node lacks default to 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct HeapStatistics {
    /// `total_heap_size`, bytes.
    pub total_heap_size: u64,
    /// `total_heap_size_executable`, bytes.
    pub total_heap_size_executable: u64,
    /// `total_physical_size`, bytes.
    pub total_physical_size: u64,
    /// `total_available_size`, bytes.
    pub total_available_size: u64,
    /// `used_heap_size`, bytes.
    pub used_heap_size: u64,
    /// `heap_size_limit`, bytes.
    pub heap_size_limit: u64,
    /// `malloced_memory`, bytes.
    pub malloced_memory: u64,
    /// `peak_malloced_memory`, bytes.
    pub peak_malloced_memory: u64,
    /// `does_zap_garbage`: 0 or 1, as Node reports it.
    pub does_zap_garbage: u64,
    /// `number_of_native_contexts`.
    pub number_of_native_contexts: u64,
    /// `number_of_detached_contexts`.
    pub number_of_detached_contexts: u64,
    /// `total_global_handles_size`, bytes.
    pub total_global_handles_size: u64,
    /// `used_global_handles_size`, bytes.
    pub used_global_handles_size: u64,
    /// `external_memory`, bytes.
    pub external_memory: u64,
}

impl HeapStatistics {
    /// Writes the fields, under Node's names, into a struct being serialized.
    fn serialize_fields<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
        let fields = [
            ("total_heap_size", self.total_heap_size),
            (
                "total_heap_size_executable",
                self.total_heap_size_executable,
            ),
            ("total_physical_size", self.total_physical_size),
            ("total_available_size", self.total_available_size),
            ("used_heap_size", self.used_heap_size),
            ("heap_size_limit", self.heap_size_limit),
            ("malloced_memory", self.malloced_memory),
            ("peak_malloced_memory", self.peak_malloced_memory),
            ("does_zap_garbage", self.does_zap_garbage),
            ("number_of_native_contexts", self.number_of_native_contexts),
            (
                "number_of_detached_contexts",
                self.number_of_detached_contexts,
            ),
            ("total_global_handles_size", self.total_global_handles_size),
            ("used_global_handles_size", self.used_global_handles_size),
            ("external_memory", self.external_memory),
        ];
        fields
            .into_iter()
            .try_for_each(|(name, value)| out.serialize_field(name, &value))
    }
}

impl Serialize for HeapStatistics {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("HeapStatistics", 14)?;
        self.serialize_fields(&mut out)?;
        out.end()
    }
}

/// How many collections of one kind happened and how long they took in total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindTotals {
    /// Collections of this kind.
    pub count: u64,
    /// Their summed duration, in nanoseconds.
    pub time_ns: u64,
}

impl KindTotals {
    fn add(&mut self, time_ns: u64) {
        self.count += 1;
        self.time_ns = self.time_ns.saturating_add(time_ns);
    }
}

/// airbnb's `stats` payload. Serializes flat, in airbnb's order and with its keys:
/// `gc_ts`, `gcScavengeCount`, `gcScavengeTime`, … `gcProcessWeakCallbacksTime`, the
/// heap statistics, then `gc_time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AirbnbStats {
    /// When this GC ended, in microseconds since the Unix epoch.
    pub gc_ts: u64,
    /// Scavenges so far (`gcScavengeCount`, `gcScavengeTime`).
    pub scavenge: KindTotals,
    /// Mark-sweep-compacts so far, this one included.
    pub mark_sweep_compact: KindTotals,
    /// Incremental marking steps so far.
    pub incremental_marking: KindTotals,
    /// Weak-callback passes so far.
    pub process_weak_callbacks: KindTotals,
    /// The caller's heap statistics for this GC.
    pub heap: HeapStatistics,
    /// How long this GC took, in nanoseconds.
    pub gc_time: u64,
}

impl Serialize for AirbnbStats {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("AirbnbStats", 24)?;
        out.serialize_field("gc_ts", &self.gc_ts)?;
        let kinds = [
            ("gcScavengeCount", "gcScavengeTime", self.scavenge),
            (
                "gcMarkSweepCompactCount",
                "gcMarkSweepCompactTime",
                self.mark_sweep_compact,
            ),
            (
                "gcIncrementalMarkingCount",
                "gcIncrementalMarkingTime",
                self.incremental_marking,
            ),
            (
                "gcProcessWeakCallbacksCount",
                "gcProcessWeakCallbacksTime",
                self.process_weak_callbacks,
            ),
        ];
        for (count_key, time_key, totals) in kinds {
            out.serialize_field(count_key, &totals.count)?;
            out.serialize_field(time_key, &totals.time_ns)?;
        }
        self.heap.serialize_fields(&mut out)?;
        out.serialize_field("gc_time", &self.gc_time)?;
        out.end()
    }
}

/// Accumulates airbnb's per-kind totals and yields its `stats` payload on each
/// mark-sweep-compact GC. Like every memwatch, it ignores collections that happen while
/// a heap snapshot is taken ([`pause`](Self::pause) / [`resume`](Self::resume)).
#[derive(Debug, Clone, Default)]
pub struct AirbnbAccumulator {
    gate: SnapshotGate,
    scavenge: KindTotals,
    mark_sweep_compact: KindTotals,
    incremental_marking: KindTotals,
    process_weak_callbacks: KindTotals,
}

impl AirbnbAccumulator {
    /// An accumulator with all totals at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Ignores collections that end at or after `at_ms` (ms since the Unix epoch) until
    /// [`resume`](Self::resume); call before taking a heap snapshot.
    pub fn pause(&mut self, at_ms: f64) {
        self.gate.pause(at_ms);
    }

    /// Counts collections that end after `at_ms` again; call after the snapshot.
    pub fn resume(&mut self, at_ms: f64) {
        self.gate.resume(at_ms);
    }

    /// Counts one collection; for a mark-sweep-compact, returns the `stats` payload with
    /// `heap` (read by the caller right after the GC). Negative or NaN durations count
    /// as 0 ns.
    pub fn record(&mut self, record: &GcRecord, heap: &HeapStatistics) -> Option<AirbnbStats> {
        if !self.gate.admits(record.time_ms) {
            return None;
        }
        let gc_time = (record.duration_ms * 1e6).round() as u64;
        let totals = match record.kind {
            GcKind::Scavenge => &mut self.scavenge,
            GcKind::MarkSweepCompact => &mut self.mark_sweep_compact,
            GcKind::IncrementalMarking => &mut self.incremental_marking,
            GcKind::ProcessWeakCallbacks => &mut self.process_weak_callbacks,
        };
        totals.add(gc_time);
        (record.kind == GcKind::MarkSweepCompact).then(|| AirbnbStats {
            gc_ts: (record.time_ms * 1000.0).round() as u64,
            scavenge: self.scavenge,
            mark_sweep_compact: self.mark_sweep_compact,
            incremental_marking: self.incremental_marking,
            process_weak_callbacks: self.process_weak_callbacks,
            heap: *heap,
            gc_time,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(kind: GcKind, time_ms: f64, duration_ms: f64) -> GcRecord {
        GcRecord {
            kind,
            used_heap_size: 5_691_584,
            time_ms,
            duration_ms,
        }
    }

    #[test]
    fn accumulates_per_kind_and_fires_on_each_mark_sweep_compact() {
        let mut acc = AirbnbAccumulator::new();
        let heap = HeapStatistics {
            used_heap_size: 5_691_584,
            ..HeapStatistics::default()
        };
        assert_eq!(acc.record(&record(GcKind::Scavenge, 1.0, 1.1), &heap), None);
        assert_eq!(acc.record(&record(GcKind::Scavenge, 2.0, 0.5), &heap), None);
        assert_eq!(
            acc.record(&record(GcKind::IncrementalMarking, 3.0, 2.0), &heap),
            None
        );
        assert_eq!(
            acc.record(&record(GcKind::ProcessWeakCallbacks, 4.0, f64::NAN), &heap),
            None
        );
        let stats = acc
            .record(
                &record(GcKind::MarkSweepCompact, 1_700_000_000_123.456, 4.587251),
                &heap,
            )
            .unwrap();
        assert_eq!(stats.gc_ts, 1_700_000_000_123_456);
        assert_eq!(
            stats.scavenge,
            KindTotals {
                count: 2,
                time_ns: 1_600_000
            }
        );
        assert_eq!(
            stats.incremental_marking,
            KindTotals {
                count: 1,
                time_ns: 2_000_000
            }
        );
        assert_eq!(
            stats.process_weak_callbacks,
            KindTotals {
                count: 1,
                time_ns: 0
            }
        );
        assert_eq!(
            stats.mark_sweep_compact,
            KindTotals {
                count: 1,
                time_ns: 4_587_251
            }
        );
        assert_eq!(stats.gc_time, 4_587_251);
        assert_eq!(stats.heap.used_heap_size, 5_691_584);
        let next = acc
            .record(
                &record(GcKind::MarkSweepCompact, 1_700_000_001_000.0, 1.0),
                &heap,
            )
            .unwrap();
        assert_eq!(
            next.mark_sweep_compact,
            KindTotals {
                count: 2,
                time_ns: 5_587_251
            }
        );
    }

    #[test]
    fn collections_during_a_snapshot_are_not_counted() {
        let mut acc = AirbnbAccumulator::new();
        let heap = HeapStatistics::default();
        acc.pause(10.0);
        acc.resume(20.0);
        assert_eq!(
            acc.record(&record(GcKind::MarkSweepCompact, 15.0, 1.0), &heap),
            None
        );
        assert_eq!(
            acc.record(&record(GcKind::Scavenge, 16.0, 1.0), &heap),
            None
        );
        let stats = acc
            .record(&record(GcKind::MarkSweepCompact, 25.0, 1.0), &heap)
            .unwrap();
        assert_eq!(stats.mark_sweep_compact.count, 1);
        assert_eq!(stats.scavenge.count, 0);
    }

    #[test]
    fn serializes_flat_with_airbnb_keys_in_order() {
        let stats = AirbnbStats {
            gc_ts: 1,
            scavenge: KindTotals {
                count: 2,
                time_ns: 3,
            },
            mark_sweep_compact: KindTotals {
                count: 4,
                time_ns: 5,
            },
            incremental_marking: KindTotals {
                count: 6,
                time_ns: 7,
            },
            process_weak_callbacks: KindTotals {
                count: 8,
                time_ns: 9,
            },
            heap: HeapStatistics {
                total_heap_size: 10,
                external_memory: 23,
                ..HeapStatistics::default()
            },
            gc_time: 24,
        };
        assert_eq!(
            serde_json::to_string(&stats).unwrap(),
            concat!(
                r#"{"gc_ts":1,"gcScavengeCount":2,"gcScavengeTime":3,"gcMarkSweepCompactCount":4,"#,
                r#""gcMarkSweepCompactTime":5,"gcIncrementalMarkingCount":6,"gcIncrementalMarkingTime":7,"#,
                r#""gcProcessWeakCallbacksCount":8,"gcProcessWeakCallbacksTime":9,"total_heap_size":10,"#,
                r#""total_heap_size_executable":0,"total_physical_size":0,"total_available_size":0,"#,
                r#""used_heap_size":0,"heap_size_limit":0,"malloced_memory":0,"peak_malloced_memory":0,"#,
                r#""does_zap_garbage":0,"number_of_native_contexts":0,"number_of_detached_contexts":0,"#,
                r#""total_global_handles_size":0,"used_global_handles_size":0,"external_memory":23,"gc_time":24}"#
            )
        );
    }

    #[test]
    fn heap_statistics_deserialize_from_a_partial_node_object() {
        let heap: HeapStatistics = serde_json::from_value(json!({
            "used_heap_size": 5_691_584,
            "does_zap_garbage": 0,
            "heap_size_limit": 1_501_560_832_u64,
        }))
        .unwrap();
        assert_eq!(heap.used_heap_size, 5_691_584);
        assert_eq!(heap.heap_size_limit, 1_501_560_832);
        assert_eq!(heap.external_memory, 0);
    }
}
