//! Dominators and retained sizes: against a brute-force reference on small random
//! graphs (a node dominates another when removing it cuts the other off from the
//! root), and on hand-built snapshots that pin each edge rule of the module docs.

mod support;

use bindlab_core::analysis::Dominators;
use bindlab_core::snapshot::HeapSnapshot;
use support::{Rng, Snap};

const EDGE_KINDS: [&str; 6] = [
    "property", "element", "internal", "hidden", "shortcut", "weak",
];

/// The retaining graph the module docs define, built independently of the core: per
/// node, the targets of its retaining edges, with the root's virtual edges added.
fn retaining_graph(snap: &HeapSnapshot) -> Vec<Vec<usize>> {
    let n = snap.node_count();
    let kind = |e: &bindlab_core::snapshot::Edge<'_>| e.kind();
    use bindlab_core::snapshot::EdgeKind::{Shortcut, Weak};
    // Page-owned: from the root's non-shortcut edges, along non-weak edges.
    let mut owned = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    for e in snap.node(0).unwrap().edges() {
        let t = e.target().ordinal();
        if kind(&e) != Shortcut && !owned[t] {
            owned[t] = true;
            stack.push(t);
        }
    }
    while let Some(v) = stack.pop() {
        for e in snap.node(v).unwrap().edges() {
            let t = e.target().ordinal();
            if kind(&e) != Weak && !owned[t] {
                owned[t] = true;
                stack.push(t);
            }
        }
    }
    let mut graph: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut strong = vec![false; n];
    for node in snap.nodes() {
        let v = node.ordinal();
        for e in node.edges() {
            let t = e.target().ordinal();
            let k = kind(&e);
            if k != Weak && k != Shortcut {
                strong[t] = true;
            }
            let retains = v != t
                && k != Weak
                && (k != Shortcut || v == 0)
                && (v == 0 || owned[v] || !owned[t]);
            if retains {
                graph[v].push(t);
            }
        }
    }
    let mut reached = reach(&graph, n, None);
    for o in 0..n {
        if !reached[o] && !strong[o] {
            graph[0].push(o);
            reached = reach(&graph, n, None);
        }
    }
    for o in 0..n {
        if !reached[o] {
            graph[0].push(o);
        }
    }
    graph
}

/// The nodes reachable from the root in `graph` without passing through `cut`.
fn reach(graph: &[Vec<usize>], n: usize, cut: Option<usize>) -> Vec<bool> {
    let mut seen = vec![false; n];
    if cut == Some(0) {
        return seen;
    }
    seen[0] = true;
    let mut stack = vec![0];
    while let Some(v) = stack.pop() {
        for &t in &graph[v] {
            if !seen[t] && Some(t) != cut {
                seen[t] = true;
                stack.push(t);
            }
        }
    }
    seen
}

/// Immediate dominators and retained sizes by definition.
fn brute_force(snap: &HeapSnapshot) -> (Vec<usize>, Vec<u64>) {
    let n = snap.node_count();
    let graph = retaining_graph(snap);
    // dominated[d][v]: d dominates v (v != d).
    let dominated: Vec<Vec<bool>> = (0..n)
        .map(|d| {
            let r = reach(&graph, n, Some(d));
            (0..n).map(|v| v != d && !r[v]).collect()
        })
        .collect();
    let dominator_count = |v: usize| (0..n).filter(|&d| dominated[d][v]).count();
    let idom = (0..n)
        .map(|v| {
            if v == 0 {
                return 0;
            }
            (0..n)
                .filter(|&d| dominated[d][v])
                .max_by_key(|&d| dominator_count(d))
                .expect("the root dominates every node")
        })
        .collect();
    let sizes = (0..n)
        .map(|d| {
            let own = snap.node(d).unwrap().self_size();
            own + (0..n)
                .filter(|&v| dominated[d][v])
                .map(|v| snap.node(v).unwrap().self_size())
                .sum::<u64>()
        })
        .collect();
    (idom, sizes)
}

