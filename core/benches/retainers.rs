//! HeapDiff's retainer paths on the shapes that were quadratic: every class allocated,
//! each row needing its own path.
//!
//! ```text
//! cargo bench -p bindlab-core --bench retainers
//! ```
//!
//! - `deep chain`: a chain of 100,000 objects, each of its own class, so every row's
//!   path runs the chain down to its node (elided to 32 steps);
//! - `wide star`: the root holding 100,000 objects of different classes directly.
//!
//! Each measures `diff(root only, after)`: both walks of `after`, the merge, and the
//! 100,000 paths; the inputs are parsed beforehand.

#[path = "support/mod.rs"]
mod support;

use std::io;
use std::time::Duration;

use bindlab_core::diff::{diff, HeapSummary};
use bindlab_core::snapshot::HeapSnapshot;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};

/// Objects (and so classes and paths) in each input.
const N: u64 = 100_000;

fn parsed(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> HeapSnapshot {
    let mut json = Vec::new();
    write(&mut json).expect("write to memory");
    HeapSnapshot::from_slice(&json).expect("generated snapshot parses")
}

fn retainer_paths(c: &mut Criterion) {
    let empty = HeapSummary::new(&parsed(|w| support::synth::write_broom(w, 0, 0)));
    let mut g = c.benchmark_group(format!("retainer paths, {N} classes"));
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (name, after) in [
        (
            "deep chain",
            parsed(|w| support::synth::write_named_chain(w, N)),
        ),
        (
            "wide star",
            parsed(|w| support::synth::write_broom(w, 0, N)),
        ),
    ] {
        g.bench_function(name, |bench| {
            bench.iter_with_large_drop(|| diff(&empty, &after))
        });
    }
    g.finish();
}

criterion_group!(benches, retainer_paths);
criterion_main!(benches);
