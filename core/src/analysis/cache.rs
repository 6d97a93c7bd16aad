//! The dominator tree a snapshot keeps once computed, so that the bindings' handles
//! answer `retainedSize`, `dominatorOf`, `topRetained` and `classes()` from one
//! computation.

use std::fmt;
use std::sync::OnceLock;

use crate::snapshot::HeapSnapshot;

use super::Dominators;

/// A snapshot's dominator tree, computed on first use. Two caches always compare
/// equal: the tree is a function of the snapshot.
#[derive(Debug, Clone, Default)]
pub struct Cached(OnceLock<Dominators>);

impl PartialEq for Cached {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Cached {}

impl Cached {
    /// Bytes of heap memory held (0 until computed).
    pub(crate) fn heap_bytes(&self) -> usize {
        self.0.get().map_or(0, Dominators::heap_bytes)
    }
}

impl HeapSnapshot {
    /// The snapshot's dominator tree and retained sizes, computed the first time
    /// (see [`Dominators::compute`]) and kept with the snapshot.
    pub fn dominators(&self) -> &Dominators {
        self.dominators.0.get_or_init(|| Dominators::compute(self))
    }

    /// The ordinal of the first node with id `id`, for the calls that take node ids.
    pub fn ordinal_of_id(&self, id: u64) -> Result<usize, NoSuchNode> {
        self.dominators().ordinal_of(self, id).ok_or(NoSuchNode(id))
    }

    /// Whether [`HeapSnapshot::dominators`] has been computed.
    pub fn has_dominators(&self) -> bool {
        self.dominators.0.get().is_some()
    }
}

/// A node id no node of the snapshot has. Its message completes "nodeId ...":
/// `must be the id of a node in this snapshot, got 4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSuchNode(pub u64);

impl fmt::Display for NoSuchNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "must be the id of a node in this snapshot, got number {}", self.0)
    }
}

impl std::error::Error for NoSuchNode {}
