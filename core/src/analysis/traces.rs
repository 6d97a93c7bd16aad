//! Retainer traces: one shortest path from the root to every node, preferring the
//! edges memlab prefers, with a signature per node that is the same for two nodes
//! whose paths read alike (so traces can be clustered in linear time), and the path
//! written out from the object up, at most [`MAX_STEPS`] steps. Paths read alike when
//! they pass the same edge names (element indexes aside) through nodes of the same
//! classes, a run of steps by edges of the same name (a linked list's `next` → `next`
//! → `next`…, whatever the classes on it) counting as one step, so the 5th and the
//! 500th record of a list cluster together, as memlab's trace similarity puts them.
//!
//! Edges, after memlab's `TraceFinder.annotateShortestPaths`, `utils.isMeaningfulEdge`,
//! `utils.isMeaningfulNode` and `Config` (`edgeNameBlockList`, `nodeNameBlockList`,
//! `nodeNameGreyList`):
//! - never followed: self edges; edges into code objects, `system / NativeContext`,
//!   `system / SourcePositionTableWithFrameCache` or `(map descriptors)`; `internal`
//!   edges named `code`, `hidden` ones named `sloppy_function_map`; edges named
//!   `feedback_cell` or `part of key -> value pair in ephemeron table`; edges from or
//!   to `system / PropertyCell`; and the key half of a WeakMap entry (its name holds the
//!   key's id: `part of key (K @12) -> value (V @14) pair in WeakMap`);
//! - followed only once nothing better reaches a node (memlab postpones its "less
//!   preferable" edges the same way): edges into synthetic nodes, the V8 root
//!   categories such as `(GC roots)`, `(Handle scope)`, `C++ roots` (memlab's grey list
//!   holds them), so the root's shortcut to `global` is preferred;
//! - weak edges, which memlab never follows, come last of all, so that an object held
//!   only weakly still shows a trace (such an object is no leak: see `leaks.rs`).
//!
//! Each breadth-first level is walked from its end, as memlab pops its queue, so that
//! of two equally short paths the same one wins.

use serde::Serialize;

use crate::diff::Bits;
use crate::snapshot::{EdgeKind, HeapSnapshot, Node, NodeKind};
use crate::work::Work;

/// The most steps a trace shows; a longer one ends in a `…` step and the node nearest
/// the root.
pub const MAX_STEPS: usize = 16;

/// Marks "not reached" in [`Traces::via`].
const NONE: u32 = u32::MAX;

/// One step of a trace, from the object towards the root: the edge that holds the
/// previous step's node (the object itself for the first step), and the node it comes
/// from, by class (`Map`, `(GC roots)`, `Array`; a function by its name).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TraceStep {
    /// The edge's name: a property or variable name, or `[i]`.
    pub edge: String,
    /// The class of the node the edge comes from.
    pub node: String,
}

/// The names the edge rules test, as one bit per string index, so that the test per
/// edge compares no text.
struct Names {
    /// memlab's `edgeNameBlockList`: `feedback_cell`, `part of key -> value pair in
    /// ephemeron table`.
    blocked_edge: Bits,
    /// Names of nodes traces never enter (memlab's `isMeaningfulNode` and
    /// `nodeNameBlockList`): `system / PropertyCell`, `system / NativeContext`,
    /// `system / SourcePositionTableWithFrameCache`, `(map descriptors)`.
    unmeaningful: Bits,
    /// `system / PropertyCell`, which traces never leave either.
    property_cell: Bits,
    /// `code` (an `internal` edge never followed) and `sloppy_function_map` (a `hidden`
    /// one).
    code: Bits,
    sloppy_function_map: Bits,
    /// Names that contain `WeakMap` (entry edges).
    weak_map: Bits,
}

impl Names {
    fn new(snap: &HeapSnapshot, work: &mut Work) -> Self {
        let strings = snap.strings();
        let of = |names: &[&str]| {
            let mut bits = Bits::new(strings.len());
            for name in names {
                for i in strings.indexes_of(name) {
                    bits.set(i as usize);
                }
            }
            bits
        };
        let mut weak_map = Bits::new(strings.len());
        for (i, text) in strings.iter().enumerate() {
            if text.contains("WeakMap") {
                weak_map.set(i);
            }
        }
        work.checks += 7 * strings.len() as u64;
        Names {
            blocked_edge: of(&[
                "feedback_cell",
                "part of key -> value pair in ephemeron table",
            ]),
            unmeaningful: of(&[
                "system / PropertyCell",
                "system / NativeContext",
                "system / SourcePositionTableWithFrameCache",
                "(map descriptors)",
            ]),
            property_cell: of(&["system / PropertyCell"]),
            code: of(&["code"]),
            sloppy_function_map: of(&["sloppy_function_map"]),
            weak_map,
        }
    }

