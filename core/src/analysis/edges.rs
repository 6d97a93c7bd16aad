//! Which edges retain: the "essential" edges of Chrome DevTools and memlab, and the
//! page-owned flag that keeps a debugger's own references from changing dominators.
//! See the module documentation of [`super`] for where each rule comes from.

use crate::diff::Bits;
use crate::snapshot::{EdgeKind, HeapSnapshot, NodeKind};
use crate::work::Work;

use super::BLOCK;

/// The name of the synthetic node DevTools and memlab leave out of the page-owned walk.
const DOCUMENT_DOM_TREES: &str = "(Document DOM trees)";

/// The edge rules of one snapshot, precomputed so that the per-edge test is two table
/// lookups and two bit tests.
pub(crate) struct Essential {
    /// Per edge type index: the edge never retains (weak).
    weak: Vec<bool>,
    /// Per edge type index: a shortcut (retains only from the root).
    shortcut: Vec<bool>,
    /// Per node: page-owned (reached from the root as memlab's
    /// `flagReachableNodesFromWindow` walks).
    page_owned: Bits,
}

impl Essential {
    /// The rules for `snap`, walking it once for the page-owned flags.
    pub(crate) fn new(snap: &HeapSnapshot, work: &mut Work) -> Self {
        let kinds = |want: EdgeKind| -> Vec<bool> {
            snap.edge_type_names()
                .iter()
                .map(|t| EdgeKind::from_type_name(t) == want)
                .collect()
        };
        let weak = kinds(EdgeKind::Weak);
        let shortcut = kinds(EdgeKind::Shortcut);
        let page_owned = page_owned(snap, &weak, &shortcut, work);
        Essential {
            weak,
            shortcut,
            page_owned,
        }
    }

    /// Whether edge `e`, from node `from` to node `to`, retains its target.
    #[inline]
    pub(crate) fn holds(&self, snap: &HeapSnapshot, from: usize, e: usize, to: usize) -> bool {
        let t = snap.edges.types[e] as usize;
        if from == to || self.weak[t] || (from != 0 && self.shortcut[t]) {
            return false;
        }
        from == 0 || self.page_owned.get(from) || !self.page_owned.get(to)
    }

    /// Whether edge `e` is weak or a shortcut: DevTools' `_hasOnlyWeakRetainers` and
    /// memlab's `hasOnlyWeakReferrers` count only the other kinds as retainers.
    #[inline]
    pub(crate) fn weak_or_shortcut(&self, snap: &HeapSnapshot, e: usize) -> bool {
        let t = snap.edges.types[e] as usize;
        self.weak[t] || self.shortcut[t]
    }
}

/// memlab's page-owned nodes: the targets of the root's edges other than shortcuts and
/// the element edge to `(Document DOM trees)`, and everything reachable from them by
/// edges that are not weak.
fn page_owned(snap: &HeapSnapshot, weak: &[bool], shortcut: &[bool], work: &mut Work) -> Bits {
    let n = snap.node_count();
    let mut flags = Bits::new(n);
    if n == 0 {
        return flags;
    }
    let (types, to) = (&snap.edges.types, &snap.edges.to);
    let mut stack: Vec<u32> = Vec::new();
    for e in snap.edge_range(0) {
        let t = to[e] as usize;
        let skipped = shortcut[types[e] as usize]
            || (snap.node_kind(t) == NodeKind::Synthetic
                && snap.string(snap.nodes.names[t]) == DOCUMENT_DOM_TREES);
        if !skipped && !flags.get(t) {
            flags.set(t);
            stack.push(t as u32);
        }
    }
    work.edges += snap.edge_range(0).len() as u64;
    while !stack.is_empty() {
        flag_reached(snap, weak, &mut flags, &mut stack, work);
    }
    flags
}

/// Up to [`BLOCK`] nodes of [`page_owned`]'s walk: flags the targets of their edges that
/// are not weak and not flagged yet, and stacks them.
#[inline(never)]
fn flag_reached(
    snap: &HeapSnapshot,
    weak: &[bool],
    flags: &mut Bits,
    stack: &mut Vec<u32>,
    work: &mut Work,
) {
    let (types, to) = (&snap.edges.types, &snap.edges.to);
    for _ in 0..BLOCK {
        let Some(v) = stack.pop() else { break };
        let edges = snap.edge_range(v as usize);
        work.nodes += 1;
        work.edges += edges.len() as u64;
        for e in edges {
            let t = to[e] as usize;
            if !flags.get(t) && !weak[types[e] as usize] {
                flags.set(t);
                stack.push(t as u32);
            }
        }
    }
}
