//! Retainer paths: how the walk first reached a node, from the root down, with edge
//! names (`[i]` for element and hidden edges).

use serde::Serialize;

use super::walk::NO_EDGE;
use crate::snapshot::{HeapSnapshot, Node, NodeKind};

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

/// The path to `target` recorded in `via` (see [`super::walk::Reach`]), root first,
/// root itself left out; paths over 32 steps keep the first 8 and the last 23 around
/// a step `{ node: "… N more", edge: "…" }`.
pub(crate) fn path(snap: &HeapSnapshot, via: &[u32], target: usize) -> Vec<RetainerStep> {
    let mut edges = Vec::new();
    let mut node = target;
    // Each step goes to a node reached earlier, so the root comes within n steps.
    for _ in 0..snap.node_count() {
        let Some(&e) = via.get(node).filter(|&&e| e != NO_EDGE) else {
            break;
        };
        edges.push(e as usize);
        node = snap.edge_source(e as usize);
    }
    edges.reverse();
    let step = |e: usize| {
        let node = snap
            .node(snap.edges.to[e] as usize)
            .map(label)
            .unwrap_or_default();
        RetainerStep {
            node,
            edge: snap.edge_name(e).to_string(),
        }
    };
    if edges.len() <= MAX_STEPS {
        return edges.into_iter().map(step).collect();
    }
    let tail = MAX_STEPS - HEAD_STEPS - 1;
    let skipped = edges.len() - HEAD_STEPS - tail;
    let mut steps: Vec<RetainerStep> = edges[..HEAD_STEPS].iter().map(|&e| step(e)).collect();
    steps.push(RetainerStep {
        node: format!("… {skipped} more"),
        edge: "…".to_string(),
    });
    steps.extend(edges[edges.len() - tail..].iter().map(|&e| step(e)));
    steps
}
