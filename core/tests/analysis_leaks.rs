//! Leaks across baseline, target and final snapshots: which objects count, how they
//! group, what their traces read, the id-reuse rule, errors naming the snapshot, and
//! linear work on hostile shapes.

mod analysis_support;
mod support;

use analysis_support::{grows_linearly, write, Chain, Islands, Shape, Star, SIZE};
use bindlab_core::analysis::{
    find_leaks, find_leaks_counting, find_leaks_in, IdRule, LeakError, LeakOptions, MeasureIn,
    NodeIds,
};
use bindlab_core::snapshot::HeapSnapshot;
use bindlab_core::work::Work;
use support::{parse_streamed, Snap};

/// root -> (GC roots) -> Global -cache-> Map -table (internal)-> (object elements),
/// which holds `widgets` Widgets (ids 1,000,001, 1,000,003...), each owning an Array and a
/// string; Global also holds `gadgets` Gadgets by `g`, and `temp` a Temp (id 999).
/// `reused`: id 501 is an `Old` in the baseline shape, a `Fresh` otherwise.
fn heap(widgets: u64, gadgets: u64, temp: bool, fresh_501: bool) -> Snap {
    let mut s = Snap::new();
    let roots = s.node("synthetic", "(GC roots)", 3, 0);
    let global = s.node("object", "Global", 5, 24);
    let map = s.node("object", "Map", 7, 32);
    let table = s.node("array", "(object elements)", 9, 64);
    s.indexed(0, "element", 1, roots);
    s.indexed(roots, "element", 0, global);
    s.edge(global, "property", "cache", map);
    s.edge(map, "internal", "table", table);
    for k in 0..widgets {
        let w = s.node("object", "Widget", 1_000_001 + 2 * k, 40);
        let items = s.node("object", "Array", 2_000_001 + 2 * k, 16);
        let name = s.node("string", "widget name", 3_000_001 + 2 * k, 20);
        s.indexed(table, "element", k, w);
        s.edge(w, "property", "items", items);
        s.edge(w, "property", "name", name);
    }
    for k in 0..gadgets {
        let g = s.node("object", "Gadget", 301 + 2 * k, 100);
        s.edge(global, "property", "g", g);
    }
    if temp {
        let t = s.node("object", "Temp", 999, 8);
        s.edge(global, "property", "t", t);
    }
    let old = s.node("object", if fresh_501 { "Fresh" } else { "Old" }, 501, 12);
    s.edge(global, "property", "o", old);
    s
}

fn ids(s: &Snap, rule: IdRule) -> NodeIds {
    NodeIds::new(&s.parse(), rule)
}

#[test]
fn objects_new_in_the_target_and_alive_in_the_final_are_leaks_grouped_and_ranked() {
    let baseline = heap(0, 0, false, false);
    let target = heap(5000, 2, true, true);
    let last = heap(5000, 2, false, true);
    let rows = find_leaks(
        &ids(&baseline, IdRule::SameId),
        &target.parse(),
        &ids(&last, IdRule::SameId),
    );
    let summary: Vec<(&str, u64, u64)> = rows
        .iter()
        .map(|r| (r.what.as_str(), r.count, r.retained_size))
        .collect();
    // Each Widget retains its Array and its name; Temp was freed; Fresh reuses an id.
    assert_eq!(
        summary,
        [("Widget", 5000, 5000 * (40 + 16 + 20)), ("Gadget", 2, 200)]
    );
    let trace: Vec<(&str, &str)> = rows[0]
        .trace
        .iter()
        .map(|s| (s.edge.as_str(), s.node.as_str()))
        .collect();
    assert_eq!(
        trace,
        [
            ("[0]", "(array)"),
            ("table", "Map"),
            ("cache", "Global"),
            ("[0]", "(GC roots)")
        ]
    );
    let json = serde_json::to_value(&rows[1]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({ "what": "Gadget", "count": 2, "retainedSize": 200,
            "trace": [{ "edge": "g", "node": "Global" }, { "edge": "[0]", "node": "(GC roots)" }] })
    );
}

#[test]
fn an_id_whose_type_or_name_changed_is_a_new_object_under_the_reuse_rule() {
    let baseline = heap(0, 0, false, false);
    let target = heap(1, 0, false, true);
    let what = |rule| -> Vec<String> {
        let rows = find_leaks(&ids(&baseline, rule), &target.parse(), &ids(&target, rule));
        rows.into_iter().map(|r| r.what).collect()
    };
    assert_eq!(what(IdRule::SameId), ["Widget"]);
    assert_eq!(what(IdRule::SameIdTypeAndName), ["Widget", "Fresh"]);
    // And an id reused between target and final means the target's object was freed.
    let last = heap(1, 0, false, false);
    let rows = find_leaks(
        &ids(&baseline, IdRule::SameIdTypeAndName),
        &heap(1, 0, false, true).parse(),
        &ids(&last, IdRule::SameIdTypeAndName),
    );
    assert_eq!(
        rows.iter().map(|r| r.what.as_str()).collect::<Vec<_>>(),
        ["Widget"]
    );
}

