//! Why objects are alive: the dominator tree and retained sizes of a parsed snapshot,
//! per-class retained totals, leaks across three snapshots (memlab's `find-leaks`)
//! and one representative retainer trace per leak cluster.
//!
//! # Which edges retain
//!
//! The rules are those of Chrome DevTools (`front_end/entrypoints/heap_snapshot_worker/
//! HeapSnapshot.ts`) and facebook/memlab (`packages/core/src/paths/TraceFinder.ts`,
//! `packages/core/src/lib/Utils.ts`), which agree on them:
//!
//! - **Weak edges never retain** (DevTools `_isEssentialEdge`, memlab
//!   `utils.isEssentialEdge`).
//! - **Shortcut edges retain only from the root**, where V8 uses them to mark user
//!   global objects (the same two functions). In a Node snapshot the root's shortcut
//!   leads to `global`.
//! - **Self edges** change nothing and are skipped (memlab's `isEssential`).
//! - **Page-owned nodes**: edges from a node that is not page-owned to one that is
//!   (except from the root) do not retain, so that what a debugger or the embedder
//!   also holds keeps its page dominators (DevTools `_buildPostOrderIndex` and
//!   `_buildDominatorTree`, memlab `computeDominatorsAndRetainedSizes`). Page-owned
//!   follows memlab's `flagReachableNodesFromWindow`: the targets of the root's edges
//!   other than shortcuts and the element edge to `(Document DOM trees)`, then
//!   everything reachable from them by edges that are not weak. (DevTools'
//!   `_markPageOwnedNodes` starts from the other side, the root's shortcuts and the
//!   DOM trees root; memlab's choice is the one bindlab is checked against.)
//! - **Nodes the root does not reach** along those edges are treated as DevTools'
//!   `_buildPostOrderIndex` and memlab's Lengauer–Tarjan pass treat them: first each
//!   node whose retainers are all weak or shortcuts (or that has none) is searched
//!   from, in snapshot order, as if the root held it; whatever is still left (islands
//!   that hold only each other) is searched from under the root as well, every node
//!   of it held by the root. So every node has a dominator, and the root's retained
//!   size is the whole snapshot's.
//!
//! Retained sizes add each node's self size to its immediate dominator's, deepest
//! first (DevTools `_calculateRetainedSizes`). Per-class totals: a node counts for
//! its class unless a dominator of it has the same class, so nothing is counted twice
//! (memlab; DevTools' `_calculateClassesRetainedSize` also skips nodes with no self
//! size that are not native).
//!
//! WeakMap entries: memlab keeps both halves of an ephemeron (the table's edge to the
//! value and the key's "part of key -> value pair in WeakMap" edge); DevTools drops the
//! table's. bindlab keeps both, as memlab does.
//!
//! # Leaks and traces
//!
//! [`find_leaks`] follows memlab's `find-leaks` (see [`leaks`'s rules](find_leaks_in)
//! in `leaks.rs`); traces prefer edges as memlab's `annotateShortestPaths` does
//! (`traces.rs`). [`IdRule`] picks how nodes of two snapshots are matched: by id alone
//! (memwatch and memlab), or by id, type and name, since V8 reuses ids.
//!
//! # Cost
//!
//! [`Dominators::compute`] is Lengauer–Tarjan with path compression, without recursion
//! (a ten-million-deep chain needs memory, not stack), in about `O(m log n)` steps for
//! `m` edges and `n` nodes; the counted work is checked to grow linearly on cycles,
//! dangling islands, deep chains and wide stars (`core/tests/analysis_work.rs`). It
//! holds about 21 bytes per node and 4 per edge while it runs, and keeps 12 per node.

mod cache;
mod dominators;
mod edges;
mod ids;
mod leaks;
mod retained;
mod traces;

/// Iterations one call of a block function does. The long loops of the analysis run as
/// repeated calls of a function that is not inlined, this many nodes, vertices or edges
/// at a time: V8 (Node, Deno, Chromium) runs a wasm function in its baseline compiler's
/// code until the optimized code is ready and switches only at a later call (there is
/// no on-stack replacement for wasm), so a loop done in one call would run unoptimized
/// from start to end. Natively the extra calls cost nothing measurable.
const BLOCK: usize = 1 << 16;

/// `range` cut into consecutive blocks of [`BLOCK`] (the last one shorter).
fn blocks(
    range: std::ops::Range<usize>,
) -> impl DoubleEndedIterator<Item = std::ops::Range<usize>> {
    let end = range.end;
    range
        .step_by(BLOCK)
        .map(move |low| low..(low + BLOCK).min(end))
}

#[doc(hidden)]
pub use cache::Cached;
pub use cache::NoSuchNode;
pub use dominators::Dominators;
pub(crate) use ids::fingerprint;
pub use ids::{IdRule, NodeIds};
pub use leaks::{
    find_leaks, find_leaks_counting, find_leaks_in, LeakError, LeakOptions, LeakRow, MeasureIn,
};
pub use retained::{ClassRetained, RetainedRow};
pub use traces::{TraceStep, MAX_STEPS};
