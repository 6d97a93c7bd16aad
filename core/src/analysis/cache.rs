//! The dominator tree a snapshot keeps once computed, so that the bindings' handles
//! answer `retainedSize`, `dominatorOf`, `topRetained` and `classes()` from one
//! computation.

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

    /// Whether [`HeapSnapshot::dominators`] has been computed.
    pub fn has_dominators(&self) -> bool {
        self.dominators.0.get().is_some()
    }
}
