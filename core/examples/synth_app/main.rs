//! Writes synthetic heap snapshots shaped like a real application's (see `graph.rs`),
//! to measure heap analysis on a few hundred MB; outputs go under `target/`, never into
//! the repository:
//!
//! ```text
//! cargo run --release -p bindlab-core --example synth_app -- one OUT [RECORDS]
//! cargo run --release -p bindlab-core --example synth_app -- triple DIR [RECORDS]
//! ```
//!
//! `one` writes the target phase of a process with RECORDS application records
//! (default 350,000: about 300 MB); `triple` writes DIR/baseline.heapsnapshot,
//! DIR/target.heapsnapshot and DIR/final.heapsnapshot of one process (default
//! 300,000 records: about 216, 266 and 240 MB), whose target adds 48,000 leaked and
//! 36,000 transient records and frees a twentieth of the baseline's.

mod graph;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use graph::{Phase, Shape};

const USAGE: &str = "usage: synth_app (one OUT | triple DIR) [RECORDS]";

/// Writes one phase to `path` and says what it wrote.
fn write_one(path: &Path, shape: Shape, phase: Phase) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut w = BufWriter::with_capacity(1 << 20, File::create(path).map_err(fail)?);
    let (nodes, edges) = graph::write_app(&mut w, shape, phase).map_err(fail)?;
    w.flush().map_err(fail)?;
    let bytes = std::fs::metadata(path).map_err(fail)?.len();
    eprintln!(
        "{}: {:.1} MB, {nodes} nodes, {edges} edges",
        path.display(),
        bytes as f64 / 1e6
    );
    Ok(())
}

fn run(args: &[String]) -> Result<(), String> {
    let records = |default: u64| match args.get(2) {
        Some(s) => s
            .parse::<u64>()
            .map_err(|e| format!("bad RECORDS {s:?}: {e}")),
        None => Ok(default),
    };
    match args {
        [kind, out, ..] if kind == "one" && args.len() <= 3 => {
            let records = records(350_000)?;
            let shape = Shape {
                records,
                leaked: records / 8,
                transient: records / 10,
            };
            write_one(Path::new(out), shape, Phase::Target)
        }
        [kind, dir, ..] if kind == "triple" && args.len() <= 3 => {
            let records = records(300_000)?;
            let shape = Shape {
                records,
                leaked: records * 4 / 25,
                transient: records * 3 / 25,
            };
            let dir = Path::new(dir);
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            for (name, phase) in [
                ("baseline", Phase::Baseline),
                ("target", Phase::Target),
                ("final", Phase::Final),
            ] {
                write_one(&dir.join(format!("{name}.heapsnapshot")), shape, phase)?;
            }
            Ok(())
        }
        _ => Err(USAGE.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth_app: {e}");
            ExitCode::FAILURE
        }
    }
}
