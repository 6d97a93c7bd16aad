//! Per-class counts and sizes, grouped the way Chrome DevTools' summary view groups
//! them (see [`Node::class_name`](super::Node::class_name)).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::graph::class_name;
use super::{HeapSnapshot, NodeKind};

/// The nodes of one class (serialized in camelCase: `{ name, count, selfSize }`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassStats {
    /// The class name.
    pub name: String,
    /// How many nodes.
    pub count: u64,
    /// Their self sizes added up, in bytes.
    pub self_size: u64,
}

impl HeapSnapshot {
    /// Every class with its node count and total self size, sorted by name (byte
    /// order).
    pub fn class_summary(&self) -> Vec<ClassStats> {
        let types = &self.nodes.types;
        // Named kinds group by string index first, the rest by type; both are then
        // merged by class name.
        let mut by_type = vec![(0u64, 0u64); self.node_type_names.len()];
        let mut by_name: HashMap<u32, (u64, u64)> = HashMap::new();
        for (i, &t) in types.iter().enumerate() {
            let size = self.nodes.self_sizes[i];
            let slot = match self.node_kinds[t as usize] {
                NodeKind::Object | NodeKind::Native => {
                    by_name.entry(self.nodes.names[i]).or_default()
                }
                _ => &mut by_type[t as usize],
            };
            slot.0 += 1;
            slot.1 = slot.1.saturating_add(size);
        }
        let mut classes: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let mut add = |name: String, (count, size): (u64, u64)| {
            let slot = classes.entry(name).or_default();
            slot.0 += count;
            slot.1 = slot.1.saturating_add(size);
        };
        for (name, stats) in by_name {
            add(self.string(name).to_string(), stats);
        }
        for (t, stats) in by_type.into_iter().enumerate() {
            if stats.0 > 0 {
                let name = class_name(self.node_kinds[t], &self.node_type_names[t], "");
                add(name.into_owned(), stats);
            }
        }
        classes
            .into_iter()
            .map(|(name, (count, self_size))| ClassStats {
                name,
                count,
                self_size,
            })
            .collect()
    }

    /// The `n` classes with the largest total self size, largest first (ties by
    /// name).
    pub fn top_classes(&self, n: usize) -> Vec<ClassStats> {
        let mut all = self.class_summary();
        all.sort_by(|a, b| {
            b.self_size
                .cmp(&a.self_size)
                .then_with(|| a.name.cmp(&b.name))
        });
        all.truncate(n);
        all
    }
}
