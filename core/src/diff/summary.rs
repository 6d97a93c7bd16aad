//! The "before" side of a diff, reduced to what HeapDiff needs: the reachable ids in
//! ascending order, each with its self size and row, packed as variable-length
//! integers (about 4 bytes a node instead of a whole graph), so the first snapshot's
//! graph can be dropped before the second one is parsed.

use super::group::{Classes, RowOf};
use super::walk::{reach, unique_by_id, Walk};
use crate::analysis::{fingerprint, IdRule};
use crate::snapshot::HeapSnapshot;
use crate::work::Work;

/// A snapshot reduced to its reachable set, for [`diff`](super::diff).
#[derive(Debug, Clone)]
pub struct HeapSummary {
    node_count: u64,
    size_bytes: u64,
    reachable: u64,
    classes: Classes,
    /// Per reachable id, ascending: the gap from the previous id, the self size, and
    /// the row number + 1 (0: no row), each as LEB128.
    packed: Vec<u8>,
    /// How the diff matches this summary's nodes with the other snapshot's.
    rule: IdRule,
    /// Under [`IdRule::SameIdTypeAndName`], per reachable id (same order): the node's
    /// type-and-name fingerprint; empty otherwise.
    prints: Vec<u64>,
}

/// One reachable node of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub id: u64,
    pub size: u64,
    /// Row number in the summary's classes.
    pub row: Option<u32>,
    /// The type-and-name fingerprint (under [`IdRule::SameIdTypeAndName`]; else 0).
    pub print: u64,
}

impl HeapSummary {
    /// Walks `snap` the way memwatch does and keeps the reachable set. A node id that
    /// occurs twice is counted once, as the first node with it in the snapshot.
    pub fn new(snap: &HeapSnapshot) -> Self {
        Self::counting(snap).0
    }

    /// [`HeapSummary::new`], matched with the other snapshot of a diff by `rule`: under
    /// [`IdRule::SameIdTypeAndName`] an id whose type or name changed counts as freed and
    /// allocated (V8 reuses ids), where memwatch's rule, the default, sees one object.
    pub fn with_rule(snap: &HeapSnapshot, rule: IdRule) -> Self {
        let mut summary = Self::new(snap);
        if rule == IdRule::SameIdTypeAndName {
            let mut order = reach(snap, Walk::AllEdges, &mut Work::default()).order;
            unique_by_id(&mut order, &snap.nodes.ids);
            summary.prints = order
                .iter()
                .filter_map(|&o| snap.node(o as usize))
                .map(fingerprint)
                .collect();
            summary.rule = rule;
        }
        summary
    }

    /// [`HeapSummary::new`], also returning the work its walk did. Test support.
    #[doc(hidden)]
    pub fn counting(snap: &HeapSnapshot) -> (Self, Work) {
        let mut work = Work::default();
        let mut order = reach(snap, Walk::AllEdges, &mut work).order;
        let ids = &snap.nodes.ids;
        unique_by_id(&mut order, ids);
        let mut classes = Classes::default();
        let mut rows = RowOf::new(snap, &mut classes);
        let mut packed = Vec::with_capacity(order.len() * 4);
        let (mut last, mut size_bytes) = (0u64, 0u64);
        for &o in &order {
            let o = o as usize;
            let (id, size) = (ids[o], snap.nodes.self_sizes[o]);
            put(&mut packed, id - last);
            put(&mut packed, size);
            put(
                &mut packed,
                rows.row(o, &mut classes).map_or(0, |r| u64::from(r) + 1),
            );
            last = id;
            size_bytes = size_bytes.saturating_add(size);
        }
        packed.shrink_to_fit();
        let summary = HeapSummary {
            node_count: snap.node_count() as u64,
            size_bytes,
            reachable: order.len() as u64,
            classes,
            packed,
            rule: IdRule::SameId,
            prints: Vec::new(),
        };
        (summary, work)
    }

    /// All nodes of the snapshot, reachable or not (memwatch's `nodes`).
    pub fn node_count(&self) -> u64 {
        self.node_count
    }

    /// The reachable nodes' self sizes added up (memwatch's `size_bytes`).
    pub fn size_bytes(&self) -> u64 {
        self.size_bytes
    }

    /// How many distinct ids are reachable.
    pub fn reachable_count(&self) -> u64 {
        self.reachable
    }

    /// Bytes of heap memory this summary holds: its packed entries (by capacity), its
    /// row names and its fingerprints.
    pub fn heap_bytes(&self) -> usize {
        self.packed.capacity() + self.classes.heap_bytes() + self.prints.capacity() * 8
    }

    /// How the diff matches this summary's nodes with the other snapshot's.
    pub fn rule(&self) -> IdRule {
        self.rule
    }

    /// The row names, by row number.
    pub(crate) fn classes(&self) -> &Classes {
        &self.classes
    }

    /// The reachable nodes, by ascending id.
    pub(crate) fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        let mut bytes = self.packed.as_slice();
        let mut id = 0u64;
        let mut prints = self.prints.iter();
        std::iter::from_fn(move || {
            id += take(&mut bytes)?;
            let size = take(&mut bytes)?;
            let row = take(&mut bytes)?.checked_sub(1).map(|r| r as u32);
            let print = prints.next().copied().unwrap_or(0);
            Some(Entry {
                id,
                size,
                row,
                print,
            })
        })
    }
}

impl From<&HeapSnapshot> for HeapSummary {
    fn from(snap: &HeapSnapshot) -> Self {
        HeapSummary::new(snap)
    }
}

/// Appends `v` as LEB128.
fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Takes one LEB128 number off the front of `bytes`.
fn take(bytes: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            *bytes = &bytes[i + 1..];
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leb128_round_trips() {
        let values = [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX];
        let mut out = Vec::new();
        for v in values {
            put(&mut out, v);
        }
        let mut bytes = out.as_slice();
        for v in values {
            assert_eq!(take(&mut bytes), Some(v));
        }
        assert_eq!(take(&mut bytes), None);
    }

    #[test]
    fn heap_bytes_are_the_packed_entries_and_the_row_names() {
        let json =
            br#"{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],
            "node_types":[["synthetic","object"]],
            "edge_fields":["type","name_or_index","to_node"],"edge_types":[["property"]]},
            "node_count":2,"edge_count":1},
            "nodes":[0,0,1,0,1, 1,1,3,200,0],"edges":[0,2,5],"strings":["","Foo","foo"]}"#;
        let summary = HeapSummary::new(&HeapSnapshot::from_slice(json).unwrap());
        // The root: id gap 1, size 0, no row (0): a byte each. Foo: gap 2, size 200 (two
        // bytes of LEB128), row 0 + 1.
        let packed = 3 + 4;
        assert_eq!(
            summary.heap_bytes(),
            packed + summary.classes().heap_bytes()
        );
        assert!(summary.classes().heap_bytes() > 0);
    }
}
