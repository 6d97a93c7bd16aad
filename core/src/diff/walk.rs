//! Reachability from the root, breadth first and without recursion (a chain of ten
//! million objects costs memory, not stack).
//!
//! Like memwatch, the walk follows every edge, weak ones included, and neither
//! counts nor enters any `object` node named `HeapDiff`.

use crate::snapshot::{EdgeKind, HeapSnapshot, NodeKind};
use crate::work::Work;

/// Marks "no edge" in [`Reach::via`].
pub(crate) const NO_EDGE: u32 = u32::MAX;

/// The nodes reachable from the root.
pub(crate) struct Reach {
    /// Reachable node ordinals in the order reached (the root first).
    pub order: Vec<u32>,
    /// Per node, when paths were asked for: the edge it was first reached by
    /// ([`NO_EDGE`] for the root and unreached nodes); empty otherwise.
    pub via: Vec<u32>,
}

/// One bit per node.
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    /// `n` clear bits.
    pub(crate) fn new(n: usize) -> Self {
        Bits(vec![0; n.div_ceil(64)])
    }

    /// Whether bit `i` is set.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    /// Sets bit `i`.
    #[inline]
    pub(crate) fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
}

/// How to walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Walk {
    /// memwatch's walk: every edge at once.
    AllEdges,
    /// Non-weak edges first, then weak ones, so that a node held strongly is reached
    /// by a shortest strong path and the rest by a shortest path that may use weak
    /// edges. The same set of nodes as `AllEdges`, in another order.
    StrongFirst,
    /// `StrongFirst`, also recording how each node was reached.
    StrongFirstWithPaths,
}

/// Walks `snap` from node 0 as `walk` says, adding what it visits to `work`.
pub(crate) fn reach(snap: &HeapSnapshot, walk: Walk, work: &mut Work) -> Reach {
    let paths = walk == Walk::StrongFirstWithPaths;
    let n = snap.node_count();
    let mut via = if paths { vec![NO_EDGE; n] } else { Vec::new() };
    if n == 0 {
        return Reach {
            order: Vec::new(),
            via,
        };
    }
    let excluded = Exclusion::new(snap, work);

    let mut seen = Bits::new(n);
    let mut order = Vec::with_capacity(n);
    seen.set(0);
    if !excluded.holds(snap, 0) {
        order.push(0u32);
    }
    let (first_edge, to) = (&snap.nodes.first_edge, &snap.edges.to);
    let rounds: &[bool] = if walk == Walk::AllEdges {
        &[true]
    } else {
        &[false, true]
    };
    for &follow_weak in rounds {
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let edges = first_edge[v] as usize..first_edge[v + 1] as usize;
            work.nodes += 1;
            work.edges += edges.len() as u64;
            for e in edges {
                let t = to[e] as usize;
                if seen.get(t) || (!follow_weak && snap.edge_kind(e) == EdgeKind::Weak) {
                    continue;
                }
                seen.set(t);
                work.checks += 1;
                if excluded.holds(snap, t) {
                    continue;
                }
                if paths {
                    via[t] = e as u32;
                }
                order.push(t as u32);
            }
        }
    }
    Reach { order, via }
}

/// Sorts `order` (node ordinals) by id and keeps one node per id: of nodes sharing an
/// id, the first in the snapshot, whatever order a walk reached them in, so that every
/// walk of a snapshot counts the same nodes.
pub(crate) fn unique_by_id(order: &mut Vec<u32>, ids: &[u64]) {
    order.sort_unstable_by_key(|&o| (ids[o as usize], o));
    order.dedup_by_key(|o| ids[*o as usize]);
}

/// memwatch's exclusion: `object` nodes named `HeapDiff`, found with one bit per string
/// (a snapshot may hold the string `HeapDiff` any number of times, at any indexes).
struct Exclusion {
    /// Per string index: the string is `HeapDiff`. `None` when no string is.
    names: Option<Bits>,
}

impl Exclusion {
    /// Finds the `HeapDiff` strings of `snap`.
    fn new(snap: &HeapSnapshot, work: &mut Work) -> Self {
        let strings = snap.strings();
        work.checks += strings.len() as u64;
        let found = strings.indexes_of("HeapDiff");
        if found.is_empty() {
            return Exclusion { names: None };
        }
        let mut names = Bits::new(strings.len());
        for i in found {
            names.set(i as usize);
        }
        Exclusion { names: Some(names) }
    }

    /// Whether node `o` is left out of the walk.
    #[inline]
    fn holds(&self, snap: &HeapSnapshot, o: usize) -> bool {
        self.names.as_ref().is_some_and(|names| {
            snap.node_kind(o) == NodeKind::Object && names.get(snap.nodes.names[o] as usize)
        })
    }
}
