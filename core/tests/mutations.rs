//! A short deterministic fuzz run: mutated and truncated snapshots must parse or fail
//! cleanly, never panic, and give the same result whole and in random pieces; whatever
//! parses must also summarise and diff without panicking, against itself and against
//! another mutated snapshot, with figures that agree with each side's summary.
//! (`core/fuzz` holds the cargo-fuzz target for longer runs.)

mod support;

use std::collections::BTreeMap;

use bindlab_core::diff::{diff, diff_snapshots, DiffError, HeapDiff, HeapSummary};
use bindlab_core::snapshot::{HeapSnapshot, ParseError};
use support::mutate::{bases, fixture_text, mutate};
use support::{parse_in_pieces, Rng};

#[test]
fn mutated_snapshots_never_panic() {
    let bases = bases();
    let mut rng = Rng::new(0x5eed);
    let (mut ok, mut failed) = (0, 0);
    for round in 0..1500 {
        let base = &bases[round % bases.len()];
        let input = mutate(base, &mut rng);
        let whole = HeapSnapshot::from_slice(&input);
        let pieces = parse_in_pieces(&input, || 1 + rng.below(40));
        assert_eq!(whole, pieces, "round {round}");
        match whole {
            Ok(snap) => {
                ok += 1;
                let summary = HeapSummary::new(&snap);
                let d = diff(&summary, &snap);
                assert_eq!(d.change.allocated_nodes + d.change.freed_nodes, 0);
                let _ = snap.top_classes(5);
            }
            Err(e) => {
                failed += 1;
                assert!(e.offset <= input.len() as u64, "{e}");
                assert!(!e.to_string().is_empty());
            }
        }
    }
    assert!(ok > 50 && failed > 500, "ok {ok}, failed {failed}");
}

/// Per row: (allocated, freed, size change).
fn rows(d: &HeapDiff) -> BTreeMap<&str, (u64, u64, i64)> {
    d.change
        .details
        .iter()
        .map(|r| (r.what.as_str(), (r.allocated, r.freed, r.size_bytes)))
        .collect()
}

/// Checks `diff(a, b)` against each side's summary and against `diff(b, a)`; returns
/// whether anything was allocated or freed.
fn check_pair(a: &HeapSnapshot, b: &HeapSnapshot, context: &str) -> bool {
    let (sa, sb) = (HeapSummary::new(a), HeapSummary::new(b));
    let (ab, ba) = (diff(&sa, b), diff(&sb, a));
    assert_eq!(
        (ab.before.nodes, ab.before.size_bytes),
        (a.node_count() as u64, sa.size_bytes()),
        "{context}"
    );
    assert_eq!(
        (ab.after.nodes, ab.after.size_bytes),
        (b.node_count() as u64, sb.size_bytes()),
        "{context}"
    );
    let change = sb.size_bytes() as i64 - sa.size_bytes() as i64;
    assert_eq!(ab.change.size_bytes, change, "{context}");
    // Distinct reachable ids: what was allocated minus what was freed.
    let grown = sb.reachable_count() as i64 - sa.reachable_count() as i64;
    let (allocated, freed) = (ab.change.allocated_nodes, ab.change.freed_nodes);
    assert_eq!(allocated as i64 - freed as i64, grown, "{context}");
    let rows_ab = rows(&ab);
    let in_rows = rows_ab
        .values()
        .fold((0, 0), |(p, m), r| (p + r.0, m + r.1));
    assert!(in_rows.0 <= allocated && in_rows.1 <= freed, "{context}");
    // The other way round, every allocation is a freeing and the sizes change sign.
    assert_eq!(
        (ba.change.allocated_nodes, ba.change.freed_nodes),
        (freed, allocated)
    );
    let mirrored: BTreeMap<&str, (u64, u64, i64)> = rows(&ba)
        .into_iter()
        .map(|(what, (p, m, size))| (what, (m, p, -size)))
        .collect();
    assert_eq!(rows_ab, mirrored, "{context}");
    allocated + freed > 0
}

#[test]
fn different_mutated_snapshots_diff_consistently_or_fail_saying_which() {
    let bases = bases();
    let mut rng = Rng::new(0xd1ff5);
    let mut parsed: Vec<HeapSnapshot> = Vec::new();
    let mut previous: Option<(Vec<u8>, Result<HeapSnapshot, ParseError>)> = None;
    for round in 0..800 {
        let input = mutate(&bases[round % bases.len()], &mut rng);
        let result = HeapSnapshot::from_slice(&input);
        if let Some((before, before_result)) = &previous {
            let context = format!("round {round}");
            let both = diff_snapshots(&before[..], &input[..]);
            match (before_result, &result) {
                (Err(e), _) => assert_eq!(both, Err(DiffError::Before(e.clone())), "{context}"),
                (Ok(_), Err(e)) => assert_eq!(both, Err(DiffError::After(e.clone())), "{context}"),
                (Ok(a), Ok(b)) => {
                    assert_eq!(both, Ok(diff(&HeapSummary::new(a), b)), "{context}");
                    check_pair(a, b, &context);
                }
            }
        }
        if let Ok(snap) = &result {
            parsed.push(snap.clone());
        }
        previous = Some((input, result));
    }
    assert!(parsed.len() > 40, "only {} parsed", parsed.len());
    // Every parsed one against the next, and the unmutated bases against them all;
    // most such pairs differ.
    let mut changed = 0;
    for (k, pair) in parsed.windows(2).enumerate() {
        changed += usize::from(check_pair(&pair[0], &pair[1], &format!("parsed {k}")));
    }
    for base in &bases {
        let base = HeapSnapshot::from_slice(base).unwrap();
        for (k, snap) in parsed.iter().enumerate() {
            changed += usize::from(check_pair(&base, snap, &format!("base, parsed {k}")));
        }
    }
    let pairs = 3 * parsed.len() - 1;
    assert!(2 * changed > pairs, "{changed} of {pairs} pairs changed");
}

/// The JS tests compare napi and wasm with core on the inputs of this fixture.
#[test]
fn the_mutated_snapshots_fixture_is_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mutated-snapshots.json"
    );
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fixture_text(),
        "{path} is out of date: cargo run -p bindlab-core --example mutated-snapshots"
    );
}
