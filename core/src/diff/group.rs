//! memwatch's grouping of nodes into `details` rows, with class names interned so that
//! the per-node work is an array or hash lookup on integers.

use std::collections::HashMap;

use crate::snapshot::{HeapSnapshot, NodeKind};

/// memwatch's row for a node kind: objects by their (constructor) name, eight kinds
/// under a fixed name, every other kind in no row at all.
fn fixed_row(kind: NodeKind) -> Option<Option<&'static str>> {
    match kind {
        NodeKind::Object => Some(None),
        NodeKind::Array => Some(Some("Array")),
        NodeKind::String => Some(Some("String")),
        NodeKind::Code => Some(Some("Code")),
        NodeKind::Closure => Some(Some("Closure")),
        NodeKind::RegExp => Some(Some("RegExp")),
        NodeKind::Number => Some(Some("Number")),
        NodeKind::Native => Some(Some("Native")),
        _ => None,
    }
}

/// Row names, numbered in order of first appearance, shared by both snapshots of a
/// diff.
#[derive(Debug, Clone, Default)]
pub(crate) struct Classes {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Classes {
    /// Consumes the numbering, returning its names.
    pub(crate) fn into_names(self) -> Vec<String> {
        self.names
    }

    /// Approximate heap bytes held: each name twice (list and index) plus slots.
    pub(crate) fn heap_bytes(&self) -> usize {
        let text: usize = self.names.iter().map(String::capacity).sum();
        let slot = std::mem::size_of::<String>() * 2 + std::mem::size_of::<u32>();
        2 * text + self.names.capacity().max(self.index.capacity()) * slot
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }
}

/// Finds the row of each node of one snapshot, caching by node type and name.
pub(crate) struct RowOf<'a> {
    snap: &'a HeapSnapshot,
    /// Per node type index: the row for fixed kinds, `None` when the row depends on
    /// the name (objects) or there is none.
    by_type: Vec<Option<u32>>,
    /// Per node type index: objects, named by their name.
    named: Vec<bool>,
    by_name: HashMap<u32, u32>,
}

impl<'a> RowOf<'a> {
    /// Prepares lookups for `snap`, adding its fixed row names to `classes`.
    pub(crate) fn new(snap: &'a HeapSnapshot, classes: &mut Classes) -> Self {
        let kinds: Vec<NodeKind> = snap
            .node_type_names()
            .iter()
            .map(|t| NodeKind::from_type_name(t))
            .collect();
        let by_type = kinds
            .iter()
            .map(|&k| fixed_row(k).flatten().map(|name| classes.intern(name)))
            .collect();
        let named = kinds.iter().map(|&k| fixed_row(k) == Some(None)).collect();
        RowOf {
            snap,
            by_type,
            named,
            by_name: HashMap::new(),
        }
    }

    /// The row of node `ordinal`, if its kind has one.
    #[inline]
    pub(crate) fn row(&mut self, ordinal: usize, classes: &mut Classes) -> Option<u32> {
        let t = self.snap.nodes.types[ordinal] as usize;
        if !self.named[t] {
            return self.by_type[t];
        }
        let name = self.snap.nodes.names[ordinal];
        let snap = self.snap;
        Some(
            *self
                .by_name
                .entry(name)
                .or_insert_with(|| classes.intern(snap.string(name))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heap_bytes_count_each_name_twice_and_a_slot_per_row() {
        let mut classes = Classes::default();
        assert_eq!(classes.heap_bytes(), 0);
        for name in ["Foo", "Array", "Foo", "LongerName"] {
            classes.intern(name);
        }
        assert_eq!(classes.names, ["Foo", "Array", "LongerName"]);
        // A slot: the name in the list and in the index (24 bytes each), and a u32.
        let slots = classes.names.capacity().max(classes.index.capacity());
        assert!(slots >= 3);
        let text = "FooArrayLongerName".len();
        assert_eq!(classes.heap_bytes(), 2 * text + slots * (24 + 24 + 4));
    }
}
