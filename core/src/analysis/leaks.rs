//! Leaks across three snapshots, as memlab's `find-leaks` finds them
//! (`packages/core/src/lib/HeapAnalyzer.ts`, `diffSnapshots`): objects allocated after
//! the baseline (their id is not in it), present in the target and still alive in the
//! final snapshot.
//!
//! Choices, each documented where memlab differs:
//! - Ids: every node of the baseline and final snapshots counts, reachable or not, as
//!   memlab collects them; with [`IdRule::SameIdTypeAndName`] an id whose type or
//!   name changed is a new object (memlab and memwatch have only the id rule).
//! - A leak must have a trace without weak edges: memlab reports the leaked objects it
//!   finds a retainer trace for (`TraceFinder.getPathToGCRoots` over the edges it
//!   follows, see `traces.rs`), so never code objects and nothing held only weakly.
//! - Sizes and traces are measured in the target snapshot by default, where the leak
//!   is at its largest; [`MeasureIn::Final`] measures them in the final one, as memlab
//!   does (leaked = nodes of the final snapshot whose id is in the target and not in
//!   the baseline). The set of objects is the same either way.
//! - memlab's `--trace-all-objects` mode keeps every candidate but numbers, strings
//!   and `hidden` nodes, with a retained size above 0; so does this, always (memlab's
//!   default filter keeps only detached DOM elements, React fibers and stack frames,
//!   which Node heaps lack). memlab also drops leaks whose trace is over 100 steps; this
//!   keeps them and shortens the trace shown.
//! - Only leak roots are rows: a leaked object that another leaked object dominates
//!   is part of that one's retained size (memlab's `aggregateDominatorMetrics` counts
//!   the same way), so 5,000 leaked `Widget`s are one row, not one per array and
//!   closure they own.
//! - Leak roots are grouped by class and by trace cluster: two traces are alike when
//!   they pass the same edge names (element indexes aside) through nodes of the same
//!   classes, a run of same-named edges read as one (`traces.rs`). memlab clusters by
//!   trace similarity (`TraceSimilarityStrategy`); this is a stricter, linear-time
//!   version of it. Each row shows the trace of one member,
//!   ranked by retained size (then count, then where the first member is in the
//!   snapshot).

use std::collections::HashMap;
use std::fmt;
use std::io::Read;

use serde::Serialize;

use crate::snapshot::{HeapSnapshot, NodeKind, ParseError};
use crate::work::Work;

use super::ids::{IdRule, NodeIds};
use super::traces::{TraceStep, Traces};

/// One group of leaked objects (serialized in camelCase:
/// `{ what, count, retainedSize, trace }`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeakRow {
    /// The objects' class.
    pub what: String,
    /// How many leak roots of this class share the trace.
    pub count: u64,
    /// Their retained sizes added up, in the target snapshot, in bytes.
    pub retained_size: u64,
    /// One member's retainer trace, from its holder towards the root.
    pub trace: Vec<TraceStep>,
}

/// Which of the three snapshots failed to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeakError {
    /// The baseline snapshot.
    Baseline(ParseError),
    /// The target snapshot.
    Target(ParseError),
    /// The final snapshot.
    Final(ParseError),
}

impl fmt::Display for LeakError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LeakError::Baseline(e) => write!(f, "baseline snapshot: {e}"),
            LeakError::Target(e) => write!(f, "target snapshot: {e}"),
            LeakError::Final(e) => write!(f, "final snapshot: {e}"),
        }
    }
}

impl std::error::Error for LeakError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LeakError::Baseline(e) | LeakError::Target(e) | LeakError::Final(e) => Some(e),
        }
    }
}

/// Which snapshot a leak search measures sizes and traces in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum MeasureIn {
    /// The target snapshot (the default).
    #[default]
    Target,
    /// The final snapshot, as memlab does.
    Final,
}

/// How to find leaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct LeakOptions {
    /// How nodes of two snapshots are matched.
    pub rule: IdRule,
    /// Which snapshot sizes and traces come from.
    pub measure_in: MeasureIn,
}

/// Parses the baseline, then the other snapshot that only gives ids (the final one, or
/// the target when measuring in the final), keeping only their ids, then the one
/// measured, and finds the leaks: at most one graph is held at a time.
pub fn find_leaks_in(
    baseline: impl Read,
    target: impl Read,
    last: impl Read,
    options: LeakOptions,
) -> Result<Vec<LeakRow>, LeakError> {
    let ids = |s: HeapSnapshot| NodeIds::new(&s, options.rule);
    let baseline = ids(HeapSnapshot::from_reader(baseline).map_err(LeakError::Baseline)?);
    let (other, measured) = match options.measure_in {
        MeasureIn::Target => {
            let other = ids(HeapSnapshot::from_reader(last).map_err(LeakError::Final)?);
            (
                other,
                HeapSnapshot::from_reader(target).map_err(LeakError::Target)?,
            )
        }
        MeasureIn::Final => {
            let other = ids(HeapSnapshot::from_reader(target).map_err(LeakError::Target)?);
            (
                other,
                HeapSnapshot::from_reader(last).map_err(LeakError::Final)?,
            )
        }
    };
    Ok(find_leaks(&baseline, &measured, &other))
}

