//! HeapDiff on hand-built snapshots with known answers: memwatch's walk (weak edges
//! followed, `HeapDiff` objects skipped, unreachable nodes counted in `nodes` only),
//! its rows and their order, the JSON keys, and the retainer paths.

mod support;

use bindlab_core::diff::{diff, diff_snapshots, DiffError, HeapDiff, HeapSummary, RetainerStep};
use bindlab_core::snapshot::HeapSnapshot;
use support::Snap;

fn before() -> Snap {
    let mut s = Snap::new();
    let a = s.node("object", "Foo", 11, 10);
    let b = s.node("object", "Foo", 13, 20);
    let str_ = s.node("string", "str", 15, 30);
    let hd = s.node("object", "HeapDiff", 17, 1000);
    let x = s.node("object", "Bar", 19, 5);
    let w = s.node("object", "Weakling", 21, 7);
    s.node("object", "Unreachable", 23, 100);
    let map = s.node("hidden", "system / Map", 25, 3);
    let native = s.node("native", "HeapDiff", 27, 9);
    s.edge(0, "property", "a", a);
    s.edge(0, "property", "hd", hd);
    s.edge(0, "weak", "w", w);
    s.edge(0, "property", "n", native);
    s.edge(a, "property", "next", b);
    s.edge(a, "property", "s", str_);
    s.edge(a, "internal", "map", map);
    s.edge(hd, "property", "x", x);
    s
}

fn after() -> Snap {
    let mut s = Snap::new();
    let a = s.node("object", "Foo", 11, 10);
    let str_ = s.node("string", "str", 15, 30);
    let c = s.node("object", "Foo", 41, 40);
    let hd = s.node("object", "HeapDiff", 17, 1000);
    let x = s.node("object", "Bar", 19, 5);
    let y = s.node("object", "Bar", 43, 6);
    let map = s.node("hidden", "system / Map", 25, 3);
    let native = s.node("native", "HeapDiff", 27, 9);
    let hidden = s.node("hidden", "system / New", 45, 4);
    let elements = s.node("array", "(object elements)", 47, 16);
    let code = s.node("code", "(code)", 49, 8);
    let closure = s.node("closure", "f", 51, 32);
    let regexp = s.node("regexp", "/x/", 53, 12);
    let number = s.node("number", "heap number", 55, 16);
    let apple = s.node("object", "apple", 57, 1);
    let zed = s.node("object", "Zed", 59, 2);
    let synthetic = s.node("synthetic", "(extra)", 61, 0);
    s.node("object", "Unreachable", 63, 100);
    for (name, to) in [
        ("a", a),
        ("hd", hd),
        ("n", native),
        ("c", code),
        ("f", closure),
        ("r", regexp),
        ("num", number),
        ("z", zed),
        ("syn", synthetic),
    ] {
        s.edge(0, "property", name, to);
    }
    s.edge(a, "property", "s", str_);
    s.edge(a, "property", "next2", c);
    s.edge(a, "internal", "map", map);
    s.edge(a, "internal", "h2", hidden);
    s.edge(a, "internal", "elements", elements);
    s.edge(a, "property", "ap", apple);
    s.edge(hd, "property", "x", x);
    s.edge(hd, "property", "y", y);
    s
}

fn run(before: &Snap, after: &Snap) -> HeapDiff {
    diff(&HeapSummary::new(&before.parse()), &after.parse())
}

/// The retainer path of the details row for `what`.
fn retainers_of(d: &HeapDiff, what: &str) -> Vec<RetainerStep> {
    let row = d.change.details.iter().find(|r| r.what == what);
    row.unwrap_or_else(|| panic!("no details row for {what}"))
        .retainers
        .clone()
}

fn step(node: &str, edge: &str) -> RetainerStep {
    RetainerStep {
        node: node.to_string(),
        edge: edge.to_string(),
    }
}

