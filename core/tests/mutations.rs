//! A short deterministic fuzz run: mutated and truncated snapshots must parse or fail
//! cleanly, never panic, and give the same result whole and in random pieces; whatever
//! parses must also summarise and diff without panicking. (`core/fuzz` holds the
//! cargo-fuzz target for longer runs.)

mod support;

use bindlab_core::diff::{diff, HeapSummary};
use bindlab_core::snapshot::HeapSnapshot;
use support::{items_json, parse_in_pieces, Rng, Snap};

/// Bytes that matter to the grammar, for insertions.
const SPICE: &[u8] = b"0123456789,[]{}\":\\u-.eE \n\x01\xff\xedtfn";

fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + rng.below(3) {
        let len = v.len().max(1);
        match rng.below(6) {
            0 => v.truncate(rng.below(len)),
            1 => {
                let i = rng.below(len).min(v.len().saturating_sub(1));
                if let Some(b) = v.get_mut(i) {
                    *b = rng.next() as u8;
                }
            }
            2 => {
                let i = rng.below(len + 1).min(v.len());
                v.insert(i, SPICE[rng.below(SPICE.len())]);
            }
            3 => {
                let i = rng.below(len).min(v.len());
                let j = (i + rng.below(16)).min(v.len());
                v.drain(i..j);
            }
            4 => {
                // Swap a digit for another, or make a number huge.
                let i = rng.below(len).min(v.len().saturating_sub(1));
                if v.get(i).is_some_and(u8::is_ascii_digit) {
                    let digits: &[u8] = if rng.below(2) == 0 {
                        b"9"
                    } else {
                        b"99999999999999999999"
                    };
                    v.splice(i..=i, digits.iter().copied());
                }
            }
            _ => {
                let i = rng.below(len).min(v.len());
                let j = (i + rng.below(32)).min(v.len());
                let copy = v[i..j].to_vec();
                v.splice(j..j, copy);
            }
        }
    }
    v
}

#[test]
fn mutated_snapshots_never_panic() {
    let mut tiny = Snap::new();
    let a = tiny.node("object", "HeapDiff", 3, 8);
    let b = tiny.node("string", "x\"y", 5, 8);
    tiny.edge(0, "property", "a", a);
    tiny.edge(a, "weak", "b", b);
    tiny.indexed(b, "element", 0, 0);
    let bases = [tiny.json().into_bytes(), items_json(5..12)];
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
