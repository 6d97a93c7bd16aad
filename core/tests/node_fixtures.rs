//! Real snapshots written by Node 20 (`tests/fixtures/generate.js`): `before` is an
//! idle process, `after` the same process holding 10,000 `Leaky` objects, plus 500
//! `Hidden` ones held only by an object of class `HeapDiff`.

mod support;

use bindlab_core::diff::{diff, diff_snapshots, HeapSummary};
use bindlab_core::snapshot::{EdgeKind, EdgeName, HeapSnapshot, NodeKind};
use support::{fixture, parse_in_pieces, Rng};

#[test]
fn node_snapshots_parse_the_same_in_any_chunks() {
    let bytes = fixture("before.heapsnapshot.gz");
    let whole = HeapSnapshot::from_slice(&bytes).unwrap();
    assert!(whole.node_count() > 20_000 && whole.edge_count() > 4 * whole.node_count() / 2);
    assert_eq!(whole.node(0).unwrap().kind(), NodeKind::Synthetic);
    assert_eq!(parse_in_pieces(&bytes, || 1).unwrap(), whole);
    let mut rng = Rng::new(7);
    assert_eq!(
        parse_in_pieces(&bytes, || 1 + rng.below(300)).unwrap(),
        whole
    );
    // Straight from the decompressing stream.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/before.heapsnapshot.gz");
    let stream = flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap());
    assert_eq!(HeapSnapshot::from_reader(stream).unwrap(), whole);
}

/// Checks every kept field against serde_json's reading of the same file.
#[test]
fn node_snapshots_agree_with_a_plain_json_reading() {
    let bytes = fixture("before.heapsnapshot.gz");
    let snap = HeapSnapshot::from_slice(&bytes).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let meta = &json["snapshot"]["meta"];
    let field = |list: &str, name: &str| {
        meta[list]
            .as_array()
            .unwrap()
            .iter()
            .position(|f| f == name)
            .unwrap()
    };
    let nf = meta["node_fields"].as_array().unwrap().len();
    let ef = meta["edge_fields"].as_array().unwrap().len();
    let num = |v: &serde_json::Value| v.as_u64().unwrap();
    let nodes: Vec<u64> = json["nodes"].as_array().unwrap().iter().map(num).collect();
    let edges: Vec<u64> = json["edges"].as_array().unwrap().iter().map(num).collect();
    let strings: Vec<&str> = json["strings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(snap.strings().iter().collect::<Vec<_>>(), strings);
    assert_eq!(
        (snap.node_count(), snap.edge_count()),
        (nodes.len() / nf, edges.len() / ef)
    );
    let (nt, nn, ni, ns, ne) = (
        field("node_fields", "type"),
        field("node_fields", "name"),
        field("node_fields", "id"),
        field("node_fields", "self_size"),
        field("node_fields", "edge_count"),
    );
    let (et, en, eto) = (
        field("edge_fields", "type"),
        field("edge_fields", "name_or_index"),
        field("edge_fields", "to_node"),
    );
    let node_types = meta["node_types"][0].as_array().unwrap();
    let mut e = 0;
    for (node, rec) in snap.nodes().zip(nodes.chunks(nf)) {
        assert_eq!(node.type_name(), node_types[rec[nt] as usize]);
        assert_eq!(node.name(), strings[rec[nn] as usize]);
        assert_eq!((node.id(), node.self_size()), (rec[ni], rec[ns]));
        assert_eq!(node.edges().len() as u64, rec[ne]);
        for edge in node.edges() {
            let rec = &edges[e * ef..(e + 1) * ef];
            assert_eq!(edge.target().ordinal() as u64, rec[eto] / nf as u64);
            assert_eq!(
                snap.edge_type_names()[edge_type_index(&snap, edge.kind())],
                meta["edge_types"][0][rec[et] as usize]
            );
            let name = match edge.name() {
                EdgeName::Index(i) => u64::from(i),
                EdgeName::Name(s) => {
                    assert_eq!(s, strings[rec[en] as usize]);
                    rec[en]
                }
            };
            assert_eq!(name, rec[en]);
            e += 1;
        }
    }
}

/// The position of `kind` in the snapshot's edge type list.
fn edge_type_index(snap: &HeapSnapshot, kind: EdgeKind) -> usize {
    snap.edge_type_names()
        .iter()
        .position(|t| EdgeKind::from_type_name(t) == kind)
        .unwrap()
}

#[test]
fn the_leaky_objects_show_in_the_summary_and_the_diff() {
    let after = HeapSnapshot::from_slice(&fixture("after.heapsnapshot.gz")).unwrap();
    let classes = after.class_summary();
    let count = |name: &str| {
        classes
            .iter()
            .find(|c| c.name == name)
            .map_or(0, |c| c.count)
    };
    assert_eq!(count("Leaky"), 10_000);
    assert_eq!(count("Hidden"), 500);
    assert_eq!(count("HeapDiff"), 1);
    assert!(after
        .top_classes(10)
        .iter()
        .any(|c| c.name == "(compiled code)"));

    let before =
        HeapSummary::new(&HeapSnapshot::from_slice(&fixture("before.heapsnapshot.gz")).unwrap());
    let d = diff(&before, &after);
    let row = |what: &str| d.change.details.iter().find(|r| r.what == what);
    let leaky = row("Leaky").expect("a Leaky row");
    assert_eq!((leaky.allocated, leaky.freed), (10_000, 0));
    assert!(
        leaky.size_bytes > 0 && leaky.size_bytes % 10_000 == 0,
        "{leaky:?}"
    );
    // The path ends `leaks` -> Array -> [i] -> Leaky.
    let path = &leaky.retainers;
    let n = path.len();
    assert!(n >= 3, "{path:?}");
    assert_eq!(path[n - 2].edge, "leaks");
    assert!(path[n - 2].node.starts_with("Array @"), "{path:?}");
    assert!(
        path[n - 1].node.starts_with("Leaky @") && path[n - 1].edge.starts_with('['),
        "{path:?}"
    );
    // Objects held only by the HeapDiff object are not counted.
    assert!(
        row("Hidden").is_none_or(|r| r.allocated < 10),
        "{:?}",
        row("Hidden")
    );
    assert!(row("String").is_some_and(|r| r.allocated >= 10_000));
    assert!(d.change.allocated_nodes >= 20_000);
    assert_eq!(d.after.nodes, after.node_count() as u64);
    assert!(d
        .change
        .details
        .windows(2)
        .all(|w| w[0].what.as_bytes() < w[1].what.as_bytes()));

    let streamed = diff_snapshots(
        &fixture("before.heapsnapshot.gz")[..],
        &fixture("after.heapsnapshot.gz")[..],
    )
    .unwrap();
    assert_eq!(streamed, d);
}

/// The diff of the two fixtures, pinned in `fixtures/fixture-diff.json`; the JS
/// conformance test checks both bindings against the same file. After an intended
/// change, regenerate it with the `heapdiff` example (see the README).
#[test]
fn the_fixture_diff_matches_the_pinned_json() {
    let before = fixture("before.heapsnapshot.gz");
    let after = fixture("after.heapsnapshot.gz");
    let got = serde_json::to_value(diff_snapshots(&before[..], &after[..]).unwrap()).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fixture-diff.json");
    let pinned: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(got, pinned);
}
