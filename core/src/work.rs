//! Work counters the walks keep themselves, so that tests can show the work grows
//! linearly with the input without timing anything: counting units of work does not
//! depend on how fast or loaded the machine is.

/// Units of work done, by kind. Each loop adds its own units (in bulk where the loop's
/// length is known up front), so the counters cost an add per node, not per edge.
/// Test support, not part of the stable API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Nodes taken off a walk's queue, or stepped through on a retainer path.
    pub nodes: u64,
    /// Edges looked at.
    pub edges: u64,
    /// `HeapDiff` exclusion lookups, and strings compared with `"HeapDiff"`.
    pub checks: u64,
    /// Header field names checked for duplicates.
    pub fields: u64,
}

impl Work {
    /// All units added up.
    pub fn total(&self) -> u64 {
        self.nodes + self.edges + self.checks + self.fields
    }
}
