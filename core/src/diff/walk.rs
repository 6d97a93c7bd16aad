//! Reachability from the root, breadth first and without recursion (a chain of ten
//! million objects costs memory, not stack).
//!
//! Like memwatch, the walk follows every edge, weak ones included, and neither
//! counts nor enters any `object` node named `HeapDiff`.

use crate::snapshot::{EdgeKind, HeapSnapshot, NodeKind};

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

/// Walks `snap` from node 0 as `walk` says.
pub(crate) fn reach(snap: &HeapSnapshot, walk: Walk) -> Reach {
    let paths = walk == Walk::StrongFirstWithPaths;
    let n = snap.node_count();
    let mut via = if paths { vec![NO_EDGE; n] } else { Vec::new() };
    if n == 0 {
        return Reach {
            order: Vec::new(),
            via,
        };
    }
    let heapdiff = snap.strings().indexes_of("HeapDiff");
    let object_types: Vec<u8> = type_indexes(snap.node_type_names(), |t| {
        NodeKind::from_type_name(t) == NodeKind::Object
    });
    let weak_types: Vec<u8> = type_indexes(snap.edge_type_names(), |t| {
        EdgeKind::from_type_name(t) == EdgeKind::Weak
    });
    let (types, names) = (&snap.nodes.types, &snap.nodes.names);
    let excluded = |o: usize| {
        !heapdiff.is_empty() && object_types.contains(&types[o]) && heapdiff.contains(&names[o])
    };

    let mut seen = Bits::new(n);
    let mut order = Vec::with_capacity(n);
    seen.set(0);
    if !excluded(0) {
        order.push(0u32);
    }
    let (first_edge, edge_types, to) = (&snap.nodes.first_edge, &snap.edges.types, &snap.edges.to);
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
            for e in first_edge[v] as usize..first_edge[v + 1] as usize {
                let t = to[e] as usize;
                if seen.get(t) || (!follow_weak && weak_types.contains(&edge_types[e])) {
                    continue;
                }
                seen.set(t);
                if excluded(t) {
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

/// The indexes of the type names that satisfy `keep`.
fn type_indexes(names: &[String], keep: impl Fn(&str) -> bool) -> Vec<u8> {
    names
        .iter()
        .enumerate()
        .filter(|(_, t)| keep(t))
        .map(|(i, _)| i as u8)
        .collect()
}