#[test]
fn memwatch_totals_and_rows() {
    let summary = HeapSummary::new(&before().parse());
    // root 0 + Foo 10 + Foo 20 + string 30 + Weakling 7 (weak edge) + map 3 + native
    // "HeapDiff" 9; the object "HeapDiff" and the Bar only it holds are skipped.
    assert_eq!(
        (
            summary.node_count(),
            summary.size_bytes(),
            summary.reachable_count()
        ),
        (10, 79, 7)
    );

    let d = run(&before(), &after());
    assert_eq!(
        (d.before.nodes, d.before.size_bytes, d.before.size.as_str()),
        (10, 79, "79 bytes")
    );
    assert_eq!(
        (d.after.nodes, d.after.size_bytes, d.after.size.as_str()),
        (19, 183, "183 bytes")
    );
    assert_eq!(
        (d.change.size_bytes, d.change.size.as_str()),
        (104, "104 bytes")
    );
    // Freed: Foo @13, Weakling @21. Allocated: Foo @41 and ids 45..=61 (the hidden and
    // synthetic ones count but have no row); Bar @43 sits under the HeapDiff object.
    assert_eq!((d.change.freed_nodes, d.change.allocated_nodes), (2, 10));
    let rows: Vec<(&str, i64, u64, u64)> = d
        .change
        .details
        .iter()
        .map(|r| (r.what.as_str(), r.size_bytes, r.allocated, r.freed))
        .collect();
    assert_eq!(
        rows,
        [
            ("Array", 16, 1, 0),
            ("Closure", 32, 1, 0),
            ("Code", 8, 1, 0),
            ("Foo", 20, 1, 1),
            ("Number", 16, 1, 0),
            ("RegExp", 12, 1, 0),
            ("Weakling", -7, 0, 1),
            ("Zed", 2, 1, 0),
            ("apple", 1, 1, 0),
        ]
    );
    assert!(d
        .change
        .details
        .iter()
        .all(|r| r.size == format!("{} bytes", r.size_bytes)));
}

#[test]
fn each_row_has_a_retainer_path_to_an_allocated_node() {
    let d = run(&before(), &after());
    let path = |what: &str| retainers_of(&d, what);
    assert_eq!(
        path("Foo"),
        [step("Foo @11", "a"), step("Foo @41", "next2")]
    );
    assert_eq!(
        path("Array"),
        [
            step("Foo @11", "a"),
            step("(object elements) @47", "elements")
        ]
    );
    assert_eq!(path("Code"), [step("(compiled code) @49", "c")]);
    assert_eq!(path("Closure"), [step("f @51", "f")]);
    assert_eq!(path("Number"), [step("(number) @55", "num")]);
    assert_eq!(path("Weakling"), []);
}

#[test]
fn json_has_memwatchs_keys_in_memwatchs_order() {
    let mut b = Snap::new();
    let a = b.node("object", "Foo", 11, 2000);
    b.edge(0, "property", "a", a);
    let mut af = Snap::new();
    let a = af.node("object", "Foo", 11, 2000);
    let c = af.node("object", "Foo", 13, 1_048_577);
    af.edge(0, "property", "a", a);
    af.indexed(a, "element", 0, c);
    let json = serde_json::to_string(&run(&b, &af)).unwrap();
    assert_eq!(
        json,
        r#"{"before":{"nodes":2,"size_bytes":2000,"size":"1.95 kb"},"after":{"nodes":3,"size_bytes":1050577,"size":"1 mb"},"change":{"size_bytes":1048577,"size":"1 mb","freed_nodes":0,"allocated_nodes":1,"details":[{"what":"Foo","size_bytes":1048577,"size":"1 mb","+":1,"-":0,"retainers":[{"node":"Foo @11","edge":"a"},{"node":"Foo @13","edge":"[0]"}]}]}}"#
    );
}

#[test]
fn paths_prefer_strong_edges_and_long_ones_are_elided() {
    // T is one weak edge from the root, or three strong edges away: the strong path is
    // shown. U is reachable only through a weak edge.
    let b = Snap::new();
    let mut a = Snap::new();
    let t = a.node("object", "T", 101, 1);
    let p = a.node("object", "P", 103, 1);
    let q = a.node("object", "Q", 105, 1);
    let u = a.node("object", "U", 107, 1);
    a.edge(0, "weak", "w", t);
    a.edge(0, "property", "p", p);
    a.edge(p, "property", "q", q);
    a.edge(q, "property", "t", t);
    a.edge(t, "weak", "u", u);
    let d = run(&b, &a);
    let path = |what: &str| retainers_of(&d, what);
    assert_eq!(
        path("T"),
        [
            step("P @103", "p"),
            step("Q @105", "q"),
            step("T @101", "t")
        ]
    );
    assert_eq!(
        path("U"),
        [
            step("P @103", "p"),
            step("Q @105", "q"),
            step("T @101", "t"),
            step("U @107", "u")
        ]
    );

    // A chain of 40 old links and one new one: 41 steps, shown as 8 + "…" + 23.
    let chain = |links: u64| {
        let mut s = Snap::new();
        let mut prev = 0;
        for k in 0..links {
            let n = s.node(
                "object",
                if k < 40 { "Link" } else { "New" },
                1001 + 2 * k,
                16,
            );
            s.edge(prev, "property", if k == 0 { "head" } else { "next" }, n);
            prev = n;
        }
        s
    };
    let d = run(&chain(40), &chain(41));
    let row = &d.change.details[0];
    assert_eq!((row.what.as_str(), row.allocated), ("New", 1));
    assert_eq!(row.retainers.len(), 32);
    assert_eq!(row.retainers[0], step("Link @1001", "head"));
    assert_eq!(row.retainers[8], step("… 10 more", "…"));
    assert_eq!(row.retainers[31], step("New @1081", "next"));
}

