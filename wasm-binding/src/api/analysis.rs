//! Why objects are alive, on a parsed snapshot (`bindlab_core::analysis`): retained
//! sizes, dominators and the largest retainers by node id, the node-id sets of the
//! snapshots that only give ids to a leak search, and the leaks themselves. The
//! dominator tree is computed on the first of these calls and kept with the snapshot.

use bindlab_core::analysis::{find_leaks, IdRule, NodeIds as CoreIds};
use bindlab_core::error::Handle;
use bindlab_core::snapshot::HeapSnapshot as CoreSnapshot;
use wasm_bindgen::prelude::*;

use super::snapshot::{not_constructible, HeapSnapshot};
use crate::convert::to_js;
use crate::error::js_error;

/// The ordinal of the node with id `node_id` (a safe integer, checked by the guard), or
/// the `RangeError` of `call` when no node has it.
fn ordinal(snap: &CoreSnapshot, call: &'static str, node_id: f64) -> Result<usize, JsValue> {
    snap.ordinal_of_id(node_id as u64).map_err(|e| js_error(e.of_call(call)))
}

#[wasm_bindgen]
impl HeapSnapshot {
    /// The retained size of the node with id `nodeId`, in bytes: its own size and that
    /// of every node it dominates.
    #[wasm_bindgen(js_name = retainedSize)]
    pub fn retained_size(&self, node_id: f64) -> Result<f64, JsValue> {
        let o = ordinal(&self.0, "HeapSnapshot.retainedSize(nodeId)", node_id)?;
        Ok(self.0.dominators().retained_size(o).unwrap_or(0) as f64)
    }

    /// The id of the immediate dominator of the node with id `nodeId` (null for the root).
    #[wasm_bindgen(js_name = dominatorOf)]
    pub fn dominator_of(&self, node_id: f64) -> Result<JsValue, JsValue> {
        let o = ordinal(&self.0, "HeapSnapshot.dominatorOf(nodeId)", node_id)?;
        let dominator = self.0.dominators().dominator(o).and_then(|d| self.0.node(d));
        Ok(dominator.map_or(JsValue::NULL, |d| JsValue::from(d.id() as f64)))
    }

    /// The `n` nodes (the root aside) with the largest retained size, largest first:
    /// `{ id, name, type, selfSize, retainedSize }`.
    #[wasm_bindgen(js_name = topRetained)]
    pub fn top_retained(&self, n: u32) -> Result<JsValue, JsValue> {
        to_js(&self.0.dominators().top_retained(&self.0, n as usize))
    }

    /// The ids of every node, for a leak search's baseline and other side;
    /// `sameIdTypeAndName` matches ids only when type and name agree too (V8 reuses ids).
    #[wasm_bindgen(js_name = nodeIds)]
    pub fn node_ids(&self, same_id_type_and_name: Option<bool>) -> NodeIds {
        let rule = IdRule::from_flag(same_id_type_and_name.unwrap_or(false));
        NodeIds(CoreIds::new(&self.0, rule))
    }

    /// The leaks measured in this snapshot: its objects whose id is not in `baseline` and
    /// is in `other`, as rows `{ what, count, retainedSize, trace: [{ edge, node }] }`.
    #[wasm_bindgen(js_name = findLeaks)]
    pub fn find_leaks(&self, baseline: &NodeIds, other: &NodeIds) -> Result<JsValue, JsValue> {
        to_js(&find_leaks(&baseline.0, &self.0, &other.0))
    }
}

/// The node ids of a snapshot, held in wasm memory (8 bytes a node, 16 when type and
/// name are kept too), so that its graph can be freed before the next is parsed.
#[wasm_bindgen]
pub struct NodeIds(CoreIds);

#[wasm_bindgen]
impl NodeIds {
    /// Always throws: id sets come from `HeapSnapshot.nodeIds()`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<NodeIds, JsValue> {
        Err(not_constructible(Handle::NodeIds))
    }

    /// How many distinct ids.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> f64 {
        self.0.len() as f64
    }

    /// Bytes of wasm memory held.
    #[wasm_bindgen(getter, js_name = heapBytes)]
    pub fn heap_bytes(&self) -> f64 {
        self.0.heap_bytes() as f64
    }
}
