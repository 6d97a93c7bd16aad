//! memwatch's HeapDiff of a generated pair of ~176 MB snapshots:
//!
//! ```text
//! cargo bench -p bindlab-core --bench diff
//! BINDLAB_BENCH_ITEMS=50000 cargo bench -p bindlab-core --bench diff   # ~10 MB each
//! ```
//!
//! - `diff_snapshots/files`: end to end, `diff_snapshots(File, File)`: parse the first
//!   file, summarise it and drop its graph, parse the second, diff;
//! - `diff/parsed`: only `diff(&HeapSummary, &HeapSnapshot)` on inputs parsed beforehand,
//!   to show how the end-to-end time splits.
//!
//! Throughput is counted over both files (criterion prints MB/s, 10^6 bytes).

#[path = "support/mod.rs"]
mod support;

use std::fs::File;
use std::time::Duration;

use bindlab_core::diff::{diff, diff_snapshots, HeapSummary};
use bindlab_core::snapshot::HeapSnapshot;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};

fn heap_diff(c: &mut Criterion) {
    let (a, b) = support::pair();
    let (len_a, len_b) = (support::file_len(&a), support::file_len(&b));
    eprintln!(
        "inputs: {} ({:.1} MB), {} ({:.1} MB)",
        a.display(),
        support::mb(len_a),
        b.display(),
        support::mb(len_b)
    );

    let mut g = c.benchmark_group(format!(
        "heapdiff {:.0} MB + {:.0} MB",
        support::mb(len_a),
        support::mb(len_b)
    ));
    g.throughput(Throughput::BytesDecimal(len_a + len_b))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));

    g.bench_function("diff_snapshots/files", |bench| {
        bench.iter_with_large_drop(|| {
            diff_snapshots(File::open(&a).unwrap(), File::open(&b).unwrap()).unwrap()
        })
    });

    g.finish();

    // No throughput here: the files are parsed before the timing starts.
    let summary = HeapSummary::new(&HeapSnapshot::from_reader(File::open(&a).unwrap()).unwrap());
    let after = HeapSnapshot::from_reader(File::open(&b).unwrap()).unwrap();
    let mut g = c.benchmark_group(format!(
        "heapdiff {:.0} MB + {:.0} MB, parsed beforehand",
        support::mb(len_a),
        support::mb(len_b)
    ));
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("diff/parsed", |bench| {
        bench.iter_with_large_drop(|| diff(&summary, &after))
    });
    g.finish();
}

criterion_group!(benches, heap_diff);
criterion_main!(benches);
