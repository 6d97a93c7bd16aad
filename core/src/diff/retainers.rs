//! Retainer paths: how the walk first reached a node, from the root down, with edge
//! names (`[i]` for element and hidden edges).

use std::collections::HashMap;

use serde::Serialize;

use super::walk::NO_EDGE;
use crate::snapshot::{HeapSnapshot, Node, NodeKind};
use crate::work::Work;

/// Longest path shown; longer ones keep both ends around an elision step.
const MAX_STEPS: usize = 32;
/// Steps kept on the root's side of an elided path.
const HEAD_STEPS: usize = 8;

/// One step of a retainer path: the edge followed, and the node it leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetainerStep {
    /// The node reached, with its id: `"Leaky @12345"`, `"(GC roots) @3"`,
    /// `"(string) @77"`.
    pub node: String,
    /// The edge that leads to it from the previous step's node (the root for the
    /// first step): a property or variable name, or `[i]`.
    pub edge: String,
}

/// How a node is shown in a path: its name and id for kinds whose name says what
/// they are (objects, functions, internal and synthetic nodes, arrays), otherwise its
/// DevTools class (`(string)`, `(compiled code)`...); as `"Leaky @12345"`.
fn label(node: Node<'_>) -> String {
    let named = matches!(
        node.kind(),
        NodeKind::Object
            | NodeKind::Native
            | NodeKind::Closure
            | NodeKind::Hidden
            | NodeKind::Synthetic
            | NodeKind::Array
    );
    match node.name() {
        name if named && !name.is_empty() => format!("{name} @{}", node.id()),
        _ => format!("{} @{}", node.class_name(), node.id()),
    }
}

/// Where a node sits on its path: how deep, and its ancestor at depth [`HEAD_STEPS`].
#[derive(Debug, Clone, Copy)]
struct Place {
    /// Edges from the root.
    depth: u32,
    /// The node at depth `HEAD_STEPS` on the path (the node itself when shallower).
    head: u32,
}

/// Nodes are remembered at the depths that are multiples of this.
const REMEMBER_EVERY: u32 = 8;

/// Reads retainer paths off the edges a walk recorded (`via`, see
/// [`super::walk::Reach`]). The [`Place`] of every node met is worked out once, and
/// remembered at every [`REMEMBER_EVERY`]th depth (a remembered node is then at most
/// that many steps up from any node already met, at an eighth of the memory of
/// remembering all), so the paths of every row together cost about one step per node
/// on them, however long and shared they are, plus at most [`MAX_STEPS`] steps per
/// path written out.
pub(crate) struct Paths<'a> {
    snap: &'a HeapSnapshot,
    via: &'a [u32],
    known: HashMap<u32, Place>,
}

impl<'a> Paths<'a> {
    /// Paths along `via`, a walk of `snap`.
    pub(crate) fn new(snap: &'a HeapSnapshot, via: &'a [u32]) -> Self {
        Paths {
            snap,
            via,
            known: HashMap::new(),
        }
    }

    /// The path to `target`, root first, root itself left out; paths over 32 steps
    /// keep the first 8 and the last 23 around a step `{ node: "… N more", edge: "…" }`.
    pub(crate) fn path(&mut self, target: usize, work: &mut Work) -> Vec<RetainerStep> {
        let place = self.place(target as u32, work);
        let depth = place.depth as usize;
        if depth <= MAX_STEPS {
            return self.steps(target, depth, work);
        }
        let tail = MAX_STEPS - HEAD_STEPS - 1;
        let mut steps = self.steps(place.head as usize, HEAD_STEPS, work);
        steps.push(RetainerStep {
            node: format!("… {} more", depth - HEAD_STEPS - tail),
            edge: "…".to_string(),
        });
        steps.extend(self.steps(target, tail, work));
        steps
    }

    /// The edge `node` was reached by, if any (none for the root).
    fn edge_to(&self, node: u32) -> Option<usize> {
        let e = *self.via.get(node as usize)?;
        (e != NO_EDGE).then_some(e as usize)
    }

    /// The place of `node`: walks back to the nearest remembered node (or the root),
    /// then places every node met on the way.
    fn place(&mut self, node: u32, work: &mut Work) -> Place {
        let mut unplaced = Vec::new();
        let mut at = node;
        // Each step goes to a node reached earlier, so the root comes within n steps.
        let mut place = Place { depth: 0, head: at };
        for _ in 0..=self.snap.node_count() {
            if let Some(&known) = self.known.get(&at) {
                place = known;
                break;
            }
            let Some(e) = self.edge_to(at) else {
                place = Place { depth: 0, head: at };
                break;
            };
            work.nodes += 1;
            unplaced.push(at);
            at = self.snap.edge_source(e) as u32;
        }
        for &n in unplaced.iter().rev() {
            let depth = place.depth + 1;
            let head = if depth as usize <= HEAD_STEPS {
                n
            } else {
                place.head
            };
            place = Place { depth, head };
            if depth % REMEMBER_EVERY == 0 {
                self.known.insert(n, place);
            }
        }
        place
    }

    /// The last `count` steps of the path to `node`, root side first.
    fn steps(&self, node: usize, count: usize, work: &mut Work) -> Vec<RetainerStep> {
        let mut edges = Vec::with_capacity(count);
        let mut at = node as u32;
        while edges.len() < count {
            let Some(e) = self.edge_to(at) else { break };
            work.nodes += 1;
            edges.push(e);
            at = self.snap.edge_source(e) as u32;
        }
        edges.iter().rev().map(|&e| self.step(e)).collect()
    }

    /// Edge `e` as a step: its name and the node it leads to.
    fn step(&self, e: usize) -> RetainerStep {
        let node = self
            .snap
            .node(self.snap.edges.to[e] as usize)
            .map(label)
            .unwrap_or_default();
        RetainerStep {
            node,
            edge: self.snap.edge_name(e).to_string(),
        }
    }
}
