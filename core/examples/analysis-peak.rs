//! Time and peak resident memory (VmHWM) of heap analysis on one file or a triple, in a
//! process of its own so that the peak is the analysis's:
//!
//! ```text
//! cargo run --release -p bindlab-core --example analysis-peak -- analyze FILE
//! cargo run --release -p bindlab-core --example analysis-peak -- leaks BASELINE TARGET FINAL [final]
//! ```
//!
//! `analyze` parses FILE and computes dominators and retained sizes; `leaks` finds the
//! leaks of the triple (measured in the target, or in the final snapshot with `final`).
//! Prints seconds, MB/s and the peak as a multiple of the (largest) file. Linux only
//! (reads /proc/self/status).

#[path = "support/proc_status.rs"]
mod proc_status;

use std::fs::File;
use std::process::ExitCode;
use std::time::Instant;

use bindlab_core::analysis::{find_leaks_in, Dominators, LeakOptions, MeasureIn};
use bindlab_core::snapshot::HeapSnapshot;

const USAGE: &str = "usage: analysis-peak (analyze FILE | leaks BASELINE TARGET FINAL [final])";

fn open(path: &str) -> Result<File, String> {
    File::open(path).map_err(|e| format!("{path}: {e}"))
}

fn size(path: &str) -> Result<u64, String> {
    Ok(std::fs::metadata(path)
        .map_err(|e| format!("{path}: {e}"))?
        .len())
}

fn run(args: &[String]) -> Result<(), String> {
    let start = Instant::now();
    let (what, bytes, largest) = match args {
        [kind, file] if kind == "analyze" => {
            let snap =
                HeapSnapshot::from_reader(open(file)?).map_err(|e| format!("{file}: {e}"))?;
            let parsed = start.elapsed().as_secs_f64();
            let d = Dominators::compute(&snap);
            let top = d.top_retained(&snap, 1);
            eprintln!(
                "parse {parsed:.2} s; largest retained below the root: {:?}",
                top.first().map(|r| r.retained_size)
            );
            (format!("analyze {file}"), size(file)?, size(file)?)
        }
        [kind, b, t, f, rest @ ..] if kind == "leaks" && rest.len() <= 1 => {
            let measure_in = match rest {
                [] => MeasureIn::Target,
                [m] if m == "final" => MeasureIn::Final,
                _ => return Err(USAGE.into()),
            };
            let options = LeakOptions {
                measure_in,
                ..LeakOptions::default()
            };
            let rows =
                find_leaks_in(open(b)?, open(t)?, open(f)?, options).map_err(|e| e.to_string())?;
            let retained: u64 = rows.iter().map(|r| r.retained_size).sum();
            eprintln!(
                "{} leak groups, {retained} bytes retained; first: {:?}",
                rows.len(),
                rows.first().map(|r| (&r.what, r.count))
            );
            let sizes = [size(b)?, size(t)?, size(f)?];
            (
                format!("leaks {b} {t} {f}"),
                sizes.iter().sum(),
                sizes.into_iter().max().unwrap_or(0),
            )
        }
        _ => return Err(USAGE.into()),
    };
    let seconds = start.elapsed().as_secs_f64();
    let peak = proc_status::status_bytes("VmHWM")?;
    println!(
        "{what}: {seconds:.2} s, {:.0} MB/s, peak RSS {:.0} MB = {:.2}x the largest file ({:.1} MB)",
        bytes as f64 / 1e6 / seconds,
        peak as f64 / 1e6,
        peak as f64 / largest as f64,
        largest as f64 / 1e6
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("analysis-peak: {e}");
            ExitCode::FAILURE
        }
    }
}
