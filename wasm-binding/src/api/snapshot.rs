//! Heap snapshots: a streaming parser fed chunks (each copied into linear memory), and
//! handles that keep a parsed graph (or a diff's "before" summary) in wasm memory
//! behind a small JS object. wasm has no way to tell V8 about that memory, so the
//! `reportExternalMemory` arguments are accepted for the shared API and ignored.

use crate::convert::to_js;
use crate::error::js_error;
use bindlab_core::error::{CallError, Handle};
use bindlab_core::analysis::IdRule;
use bindlab_core::diff::{diff, HeapSummary as CoreSummary};
use bindlab_core::snapshot::{HeapSnapshot as CoreSnapshot, SnapshotParser as CoreParser};
use wasm_bindgen::prelude::*;

/// The `TypeError` for `new` on a class that only Rust creates.
pub(super) fn not_constructible(handle: Handle) -> JsValue {
    js_error(CallError::not_constructible(handle))
}

/// The error for a parser used after `finish()` or an error.
fn spent() -> JsValue {
    js_error(CallError::spent(Handle::SnapshotParser))
}

/// Parses a `.heapsnapshot` fed in chunks of any size.
#[wasm_bindgen]
pub struct SnapshotParser(Option<CoreParser>);

#[wasm_bindgen]
impl SnapshotParser {
    /// An empty parser.
    #[wasm_bindgen(constructor)]
    pub fn new() -> SnapshotParser {
        SnapshotParser(Some(CoreParser::new()))
    }

    /// Parses the next chunk (copied into wasm memory). After an error the parser is spent.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        let parser = self.0.as_mut().ok_or_else(spent)?;
        parser.feed(chunk).map_err(|e| {
            self.0 = None;
            js_error(e)
        })
    }

    /// Bytes fed so far.
    #[wasm_bindgen(getter, js_name = bytesFed)]
    pub fn bytes_fed(&self) -> Result<f64, JsValue> {
        Ok(self.0.as_ref().ok_or_else(spent)?.bytes_fed() as f64)
    }

    /// Checks the end of input and returns the snapshot.
    pub fn finish(&mut self, _report_external_memory: Option<bool>) -> Result<HeapSnapshot, JsValue> {
        let parser = self.0.take().ok_or_else(spent)?;
        let snapshot = parser.finish().map_err(js_error)?;
        Ok(HeapSnapshot(snapshot))
    }
}

impl Default for SnapshotParser {
    fn default() -> Self {
        SnapshotParser::new()
    }
}

/// A parsed snapshot held in wasm memory.
#[wasm_bindgen]
pub struct HeapSnapshot(pub(super) CoreSnapshot);

#[wasm_bindgen]
impl HeapSnapshot {
    /// Always throws: snapshots come from `SnapshotParser.finish()`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<HeapSnapshot, JsValue> {
        Err(not_constructible(Handle::HeapSnapshot))
    }

    /// The number of nodes.
    #[wasm_bindgen(getter, js_name = nodeCount)]
    pub fn node_count(&self) -> f64 {
        self.0.node_count() as f64
    }

    /// The number of edges.
    #[wasm_bindgen(getter, js_name = edgeCount)]
    pub fn edge_count(&self) -> f64 {
        self.0.edge_count() as f64
    }

    /// Every node's self size added up, in bytes.
    #[wasm_bindgen(getter, js_name = totalSize)]
    pub fn total_size(&self) -> f64 {
        self.0.total_self_size() as f64
    }

    /// Bytes of wasm memory this handle holds.
    #[wasm_bindgen(getter, js_name = heapBytes)]
    pub fn heap_bytes(&self) -> f64 {
        self.0.heap_bytes() as f64
    }

    /// Every class with its count, total self size and retained size, sorted by name (the
    /// first call computes the dominator tree).
    pub fn classes(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.dominators().class_retained(&self.0))
    }

    /// The `n` classes with the largest total self size, largest first.
    #[wasm_bindgen(js_name = topClasses)]
    pub fn top_classes(&self, n: u32) -> Result<JsValue, JsValue> {
        to_js(&self.0.top_classes(n as usize))
    }

    /// Reduces the snapshot to the reachable set HeapDiff needs as its "before" side;
    /// `sameIdTypeAndName` diffs by the id-reuse rule instead of memwatch's id rule.
    pub fn summarize(&self, _report_external_memory: Option<bool>, same_id_type_and_name: Option<bool>) -> HeapSummary {
        HeapSummary(CoreSummary::with_rule(&self.0, IdRule::from_flag(same_id_type_and_name.unwrap_or(false))))
    }
}

/// The "before" side of a HeapDiff: a snapshot reduced to its reachable set.
#[wasm_bindgen]
pub struct HeapSummary(CoreSummary);

#[wasm_bindgen]
impl HeapSummary {
    /// Always throws: summaries come from `HeapSnapshot.summarize()`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<HeapSummary, JsValue> {
        Err(not_constructible(Handle::HeapSummary))
    }

    /// All nodes of the snapshot, reachable or not.
    #[wasm_bindgen(getter, js_name = nodeCount)]
    pub fn node_count(&self) -> f64 {
        self.0.node_count() as f64
    }

    /// The reachable nodes' self sizes added up.
    #[wasm_bindgen(getter, js_name = sizeBytes)]
    pub fn size_bytes(&self) -> f64 {
        self.0.size_bytes() as f64
    }

    /// Bytes of wasm memory this handle holds.
    #[wasm_bindgen(getter, js_name = heapBytes)]
    pub fn heap_bytes(&self) -> f64 {
        self.0.heap_bytes() as f64
    }

    /// memwatch's HeapDiff from this summary to `after`, as a plain object.
    pub fn diff(&self, after: &HeapSnapshot) -> Result<JsValue, JsValue> {
        to_js(&diff(&self.0, &after.0))
    }
}
