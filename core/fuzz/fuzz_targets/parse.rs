//! Fuzzes the snapshot parser: any input must parse or fail cleanly, the same whole as
//! in pieces (sizes taken from the first byte), and whatever parses must summarise
//! and diff against itself to an empty change.
//!
//! ```text
//! cd core/fuzz && cargo +nightly fuzz run parse
//! ```
#![no_main]

use bindlab_core::diff::{diff, HeapSummary};
use bindlab_core::snapshot::{HeapSnapshot, SnapshotParser};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&piece, input)) = data.split_first() else {
        return;
    };
    let whole = HeapSnapshot::from_slice(input);
    let mut parser = SnapshotParser::new();
    let mut fed = Ok(());
    for chunk in input.chunks(usize::from(piece).max(1)) {
        fed = parser.feed(chunk);
        if fed.is_err() {
            break;
        }
    }
    let pieces = fed.and_then(|()| parser.finish());
    assert_eq!(whole, pieces);
    if let Ok(snap) = whole {
        let d = diff(&HeapSummary::new(&snap), &snap);
        assert_eq!(d.change.allocated_nodes + d.change.freed_nodes, 0);
        let _ = snap.class_summary();
    }
});
