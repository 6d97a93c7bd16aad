//! Parse throughput on a generated ~176 MB snapshot, bindlab beside its peers, in one run:
//!
//! ```text
//! cargo bench -p bindlab-core --bench parse
//! BINDLAB_BENCH_ITEMS=50000 cargo bench -p bindlab-core --bench parse   # ~10 MB, quick
//! ```
//!
//! Contenders (criterion prints each one's MB/s, 10^6 bytes):
//! - `bindlab/file`: `HeapSnapshot::from_reader(File)`, end to end from the file;
//! - `bindlab/slice`: `HeapSnapshot::from_slice` on the file already in memory;
//! - `v8-heap-parser/slice`: `v8_heap_parser::decode_slice` (its fastest decode);
//! - `v8-heap-parser/file`: `v8_heap_parser::decode_reader(BufReader<File>)`;
//! - `serde_json-value/slice`: `serde_json::from_slice::<Value>`, a generic JSON parse;
//! - `bindlab/file-with-lone-surrogates`: `bindlab/file` on the generator's original
//!   output.
//!
//! The generator writes a few strings with lone UTF-16 surrogates (as V8 does), which
//! serde_json, and so both peers, reject ("unexpected end of hex escape"). So all
//! contenders read a copy with those escapes replaced by `\ufffd`: the same bytes
//! count, and for bindlab the same result; the last line shows bindlab on the original.
//!
//! Each iteration's result is dropped outside the timed section (`iter_with_large_drop`):
//! freeing millions of small allocations is not parsing. The file stays in the page
//! cache between iterations, so `/file` measures the parser and the `read` calls, not
//! the disk.

#[path = "support/mod.rs"]
mod support;

use std::fs::File;
use std::io::BufReader;
use std::time::Duration;

use bindlab_core::snapshot::HeapSnapshot;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};

fn parse(c: &mut Criterion) {
    let original = support::before();
    let path = support::before_for_peers();
    let bytes = std::fs::read(&path).expect("read the input");
    let len = bytes.len() as u64;

    // Check once, untimed, that every contender accepts the input and agrees on it.
    let ours = HeapSnapshot::from_slice(&bytes).expect("bindlab parses the input");
    let theirs = v8_heap_parser::decode_slice(&bytes).expect("v8-heap-parser parses the input");
    assert_eq!(
        ours.node_count(),
        theirs.nodes().len(),
        "node counts differ"
    );
    eprintln!(
        "input: {} — {:.1} MB, {} nodes, {} edges, {} strings",
        path.display(),
        support::mb(len),
        ours.node_count(),
        ours.edge_count(),
        ours.strings().len()
    );
    drop((ours, theirs));

    let mut g = c.benchmark_group(format!("parse {:.0} MB", support::mb(len)));
    g.throughput(Throughput::BytesDecimal(len))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(2))
        // Enough for 10 single-iteration samples of the slowest peer (~1.2 s each).
        .measurement_time(Duration::from_secs(14));

    g.bench_function("bindlab/file", |b| {
        b.iter_with_large_drop(|| HeapSnapshot::from_reader(File::open(&path).unwrap()).unwrap())
    });
    g.bench_function("bindlab/slice", |b| {
        b.iter_with_large_drop(|| HeapSnapshot::from_slice(&bytes).unwrap())
    });
    g.bench_function("v8-heap-parser/slice", |b| {
        b.iter_with_large_drop(|| v8_heap_parser::decode_slice(&bytes).unwrap())
    });
    g.bench_function("v8-heap-parser/file", |b| {
        b.iter_with_large_drop(|| {
            v8_heap_parser::decode_reader(BufReader::new(File::open(&path).unwrap())).unwrap()
        })
    });
    g.bench_function("serde_json-value/slice", |b| {
        b.iter_with_large_drop(|| serde_json::from_slice::<serde_json::Value>(&bytes).unwrap())
    });
    g.bench_function("bindlab/file-with-lone-surrogates", |b| {
        b.iter_with_large_drop(|| {
            HeapSnapshot::from_reader(File::open(&original).unwrap()).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
