//! memwatch's HeapDiff between two `.heapsnapshot` files, as JSON on stdout:
//!
//! ```text
//! cargo run --release -p bindlab-core --example heapdiff -- A.heapsnapshot B.heapsnapshot
//! cargo run --release -p bindlab-core --example heapdiff -- --summary A.heapsnapshot [N]
//! ```
//!
//! `--summary` parses one file and prints its counts, the parse time and throughput,
//! and the `N` (default 20) classes with the largest self size. Errors go to stderr
//! with exit code 1.

use std::fs::File;
use std::process::ExitCode;
use std::time::Instant;

use bindlab_core::diff::{diff_snapshots, DiffError};
use bindlab_core::snapshot::HeapSnapshot;

const USAGE: &str = "usage: heapdiff BEFORE.heapsnapshot AFTER.heapsnapshot\n       heapdiff --summary FILE.heapsnapshot [N]";

fn open(path: &str) -> Result<File, String> {
    File::open(path).map_err(|e| format!("{path}: {e}"))
}

fn summary(path: &str, top: usize) -> Result<String, String> {
    let bytes = std::fs::metadata(path)
        .map_err(|e| format!("{path}: {e}"))?
        .len();
    let start = Instant::now();
    let snap = HeapSnapshot::from_reader(open(path)?).map_err(|e| format!("{path}: {e}"))?;
    let seconds = start.elapsed().as_secs_f64();
    let out = serde_json::json!({
        "file_bytes": bytes,
        "nodes": snap.node_count(),
        "edges": snap.edge_count(),
        "strings": snap.strings().len(),
        "total_self_size": snap.total_self_size(),
        "parse_seconds": seconds,
        "parse_mb_per_s": bytes as f64 / seconds / 1e6,
        "top_classes": snap.top_classes(top),
    });
    serde_json::to_string_pretty(&out).map_err(|e| e.to_string())
}

fn run(args: &[String]) -> Result<String, String> {
    match args {
        [flag, path] if flag == "--summary" => summary(path, 20),
        [flag, path, n] if flag == "--summary" => summary(
            path,
            n.parse()
                .map_err(|e| format!("bad count {n:?}: {e}\n{USAGE}"))?,
        ),
        [a, b] if !a.starts_with("--") => {
            let d = diff_snapshots(open(a)?, open(b)?).map_err(|e| match e {
                DiffError::Before(e) => format!("{a}: {e}"),
                DiffError::After(e) => format!("{b}: {e}"),
            })?;
            serde_json::to_string_pretty(&d).map_err(|e| e.to_string())
        }
        _ => Err(USAGE.to_string()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("heapdiff: {e}");
            ExitCode::FAILURE
        }
    }
}
