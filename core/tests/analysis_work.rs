//! Dominators in linear work, shown without timing: the counted work on hostile shapes
//! of sizes n and 8n grows at most about 8 times, and each shape's answer is checked.
//! The shapes: a deep chain, the chain closed into a cycle, a wide star whose leaves
//! all point back at the hub, and unreachable islands pointing into a chain that also
//! holds weak-only nodes. The ten-million versions are `#[ignore]`d (run them with
//! `cargo test --release -p bindlab-core --test analysis_work -- --ignored`).

mod analysis_support;
mod support;

use analysis_support::{grows_linearly, write, Chain, Islands, Shape, Star, SIZE};
use bindlab_core::analysis::Dominators;
use bindlab_core::snapshot::HeapSnapshot;
use support::parse_streamed;

const N: u64 = 1000;

fn parsed(shape: &dyn Shape) -> HeapSnapshot {
    parse_streamed(|w| write(w, shape))
}

fn check_chain(n: u64, cycle: bool) {
    let d = Dominators::compute(&parsed(&Chain { n, cycle }));
    for k in [1, 2, n / 2, n] {
        assert_eq!(d.dominator(k as usize), Some(k as usize - 1), "link {k}");
        assert_eq!(
            d.retained_size(k as usize),
            Some(SIZE * (n - k + 1)),
            "link {k}"
        );
    }
}

fn check_star(n: u64) {
    let d = Dominators::compute(&parsed(&Star { n }));
    assert_eq!(d.retained_size(1), Some(SIZE * (n + 1)));
    for leaf in [2, n + 1] {
        assert_eq!(
            (d.dominator(leaf as usize), d.retained_size(leaf as usize)),
            (Some(1), Some(SIZE))
        );
    }
}

fn check_islands(n: u64) {
    let snap = parsed(&Islands { n });
    let d = Dominators::compute(&snap);
    for k in [1, n] {
        assert_eq!(d.dominator(k as usize), Some(k as usize - 1), "link {k}");
        assert_eq!(
            d.retained_size(k as usize),
            Some(SIZE * (n - k + 1)),
            "link {k}"
        );
    }
    for island in [n + 1, n + 2, 2 * n, 2 * n + 1, 3 * n] {
        assert_eq!(
            d.dominator(island as usize),
            Some(0),
            "island node {island}"
        );
    }
    assert_eq!(d.retained_size(0), Some(snap.total_self_size()));
}

#[test]
fn deep_chains_and_cycles_cost_linear_work() {
    for cycle in [false, true] {
        grows_linearly("chain", N, |n| {
            Dominators::counting(&parsed(&Chain { n, cycle })).1
        });
        check_chain(8 * N, cycle);
    }
}

#[test]
fn wide_stars_cost_linear_work() {
    grows_linearly("star", N, |n| Dominators::counting(&parsed(&Star { n })).1);
    check_star(8 * N);
}

#[test]
fn unreachable_islands_and_weak_only_nodes_cost_linear_work() {
    grows_linearly("islands", N, |n| {
        Dominators::counting(&parsed(&Islands { n })).1
    });
    check_islands(8 * N);
    check_islands(8 * N + 1);
}

#[test]
#[ignore = "ten million nodes: run with --release -- --ignored"]
fn ten_million_deep_chains_and_ten_million_edge_stars() {
    check_chain(10_000_000, true);
    check_star(10_000_000);
}
