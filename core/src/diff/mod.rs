//! memwatch's HeapDiff between two V8 heap snapshots, plus a retainer path per row.
//!
//! The result has memwatch's JSON shape and keys exactly:
//! `{ before: { nodes, size_bytes, size }, after: { nodes, size_bytes, size },
//! change: { size_bytes, size, freed_nodes, allocated_nodes, details: [{ what,
//! size_bytes, size, "+", "-" }] } }`; each details row also carries `retainers`, the
//! path from the root to its shallowest allocated node. Totals are 64-bit (memwatch's
//! overflow at 2 GiB is gone), and exact as JavaScript numbers: the parser refuses
//! sizes that add up past 2^53 - 1. The paths of all rows together cost time linear in
//! the snapshot, however long and shared they are.
//!
//! To diff two big snapshots without holding two graphs, reduce the first to a
//! [`HeapSummary`] and drop it before parsing the second:
//!
//! ```no_run
//! use bindlab_core::diff::{diff, HeapSummary};
//! use bindlab_core::snapshot::HeapSnapshot;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let before = HeapSummary::new(&HeapSnapshot::from_reader(std::fs::File::open("a.heapsnapshot")?)?);
//! let after = HeapSnapshot::from_reader(std::fs::File::open("b.heapsnapshot")?)?;
//! println!("{:?}", diff(&before, &after).change.details);
//! # Ok(()) }
//! ```
//!
//! [`diff_snapshots`] does exactly that: on two 176 MB synthetic snapshots it takes
//! about a second and peaks at about 1.1 times the larger file.
//!
//! Two id rules: memwatch's, the default, matches the snapshots' nodes by id alone; V8
//! reuses ids, though (in a real pair, id 599451 was a `WeakArrayList` before and a
//! 40-byte `Object` after), so [`HeapSummary::with_rule`] with
//! [`IdRule::SameIdTypeAndName`] counts an id whose type or name changed as one node
//! freed and one allocated.

mod group;
mod retainers;
mod summary;
mod walk;

use std::fmt;
use std::io::Read;

use serde::Serialize;

pub use retainers::RetainerStep;
pub use summary::HeapSummary;

use crate::analysis::{fingerprint, IdRule};
use crate::nice::nice_size;
use crate::snapshot::{HeapSnapshot, ParseError};
use crate::work::Work;
use group::{Classes, RowOf};
use retainers::Paths;
use summary::Entry;
pub(crate) use walk::Bits;
use walk::{reach, unique_by_id, Walk};

/// memwatch's HeapDiff result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeapDiff {
    /// The first snapshot.
    pub before: Totals,
    /// The second snapshot.
    pub after: Totals,
    /// What changed between them.
    pub change: Change,
}

/// One snapshot's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// All nodes, reachable or not.
    pub nodes: u64,
    /// The reachable nodes' self sizes added up.
    pub size_bytes: u64,
    /// `size_bytes` as memwatch's `niceSize` writes it.
    pub size: String,
}

/// The change between the snapshots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// After's `size_bytes` minus before's.
    pub size_bytes: i64,
    /// `size_bytes` as `niceSize` writes it.
    pub size: String,
    /// Ids reachable before but not after.
    pub freed_nodes: u64,
    /// Ids reachable after but not before.
    pub allocated_nodes: u64,
    /// One row per class with changes, sorted by `what` (byte order).
    pub details: Vec<Detail>,
}

/// The change in one class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detail {
    /// The class: an object's constructor name, or `Array`, `String`, `Code`,
    /// `Closure`, `RegExp`, `Number`, `Native`.
    pub what: String,
    /// Allocated self sizes minus freed self sizes.
    pub size_bytes: i64,
    /// `size_bytes` as `niceSize` writes it.
    pub size: String,
    /// Nodes allocated.
    #[serde(rename = "+")]
    pub allocated: u64,
    /// Nodes freed.
    #[serde(rename = "-")]
    pub freed: u64,
    /// Not in memwatch: the path from the root to this class's allocated node nearest
    /// the root (empty when none was allocated). See [`RetainerStep`].
    pub retainers: Vec<RetainerStep>,
}

/// Which input of [`diff_snapshots`] failed to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffError {
    /// The first snapshot.
    Before(ParseError),
    /// The second snapshot.
    After(ParseError),
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::Before(e) => write!(f, "first (before) snapshot: {e}"),
            DiffError::After(e) => write!(f, "second (after) snapshot: {e}"),
        }
    }
}

impl std::error::Error for DiffError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DiffError::Before(e) | DiffError::After(e) => Some(e),
        }
    }
}

/// Parses `before`, reduces it to a [`HeapSummary`] and drops its graph, then parses
/// `after` and diffs them.
pub fn diff_snapshots(before: impl Read, after: impl Read) -> Result<HeapDiff, DiffError> {
    let summary = HeapSummary::new(&HeapSnapshot::from_reader(before).map_err(DiffError::Before)?);
    let after = HeapSnapshot::from_reader(after).map_err(DiffError::After)?;
    Ok(diff(&summary, &after))
}

/// Per-row tallies.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    allocated: u64,
    freed: u64,
    allocated_bytes: u64,
    freed_bytes: u64,
    /// The allocated node nearest the root.
    sample: Option<u32>,
}

/// memwatch's HeapDiff of `before` (summarised) and `after`.
pub fn diff(before: &HeapSummary, after: &HeapSnapshot) -> HeapDiff {
    diff_counting(before, after).0
}

