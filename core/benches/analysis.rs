//! Heap analysis on big real-shaped snapshots (`examples/synth_app`): parse +
//! dominators + retained sizes of one ~300 MB snapshot, and three-snapshot leak finding
//! on a baseline / target / final triple of 200-300 MB each.
//!
//! ```text
//! cargo bench -p bindlab-core --bench analysis
//! ```
//!
//! The inputs are `target/synth-app/app.heapsnapshot` and `target/synth-app/triple/`,
//! the files `synth_app one` and `synth_app triple` write (and `scripts/analysis-peers.mjs`
//! measures memlab and v8-heap-parser on); they are generated here when missing.
//! Files come from the page cache; results are dropped outside the timed section.
//! Besides criterion's lines, each bench prints MB/s and the phases of one run
//! (parse, dominators, leaks), so the figures can be read without criterion's reports.

#[path = "../examples/synth_app/graph.rs"]
#[allow(dead_code)]
mod graph;

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bindlab_core::analysis::{find_leaks_in, Dominators, LeakOptions};
use bindlab_core::snapshot::HeapSnapshot;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use graph::{Phase, Shape};

/// Where the inputs live (the workspace's `target/`, never the repository).
fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/synth-app")
}

/// `path`, written as `phase` of `shape` if missing (under a temporary name first).
fn ensure(path: &Path, shape: Shape, phase: Phase) -> PathBuf {
    if !path.is_file() {
        fs::create_dir_all(path.parent().expect("a directory"))
            .expect("create the input directory");
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let mut w = BufWriter::with_capacity(1 << 20, File::create(&tmp).expect("create an input"));
        graph::write_app(&mut w, shape, phase).expect("write an input");
        w.flush().expect("flush an input");
        drop(w);
        fs::rename(&tmp, path).expect("rename an input");
    }
    path.to_path_buf()
}

/// The single snapshot (`synth_app one`'s default: 350,000 records, about 300 MB).
fn app() -> PathBuf {
    let records = 350_000;
    let shape = Shape {
        records,
        leaked: records / 8,
        transient: records / 10,
    };
    ensure(&dir().join("app.heapsnapshot"), shape, Phase::Target)
}

/// The triple (`synth_app triple`'s default: 300,000 records).
fn triple() -> [PathBuf; 3] {
    let records = 300_000;
    let shape = Shape {
        records,
        leaked: records * 4 / 25,
        transient: records * 3 / 25,
    };
    let t = dir().join("triple");
    [
        ("baseline", Phase::Baseline),
        ("target", Phase::Target),
        ("final", Phase::Final),
    ]
    .map(|(name, phase)| ensure(&t.join(format!("{name}.heapsnapshot")), shape, phase))
}

fn len(path: &Path) -> u64 {
    fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn open(path: &Path) -> File {
    File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn analysis(c: &mut Criterion) {
    let app = app();
    let bytes = len(&app);
    // One run with its phases, printed.
    let start = Instant::now();
    let snap = HeapSnapshot::from_reader(open(&app)).expect("parses");
    let parsed = start.elapsed();
    let d = Dominators::compute(&snap);
    let total = start.elapsed();
    eprintln!(
        "analysis: {} ({:.1} MB, {} nodes, {} edges): parse {:.2} s, dominators + retained sizes {:.2} s, \
         together {:.2} s ({:.0} MB/s); largest retained below the root {} bytes",
        app.display(),
        bytes as f64 / 1e6,
        snap.node_count(),
        snap.edge_count(),
        parsed.as_secs_f64(),
        (total - parsed).as_secs_f64(),
        total.as_secs_f64(),
        bytes as f64 / 1e6 / total.as_secs_f64(),
        d.top_retained(&snap, 1).first().map_or(0, |r| r.retained_size)
    );
    drop((d, snap));

    let mut g = c.benchmark_group("analysis");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::BytesDecimal(bytes));
    g.bench_function("parse + dominators + retained sizes, ~300 MB", |b| {
        b.iter_with_large_drop(|| {
            let snap = HeapSnapshot::from_reader(open(&app)).expect("parses");
            let d = Dominators::compute(&snap);
            (snap, d)
        })
    });

    let [baseline, target, last] = triple();
    let all = len(&baseline) + len(&target) + len(&last);
    let start = Instant::now();
    let rows = find_leaks_in(
        open(&baseline),
        open(&target),
        open(&last),
        LeakOptions::default(),
    )
    .expect("leaks");
    eprintln!(
        "leaks: {:.1} + {:.1} + {:.1} MB: {:.2} s ({:.0} MB/s over the three), {} groups, {} bytes retained",
        len(&baseline) as f64 / 1e6,
        len(&target) as f64 / 1e6,
        len(&last) as f64 / 1e6,
        start.elapsed().as_secs_f64(),
        all as f64 / 1e6 / start.elapsed().as_secs_f64(),
        rows.len(),
        rows.iter().map(|r| r.retained_size).sum::<u64>()
    );
    g.throughput(Throughput::BytesDecimal(all));
    g.bench_function("find leaks, baseline + target + final", |b| {
        b.iter_with_large_drop(|| {
            find_leaks_in(
                open(&baseline),
                open(&target),
                open(&last),
                LeakOptions::default(),
            )
            .expect("leaks")
        })
    });
    g.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
