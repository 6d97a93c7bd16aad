//! Peak memory (the kernel's high-water mark of resident memory, `VmHWM` in
//! `/proc/self/status`) of parsing a snapshot and of diffing a pair, as a ratio to the
//! file size. Linux only. Not a test: it needs big inputs and a process of its own.
//!
//! ```text
//! cargo run --release -p bindlab-core --example peak-memory                   # the generated ~176 MB pair
//! cargo run --release -p bindlab-core --example peak-memory -- parse FILE
//! cargo run --release -p bindlab-core --example peak-memory -- diff BEFORE AFTER
//! cargo run --release -p bindlab-core --example peak-memory -- v8-heap-parser FILE
//! ```
//!
//! Without arguments it uses (and if needed generates) the benches' inputs, sized by
//! `BINDLAB_BENCH_ITEMS`, and runs each measurement in a fresh child process, since the
//! high-water mark never goes down. The peak counts the whole process: its start-up
//! baseline (printed; about 2 MB), the 1 MiB read buffer, the parsed graph and
//! everything freed on the way. Files are read with `read`, not mapped, so the page
//! cache is not part of it. `v8-heap-parser` (`decode_reader` over a `BufReader`) is
//! there for comparison, on the copy of the first input without lone surrogates (see
//! `benches/parse.rs`).

#[path = "support/proc_status.rs"]
mod proc_status;
#[path = "../benches/support/mod.rs"]
mod support;

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::process::{Command, ExitCode};

use bindlab_core::diff::diff_snapshots;
use bindlab_core::snapshot::HeapSnapshot;

/// A `kB` field of `/proc/self/status`, in bytes.
fn status_bytes(field: &str) -> u64 {
    proc_status::status_bytes(field).unwrap_or_else(|e| panic!("{e}"))
}

fn report(what: &str, file_bytes: u64, detail: &str, baseline: u64) {
    let peak = status_bytes("VmHWM");
    println!(
        "{what}: {:.1} MB file, peak RSS {:.0} MB ({:.2}x){detail}; baseline before parsing {:.1} MB",
        support::mb(file_bytes),
        support::mb(peak),
        peak as f64 / file_bytes as f64,
        support::mb(baseline)
    );
}

fn open(path: &str) -> File {
    File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(args: &[String]) -> Result<(), String> {
    let baseline = status_bytes("VmHWM");
    let len = |p: &str| support::file_len(&PathBuf::from(p));
    match args {
        [mode, path] if mode == "parse" => {
            let snap = HeapSnapshot::from_reader(open(path)).map_err(|e| format!("{path}: {e}"))?;
            let detail = format!(", {} nodes, {} edges", snap.node_count(), snap.edge_count());
            report("parse", len(path), &detail, baseline);
        }
        [mode, a, b] if mode == "diff" => {
            let d = diff_snapshots(open(a), open(b)).map_err(|e| e.to_string())?;
            let detail = format!(
                " of the larger; {} freed, {} allocated",
                d.change.freed_nodes, d.change.allocated_nodes
            );
            report("diff", len(a).max(len(b)), &detail, baseline);
        }
        [mode, path] if mode == "v8-heap-parser" => {
            let g = v8_heap_parser::decode_reader(BufReader::new(open(path)))
                .map_err(|e| format!("{path}: {e}"))?;
            let detail = format!(", {} nodes", g.nodes().len());
            report(
                "v8-heap-parser (decode_reader)",
                len(path),
                &detail,
                baseline,
            );
        }
        [] => {
            let (a, b) = support::pair();
            let peers = support::before_for_peers().display().to_string();
            let (a, b) = (a.display().to_string(), b.display().to_string());
            let me = std::env::current_exe().map_err(|e| e.to_string())?;
            for args in [
                vec!["parse", a.as_str()],
                vec!["parse", b.as_str()],
                vec!["diff", a.as_str(), b.as_str()],
                vec!["v8-heap-parser", peers.as_str()],
            ] {
                let status = Command::new(&me)
                    .args(&args)
                    .status()
                    .map_err(|e| e.to_string())?;
                if !status.success() {
                    return Err(format!("{args:?}: {status}"));
                }
            }
        }
        _ => {
            return Err(
                "usage: peak-memory [parse FILE | diff BEFORE AFTER | v8-heap-parser FILE]".into(),
            )
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peak-memory: {e}");
            ExitCode::FAILURE
        }
    }
}
