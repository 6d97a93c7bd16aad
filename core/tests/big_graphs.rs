//! Graphs too deep for any recursive walk, and a synthetic before/after pair with a
//! known answer. The chain test streams a million-node snapshot straight from its
//! generator into the parser; the ten-million version is `#[ignore]`d (run it with
//! `cargo test --release -p bindlab-core --test big_graphs -- --ignored`).

mod support;

use bindlab_core::diff::{diff, HeapSummary};
use bindlab_core::snapshot::HeapSnapshot;
use support::{items_json, parse_streamed, synth};

fn chain(n: u64) -> HeapSnapshot {
    parse_streamed(|w| synth::write_chain(w, n))
}

/// Summarises and diffs chains of `n` and `n + 1` links: the new link is allocated,
/// its path runs the whole chain (elided in the middle).
fn walk_chains(n: u64) {
    let short = chain(n);
    assert_eq!(short.node_count() as u64, n + 2);
    let summary = HeapSummary::new(&short);
    assert_eq!(
        (summary.reachable_count(), summary.size_bytes()),
        (n + 2, 16 * n)
    );
    let same = diff(&summary, &short);
    assert_eq!(
        (same.change.allocated_nodes, same.change.freed_nodes),
        (0, 0)
    );
    drop(short);
    let long = chain(n + 1);
    let d = diff(&summary, &long);
    assert_eq!(
        (
            d.change.allocated_nodes,
            d.change.freed_nodes,
            d.change.size_bytes
        ),
        (1, 0, 16)
    );
    let row = &d.change.details[0];
    assert_eq!((row.what.as_str(), row.allocated), ("Link", 1));
    assert_eq!(row.retainers.len(), 32);
    assert_eq!(row.retainers[8].node, format!("… {} more", n + 2 - 31));
    assert_eq!(row.retainers[31].node, format!("Link @{}", 2 * n + 5));
    assert_eq!(
        long.class_summary()
            .iter()
            .find(|c| c.name == "Link")
            .unwrap()
            .count,
        n + 1
    );
}

#[test]
fn a_million_long_chain_walks_without_recursion() {
    walk_chains(1_000_000);
}

#[test]
#[ignore = "10M nodes: about a minute in debug; run with --release --ignored"]
fn a_ten_million_long_chain_walks_without_recursion() {
    walk_chains(10_000_000);
}

#[test]
fn synthetic_items_diff_has_the_known_answer() {
    // Items 0..2000, then 200..2200: 200 freed and 200 allocated of each of Item,
    // Child and their string; plus three unreachable items in each.
    let a = HeapSnapshot::from_slice(&items_json(0..2000)).unwrap();
    let b = HeapSnapshot::from_slice(&items_json(200..2200)).unwrap();
    let d = diff(&HeapSummary::new(&a), &b);
    assert_eq!((d.change.freed_nodes, d.change.allocated_nodes), (600, 600));
    let rows: Vec<(&str, u64, u64)> = d
        .change
        .details
        .iter()
        .map(|r| (r.what.as_str(), r.allocated, r.freed))
        .collect();
    assert_eq!(
        rows,
        [
            ("Child", 200, 200),
            ("Item", 200, 200),
            ("String", 200, 200)
        ]
    );
    assert_eq!(d.before.nodes, a.node_count() as u64);
    let item = &d.change.details[1];
    let path: Vec<&str> = item.retainers.iter().map(|s| s.edge.as_str()).collect();
    assert_eq!(path, ["[1]", "[1]", "items", "elements", "[1800]"]);
}
