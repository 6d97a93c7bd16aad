//! Dominators, retained sizes, per-class retained totals, leak roots and their traces
//! against memlab 2.0.5's own answers on real Node 20 snapshots: `test/fixtures/analysis/memlab-expectations.json`,
//! written by `scripts/memlab-expectations.mjs` (which runs memlab's full loader on each
//! fixture) and committed with it.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use bindlab_core::analysis::{find_leaks, IdRule, NodeIds};
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

/// An edge name with its numbers written `#` and `[#]` as `#`, as the JS memlab test
/// compares them.
fn edge_name(edge: &Value) -> String {
    let text = match edge {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut out = String::new();
    let mut digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !digits {
                out.push('#');
            }
            digits = true;
        } else {
            digits = false;
            out.push(c);
        }
    }
    if out == "[#]" {
        "#".to_string()
    } else {
        out
    }
}

#[test]
fn leaks_measured_in_the_final_snapshot_are_memlabs_leak_roots_with_its_traces() {
    let expected = expectations();
    let leaks = &expected["leaks"];
    let snapshot = |side: &str| parse_gz(leaks[side].as_str().unwrap());
    let rule = IdRule::SameId;
    let (baseline, target) = (
        NodeIds::new(&snapshot("baseline"), rule),
        NodeIds::new(&snapshot("target"), rule),
    );
    let rows = find_leaks(&baseline, &snapshot("final"), &target);
    let mut by_class: HashMap<String, (u64, u64)> = HashMap::new();
    for row in &rows {
        let sum = by_class.entry(row.what.clone()).or_default();
        *sum = (sum.0 + row.count, sum.1 + row.retained_size);
    }
    let roots = &leaks["traced"]["roots"];
    let theirs: HashMap<String, (u64, u64)> = roots["byClass"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["what"].as_str().unwrap().to_string(),
                (
                    c["count"].as_u64().unwrap(),
                    c["retainedSize"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(by_class, theirs);
    for t in roots["traces"].as_array().unwrap() {
        let what = t["what"].as_str().unwrap();
        let row = rows
            .iter()
            .find(|r| r.what == what)
            .unwrap_or_else(|| panic!("a {what} row"));
        let steps = t["trace"].as_array().unwrap();
        // memlab's path runs root first, each step a node and its edge to the next.
        let memlab: Vec<(String, String)> = steps[..steps.len() - 1]
            .iter()
            .rev()
            .map(|s| {
                (
                    edge_name(&s["edge"]),
                    s["name"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let ours: Vec<(String, String)> = row
            .trace
            .iter()
            .map(|s| (edge_name(&Value::String(s.edge.clone())), s.node.clone()))
            .collect();
        assert_eq!(ours, memlab[..ours.len().min(memlab.len())], "{what}");
    }
}
