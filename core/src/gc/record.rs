//! The input: one record per garbage collection.

use crate::error::{CallError, CallErrorKind};
use serde::{Deserialize, Serialize};

/// The kind of a garbage collection, as V8's `GCType` and Node's `perf_hooks` name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GcKind {
    /// A young-generation collection (`NODE_PERFORMANCE_GC_MINOR`).
    Scavenge,
    /// A full collection (`NODE_PERFORMANCE_GC_MAJOR`): the only kind memwatch's
    /// statistics and leak rule look at.
    MarkSweepCompact,
    /// A step of incremental marking (`NODE_PERFORMANCE_GC_INCREMENTAL`).
    IncrementalMarking,
    /// Processing of weak callbacks (`NODE_PERFORMANCE_GC_WEAKCB`).
    ProcessWeakCallbacks,
}

impl GcKind {
    /// Maps the `detail.kind` of a Node `PerformanceObserver` `gc` entry to a kind:
    /// 1 (`MINOR`) → scavenge, 4 (`MAJOR`) → mark-sweep-compact, 8 (`INCREMENTAL`) →
    /// incremental marking, 16 (`WEAKCB`) → weak callbacks. V8's other young-generation
    /// collector, minor mark-sweep (`kGCTypeMinorMarkSweep`, 2, behind `--minor-ms`), is
    /// reported as a scavenge. Any other value gives `None`.
    pub const fn from_node_flag(flag: u32) -> Option<GcKind> {
        match flag {
            1 | 2 => Some(GcKind::Scavenge),
            4 => Some(GcKind::MarkSweepCompact),
            8 => Some(GcKind::IncrementalMarking),
            16 => Some(GcKind::ProcessWeakCallbacks),
            _ => None,
        }
    }
}

/// What is known about one garbage collection, sampled right after it ended.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GcRecord {
    /// The kind of collection.
    pub kind: GcKind,
    /// `used_heap_size` from `v8.getHeapStatistics()` right after the collection.
    pub used_heap_size: u64,
    /// When the collection ended, in milliseconds since the Unix epoch. Records must
    /// arrive in time order.
    pub time_ms: f64,
    /// How long the collection took, in milliseconds.
    pub duration_ms: f64,
}

impl GcRecord {
    /// How the bindings' `GcMonitor.record` writes its call in errors.
    const CALL: &'static str = "GcMonitor.record(kind, usedHeapSize, timeMs, durationMs)";

    /// A record from what JavaScript passes: `kind` a `perf_hooks.constants.NODE_PERFORMANCE_GC_*`
    /// flag and `used_heap_size` a finite number of bytes >= 0 (a fraction is dropped).
    pub fn from_node(kind: u32, used_heap_size: f64, time_ms: f64, duration_ms: f64) -> Result<GcRecord, CallError> {
        let kind = GcKind::from_node_flag(kind).ok_or_else(|| {
            let known = "expected a perf_hooks.constants.NODE_PERFORMANCE_GC_* flag (1, 2, 4, 8 or 16)";
            CallError::new(Self::CALL, CallErrorKind::Unknown { what: "GC kind", value: kind.to_string(), known })
        })?;
        if !(used_heap_size.is_finite() && used_heap_size >= 0.0) {
            let kind = CallErrorKind::NotFiniteNonNegative { argument: "usedHeapSize", value: used_heap_size };
            return Err(CallError::new(Self::CALL, kind));
        }
        Ok(GcRecord { kind, used_heap_size: used_heap_size as u64, time_ms, duration_ms })
    }
}

/// A mark-sweep-compact record of `used` bytes at `time_ms`, for tests.
#[cfg(test)]
pub(crate) fn full(used: u64, time_ms: f64) -> GcRecord {
    GcRecord { kind: GcKind::MarkSweepCompact, used_heap_size: used, time_ms, duration_ms: 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_flags_map_to_kinds() {
        assert_eq!(GcKind::from_node_flag(1), Some(GcKind::Scavenge));
        assert_eq!(GcKind::from_node_flag(2), Some(GcKind::Scavenge));
        assert_eq!(GcKind::from_node_flag(4), Some(GcKind::MarkSweepCompact));
        assert_eq!(GcKind::from_node_flag(8), Some(GcKind::IncrementalMarking));
        assert_eq!(
            GcKind::from_node_flag(16),
            Some(GcKind::ProcessWeakCallbacks)
        );
        assert_eq!(GcKind::from_node_flag(0), None);
        assert_eq!(GcKind::from_node_flag(31), None);
    }
}