#[test]
fn readers_are_parsed_one_at_a_time_and_errors_name_the_snapshot() {
    let b = heap(0, 0, false, false).json();
    let t = heap(3, 1, false, false).json();
    // The final snapshot: the Widgets still there, and each now owns a bigger Array.
    let f = heap(3, 0, false, false)
        .json()
        .replace(",16,1,0,0", ",16,1,0,0");
    for measure_in in [MeasureIn::Target, MeasureIn::Final] {
        let options = LeakOptions {
            measure_in,
            ..LeakOptions::default()
        };
        let rows = find_leaks_in(b.as_bytes(), t.as_bytes(), f.as_bytes(), options).unwrap();
        let summary: Vec<(&str, u64)> = rows.iter().map(|r| (r.what.as_str(), r.count)).collect();
        // The Gadget of the target is gone in the final snapshot: no leak either way.
        assert_eq!(summary, [("Widget", 3)], "{measure_in:?}");
    }
    let bad = b"{\"snapshot\":1}";
    let fail = |b: &[u8], t: &[u8], f: &[u8], measure_in| {
        let options = LeakOptions {
            measure_in,
            ..LeakOptions::default()
        };
        find_leaks_in(b, t, f, options).unwrap_err()
    };
    for measure_in in [MeasureIn::Target, MeasureIn::Final] {
        let (b, t, f) = (b.as_bytes(), t.as_bytes(), f.as_bytes());
        assert!(matches!(
            fail(bad, t, f, measure_in),
            LeakError::Baseline(_)
        ));
        assert!(matches!(fail(b, bad, f, measure_in), LeakError::Target(_)));
        let e = fail(b, t, bad, measure_in);
        assert!(matches!(e, LeakError::Final(_)));
        assert!(e.to_string().starts_with("final snapshot: "), "{e}");
    }
}

/// The leaks of `shape` against a root-only baseline, with the target as final.
fn leaks_of(shape: &dyn Shape) -> (Vec<bindlab_core::analysis::LeakRow>, Work) {
    let snap = parse_streamed(|w| write(w, shape));
    let baseline = NodeIds::new(&Snap::new().parse(), IdRule::SameId);
    let last = NodeIds::new(&snap, IdRule::SameId);
    find_leaks_counting(&baseline, &snap, &last)
}

#[test]
fn leak_finding_costs_linear_work_on_hostile_shapes() {
    grows_linearly("chain", 1000, |n| leaks_of(&Chain { n, cycle: true }).1);
    grows_linearly("star", 1000, |n| leaks_of(&Star { n }).1);
    grows_linearly("islands", 1000, |n| leaks_of(&Islands { n }).1);
    // A deep chain is one leak (each link dominates the rest), its trace one step.
    let (rows, _) = leaks_of(&Chain {
        n: 8000,
        cycle: false,
    });
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].count, rows[0].retained_size, rows[0].trace.len()),
        (1, SIZE * 8000, 0)
    );
}

#[test]
fn long_traces_are_cut_after_sixteen_steps_and_name_where_they_start() {
    // A chain in the baseline, and a new object at its end.
    let chain = |n: u64, leaf: bool| {
        let mut s = Snap::new();
        let mut prev = 0;
        for k in 0..n {
            let link = s.node("object", "Link", 3 + 2 * k, 16);
            s.edge(prev, "property", "next", link);
            prev = link;
        }
        if leaf {
            let leaf = s.node("object", "Leaf", 9999, 8);
            s.edge(prev, "property", "leaf", leaf);
        }
        s
    };
    let base = chain(40, false);
    let target = chain(40, true);
    let rows = find_leaks(
        &ids(&base, IdRule::SameId),
        &target.parse(),
        &ids(&target, IdRule::SameId),
    );
    let trace = &rows[0].trace;
    assert_eq!(trace.len(), 17);
    assert_eq!(
        (trace[0].edge.as_str(), trace[0].node.as_str()),
        ("leaf", "Link")
    );
    assert_eq!(
        (trace[16].edge.as_str(), trace[16].node.as_str()),
        ("…", "Link")
    );
    let _: &HeapSnapshot = &target.parse();
}

#[test]
fn the_records_of_a_linked_list_share_one_trace_cluster() {
    // Global -list-> R0 -next-> R1 -next-> ... R9, and a root category, (Handle scope),
    // holding each record too, so that every record is its own leak root (the root
    // dominates them all) while its trace, which avoids the root categories, runs down
    // the list.
    let heap = |records: u64| {
        let mut s = Snap::new();
        let roots = s.node("synthetic", "(GC roots)", 3, 0);
        let global = s.node("object", "Global", 5, 24);
        let handles = s.node("synthetic", "(Handle scope)", 7, 0);
        s.indexed(0, "element", 1, roots);
        s.edge(0, "shortcut", "global", global);
        s.indexed(roots, "element", 0, global);
        s.indexed(roots, "element", 1, handles);
        let mut prev = global;
        for k in 0..records {
            let r = s.node("object", "Record", 101 + 2 * k, 16);
            s.edge(prev, "property", if k == 0 { "list" } else { "next" }, r);
            s.indexed(handles, "element", k, r);
            prev = r;
        }
        s
    };
    let (base, target) = (heap(0), heap(10));
    let rows = find_leaks(
        &ids(&base, IdRule::SameId),
        &target.parse(),
        &ids(&target, IdRule::SameId),
    );
    let summary: Vec<(&str, u64, usize)> = rows
        .iter()
        .map(|r| (r.what.as_str(), r.count, r.trace.len()))
        .collect();
    assert_eq!(summary, [("Record", 9, 2), ("Record", 1, 1)]);
}
