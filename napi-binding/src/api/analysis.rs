//! Why objects are alive, on a parsed snapshot (`bindlab_core::analysis`): retained
//! sizes, dominators and the largest retainers by node id, the node-id sets of the
//! snapshots that only give ids to a leak search, and the leaks themselves. The
//! dominator tree is computed on the first of these calls and kept with the snapshot.

use bindlab_core::analysis::{find_leaks, IdRule, NodeIds as CoreIds};
use bindlab_core::error::Handle;
use bindlab_core::snapshot::HeapSnapshot as CoreSnapshot;
use napi::bindgen_prelude::{Env, Unknown};
use napi_derive::napi;

use super::snapshot::{gone, not_constructible, HeapSnapshot};
use crate::convert::to_js_numbers;
use crate::error::throw;

/// The ordinal of the node with id `node_id` (a safe integer, checked by the guard), or
/// the `RangeError` of `call` when no node has it.
fn ordinal(env: &Env, snap: &CoreSnapshot, call: &'static str, node_id: f64) -> napi::Result<usize> {
    snap.ordinal_of_id(node_id as u64).map_err(|e| throw(env, e.of_call(call)))
}

#[napi]
impl HeapSnapshot {
    /// The retained size of the node with id `nodeId`, in bytes: its own size and that
    /// of every node it dominates.
    #[napi(catch_unwind)]
    pub fn retained_size(&self, env: Env, node_id: f64) -> napi::Result<f64> {
        let snap = self.get()?;
        let o = ordinal(&env, snap, "HeapSnapshot.retainedSize(nodeId)", node_id)?;
        Ok(snap.dominators().retained_size(o).unwrap_or(0) as f64)
    }

    /// The id of the immediate dominator of the node with id `nodeId` (null for the root).
    #[napi(catch_unwind)]
    pub fn dominator_of(&self, env: Env, node_id: f64) -> napi::Result<Option<f64>> {
        let snap = self.get()?;
        let o = ordinal(&env, snap, "HeapSnapshot.dominatorOf(nodeId)", node_id)?;
        let dominator = snap.dominators().dominator(o).and_then(|d| snap.node(d));
        Ok(dominator.map(|d| d.id() as f64))
    }

    /// The `n` nodes (the root aside) with the largest retained size, largest first:
    /// `{ id, name, type, selfSize, retainedSize }`.
    #[napi(catch_unwind)]
    pub fn top_retained(&self, env: Env, n: u32) -> napi::Result<Unknown<'static>> {
        let snap = self.get()?;
        to_js_numbers(&env, &snap.dominators().top_retained(snap, n as usize))
    }

    /// The ids of every node, for a leak search's baseline and other side;
    /// `sameIdTypeAndName` matches ids only when type and name agree too (V8 reuses ids).
    #[napi(catch_unwind)]
    pub fn node_ids(&self, same_id_type_and_name: Option<bool>) -> napi::Result<NodeIds> {
        let rule = IdRule::from_flag(same_id_type_and_name.unwrap_or(false));
        Ok(NodeIds(Some(CoreIds::new(self.get()?, rule))))
    }

    /// The leaks measured in this snapshot: its objects whose id is not in `baseline` and
    /// is in `other`, as rows `{ what, count, retainedSize, trace: [{ edge, node }] }`.
    #[napi(catch_unwind)]
    pub fn find_leaks(&self, env: Env, baseline: &NodeIds, other: &NodeIds) -> napi::Result<Unknown<'static>> {
        to_js_numbers(&env, &find_leaks(baseline.get()?, self.get()?, other.get()?))
    }
}

/// The node ids of a snapshot, held in Rust memory (8 bytes a node, 16 when type and
/// name are kept too), so that its graph can be freed before the next is parsed.
#[napi]
pub struct NodeIds(Option<CoreIds>);

impl NodeIds {
    /// The ids, or an error once freed.
    fn get(&self) -> napi::Result<&CoreIds> {
        self.0.as_ref().ok_or_else(|| gone(Handle::NodeIds))
    }
}

#[napi]
impl NodeIds {
    /// Always throws: id sets come from `HeapSnapshot.nodeIds()`.
    #[napi(constructor, catch_unwind)]
    pub fn new(env: Env) -> napi::Result<NodeIds> {
        Err(not_constructible(&env, Handle::NodeIds))
    }

    /// How many distinct ids.
    #[napi(getter, catch_unwind)]
    pub fn size(&self) -> napi::Result<f64> {
        Ok(self.get()?.len() as f64)
    }

    /// Bytes of Rust memory held (0 once freed).
    #[napi(getter, catch_unwind)]
    pub fn heap_bytes(&self) -> f64 {
        self.0.as_ref().map_or(0.0, |ids| ids.heap_bytes() as f64)
    }

    /// Drops the ids now instead of at garbage collection.
    #[napi(catch_unwind)]
    pub fn free(&mut self) {
        self.0 = None;
    }
}