    /// How preferable edge `e` from `from` to `to` is for a trace: 0 best, [`NEVER`]
    /// not at all.
    fn tier(&self, snap: &HeapSnapshot, from: usize, e: usize, to: usize) -> u8 {
        if from == to || snap.node_kind(to) == NodeKind::Code {
            return NEVER;
        }
        let node_names = &snap.nodes.names;
        if self.unmeaningful.get(node_names[to] as usize)
            || self.property_cell.get(node_names[from] as usize)
        {
            return NEVER;
        }
        let kind = snap.edge_kind(e);
        let name = snap.edges.names[e] as usize;
        let named = !matches!(kind, EdgeKind::Element | EdgeKind::Hidden);
        if named && self.blocked_edge.get(name) {
            return NEVER;
        }
        if named
            && self.weak_map.get(name)
            && weak_map_key(snap.string(name as u32)) == Some(snap.nodes.ids[to])
        {
            return NEVER;
        }
        match kind {
            EdgeKind::Weak => 2,
            EdgeKind::Internal if self.code.get(name) => NEVER,
            EdgeKind::Hidden if self.sloppy_function_map.get(name) => NEVER,
            _ if snap.node_kind(to) == NodeKind::Synthetic => 1,
            _ => 0,
        }
    }
}

/// The key's id in a WeakMap entry's edge name (`… part of key (K @12) -> value …`),
/// as memlab's `getWeakMapEdgeKeyId` reads it: the key half of an entry is weak.
fn weak_map_key(name: &str) -> Option<u64> {
    if !name.contains("WeakMap") {
        return None;
    }
    let end = name.find(") ->")?;
    let at = name[..end].rfind('@')?;
    name[at + 1..end].parse().ok()
}

/// Never followed.
const NEVER: u8 = u8::MAX;

/// A trace for every node the root reaches.
pub(crate) struct Traces {
    /// Per node: the edge it was reached by (`NONE` for the root and unreached nodes).
    via: Vec<u32>,
    /// Per node: its path's signature (0 for the root and unreached nodes).
    signature: Vec<u64>,
    /// Per node: the node its path starts with (the root's child on it).
    anchor: Vec<u32>,
    /// The nodes reached by a path without weak edges: the ones memlab finds a trace for.
    strongly: Bits,
}

impl Traces {
    /// Walks `snap` from the root breadth first, level by level, in three rounds of
    /// widening edge tiers (each round resumes from the nodes whose edges the earlier
    /// rounds left unfollowed).
    pub(crate) fn new(snap: &HeapSnapshot, work: &mut Work) -> Self {
        let n = snap.node_count();
        let mut t = Traces {
            via: vec![NONE; n],
            signature: vec![0; n],
            anchor: vec![0; n],
            strongly: Bits::new(n),
        };
        if n == 0 {
            return t;
        }
        let names = Names::new(snap, work);
        let (first_edge, to) = (&snap.nodes.first_edge, &snap.edges.to);
        let mut reached = Bits::new(n);
        reached.set(0);
        // Per tier: the nodes with an edge of that tier left unfollowed, where the round
        // that allows it resumes (each node listed at most once per round that left it).
        let mut deferred: [Vec<u32>; 3] = Default::default();
        for round in 0..=2u8 {
            let mut level = if round == 0 {
                vec![0]
            } else {
                std::mem::take(&mut deferred[round as usize])
            };
            while !level.is_empty() {
                let mut next = Vec::new();
                // Each level from its end, as memlab pops its queue: of two equally short
                // paths, the one through the node queued last wins.
                for &v in level.iter().rev() {
                    let v = v as usize;
                    let edges = first_edge[v] as usize..first_edge[v + 1] as usize;
                    work.nodes += 1;
                    work.edges += edges.len() as u64;
                    for e in edges {
                        let w = to[e] as usize;
                        if reached.get(w) {
                            continue;
                        }
                        let tier = names.tier(snap, v, e, w);
                        if tier > round {
                            if let Some(later) = deferred.get_mut(tier as usize) {
                                if later.last() != Some(&(v as u32)) {
                                    later.push(v as u32);
                                }
                            }
                            continue;
                        }
                        reached.set(w);
                        if round < 2 {
                            t.strongly.set(w);
                        }
                        t.reach(snap, &names, v, e, w);
                        next.push(w as u32);
                    }
                }
                level = next;
            }
        }
        t
    }

