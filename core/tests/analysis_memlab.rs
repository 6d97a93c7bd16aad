//! Dominators, retained sizes and per-class retained totals against memlab 2.0.5's own
//! answers on real Node 20 snapshots: `test/fixtures/analysis/memlab-expectations.json`,
//! written by `scripts/memlab-expectations.mjs` (which runs memlab's full loader on each
//! fixture) and committed with it.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use bindlab_core::snapshot::HeapSnapshot;
use serde_json::Value;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the repository")
}

fn parse_gz(relative: &str) -> HeapSnapshot {
    let file =
        std::fs::File::open(repo().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"));
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .expect("gunzip");
    HeapSnapshot::from_slice(&bytes).expect("fixture parses")
}

fn expectations() -> Value {
    let path = repo().join("test/fixtures/analysis/memlab-expectations.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("expectations")).expect("JSON")
}

#[test]
fn retained_sizes_dominators_and_class_totals_agree_with_memlab() {
    let expected = expectations();
    let snapshots = expected["snapshots"].as_object().expect("snapshots");
    assert!(snapshots.len() >= 5, "every fixture has expectations");
    for (file, e) in snapshots {
        let snap = parse_gz(file);
        let d = snap.dominators();
        assert_eq!(
            snap.node_count() as u64,
            e["nodeCount"].as_u64().unwrap(),
            "{file}"
        );
        assert_eq!(
            d.retained_size(0),
            e["totalRetainedSize"].as_u64(),
            "{file}: the root"
        );
        let nodes = e["nodes"].as_array().unwrap();
        assert!(nodes.len() > 100, "{file}: {} nodes sampled", nodes.len());
        for n in nodes {
            let id = n["id"].as_u64().unwrap();
            let o = snap
                .ordinal_of_id(id)
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(
                d.retained_size(o),
                n["retainedSize"].as_u64(),
                "{file}: node {id} retained size"
            );
            let dominator = d.dominator(o).and_then(|x| snap.node(x)).map(|x| x.id());
            assert_eq!(
                dominator,
                n["dominator"].as_u64(),
                "{file}: node {id} dominator"
            );
        }
        let ours: HashMap<String, (u64, u64, u64)> = d
            .class_retained(&snap)
            .into_iter()
            .map(|c| (c.name, (c.count, c.self_size, c.retained_size)))
            .collect();
        for c in e["classes"].as_array().unwrap() {
            let name = c["name"].as_str().unwrap();
            let theirs = (
                c["count"].as_u64().unwrap(),
                c["selfSize"].as_u64().unwrap(),
                c["retainedSize"].as_u64().unwrap(),
            );
            assert_eq!(ours.get(name), Some(&theirs), "{file}: class {name}");
        }
    }
}
