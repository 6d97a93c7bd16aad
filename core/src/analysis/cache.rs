//! The dominator tree a snapshot keeps once computed, so that the bindings' handles
//! answer `retainedSize`, `dominatorOf`, `topRetained` and `classes()` from one
//! computation.

use std::fmt;
use std::sync::OnceLock;

use crate::snapshot::HeapSnapshot;

use super::Dominators;

/// A snapshot's dominator tree and its node ordinals sorted by id, each computed on
/// first use. Two caches always compare equal: both are functions of the snapshot.
#[derive(Debug, Clone, Default)]
pub struct Cached {
    dominators: OnceLock<Dominators>,
    by_id: OnceLock<Vec<u32>>,
}

impl PartialEq for Cached {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Cached {}

impl Cached {
    /// Bytes of heap memory held (0 until computed).
    pub(crate) fn heap_bytes(&self) -> usize {
        let by_id = self.by_id.get().map_or(0, |v| v.capacity() * 4);
        self.dominators.get().map_or(0, Dominators::heap_bytes) + by_id
    }
}

impl HeapSnapshot {
    /// The snapshot's dominator tree and retained sizes, computed the first time
    /// (see [`Dominators::compute`]) and kept with the snapshot.
    pub fn dominators(&self) -> &Dominators {
        self.dominators
            .dominators
            .get_or_init(|| Dominators::compute(self))
    }

    /// The node ordinals sorted by (id, ordinal), computed the first time and kept.
    pub fn ordinals_by_id(&self) -> &[u32] {
        self.dominators.by_id.get_or_init(|| by_id(&self.nodes.ids))
    }

    /// The ordinal of the first node (in snapshot order) with id `id`, for the calls
    /// that take node ids.
    pub fn ordinal_of_id(&self, id: u64) -> Result<usize, NoSuchNode> {
        let (ids, by_id) = (&self.nodes.ids, self.ordinals_by_id());
        let at = by_id.partition_point(|&o| ids[o as usize] < id);
        match by_id.get(at) {
            Some(&o) if ids[o as usize] == id => Ok(o as usize),
            _ => Err(NoSuchNode(id)),
        }
    }

    /// Whether [`HeapSnapshot::dominators`] has been computed.
    pub fn has_dominators(&self) -> bool {
        self.dominators.dominators.get().is_some()
    }
}

/// The ordinals `0..ids.len()` sorted by (id, ordinal). When every id and ordinal fits
/// in 32 bits (always, in V8's snapshots) each pair is packed into one `u64` whose order
/// is the pair's, which sorts twice as fast as the pairs.
fn by_id(ids: &[u64]) -> Vec<u32> {
    let narrow =
        u32::try_from(ids.len()).is_ok() && ids.iter().all(|&id| id <= u64::from(u32::MAX));
    if narrow {
        let mut keys: Vec<u64> = ids
            .iter()
            .zip(0u64..)
            .map(|(&id, o)| id << 32 | o)
            .collect();
        keys.sort_unstable();
        return keys.iter().map(|&key| key as u32).collect();
    }
    let mut pairs: Vec<(u64, u32)> = ids.iter().zip(0u32..).map(|(&id, o)| (id, o)).collect();
    pairs.sort_unstable();
    pairs.iter().map(|&(_, o)| o).collect()
}

/// A node id no node of the snapshot has. Its message completes "nodeId ...":
/// `must be the id of a node in this snapshot, got 4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSuchNode(pub u64);

impl fmt::Display for NoSuchNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "must be the id of a node in this snapshot, got number {}",
            self.0
        )
    }
}

impl std::error::Error for NoSuchNode {}

impl NoSuchNode {
    /// This id as the refusal of `call`'s `nodeId` argument, as the bindings throw it.
    pub fn of_call(self, call: &'static str) -> crate::error::CallError {
        crate::error::CallError::new(
            call,
            crate::error::CallErrorKind::NoSuchNode {
                argument: "nodeId",
                id: self.0,
            },
        )
    }
}
