//! Heap snapshots: a streaming parser fed borrowed chunks, and handles that keep a
//! parsed graph (or a diff's "before" summary) in Rust memory behind a small JS
//! object. A handle reports the memory it holds to V8 (`External`) unless asked not to,
//! so that V8's GC heuristics see it.

use bindlab_core::analysis::IdRule;
use bindlab_core::diff::{diff, HeapSummary as CoreSummary};
use bindlab_core::snapshot::{HeapSnapshot as CoreSnapshot, SnapshotParser as CoreParser};
use napi::bindgen_prelude::{Env, ObjectFinalize, Unknown};
use napi_derive::napi;

use super::external::External;
use crate::convert::to_js_numbers;
use crate::error::{plain, throw};
use bindlab_core::error::{CallError, Handle};

/// The `TypeError` for `new` on a class that only Rust creates.
pub(super) fn not_constructible(env: &Env, handle: Handle) -> napi::Error {
    throw(env, CallError::not_constructible(handle))
}

/// The error for a handle used after `free()` (or a parser after `finish()` or an error).
pub(super) fn gone(handle: Handle) -> napi::Error {
    plain(CallError::spent(handle))
}

/// Parses a `.heapsnapshot` fed in chunks of any size.
#[napi]
pub struct SnapshotParser(Option<CoreParser>);

#[napi]
impl SnapshotParser {
    /// An empty parser.
    #[napi(constructor, catch_unwind)]
    pub fn new() -> SnapshotParser {
        SnapshotParser(Some(CoreParser::new()))
    }

    /// Parses the next chunk, borrowed in place. After an error the parser is spent.
    #[napi(strict, catch_unwind)]
    pub fn feed(&mut self, chunk: &[u8]) -> napi::Result<()> {
        let parser = self.0.as_mut().ok_or_else(|| gone(Handle::SnapshotParser))?;
        parser.feed(chunk).map_err(|e| {
            self.0 = None;
            plain(e)
        })
    }

    /// Bytes fed so far.
    #[napi(getter, catch_unwind)]
    pub fn bytes_fed(&self) -> napi::Result<f64> {
        let parser = self.0.as_ref().ok_or_else(|| gone(Handle::SnapshotParser))?;
        Ok(parser.bytes_fed() as f64)
    }

    /// Checks the end of input and returns the snapshot; `reportExternalMemory`
    /// (default `true`) tells V8 how much memory the handle holds.
    #[napi(catch_unwind)]
    pub fn finish(&mut self, env: Env, report_external_memory: Option<bool>) -> napi::Result<HeapSnapshot> {
        let parser = self.0.take().ok_or_else(|| gone(Handle::SnapshotParser))?;
        let snapshot = parser.finish().map_err(plain)?;
        let external = External::report(&env, snapshot.heap_bytes(), report_external_memory.unwrap_or(true))?;
        Ok(HeapSnapshot { snapshot: Some(snapshot), external })
    }

    /// Drops the parser and whatever it has parsed so far.
    #[napi(catch_unwind)]
    pub fn free(&mut self) {
        self.0 = None;
    }
}

/// A parsed snapshot held in Rust memory.
#[napi(custom_finalize)]
pub struct HeapSnapshot {
    snapshot: Option<CoreSnapshot>,
    external: External,
}

impl HeapSnapshot {
    /// The snapshot, or an error once freed.
    pub(super) fn get(&self) -> napi::Result<&CoreSnapshot> {
        self.snapshot.as_ref().ok_or_else(|| gone(Handle::HeapSnapshot))
    }
}

#[napi]
impl HeapSnapshot {
    /// Always throws: snapshots come from `SnapshotParser.finish()`.
    #[napi(constructor, catch_unwind)]
    pub fn new(env: Env) -> napi::Result<HeapSnapshot> {
        Err(not_constructible(&env, Handle::HeapSnapshot))
    }

    /// The number of nodes.
    #[napi(getter, catch_unwind)]
    pub fn node_count(&self) -> napi::Result<f64> {
        Ok(self.get()?.node_count() as f64)
    }

    /// The number of edges.
    #[napi(getter, catch_unwind)]
    pub fn edge_count(&self) -> napi::Result<f64> {
        Ok(self.get()?.edge_count() as f64)
    }

