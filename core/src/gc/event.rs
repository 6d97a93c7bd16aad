//! The output: memwatch's `stats` and `leak` events, and the small container one record
//! yields them in.

use serde::{Serialize, Serializer};

/// The payload of memwatch's `stats` event, emitted after each mark-sweep-compact
/// collection. Serializes with memwatch's JSON keys.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stats {
    /// Mark-sweep-compact collections seen.
    pub num_full_gc: u64,
    /// Collections of any other kind seen.
    pub num_inc_gc: u64,
    /// Heap compactions seen; equal to `num_full_gc` on any modern Node.
    pub heap_compactions: u64,
    /// How far the recent base is above (positive) or below the long-term base, in
    /// percent with one decimal.
    pub usage_trend: f64,
    /// The recent base: an average of post-GC heap sizes over about 10 compactions.
    pub estimated_base: u64,
    /// The heap size right after this collection.
    pub current_base: u64,
    /// The smallest post-GC heap size since the 3rd compaction (0 before).
    pub min: u64,
    /// The largest post-GC heap size since the 3rd compaction (0 before).
    pub max: u64,
}

/// Which rule reported a leak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeakDetector {
    /// memwatch's rule: the post-GC heap grew over several consecutive full GCs.
    ConsecutiveGrowth,
    /// The least-squares trend of post-GC heap sizes over a sliding window (fixed mode).
    Trend,
}

/// The payload of memwatch's `leak` event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leak {
    /// When the growth began, in milliseconds since the Unix epoch (JSON key `start`).
    #[serde(rename = "start")]
    pub start_ms: f64,
    /// When the growth was reported, in milliseconds since the Unix epoch (JSON key `end`).
    #[serde(rename = "end")]
    pub end_ms: f64,
    /// Bytes the heap grew by between `start` and `end`.
    pub growth: u64,
    /// A sentence for humans, such as
    /// `heap growth over 5 consecutive GCs (40s) - 360 mb/hr`.
    pub reason: String,
    /// The rule that fired.
    pub detector: LeakDetector,
}

/// One event. Serializes as `{ "event": "stats" | "leak", "data": payload }` so that a
/// binding can `emit(e.event, e.data)` with memwatch's exact payload.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", content = "data", rename_all = "lowercase")]
pub enum Event {
    /// memwatch's `stats` event.
    Stats(Stats),
    /// memwatch's `leak` event.
    Leak(Leak),
}

/// The events one record produced, in emission order (leaks before the `stats` of the
/// same collection). Holds at most three (two leak rules and `stats`) without
/// allocating. Serializes as a JSON array.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Events {
    slots: [Option<Event>; 3],
}

impl Events {
    /// Appends an event. Callers never produce more than the three slots hold.
    pub(crate) fn push(&mut self, event: Event) {
        if let Some(slot) = self.slots.iter_mut().find(|slot| slot.is_none()) {
            *slot = Some(event);
        }
    }

    /// The events, in emission order.
    pub fn iter(&self) -> impl Iterator<Item = &Event> {
        self.slots.iter().flatten()
    }

    /// How many events there are.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether the record produced no event.
    pub fn is_empty(&self) -> bool {
        self.slots[0].is_none()
    }
}

impl IntoIterator for Events {
    type Item = Event;
    type IntoIter = std::iter::Flatten<std::array::IntoIter<Option<Event>, 3>>;

    fn into_iter(self) -> Self::IntoIter {
        self.slots.into_iter().flatten()
    }
}

impl Serialize for Events {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_json<T: Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }

    fn stats() -> Stats {
        Stats {
            num_full_gc: 1,
            num_inc_gc: 2,
            heap_compactions: 1,
            usage_trend: -1.5,
            estimated_base: 3,
            current_base: 4,
            min: 5,
            max: 6,
        }
    }

    #[test]
    fn stats_serializes_with_memwatch_keys() {
        assert_eq!(
            to_json(&stats()),
            r#"{"num_full_gc":1,"num_inc_gc":2,"heap_compactions":1,"usage_trend":-1.5,"estimated_base":3,"current_base":4,"min":5,"max":6}"#
        );
    }

    #[test]
    fn events_serialize_as_tagged_array_in_order() {
        let mut events = Events::default();
        assert!(events.is_empty());
        events.push(Event::Leak(Leak {
            start_ms: 1000.0,
            end_ms: 2000.0,
            growth: 7,
            reason: "r".to_owned(),
            detector: LeakDetector::ConsecutiveGrowth,
        }));
        events.push(Event::Stats(stats()));
        assert_eq!(events.len(), 2);
        assert_eq!(
            to_json(&events),
            concat!(
                r#"[{"event":"leak","data":{"start":1000.0,"end":2000.0,"growth":7,"reason":"r","detector":"consecutive_growth"}},"#,
                r#"{"event":"stats","data":{"num_full_gc":1,"num_inc_gc":2,"heap_compactions":1,"usage_trend":-1.5,"estimated_base":3,"current_base":4,"min":5,"max":6}}]"#
            )
        );
        let kinds: Vec<bool> = events
            .into_iter()
            .map(|e| matches!(e, Event::Leak(_)))
            .collect();
        assert_eq!(kinds, [true, false]);
    }
}
