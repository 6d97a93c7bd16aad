//! Rows built on the dominator tree: the nodes with the largest retained sizes, and
//! per-class retained totals counted as DevTools' summary view counts them.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::ops::Range;

use serde::Serialize;

use crate::snapshot::{HeapSnapshot, Node, NodeKind};

use super::{blocks, Dominators};

/// One node with its retained size (serialized in camelCase:
/// `{ id, name, type, selfSize, retainedSize }`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetainedRow {
    /// The node's id.
    pub id: u64,
    /// The node's name (a constructor, a string's text, a function name...).
    pub name: String,
    /// The node's type as the snapshot's `meta` spells it.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The node's own size in bytes.
    pub self_size: u64,
    /// Its self size and that of every node it dominates, in bytes.
    pub retained_size: u64,
}

/// One class with its count, self size and retained size (serialized in camelCase:
/// `{ name, count, selfSize, retainedSize }`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassRetained {
    /// The class name, as [`Node::class_name`](crate::snapshot::Node::class_name).
    pub name: String,
    /// How many nodes.
    pub count: u64,
    /// Their self sizes added up, in bytes.
    pub self_size: u64,
    /// The retained sizes of its nodes that no other node of the class dominates
    /// (DevTools' `maxRet`), so nothing is counted twice.
    pub retained_size: u64,
}

impl Dominators {
    /// The `n` nodes other than the root with the largest retained size, largest first
    /// (ties: smaller id first). Synthetic nodes such as `(GC roots)` are included.
    ///
    /// One pass keeps the best `n` seen in a heap whose top is the worst of them, so
    /// that most nodes cost one comparison of their retained size with the top's.
    pub fn top_retained(&self, snap: &HeapSnapshot, n: usize) -> Vec<RetainedRow> {
        let key = |o: u32| {
            (
                Reverse(self.retained[o as usize]),
                snap.nodes.ids[o as usize],
                o,
            )
        };
        let n = n.min(self.len().saturating_sub(1));
        if n == 0 {
            return Vec::new();
        }
        let mut best = BinaryHeap::with_capacity(n);
        best.extend((1..=n as u32).map(key));
        for ordinals in blocks(n + 1..self.len()) {
            self.keep_best(&mut best, ordinals, key);
        }
        best.into_sorted_vec()
            .into_iter()
            .filter_map(|(_, _, o)| self.row(snap, o as usize))
            .collect()
    }

    /// [`top_retained`](Self::top_retained) over the nodes `ordinals`: each better than
    /// the worst in `best` takes its place.
    #[inline(never)]
    fn keep_best(
        &self,
        best: &mut BinaryHeap<(Reverse<u64>, u64, u32)>,
        ordinals: Range<usize>,
        key: impl Fn(u32) -> (Reverse<u64>, u64, u32),
    ) {
        for o in ordinals {
            let Some(mut worst) = best.peek_mut() else {
                return;
            };
            // Most nodes retain less than the worst kept: one comparison.
            if self.retained[o] < worst.0 .0 {
                continue;
            }
            let candidate = key(o as u32);
            if candidate < *worst {
                *worst = candidate;
            }
        }
    }

    /// The row of node `ordinal`, if there is one.
    pub fn row(&self, snap: &HeapSnapshot, ordinal: usize) -> Option<RetainedRow> {
        let node = snap.node(ordinal)?;
        Some(RetainedRow {
            id: node.id(),
            name: node.name().to_string(),
            type_name: node.type_name().to_string(),
            self_size: node.self_size(),
            retained_size: *self.retained.get(ordinal)?,
        })
    }

    /// Every class with its count, self size and retained size, sorted by name (byte
    /// order): `snap.class_summary()` with `retainedSize` added. A node's retained size
    /// counts towards its class unless a dominator of it has the same class (memlab's
    /// rule; DevTools' `_calculateClassesRetainedSize` also skips nodes with no self
    /// size that are not native, which can count a nested node instead of its holder).
    pub fn class_retained(&self, snap: &HeapSnapshot) -> Vec<ClassRetained> {
        let classes = snap.class_summary();
        let index: HashMap<&str, usize> = classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.as_str(), i))
            .collect();
        // Objects and native nodes are classed by name, the rest by type: cache both.
        let mut by_name: HashMap<u32, u32> = HashMap::new();
        let mut by_type: Vec<Option<u32>> = vec![None; snap.node_type_names().len()];
        let class_index = |node: Node<'_>| {
            index
                .get(node.class_name().as_ref())
                .map_or(0, |&i| i as u32)
        };
        let class_of: Vec<u32> = snap
            .nodes()
            .map(|node| {
                let o = node.ordinal();
                match node.kind() {
                    NodeKind::Object | NodeKind::Native => *by_name
                        .entry(snap.nodes.names[o])
                        .or_insert_with(|| class_index(node)),
                    _ => *by_type[snap.nodes.types[o] as usize]
                        .get_or_insert_with(|| class_index(node)),
                }
            })
            .collect();
        let retained = self.class_totals(&class_of, classes.len());
        classes
            .into_iter()
            .zip(retained)
            .map(|(c, retained_size)| ClassRetained {
                name: c.name,
                count: c.count,
                self_size: c.self_size,
                retained_size,
            })
            .collect()
    }

    /// Per class (`class_of` per ordinal, `classes` of them): the retained sizes of the
    /// nodes with no dominator of their class, by a depth-first walk of the dominator
    /// tree that keeps how many nodes of each class are open.
    fn class_totals(&self, class_of: &[u32], classes: usize) -> Vec<u64> {
        let n = self.len();
        // The dominator tree's children, by a counting sort of the dominators.
        let mut first = vec![0u32; n + 1];
        for &d in &self.idom[1..] {
            first[d as usize + 1] += 1;
        }
        for i in 1..=n {
            first[i] += first[i - 1];
        }
        let mut next = first.clone();
        let mut children = vec![0u32; n.saturating_sub(1)];
        for (o, &d) in self.idom.iter().enumerate().skip(1) {
            children[next[d as usize] as usize] = o as u32;
            next[d as usize] += 1;
        }
        let mut open = vec![0u32; classes];
        let mut totals = vec![0u64; classes];
        // Entries: an ordinal to enter, or (with bit 32 set) one to leave.
        const LEAVE: u64 = 1 << 32;
        let mut stack = vec![0u64];
        while let Some(entry) = stack.pop() {
            if entry & LEAVE != 0 {
                open[class_of[(entry & !LEAVE) as usize] as usize] -= 1;
                continue;
            }
            let o = entry as usize;
            let c = class_of[o] as usize;
            if open[c] == 0 {
                totals[c] = totals[c].saturating_add(self.retained[o]);
            }
            open[c] += 1;
            stack.push(entry | LEAVE);
            let dominated = &children[first[o] as usize..first[o + 1] as usize];
            stack.extend(dominated.iter().map(|&child| u64::from(child)));
        }
        totals
    }
}