    /// Whether node `o` has a trace without weak edges.
    pub(crate) fn strongly_reached(&self, o: usize) -> bool {
        o < self.via.len() && self.strongly.get(o)
    }

    /// Records that node `w` was reached from `v` by edge `e`.
    fn reach(&mut self, snap: &HeapSnapshot, names: &Names, v: usize, e: usize, w: usize) {
        self.via[w] = e as u32;
        let key = edge_key(snap, names, e);
        let repeated = v != 0 && edge_key(snap, names, self.via[v] as usize) == key;
        self.signature[w] = if repeated {
            self.signature[v]
        } else {
            mix(self.signature[v] ^ step_key(snap, key, w))
        };
        self.anchor[w] = if v == 0 { w as u32 } else { self.anchor[v] };
    }

    /// Node `o`'s path signature.
    pub(crate) fn signature(&self, o: usize) -> u64 {
        self.signature[o]
    }

    /// The trace of node `o`, from its holder up to the root's child on the path (the
    /// root itself left out): at most [`MAX_STEPS`] steps, then a step `{ edge: "…",
    /// node }` naming the node the path starts from.
    pub(crate) fn steps(&self, snap: &HeapSnapshot, o: usize, work: &mut Work) -> Vec<TraceStep> {
        let mut steps = Vec::new();
        let mut at = o;
        while let Some(&e) = self.via.get(at).filter(|&&e| e != NONE) {
            work.nodes += 1;
            let e = e as usize;
            let from = snap.edge_source(e);
            if from == 0 {
                break;
            }
            if steps.len() == MAX_STEPS {
                let anchor = snap.node(self.anchor[o] as usize).map(class_label);
                steps.push(TraceStep {
                    edge: "…".to_string(),
                    node: anchor.unwrap_or_default(),
                });
                break;
            }
            steps.push(step(snap, e, from));
            at = from;
        }
        steps
    }
}

/// Edge `e`, from node `from`, as a step.
fn step(snap: &HeapSnapshot, e: usize, from: usize) -> TraceStep {
    let node = snap.node(from).map(class_label).unwrap_or_default();
    TraceStep {
        edge: snap.edge_name(e).to_string(),
        node,
    }
}

/// How a holder is shown: its DevTools class, but a synthetic node or a function by
/// its name (`(GC roots)`, `clearTimeout`), and the root as `(root)`.
fn class_label(node: Node<'_>) -> String {
    match node.kind() {
        _ if node.ordinal() == 0 => "(root)".to_string(),
        NodeKind::Synthetic | NodeKind::Closure if !node.name().is_empty() => {
            node.name().to_string()
        }
        _ => node.class_name().into_owned(),
    }
}

/// What edge `e` reads as in a signature: its kind and name, where element and hidden
/// indexes are left out (`[0]` and `[4999]` read alike) and so are the ids in a WeakMap
/// entry's name (`3 / part of key (K @12) -> value (V @14) pair in WeakMap (table @9)`).
fn edge_key(snap: &HeapSnapshot, names: &Names, e: usize) -> u64 {
    let kind = snap.edges.types[e] as u64;
    let name = match snap.edge_kind(e) {
        EdgeKind::Element | EdgeKind::Hidden => u64::from(u32::MAX),
        _ if names.weak_map.get(snap.edges.names[e] as usize) => u64::from(u32::MAX) - 1,
        _ => u64::from(snap.edges.names[e]),
    };
    mix(mix(kind) ^ name)
}

/// What a step to `w` by an edge whose [`edge_key`] is `edge` reads as: the edge's key
/// and `w`'s class (the names of nodes other than objects, native and synthetic nodes, a
/// string's text, left out).
fn step_key(snap: &HeapSnapshot, edge: u64, w: usize) -> u64 {
    let node_type = snap.nodes.types[w] as u64;
    let node_name = match snap.node_kind(w) {
        NodeKind::Object | NodeKind::Native | NodeKind::Synthetic => u64::from(snap.nodes.names[w]),
        _ => u64::from(u32::MAX),
    };
    mix(mix(edge ^ node_type) ^ node_name)
}

/// SplitMix64's finaliser.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