    /// Every node's self size added up, in bytes.
    #[napi(getter, catch_unwind)]
    pub fn total_size(&self) -> napi::Result<f64> {
        Ok(self.get()?.total_self_size() as f64)
    }

    /// Bytes of Rust memory this handle holds (0 once freed).
    #[napi(getter, catch_unwind)]
    pub fn heap_bytes(&self) -> f64 {
        self.snapshot.as_ref().map_or(0.0, |s| s.heap_bytes() as f64)
    }

    /// Every class with its count, total self size and retained size, sorted by name (the
    /// first call computes the dominator tree).
    #[napi(catch_unwind)]
    pub fn classes(&self, env: Env) -> napi::Result<Unknown<'static>> {
        let snapshot = self.get()?;
        to_js_numbers(&env, &snapshot.dominators().class_retained(snapshot))
    }

    /// The `n` classes with the largest total self size, largest first.
    #[napi(catch_unwind)]
    pub fn top_classes(&self, env: Env, n: u32) -> napi::Result<Unknown<'static>> {
        to_js_numbers(&env, &self.get()?.top_classes(n as usize))
    }

    /// Reduces the snapshot to the reachable set HeapDiff needs as its "before" side;
    /// `sameIdTypeAndName` diffs by the id-reuse rule instead of memwatch's id rule.
    #[napi(catch_unwind)]
    pub fn summarize(&self, env: Env, report_external_memory: Option<bool>, same_id_type_and_name: Option<bool>) -> napi::Result<HeapSummary> {
        let summary = CoreSummary::with_rule(self.get()?, IdRule::from_flag(same_id_type_and_name.unwrap_or(false)));
        let external = External::report(&env, summary.heap_bytes(), report_external_memory.unwrap_or(true))?;
        Ok(HeapSummary { summary: Some(summary), external })
    }

    /// Drops the parsed data now instead of at garbage collection.
    #[napi(catch_unwind)]
    pub fn free(&mut self, env: Env) -> napi::Result<()> {
        self.snapshot = None;
        self.external.release(&env)
    }
}

impl ObjectFinalize for HeapSnapshot {
    fn finalize(mut self, env: Env) -> napi::Result<()> {
        self.external.release(&env)
    }
}

/// The "before" side of a HeapDiff: a snapshot reduced to its reachable set.
#[napi(custom_finalize)]
pub struct HeapSummary {
    summary: Option<CoreSummary>,
    external: External,
}

impl HeapSummary {
    /// The summary, or an error once freed.
    fn get(&self) -> napi::Result<&CoreSummary> {
        self.summary.as_ref().ok_or_else(|| gone(Handle::HeapSummary))
    }
}

#[napi]
impl HeapSummary {
    /// Always throws: summaries come from `HeapSnapshot.summarize()`.
    #[napi(constructor, catch_unwind)]
    pub fn new(env: Env) -> napi::Result<HeapSummary> {
        Err(not_constructible(&env, Handle::HeapSummary))
    }

    /// All nodes of the snapshot, reachable or not.
    #[napi(getter, catch_unwind)]
    pub fn node_count(&self) -> napi::Result<f64> {
        Ok(self.get()?.node_count() as f64)
    }

    /// The reachable nodes' self sizes added up.
    #[napi(getter, catch_unwind)]
    pub fn size_bytes(&self) -> napi::Result<f64> {
        Ok(self.get()?.size_bytes() as f64)
    }

    /// Bytes of Rust memory this handle holds (0 once freed).
    #[napi(getter, catch_unwind)]
    pub fn heap_bytes(&self) -> f64 {
        self.summary.as_ref().map_or(0.0, |s| s.heap_bytes() as f64)
    }

    /// memwatch's HeapDiff from this summary to `after`, as a plain object.
    #[napi(catch_unwind)]
    pub fn diff(&self, env: Env, after: &HeapSnapshot) -> napi::Result<Unknown<'static>> {
        to_js_numbers(&env, &diff(self.get()?, after.get()?))
    }

    /// Drops the summary now instead of at garbage collection.
    #[napi(catch_unwind)]
    pub fn free(&mut self, env: Env) -> napi::Result<()> {
        self.summary = None;
        self.external.release(&env)
    }
}

impl ObjectFinalize for HeapSummary {
    fn finalize(mut self, env: Env) -> napi::Result<()> {
        self.external.release(&env)
    }
}