/// A random snapshot of `n` nodes: random edges of every kind, self edges, nodes no
/// edge reaches, and sizes from 0 to 99.
fn random_snapshot(rng: &mut Rng, n: usize) -> HeapSnapshot {
    let mut s = Snap::new();
    for k in 1..n {
        let size = rng.below(100) as u64;
        s.node(
            if k % 5 == 0 { "hidden" } else { "object" },
            &format!("C{}", k % 4),
            2 * k as u64 + 1,
            size,
        );
    }
    let edges = rng.below(3 * n);
    for _ in 0..edges {
        let from = if rng.below(4) == 0 { 0 } else { rng.below(n) };
        let to = rng.below(n);
        match EDGE_KINDS[rng.below(EDGE_KINDS.len())] {
            kind @ ("element" | "hidden") => s.indexed(from, kind, rng.below(10) as u64, to),
            kind => s.edge(from, kind, "e", to),
        }
    }
    s.parse()
}

#[test]
fn dominators_and_retained_sizes_match_a_brute_force_reference_on_random_graphs() {
    let mut rng = Rng::new(0x5eed_d011);
    for round in 0..600 {
        let n = 2 + rng.below(24);
        let snap = random_snapshot(&mut rng, n);
        let d = Dominators::compute(&snap);
        let (idom, sizes) = brute_force(&snap);
        for v in 0..n {
            let expected = (v != 0).then_some(idom[v]);
            assert_eq!(
                d.dominator(v),
                expected,
                "round {round}, node {v}: dominator"
            );
            assert_eq!(
                d.retained_size(v),
                Some(sizes[v]),
                "round {round}, node {v}: retained size"
            );
        }
        assert_eq!(
            d.retained_size(0),
            Some(snap.total_self_size()),
            "round {round}: the root retains all"
        );
    }
}

/// root -> a -> b, with `extra` edges added from a node to another.
fn small(extra: &[(usize, &str, usize)]) -> HeapSnapshot {
    let mut s = Snap::new();
    let a = s.node("object", "A", 3, 10);
    let b = s.node("object", "B", 5, 20);
    let c = s.node("object", "C", 7, 40);
    s.edge(0, "element", "", a);
    s.edge(a, "property", "b", b);
    s.edge(b, "property", "c", c);
    for &(from, kind, to) in extra {
        s.edge(from, kind, "x", to);
    }
    s.parse()
}

#[test]
fn a_chain_nests_its_retained_sizes() {
    let d = Dominators::compute(&small(&[]));
    assert_eq!(
        (d.dominator(1), d.dominator(2), d.dominator(3)),
        (Some(0), Some(1), Some(2))
    );
    assert_eq!(d.retained_sizes(), [70, 70, 60, 40]);
}

#[test]
fn a_second_strong_path_moves_the_dominator_up() {
    let d = Dominators::compute(&small(&[(1, "property", 3)]));
    assert_eq!(d.dominator(3), Some(1));
    assert_eq!(d.retained_sizes(), [70, 70, 20, 40]);
}

#[test]
fn weak_edges_do_not_retain() {
    let d = Dominators::compute(&small(&[(1, "weak", 3)]));
    assert_eq!(d.dominator(3), Some(2));
}

#[test]
fn shortcuts_retain_only_from_the_root() {
    // A shortcut from the root to C gives C a second path; one from A does not.
    assert_eq!(
        Dominators::compute(&small(&[(0, "shortcut", 3)])).dominator(3),
        Some(0)
    );
    assert_eq!(
        Dominators::compute(&small(&[(1, "shortcut", 3)])).dominator(3),
        Some(2)
    );
}

