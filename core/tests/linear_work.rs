//! Linear time, shown without timing: each walk counts its own work (nodes and edges
//! visited, `HeapDiff` checks), and on hostile inputs of sizes n and 8n the count may
//! grow at most 8 times. The inputs are the shapes that cost quadratic time in a naive
//! HeapDiff: a chain whose links all have different classes (one retainer path per
//! class, each running the chain), a broom (a chain ending in many leaves of different
//! classes), a wide star, and many copies of the string `HeapDiff`.

mod support;

use std::io;

use bindlab_core::diff::{diff_counting, HeapDiff, HeapSummary};
use bindlab_core::snapshot::HeapSnapshot;
use bindlab_core::work::Work;
use support::{parse_streamed, synth};

const N: u64 = 1000;

/// Asserts that `work` at size `8 * N` is at most about 8 times `work` at size `N`,
/// counter by counter, and returns the larger. "About": a linear count `a n - b` (the
/// first rows' paths are shorter than the rest) grows a little over 8 times when `b`
/// is positive, so up to 8.125 times is allowed; a quadratic count would grow 64 times.
fn grows_linearly(what: &str, work: impl Fn(u64) -> Work) -> Work {
    let (small, large) = (work(N), work(8 * N));
    assert!(small.total() > 0, "{what}: no work counted");
    for (name, s, l) in [
        ("nodes", small.nodes, large.nodes),
        ("edges", small.edges, large.edges),
        ("checks", small.checks, large.checks),
        ("fields", small.fields, large.fields),
    ] {
        assert!(
            8 * l <= 65 * s,
            "{what}: {name} grew from {s} to {l} (more than 8x)"
        );
    }
    large
}

/// The diff of a root-only snapshot with `after`, and its work: every class is
/// allocated, so every row gets a retainer path.
fn diff_from_empty(after: &HeapSnapshot) -> (HeapDiff, Work) {
    let empty = HeapSummary::new(&parse_streamed(|w| synth::write_broom(w, 0, 0)));
    diff_counting(&empty, after)
}

#[test]
fn retainer_paths_on_a_chain_of_distinct_classes_cost_linear_work() {
    let work = grows_linearly("named chain", |n| {
        diff_from_empty(&parse_streamed(|w| synth::write_named_chain(w, n))).1
    });
    // Exactly: two walks of two rounds each over the root and the M = 8N links; the
    // rows' nodes placed in order, 1 + 2 + ... + 8 steps for every 8 (each walks back
    // to the nearest remembered node, every 8th); and the paths written, d steps for
    // depths d up to 32 and 31 for the rest.
    let m = 8 * N;
    let writing: u64 = (1..=32).sum::<u64>() + 31 * (m - 32);
    assert_eq!(work.nodes, 4 * (m + 1) + 36 * m / 8 + writing, "{work:?}");

    let after = parse_streamed(|w| synth::write_named_chain(w, 40));
    let (d, _) = diff_from_empty(&after);
    assert_eq!(d.change.details.len(), 40);
    let c39 = d.change.details.iter().find(|r| r.what == "C39").unwrap();
    let nodes: Vec<&str> = c39.retainers.iter().map(|s| s.node.as_str()).collect();
    assert_eq!(nodes.len(), 32);
    assert_eq!(&nodes[..2], ["C0 @3", "C1 @5"]);
    assert_eq!(&nodes[7..10], ["C7 @17", "… 9 more", "C17 @37"]);
    assert_eq!(nodes[31], "C39 @81");
}

#[test]
fn retainer_paths_through_a_broom_cost_linear_work() {
    grows_linearly("broom", |n| {
        diff_from_empty(&parse_streamed(|w| synth::write_broom(w, n, n))).1
    });
    // Each leaf is 1001 edges deep: 8 steps, 970 elided, 23 (22 links and the leaf).
    let after = parse_streamed(|w| synth::write_broom(w, N, N));
    let (d, _) = diff_from_empty(&after);
    let row = d.change.details.iter().find(|r| r.what == "C7").unwrap();
    let path: Vec<(&str, &str)> = row
        .retainers
        .iter()
        .map(|s| (s.node.as_str(), s.edge.as_str()))
        .collect();
    assert_eq!(path.len(), 32);
    assert_eq!(path[0], ("Link @3", "next"));
    assert_eq!(path[8], ("… 970 more", "…"));
    assert_eq!(
        path[30],
        (format!("Link @{}", 2 * (N - 1) + 3).as_str(), "next")
    );
    assert_eq!(
        path[31],
        (format!("C7 @{}", 2 * (N + 7) + 3).as_str(), "[7]")
    );
}

#[test]
fn retainer_paths_on_a_wide_star_cost_linear_work() {
    grows_linearly("star", |n| {
        diff_from_empty(&parse_streamed(|w| synth::write_broom(w, 0, n))).1
    });
}

#[test]
fn summaries_cost_linear_work() {
    for (shape, write) in [
        (
            "named chain",
            synth::write_named_chain as fn(&mut _, u64) -> io::Result<()>,
        ),
        ("star", |w: &mut _, n| synth::write_broom(w, 0, n)),
        ("broom", |w: &mut _, n| synth::write_broom(w, n, n)),
    ] {
        grows_linearly(shape, |n| {
            HeapSummary::counting(&parse_streamed(|w| write(w, n))).1
        });
    }
}

#[test]
fn the_heapdiff_exclusion_costs_linear_work_however_many_copies_of_the_name() {
    let copies = |n| parse_streamed(|w| synth::write_heapdiff_copies(w, n));
    grows_linearly("summary", |n| HeapSummary::counting(&copies(n)).1);
    grows_linearly("diff", |n| diff_from_empty(&copies(n)).1);
    // Every `HeapDiff` object is skipped with what it holds: the root and the Objs are
    // all that is reachable.
    let snap = copies(N);
    let summary = HeapSummary::new(&snap);
    assert_eq!(
        (summary.reachable_count(), summary.size_bytes()),
        (N + 1, 16 * N)
    );
    let (d, _) = diff_from_empty(&snap);
    let rows: Vec<(&str, u64)> = d
        .change
        .details
        .iter()
        .map(|r| (r.what.as_str(), r.allocated))
        .collect();
    assert_eq!(rows, [("Obj", N)]);
}
