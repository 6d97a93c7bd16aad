//! Deterministic random mutations of small snapshots, for the in-`cargo test` fuzz run
//! and for `fixtures/mutated-snapshots.json`, the same inputs with core's outcome on
//! each, for the JS tests to hold napi and wasm to (`examples/mutated-snapshots.rs`
//! writes it; a test checks it is current).

use bindlab_core::diff::{diff_snapshots, DiffError};
use bindlab_core::snapshot::HeapSnapshot;
use serde_json::{json, Value};

use super::{items_json, Rng, Snap};

/// Bytes that matter to the grammar, for insertions.
const SPICE: &[u8] = b"0123456789,[]{}\":\\u-.eE \n\x01\xff\xedtfn";

/// The unmutated inputs: a tiny graph with a `HeapDiff` object, a weak edge and an
/// escaped string, and a synthetic items snapshot.
pub fn bases() -> [Vec<u8>; 2] {
    let mut tiny = Snap::new();
    let a = tiny.node("object", "HeapDiff", 3, 8);
    let b = tiny.node("string", "x\"y", 5, 8);
    tiny.edge(0, "property", "a", a);
    tiny.edge(a, "weak", "b", b);
    tiny.indexed(b, "element", 0, 0);
    [tiny.json().into_bytes(), items_json(5..12)]
}

/// `input` with one to three random changes: truncation, a byte changed, inserted or
/// deleted, a digit made huge, a run duplicated.
pub fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
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

/// Inputs in the fixture that parse, and as many that do not.
const FIXTURE_EACH: usize = 24;

/// `bytes` as a string of the chars U+0000..U+00FF (`Buffer.from(s, 'latin1')` in JS).
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// An error as the fixture gives it.
fn error_json(offset: u64, message: String) -> Value {
    json!({ "offset": offset, "message": message })
}

/// The fixture: [`FIXTURE_EACH`] mutated inputs that parse, then as many that fail,
/// each with core's outcome; and pairs of them (each input with the next, and a few
/// failing ones before parsing ones) with core's `diff_snapshots` outcome.
pub fn fixture() -> Value {
    let bases = bases();
    let mut rng = Rng::new(0xd1ff);
    let (mut ok, mut failed) = (Vec::new(), Vec::new());
    for round in 0.. {
        if ok.len() == FIXTURE_EACH && failed.len() == FIXTURE_EACH {
            break;
        }
        let input = mutate(&bases[round % bases.len()], &mut rng);
        let side = match HeapSnapshot::from_slice(&input) {
            Ok(_) => &mut ok,
            Err(_) => &mut failed,
        };
        if side.len() < FIXTURE_EACH {
            side.push(input);
        }
    }
    let inputs: Vec<Vec<u8>> = ok.into_iter().chain(failed).collect();
    let outcomes: Vec<Value> = inputs
        .iter()
        .map(|input| {
            let outcome = match HeapSnapshot::from_slice(input) {
                Ok(snap) => json!({ "snapshot": {
                    "nodeCount": snap.node_count(),
                    "edgeCount": snap.edge_count(),
                    "totalSize": snap.total_self_size(),
                    "classes": snap.dominators().class_retained(&snap),
                }}),
                Err(e) => json!({ "error": error_json(e.offset, e.to_string()) }),
            };
            json!({ "latin1": latin1(input), "outcome": outcome })
        })
        .collect();
    let n = inputs.len();
    let pairs = (0..n - 1)
        .map(|i| (i, i + 1))
        .chain((0..4).map(|k| (FIXTURE_EACH + k, k)));
    let pairs: Vec<Value> = pairs
        .map(|(before, after)| {
            let outcome = match diff_snapshots(&inputs[before][..], &inputs[after][..]) {
                Ok(d) => json!({ "diff": d }),
                Err(e) => {
                    let (input, p) = match &e {
                        DiffError::Before(p) => ("before", p),
                        DiffError::After(p) => ("after", p),
                    };
                    let mut error = error_json(p.offset, e.to_string());
                    error["input"] = json!(input);
                    json!({ "error": error })
                }
            };
            json!({ "before": before, "after": after, "outcome": outcome })
        })
        .collect();
    json!({
        "about": "Mutated heap snapshots (bytes as latin1 strings) with bindlab-core's \
                  outcome on each: parsed, or the error's offset and message; and pairs \
                  of them with diff_snapshots(before, after)'s. Regenerate with \
                  `cargo run -p bindlab-core --example mutated-snapshots`.",
        "inputs": outcomes,
        "pairs": pairs,
    })
}

/// [`fixture`] as the committed file holds it: pretty-printed, one newline at the end.
pub fn fixture_text() -> String {
    let mut text = serde_json::to_string_pretty(&fixture()).expect("fixture serializes");
    text.push('\n');
    text
}
