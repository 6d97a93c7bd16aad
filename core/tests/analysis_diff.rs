//! HeapDiff's two id rules: memwatch's (the default), where the same id is the same
//! object, and the id-reuse rule, where an id whose type or name changed is one node
//! freed and one allocated.

mod support;

use bindlab_core::analysis::IdRule;
use bindlab_core::diff::{diff, HeapSummary};
use support::Snap;

/// root -> Holder -> node id 7, which is `class` of `ty` and `size` bytes.
fn heap(ty: &str, class: &str, size: u64) -> Snap {
    let mut s = Snap::new();
    let holder = s.node("object", "Holder", 3, 16);
    let held = s.node(ty, class, 7, size);
    s.edge(0, "element", "", holder);
    s.edge(holder, "property", "x", held);
    s
}

fn rows(d: &bindlab_core::diff::HeapDiff) -> Vec<(String, u64, u64, i64)> {
    d.change
        .details
        .iter()
        .map(|r| (r.what.clone(), r.allocated, r.freed, r.size_bytes))
        .collect()
}

#[test]
fn a_reused_id_is_one_object_by_memwatchs_rule_and_two_by_the_reuse_rule() {
    let (before, after) = (
        heap("hidden", "WeakArrayList", 24).parse(),
        heap("object", "Object", 40).parse(),
    );
    let same = diff(&HeapSummary::new(&before), &after);
    assert_eq!(
        (same.change.allocated_nodes, same.change.freed_nodes),
        (0, 0)
    );
    assert!(same.change.details.is_empty());
    let summary = HeapSummary::with_rule(&before, IdRule::SameIdTypeAndName);
    assert_eq!(summary.rule(), IdRule::SameIdTypeAndName);
    let reused = diff(&summary, &after);
    assert_eq!(
        (reused.change.allocated_nodes, reused.change.freed_nodes),
        (1, 1)
    );
    // A hidden node has no memwatch row; the new Object has one.
    assert_eq!(rows(&reused), [("Object".to_string(), 1, 0, 40)]);
    // Same type, another name: freed from one row, allocated in the other.
    let renamed = diff(
        &HeapSummary::with_rule(
            &heap("object", "Old", 12).parse(),
            IdRule::SameIdTypeAndName,
        ),
        &heap("object", "Fresh", 40).parse(),
    );
    assert_eq!(
        rows(&renamed),
        [
            ("Fresh".to_string(), 1, 0, 40),
            ("Old".to_string(), 0, 1, -12)
        ]
    );
}

#[test]
fn an_unchanged_id_is_one_object_by_either_rule() {
    let (before, after) = (
        heap("object", "Same", 12).parse(),
        heap("object", "Same", 12).parse(),
    );
    for summary in [
        HeapSummary::new(&before),
        HeapSummary::with_rule(&before, IdRule::SameIdTypeAndName),
    ] {
        let d = diff(&summary, &after);
        assert_eq!(
            (
                d.change.allocated_nodes,
                d.change.freed_nodes,
                d.change.details.len()
            ),
            (0, 0, 0)
        );
    }
}