#[test]
fn edges_from_nodes_the_page_does_not_own_into_ones_it_does_are_left_out() {
    // D is reached only weakly (not page-owned); its edge into C does not make C's
    // dominator the root.
    let mut s = Snap::new();
    let a = s.node("object", "A", 3, 10);
    let c = s.node("object", "C", 5, 40);
    let d = s.node("object", "D", 7, 1);
    s.edge(0, "element", "", a);
    s.edge(a, "property", "c", c);
    s.edge(a, "weak", "d", d);
    s.edge(d, "property", "c", c);
    let dom = Dominators::compute(&s.parse());
    assert_eq!((dom.dominator(c), dom.dominator(d)), (Some(a), Some(0)));
}

#[test]
fn unreachable_nodes_are_dominated_by_the_root() {
    let mut s = Snap::new();
    let a = s.node("object", "A", 3, 10);
    let weakly = s.node("object", "W", 5, 7);
    let held = s.node("object", "H", 7, 3);
    let (x, y) = (s.node("object", "X", 9, 1), s.node("object", "Y", 11, 2));
    s.edge(0, "element", "", a);
    s.edge(a, "weak", "w", weakly);
    s.edge(weakly, "property", "h", held);
    s.edge(x, "property", "y", y);
    s.edge(y, "property", "x", x);
    let snap = s.parse();
    let d = Dominators::compute(&snap);
    assert_eq!(d.dominator(weakly), Some(0));
    assert_eq!(d.dominator(held), Some(weakly));
    assert_eq!(d.retained_size(weakly), Some(10));
    // An island holding only itself: each of its nodes is held by the root.
    assert_eq!((d.dominator(x), d.dominator(y)), (Some(0), Some(0)));
    assert_eq!(d.retained_size(0), Some(snap.total_self_size()));
}

#[test]
fn nodes_are_found_by_id_and_rows_ranked_by_retained_size() {
    let snap = small(&[]);
    let d = Dominators::compute(&snap);
    assert_eq!(snap.ordinal_of_id(5), Ok(2));
    assert_eq!(
        snap.ordinal_of_id(4).map_err(|e| e.to_string()),
        Err("must be the id of a node in this snapshot, got number 4".into())
    );
    assert_eq!(d.dominator(99), None);
    assert_eq!(d.retained_size(99), None);
    let top: Vec<(u64, u64)> = d
        .top_retained(&snap, 2)
        .iter()
        .map(|r| (r.id, r.retained_size))
        .collect();
    assert_eq!(top, [(3, 70), (5, 60)]);
    assert_eq!(d.top_retained(&snap, 100).len(), 3);
    assert!(d.top_retained(&snap, 0).is_empty());
    let row = serde_json::to_value(&d.top_retained(&snap, 1)[0]).unwrap();
    assert_eq!(
        row,
        serde_json::json!({ "id": 3, "name": "A", "type": "object", "selfSize": 10, "retainedSize": 70 })
    );
}

#[test]
fn class_totals_count_a_class_nested_in_itself_once() {
    // root -> A1 -> A2 -> B: class A retains A1's 60 once, not A1 + A2.
    let mut s = Snap::new();
    let a1 = s.node("object", "A", 3, 10);
    let a2 = s.node("object", "A", 5, 20);
    let b = s.node("object", "B", 7, 30);
    s.edge(0, "element", "", a1);
    s.edge(a1, "property", "a", a2);
    s.edge(a2, "property", "b", b);
    let snap = s.parse();
    let classes = Dominators::compute(&snap).class_retained(&snap);
    let rows: Vec<(&str, u64, u64, u64)> = classes
        .iter()
        .map(|c| (c.name.as_str(), c.count, c.self_size, c.retained_size))
        .collect();
    assert_eq!(
        rows,
        [
            ("(synthetic)", 1, 0, 60),
            ("A", 2, 30, 60),
            ("B", 1, 30, 30)
        ]
    );
}

#[test]
fn an_empty_graph_and_a_root_alone_have_answers() {
    let snap = Snap::new().parse();
    let d = Dominators::compute(&snap);
    assert_eq!(
        (d.len(), d.dominator(0), d.retained_size(0)),
        (1, None, Some(0))
    );
    assert!(d.top_retained(&snap, 5).is_empty());
}