#[test]
fn duplicate_ids_count_once_and_an_empty_diff_is_empty() {
    let mut b = Snap::new();
    let x = b.node("object", "X", 11, 5);
    b.edge(0, "property", "x", x);
    let mut a = Snap::new();
    let x = a.node("object", "X", 11, 5);
    let d1 = a.node("object", "Dup", 13, 5);
    let d2 = a.node("object", "Dup", 13, 5);
    a.edge(0, "property", "x", x);
    a.edge(x, "property", "d1", d1);
    a.edge(x, "property", "d2", d2);
    let d = run(&b, &a);
    assert_eq!((d.change.allocated_nodes, d.after.size_bytes), (1, 10));
    assert_eq!(d.change.details[0].allocated, 1);

    let same = run(&before(), &before());
    assert_eq!(
        (
            same.change.freed_nodes,
            same.change.allocated_nodes,
            same.change.size_bytes
        ),
        (0, 0, 0)
    );
    assert!(same.change.details.is_empty());
}

#[test]
fn of_nodes_sharing_an_id_the_first_in_the_snapshot_counts_in_every_walk() {
    // Two nodes with id 11, of different classes and sizes: the summary's walk meets
    // the weakly held one first, the diff's walk (strong edges first) the other.
    let mut s = Snap::new();
    let weak = s.node("object", "A", 11, 5);
    let strong = s.node("object", "B", 11, 7);
    s.edge(0, "weak", "w", weak);
    s.edge(0, "property", "p", strong);
    let snap = s.parse();
    let summary = HeapSummary::new(&snap);
    assert_eq!((summary.reachable_count(), summary.size_bytes()), (2, 5));
    let same = diff(&summary, &snap);
    assert_eq!((same.after.size_bytes, same.change.size_bytes), (5, 0));
    // Against a snapshot without id 11, the first node is the one freed.
    let d = diff(&summary, &Snap::new().parse());
    let rows: Vec<(&str, u64)> = d
        .change
        .details
        .iter()
        .map(|r| (r.what.as_str(), r.freed))
        .collect();
    assert_eq!(rows, [("A", 1)]);
}

#[test]
fn diff_snapshots_reads_both_inputs_and_says_which_one_failed() {
    let (b, a) = (before().json(), after().json());
    let direct = run(&before(), &after());
    assert_eq!(diff_snapshots(b.as_bytes(), a.as_bytes()).unwrap(), direct);
    let e = diff_snapshots(b.as_bytes(), &a.as_bytes()[..100]).unwrap_err();
    assert!(matches!(&e, DiffError::After(p) if p.offset == 100), "{e}");
    assert!(e
        .to_string()
        .starts_with("second (after) snapshot: heap snapshot, byte 100: unexpected end of input"));
    let e = diff_snapshots(&b.as_bytes()[..3], a.as_bytes()).unwrap_err();
    assert!(matches!(e, DiffError::Before(_)));
    assert!(std::error::Error::source(&e).is_some());
    // A snapshot with no nodes at all diffs as empty.
    let empty = br#"{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],
        "node_types":[["object"]],"edge_fields":["type","name_or_index","to_node"],"edge_types":[["property"]]},
        "node_count":0,"edge_count":0},"nodes":[],"edges":[],"strings":[]}"#;
    let empty = HeapSnapshot::from_slice(empty).unwrap();
    let d = diff(&HeapSummary::new(&empty), &empty);
    assert_eq!(
        (d.before.nodes, d.after.size_bytes, d.change.details.len()),
        (0, 0, 0)
    );
}