/// [`diff`], also returning the work its walks did. Test support.
#[doc(hidden)]
pub fn diff_counting(before: &HeapSummary, after: &HeapSnapshot) -> (HeapDiff, Work) {
    let mut work = Work::default();
    let mut classes = before.classes().clone();
    let mut rows = RowOf::new(after, &mut classes);
    // One walk for the reachable set and the paths; its order is then sorted by id
    // for the merge, and a second walk gives the order again (cheaper in memory than
    // keeping both).
    let walk = reach(after, Walk::StrongFirstWithPaths, &mut work);
    let via = walk.via;
    let mut m = merge(before, after, walk.order, &mut rows, &mut classes);
    let order = reach(after, Walk::StrongFirst, &mut work).order;

    // The walk's order is breadth first, so the first allocated node met in each row
    // is the one nearest the root.
    let mut unsampled = m.tally.iter().filter(|t| t.allocated > 0).count();
    for &o in &order {
        if unsampled == 0 {
            break;
        }
        let o = o as usize;
        if !m.allocated.get(o) {
            continue;
        }
        if let Some(row) = rows.row(o, &mut classes) {
            let t = slot(&mut m.tally, row);
            if t.sample.is_none() {
                t.sample = Some(o as u32);
                unsampled -= 1;
            }
        }
    }

    let names = classes.into_names();
    let mut paths = Paths::new(after, &via);
    let mut details: Vec<Detail> = m
        .tally
        .iter()
        .enumerate()
        .filter(|(_, t)| t.allocated + t.freed > 0)
        .map(|(row, t)| {
            let size_bytes = signed_difference(t.allocated_bytes, t.freed_bytes);
            Detail {
                what: names[row].clone(),
                size_bytes,
                size: nice(size_bytes),
                allocated: t.allocated,
                freed: t.freed,
                retainers: t
                    .sample
                    .map_or_else(Vec::new, |s| paths.path(s as usize, &mut work)),
            }
        })
        .collect();
    details.sort_by(|a, b| a.what.as_bytes().cmp(b.what.as_bytes()));

    let change_bytes = signed_difference(m.after_bytes, before.size_bytes());
    let diff = HeapDiff {
        before: totals(before.node_count(), before.size_bytes()),
        after: totals(after.node_count() as u64, m.after_bytes),
        change: Change {
            size_bytes: change_bytes,
            size: nice(change_bytes),
            freed_nodes: m.freed_nodes,
            allocated_nodes: m.allocated_nodes,
            details,
        },
    };
    (diff, work)
}

/// What merging the two reachable sets found.
struct Merged {
    /// Per row.
    tally: Vec<Tally>,
    /// The after snapshot's allocated nodes, by ordinal.
    allocated: Bits,
    after_bytes: u64,
    freed_nodes: u64,
    allocated_nodes: u64,
}

/// Compares the reachable ids of `before` with those of `after` (`sorted`, the
/// reachable ordinals in any order, reused to sort them by id), tallying freed and
/// allocated nodes per row.
fn merge(
    before: &HeapSummary,
    after: &HeapSnapshot,
    mut sorted: Vec<u32>,
    rows: &mut RowOf<'_>,
    classes: &mut Classes,
) -> Merged {
    let (ids, sizes) = (&after.nodes.ids, &after.nodes.self_sizes);
    unique_by_id(&mut sorted, ids);
    let mut m = Merged {
        tally: Vec::new(),
        allocated: Bits::new(after.node_count()),
        after_bytes: 0,
        freed_nodes: 0,
        allocated_nodes: 0,
    };
    let mut old = before.entries().peekable();
    let freed = |m: &mut Merged, gone: Entry| {
        m.freed_nodes += 1;
        if let Some(row) = gone.row {
            let t = slot(&mut m.tally, row);
            t.freed += 1;
            t.freed_bytes = t.freed_bytes.saturating_add(gone.size);
        }
    };
    for &o in &sorted {
        let o = o as usize;
        let (id, size) = (ids[o], sizes[o]);
        m.after_bytes = m.after_bytes.saturating_add(size);
        while let Some(gone) = old.next_if(|e| e.id < id) {
            freed(&mut m, gone);
        }
        if let Some(same) = old.next_if(|e| e.id == id) {
            let unchanged = before.rule() == IdRule::SameId
                || after
                    .node(o)
                    .is_some_and(|node| fingerprint(node) == same.print);
            if unchanged {
                continue;
            }
            // The id was reused: the old object was freed, and this one is new.
            freed(&mut m, same);
        }
        m.allocated_nodes += 1;
        m.allocated.set(o);
        if let Some(row) = rows.row(o, classes) {
            let t = slot(&mut m.tally, row);
            t.allocated += 1;
            t.allocated_bytes = t.allocated_bytes.saturating_add(size);
        }
    }
    for gone in old {
        freed(&mut m, gone);
    }
    m
}

/// The tally of `row`, growing the list as rows appear.
fn slot(tally: &mut Vec<Tally>, row: u32) -> &mut Tally {
    let i = row as usize;
    if tally.len() <= i {
        tally.resize(i + 1, Tally::default());
    }
    &mut tally[i]
}

fn totals(nodes: u64, size_bytes: u64) -> Totals {
    Totals {
        nodes,
        size_bytes,
        size: nice(size_bytes as i64),
    }
}

/// `a - b`, saturated to the `i64` range.
fn signed_difference(a: u64, b: u64) -> i64 {
    let d = i128::from(a) - i128::from(b);
    i64::try_from(d).unwrap_or(if d < 0 { i64::MIN } else { i64::MAX })
}

fn nice(bytes: i64) -> String {
    nice_size(bytes as f64)
}
