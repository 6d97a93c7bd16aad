//! Writes `tests/fixtures/mutated-snapshots.json`: mutated heap snapshots with
//! bindlab-core's outcome on each and on pairs of them, for the JS tests to compare
//! napi and wasm with (see `tests/support/mutate.rs`):
//!
//! ```text
//! cargo run -p bindlab-core --example mutated-snapshots
//! ```

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mutated-snapshots.json");
    let text = support::mutate::fixture_text();
    match std::fs::write(&path, text) {
        Ok(()) => {
            println!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("mutated-snapshots: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