/// The leaks measured in `measured` (the target or the final snapshot): its objects
/// not in `baseline` and in `other` (the other of the two).
pub fn find_leaks(baseline: &NodeIds, measured: &HeapSnapshot, other: &NodeIds) -> Vec<LeakRow> {
    find_leaks_counting(baseline, measured, other).0
}

/// [`find_leaks`], also returning the work it did. Test support.
#[doc(hidden)]
pub fn find_leaks_counting(
    baseline: &NodeIds,
    target: &HeapSnapshot,
    last: &NodeIds,
) -> (Vec<LeakRow>, Work) {
    let mut work = Work::default();
    let n = target.node_count();
    // The dominators first: their working memory is given back before the traces'.
    let dominators = target.dominators();
    let (in_baseline, in_other) = (baseline.members(target), last.members(target));
    let traces = Traces::new(target, &mut work);
    let leaked: Vec<bool> = (0..n)
        .map(|o| {
            let candidate = !trivial(target.node_kind(o)) && !in_baseline[o] && in_other[o];
            candidate && traces.strongly_reached(o)
        })
        .collect();
    drop((in_baseline, in_other));
    work.checks += n as u64;
    let covered = dominated_by_leaks(dominators.dominators(), &leaked, &mut work);
    let sized = |o: usize| dominators.retained_size(o).is_some_and(|r| r > 0);

    /// A cluster: its first member, size and count.
    struct Cluster {
        first: usize,
        count: u64,
        retained: u64,
    }
    let mut clusters: HashMap<(u8, u32, u64), Cluster> = HashMap::new();
    for o in (0..n).filter(|&o| leaked[o] && !covered[o] && sized(o)) {
        let name = match target.node_kind(o) {
            NodeKind::Object | NodeKind::Native => target.nodes.names[o],
            _ => u32::MAX,
        };
        let key = (target.nodes.types[o], name, traces.signature(o));
        let retained = dominators.retained_size(o).unwrap_or(0);
        let c = clusters.entry(key).or_insert(Cluster {
            first: o,
            count: 0,
            retained: 0,
        });
        c.count += 1;
        c.retained = c.retained.saturating_add(retained);
    }
    let mut ranked: Vec<Cluster> = clusters.into_values().collect();
    // Ties go to the cluster met first in the snapshot, so the order never depends on
    // the hash map's.
    ranked.sort_by(|a, b| {
        b.retained
            .cmp(&a.retained)
            .then(b.count.cmp(&a.count))
            .then(a.first.cmp(&b.first))
    });
    let rows: Vec<LeakRow> = ranked
        .into_iter()
        .filter_map(|c| {
            let node = target.node(c.first)?;
            Some(LeakRow {
                what: node.class_name().into_owned(),
                count: c.count,
                retained_size: c.retained,
                trace: traces.steps(target, c.first, &mut work),
            })
        })
        .collect();
    (rows, work)
}

/// memlab's trivial nodes (`FilterTrivialNodeRule`): numbers, strings, `hidden`.
fn trivial(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Number
            | NodeKind::String
            | NodeKind::ConcatenatedString
            | NodeKind::SlicedString
            | NodeKind::Hidden
    )
}

/// Per node: whether a proper dominator of it is leaked. Each node is settled once,
/// walking up the dominator tree only as far as the first settled node.
fn dominated_by_leaks(idom: &[u32], leaked: &[bool], work: &mut Work) -> Vec<bool> {
    const UNKNOWN: u8 = 0;
    const NO: u8 = 1;
    const YES: u8 = 2;
    let mut state = vec![UNKNOWN; idom.len()];
    if let Some(root) = state.first_mut() {
        *root = NO;
    }
    let mut path = Vec::new();
    for o in 0..idom.len() {
        let mut at = o;
        while state[at] == UNKNOWN {
            path.push(at);
            at = idom[at] as usize;
        }
        work.nodes += path.len() as u64;
        // `at` is settled; settle the path from its top down.
        while let Some(v) = path.pop() {
            let d = idom[v] as usize;
            state[v] = if leaked[d] || state[d] == YES {
                YES
            } else {
                NO
            };
        }
    }
    state.into_iter().map(|s| s == YES).collect()
}
