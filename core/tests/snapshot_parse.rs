//! The snapshot parser on hand-built and synthetic inputs: chunk boundaries, string
//! escapes, layouts from `meta`, summaries, and one case per class of malformed input.

mod support;

use bindlab_core::diff::{diff, HeapSummary};
use bindlab_core::snapshot::{
    ClassStats, EdgeKind, EdgeName, HeapSnapshot, NodeKind, ParseError, ParseErrorKind,
    SnapshotParser, MAX_SAFE_SIZE,
};
use support::{items_json, parse_in_pieces, Rng, Snap};

/// root -(property "a")-> Foo -(property "s")-> "hello", Foo -(element [3])-> array.
fn tiny() -> Snap {
    let mut s = Snap::new();
    let obj = s.node("object", "Foo", 3, 32);
    let hello = s.node("string", "hello", 5, 16);
    let arr = s.node("array", "(object elements)", 7, 24);
    s.edge(0, "property", "a", obj);
    s.edge(obj, "property", "s", hello);
    s.indexed(obj, "element", 3, arr);
    s
}

#[test]
fn a_tiny_snapshot_reads_back_through_the_views() {
    let snap = tiny().parse();
    assert_eq!((snap.node_count(), snap.edge_count()), (4, 3));
    assert_eq!(snap.total_self_size(), 72);
    let obj = snap.node(1).unwrap();
    assert_eq!(
        (
            obj.kind(),
            obj.type_name(),
            obj.name(),
            obj.id(),
            obj.self_size()
        ),
        (NodeKind::Object, "object", "Foo", 3, 32)
    );
    let edges: Vec<_> = obj
        .edges()
        .map(|e| (e.kind(), e.name(), e.target().ordinal()))
        .collect();
    assert_eq!(
        edges,
        [
            (EdgeKind::Property, EdgeName::Name("s"), 2),
            (EdgeKind::Element, EdgeName::Index(3), 3)
        ]
    );
    assert_eq!(EdgeName::Index(3).to_string(), "[3]");
    assert_eq!(snap.node(2).unwrap().class_name(), "(string)");
    assert_eq!(snap.node(0).unwrap().edges().len(), 1);
    assert!(snap.node(4).is_none());
    assert_eq!(snap.nodes().len(), 4);
    assert_eq!(snap.strings().get(0), Some("<dummy>"));
    assert_eq!(snap.node_type_names().len(), 16);
    assert_eq!(snap.edge_type_names()[6], "weak");
}

#[test]
fn every_chunking_gives_the_same_snapshot() {
    // 40 items include one string with escapes and a pair, and one lone surrogate.
    let json = items_json(0..40);
    let whole = HeapSnapshot::from_slice(&json).unwrap();
    assert_eq!(parse_in_pieces(&json, || 1).unwrap(), whole);
    for seed in 1..=8 {
        let mut rng = Rng::new(seed);
        let max = [2, 7, 64, 4096][seed as usize % 4];
        assert_eq!(
            parse_in_pieces(&json, || 1 + rng.below(max)).unwrap(),
            whole,
            "seed {seed}"
        );
    }
    assert_eq!(HeapSnapshot::from_reader(&json[..]).unwrap(), whole);
    // A chunk boundary at every position of a tiny snapshot.
    let json = tiny().json().into_bytes();
    let whole = HeapSnapshot::from_slice(&json).unwrap();
    for cut in 0..=json.len() {
        let mut p = SnapshotParser::new();
        p.feed(&json[..cut]).unwrap();
        p.feed(&[]).unwrap();
        p.feed(&json[cut..]).unwrap();
        assert_eq!(p.bytes_fed(), json.len() as u64);
        assert_eq!(p.finish().unwrap(), whole, "cut at {cut}");
    }
}

#[test]
fn strings_follow_json_escapes_and_replace_lone_surrogates() {
    let mut s = tiny();
    let names = ["ESC1", "ESC2", "ESC3", "ESC4", "ESC5", "ESC6"];
    for (i, n) in names.iter().enumerate() {
        let node = s.node("string", n, 100 + 2 * i as u64, 8);
        s.edge(0, "property", n, node);
    }
    let raw = [
        r#""q\"b\\s\/ \b\f\n\r\t""#,
        r#""caf\u00e9 \u00E9 é""#,
        r#""\ud83d\ude00 😀""#,
        r#""lone \ud800 high""#,
        r#""lone \udc00 low \ud800\ud800\udc00""#,
        r#""\u0000end""#,
    ];
    let mut json = s.json();
    for (n, r) in names.iter().zip(raw) {
        json = json.replace(&format!("\"{n}\""), r);
    }
    let snap = HeapSnapshot::from_slice(json.as_bytes()).unwrap();
    let decoded: Vec<&str> = (4..10).map(|o| snap.node(o).unwrap().name()).collect();
    assert_eq!(
        decoded,
        [
            "q\"b\\s/ \u{8}\u{c}\n\r\t",
            "café é é",
            "😀 😀",
            "lone \u{FFFD} high",
            "lone \u{FFFD} low \u{FFFD}\u{10000}",
            "\u{0}end"
        ]
    );
    let pieces = parse_in_pieces(json.as_bytes(), || 1).unwrap();
    assert_eq!(pieces, snap);
}

/// The tiny snapshot's data in another layout: fields reordered, an unknown node field,
/// no `trace_node_id`/`detachedness`, an unknown header key, unknown node and edge
/// types, and unknown sections (nested arrays, objects and strings) around the data.
#[test]
fn field_offsets_and_types_come_from_meta() {
    let json = r#"{"trace_tree":[[1,2,[3,[4,"]"]]],{"x":"}"}],"snapshot":{"meta":{
        "node_fields":["id","edge_count","extra","type","self_size","name"],
        "node_types":[["future thing","object","string","array","synthetic","hidden"],"number"],
        "edge_fields":["to_node","name_or_index","type"],
        "edge_types":[["weak","hidden","future edge","property","element"]],
        "location_fields":["object_index"]},
        "node_count":4,"edge_count":3,"extra_native_bytes":12345,"trace_function_count":0},
      "samples":{"nested":[1,{"a":[]}]},
      "nodes":[1,1,99,4,0,1, 3,2,0,1,32,2, 5,0,0,2,16,3, 7,0,0,3,24,4],
      "edges":[6,5,3, 12,6,3, 18,3,4],
      "locations":[],
      "strings":["<dummy>","","Foo","hello","(object elements)","a","s"],
      "future":"x"}"#;
    let snap = HeapSnapshot::from_slice(json.as_bytes()).unwrap();
    let other = tiny().parse();
    assert_eq!(snap.node_count(), other.node_count());
    for (a, b) in snap.nodes().zip(other.nodes()) {
        assert_eq!(
            (a.name(), a.id(), a.self_size(), a.class_name()),
            (b.name(), b.id(), b.self_size(), b.class_name())
        );
        let ea: Vec<_> = a
            .edges()
            .map(|e| (e.kind(), e.name(), e.target().ordinal()))
            .collect();
        let eb: Vec<_> = b
            .edges()
            .map(|e| (e.kind(), e.name(), e.target().ordinal()))
            .collect();
        assert_eq!(ea, eb);
    }
    // Unknown types are kept and classed by their name.
    let json = json.replace(r#""nodes":[1,1,99,4,0,1"#, r#""nodes":[1,1,99,0,0,1"#);
    let snap = HeapSnapshot::from_slice(json.as_bytes()).unwrap();
    assert_eq!(snap.node(0).unwrap().kind(), NodeKind::Other);
    assert_eq!(snap.node(0).unwrap().class_name(), "(future thing)");
    // The older 5-field layout, as the synthetic chain writes it.
    let chain = support::parse_streamed(|w| support::synth::write_chain(w, 10));
    assert_eq!((chain.node_count(), chain.edge_count()), (12, 11));
    assert_eq!(chain.node(11).unwrap().id(), 2 * 9 + 5);
}

/// A snapshot whose nodes have the five fields the parser reads, then `extra` more.
fn wide_nodes(extra: usize) -> String {
    let mut fields = vec![r#""type","name","id","self_size","edge_count""#.to_string()];
    fields.extend((0..extra).map(|k| format!(r#""f{k}""#)));
    let pad = ",9".repeat(extra);
    format!(
        r#"{{"snapshot":{{"meta":{{"node_fields":[{}],"node_types":[["synthetic","object"]],
        "edge_fields":["type","name_or_index","to_node"],"edge_types":[["property"]]}},
        "node_count":2,"edge_count":1}},"nodes":[0,0,1,0,1{pad},1,1,3,48,0{pad}],
        "edges":[0,1,{}],"strings":["(root)","Wide"]}}"#,
        fields.join(","),
        5 + extra
    )
}

#[test]
fn records_of_exactly_the_most_fields_parse_and_one_more_is_refused() {
    let snap = HeapSnapshot::from_slice(wide_nodes(27).as_bytes()).unwrap();
    let wide = snap.node(1).unwrap();
    assert_eq!((wide.name(), wide.id(), wide.self_size()), ("Wide", 3, 48));
    assert_eq!(
        snap.node(0)
            .unwrap()
            .edges()
            .next()
            .unwrap()
            .target()
            .ordinal(),
        1
    );
    let json = wide_nodes(28);
    let e = error_of(&json);
    assert_eq!(
        (e.offset, e.kind),
        (
            at(&json, r#"{"meta""#, 0),
            ParseErrorKind::InvalidMeta {
                reason: "`node_fields` has more than 32 fields".into()
            }
        )
    );
}

#[test]
fn class_summary_groups_like_devtools() {
    let mut s = Snap::new();
    for (ty, name, size) in [
        ("hidden", "system / Context", 10),
        ("hidden", "system / Map", 5),
        ("code", "(code)", 100),
        ("closure", "f", 32),
        ("closure", "g", 32),
        ("object", "Foo", 20),
        ("object", "Foo", 20),
        ("native", "Bar", 1000),
        ("string", "text", 16),
        ("concatenated string", "a+b", 24),
    ] {
        let id = 3 + 2 * s.string(name) as u64 + size;
        let n = s.node(ty, name, id, size);
        s.edge(0, "property", "p", n);
    }
    let snap = s.parse();
    let stats = |name: &str, count, self_size| ClassStats {
        name: name.to_string(),
        count,
        self_size,
    };
    assert_eq!(
        snap.class_summary(),
        [
            stats("(compiled code)", 1, 100),
            stats("(concatenated string)", 1, 24),
            stats("(string)", 1, 16),
            stats("(synthetic)", 1, 0),
            stats("(system)", 2, 15),
            stats("Bar", 1, 1000),
            stats("Foo", 2, 40),
            stats("Function", 2, 64),
        ]
    );
    assert_eq!(
        snap.top_classes(2),
        [stats("Bar", 1, 1000), stats("(compiled code)", 1, 100)]
    );
    assert_eq!(snap.top_classes(100).len(), 8);
}

/// Parses `json` whole, 1 byte at a time and in 3-byte pieces; all must fail alike.
fn error_of(json: &str) -> ParseError {
    let whole = HeapSnapshot::from_slice(json.as_bytes()).expect_err("malformed input must fail");
    assert_eq!(
        parse_in_pieces(json.as_bytes(), || 1).unwrap_err(),
        whole,
        "byte by byte: {json}"
    );
    assert_eq!(
        parse_in_pieces(json.as_bytes(), || 3).unwrap_err(),
        whole,
        "3 bytes at a time: {json}"
    );
    let message = whole.to_string();
    assert!(
        message.contains(&format!("byte {}", whole.offset)),
        "{message}"
    );
    whole
}

/// The offset of the first `needle` in `hay`, plus `plus`.
fn at(hay: &str, needle: &str, plus: usize) -> u64 {
    (hay.find(needle)
        .unwrap_or_else(|| panic!("{needle} in {hay}"))
        + plus) as u64
}

#[test]
fn malformed_input_gives_typed_errors_at_the_right_offsets() {
    let good = tiny().json();
    let nodes_at = at(&good, "\"nodes\":[", 9);
    let edges_at = at(&good, "\"edges\":[", 9);
    let header_at = at(&good, "{\"meta\"", 0);
    let check = |json: &str, offset: u64, kind: ParseErrorKind| {
        assert_eq!(error_of(json), ParseError { offset, kind }, "{json}");
    };
    use ParseErrorKind::*;

    // Truncation anywhere is an end-of-input error at the end.
    for cut in [
        0,
        1,
        20,
        nodes_at as usize + 3,
        good.len() - 30,
        good.len() - 1,
    ] {
        let e = error_of(&good[..cut]);
        assert_eq!(e.offset, cut as u64);
        assert!(matches!(e.kind, UnexpectedEof { .. }), "{e}");
    }
    check("", 0, UnexpectedEof { expected: "'{'" });
    check(
        "[]",
        0,
        UnexpectedByte {
            found: b'[',
            expected: "'{'",
        },
    );
    check(
        &format!("{good} x"),
        good.len() as u64 + 1,
        UnexpectedByte {
            found: b'x',
            expected: "the end of input",
        },
    );
    check(
        "{\"a\" 1}",
        5,
        UnexpectedByte {
            found: b'1',
            expected: "':'",
        },
    );
    check(
        "{\"a\":1 \"b\":2}",
        7,
        UnexpectedByte {
            found: b'"',
            expected: "',' or '}'",
        },
    );
    check(
        "{}",
        2,
        MissingSection {
            section: "snapshot",
        },
    );

    // Bad meta.
    let json = good.replace("\"edge_count\",", "");
    check(
        &json,
        header_at,
        InvalidMeta {
            reason: "`node_fields` lacks `edge_count`".into(),
        },
    );
    let json = good.replace("\"node_count\":4", "\"node_count\":4.5");
    check(
        &json,
        header_at,
        InvalidMeta {
            reason: "`node_count` is missing or not an integer in 0..2^64".into(),
        },
    );
    let json = good.replace("\"node_count\":4", "\"node_count\":4294967296");
    check(
        &json,
        header_at,
        TooLarge {
            what: "node_count",
            value: 1 << 32,
            limit: u32::MAX.into(),
        },
    );
    let json = good.replace("\"edge_count\":3", "\"edge_count\":99999999999999999999999");
    check(
        &json,
        header_at,
        InvalidMeta {
            reason: "`edge_count` is missing or not an integer in 0..2^64".into(),
        },
    );
    let json = good.replace(
        "{\"meta\"",
        &("{\"pad\":\"".to_string() + &"x".repeat(1 << 20) + "\",\"meta\""),
    );
    check(
        &json,
        header_at + (1 << 20),
        HeaderTooLarge { limit: 1 << 20 },
    );

    // Bad numbers.
    let json = good.replace("\"nodes\":[9,", "\"nodes\":[-9,");
    check(&json, nodes_at, InvalidNumber { reason: "negative" });
    let json = good.replace("\"nodes\":[9,", "\"nodes\":[9.5,");
    check(
        &json,
        nodes_at + 1,
        InvalidNumber {
            reason: "a fraction",
        },
    );
    let json = good.replace("\"nodes\":[9,", "\"nodes\":[09,");
    check(
        &json,
        nodes_at,
        InvalidNumber {
            reason: "a leading zero",
        },
    );
    let json = good.replace(
        "\"nodes\":[9,1,1,0,",
        "\"nodes\":[9,1,18446744073709551616,0,",
    );
    check(&json, nodes_at + 4, NumberOverflow);
    let json = good.replace("\"nodes\":[9,", "\"nodes\":[9,,");
    check(
        &json,
        nodes_at + 2,
        UnexpectedByte {
            found: b',',
            expected: "a number",
        },
    );
    let json = good.replace("\"nodes\":[9,", "\"nodes\":[\"9\",");
    check(
        &json,
        nodes_at,
        UnexpectedByte {
            found: b'"',
            expected: "a number",
        },
    );

    // Values out of range.
    let json = good.replace("\"nodes\":[9,", "\"nodes\":[16,");
    check(
        &json,
        nodes_at,
        OutOfRange {
            field: "node type",
            value: 16,
            limit: 16,
        },
    );
    let json = good.replace("\"nodes\":[9,1,", "\"nodes\":[9,4294967296,");
    check(
        &json,
        nodes_at + 2,
        OutOfRange {
            field: "node name",
            value: 1 << 32,
            limit: 1 << 32,
        },
    );
    let json = good.replace("\"nodes\":[9,1,", "\"nodes\":[9,99,");
    check(
        &json,
        nodes_at + 2,
        OutOfRange {
            field: "node name",
            value: 99,
            limit: 7,
        },
    );
    let json = good.replace("\"edges\":[2,", "\"edges\":[7,");
    check(
        &json,
        edges_at,
        OutOfRange {
            field: "edge type",
            value: 7,
            limit: 7,
        },
    );
    let json = good.replace("\"edges\":[2,5,7", "\"edges\":[2,5,8");
    check(
        &json,
        edges_at + 4,
        MisalignedNodeIndex {
            value: 8,
            node_fields: 7,
        },
    );
    let json = good.replace("\"edges\":[2,5,7", "\"edges\":[2,5,28");
    check(
        &json,
        edges_at + 4,
        OutOfRange {
            field: "to_node",
            value: 28,
            limit: 28,
        },
    );
    let json = good.replace("\"edges\":[2,5,7", "\"edges\":[2,60,7");
    check(
        &json,
        edges_at + 2,
        OutOfRange {
            field: "edge name",
            value: 60,
            limit: 7,
        },
    );
    // An element edge's index is not a string index.
    let json = good.replace("\n,1,3,21]", "\n,1,3000000,21]");
    assert_eq!(
        HeapSnapshot::from_slice(json.as_bytes())
            .unwrap()
            .node(1)
            .unwrap()
            .edges()
            .nth(1)
            .unwrap()
            .name(),
        EdgeName::Index(3_000_000)
    );

    // Counts that disagree with the data; a lying header is caught without
    // reserving what it announced.
    let end_of_nodes = |json: &str| at(json, "],\n\"edges\"", 0);
    let json = good.replace("\"node_count\":4", "\"node_count\":4294967295");
    let what = "nodes (node_count in the header)";
    check(
        &json,
        end_of_nodes(&json),
        CountMismatch {
            what,
            expected: u32::MAX.into(),
            found: 4,
        },
    );
    let json = good.replace("\"node_count\":4", "\"node_count\":3");
    let fourth = at(&good, "\n,1,4,7,", 2);
    check(
        &json,
        fourth,
        CountMismatch {
            what,
            expected: 3,
            found: 4,
        },
    );
    let json = good.replace("\"edge_count\":3", "\"edge_count\":4000000000");
    let what = "sum of the nodes' edge_count (edge_count in the header)";
    check(
        &json,
        end_of_nodes(&json),
        CountMismatch {
            what,
            expected: 4_000_000_000,
            found: 3,
        },
    );
    let json = good.replace("\"nodes\":[9,1,1,0,1,", "\"nodes\":[9,1,1,0,4300000000,");
    check(
        &json,
        nodes_at + 8,
        TooLarge {
            what: "total edge count",
            value: 4_300_000_000,
            limit: u32::MAX.into(),
        },
    );
    let json = good.replace("\n,1,3,21]", "]");
    let end_of_edges = at(&json, "],\n\"trace_function_infos\"", 0);
    check(
        &json,
        end_of_edges,
        CountMismatch {
            what: "edges (edge_count in the header)",
            expected: 3,
            found: 2,
        },
    );
    let json = good.replace("\n,1,3,21]", ",1]");
    let end_of_edges = at(&json, "],\n\"trace_function_infos\"", 0);
    check(
        &json,
        end_of_edges,
        PartialRecord {
            section: "edges",
            fields: 1,
            record_fields: 3,
        },
    );

    // Sections missing, repeated or out of order.
    let json = good.replace("\"strings\":", "\"strangs\":");
    check(
        &json,
        json.len() as u64,
        MissingSection { section: "strings" },
    );
    let json = good.replace("\"locations\":[],", "\"locations\":[],\"nodes\":[],");
    check(
        &json,
        at(&json, "\"nodes\":[]", 8),
        DuplicateSection { section: "nodes" },
    );
    let json = good.replace("{\"snapshot\":", "{\"edges\":[],\"snapshot\":");
    check(
        &json,
        9,
        SectionOutOfOrder {
            section: "edges",
            requires: "nodes",
        },
    );
    let json = good.replace("{\"snapshot\":", "{\"nodes\":[],\"snapshot\":");
    check(
        &json,
        9,
        SectionOutOfOrder {
            section: "nodes",
            requires: "snapshot",
        },
    );

    // Bad strings.
    let strings_at = at(&good, "\"<dummy>\"", 0);
    let json = good.replace("\"<dummy>\"", "\"<dum\\my>\"");
    check(&json, strings_at + 6, InvalidEscape { found: b'm' });
    let json = good.replace("\"<dummy>\"", "\"<dum\\u00g0>\"");
    check(&json, strings_at + 9, InvalidEscape { found: b'g' });
    let json = good.replace("\"<dummy>\"", "\"<dum\tmy>\"");
    check(&json, strings_at + 5, ControlCharacter { found: b'\t' });
    let json = good.replace("\"strings\":[", "\"strings\":[1,");
    check(
        &json,
        strings_at,
        UnexpectedByte {
            found: b'1',
            expected: "a string",
        },
    );
    let mut bytes = good.clone().into_bytes();
    bytes[strings_at as usize + 3] = 0xff;
    let e = HeapSnapshot::from_slice(&bytes).unwrap_err();
    assert_eq!(
        e,
        ParseError {
            offset: strings_at,
            kind: InvalidUtf8
        }
    );
}

/// A root holding one `Big` object per size.
fn sized(sizes: &[u64]) -> String {
    let mut s = Snap::new();
    for (k, &size) in sizes.iter().enumerate() {
        let big = s.node("object", "Big", 3 + 2 * k as u64, size);
        s.edge(0, "property", "big", big);
    }
    s.json()
}

#[test]
fn sizes_above_2_pow_53_minus_1_are_refused_where_they_are_written() {
    let max = MAX_SAFE_SIZE;
    assert_eq!(max, 9_007_199_254_740_991);
    // Up to the limit, alone or added up, every figure is exact.
    for sizes in [&[max][..], &[max - 4241, 4241]] {
        let snap = HeapSnapshot::from_slice(sized(sizes).as_bytes()).unwrap();
        assert_eq!(snap.total_self_size(), max);
        let big = snap.class_summary().into_iter().find(|c| c.name == "Big");
        assert_eq!(big.unwrap().self_size, max);
        let d = diff(&HeapSummary::new(&Snap::new().parse()), &snap);
        assert_eq!((d.after.size_bytes, d.change.size_bytes), (max, max as i64));
        assert_eq!(d.change.details[0].size_bytes, max as i64);
    }
    // One byte more: a node's size, or the sum at the node that passes the limit.
    use ParseErrorKind::UnsafeSize;
    let cases = [
        (vec![max + 1], "9007199254740992", "self_size", max + 1),
        (
            vec![7, u64::MAX],
            "18446744073709551615",
            "self_size",
            u64::MAX,
        ),
        (vec![max - 4241, 4242], "4242", "total self_size", max + 1),
        (
            vec![max, max],
            "9007199254740991,0",
            "total self_size",
            2 * max,
        ),
    ];
    for (sizes, written, what, value) in cases {
        let json = sized(&sizes);
        // The last node's size: after its id, `3 + 2 (n - 1)`.
        let id = 3 + 2 * (sizes.len() as u64 - 1);
        let offset = at(&json, &format!(",{id},{written}"), id.to_string().len() + 2);
        let e = error_of(&json);
        assert_eq!(
            e,
            ParseError::new(offset, UnsafeSize { what, value }),
            "{sizes:?}"
        );
    }
    let e = error_of(&sized(&[max + 1]));
    assert_eq!(
        e.to_string(),
        format!(
            "heap snapshot, byte {}: self_size 9007199254740992 is above 9007199254740991 \
             (2^53 - 1), the largest size a JavaScript number holds exactly",
            e.offset
        )
    );
}

#[test]
fn the_parser_stays_failed_and_reader_errors_are_reported() {
    let mut p = SnapshotParser::new();
    let e = p.feed(b"{\"snapshot\":]").unwrap_err();
    assert_eq!(p.feed(b"{}").unwrap_err(), e);
    assert_eq!(p.finish().unwrap_err(), e);

    /// Yields `good` bytes, interrupted once, then fails.
    struct Flaky<'a> {
        data: &'a [u8],
        interrupted: bool,
    }
    impl std::io::Read for Flaky<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if !self.interrupted {
                self.interrupted = true;
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            if self.data.is_empty() {
                return Err(std::io::Error::other("disk on fire"));
            }
            let n = buf.len().min(self.data.len()).min(10);
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }
    let json = tiny().json();
    let e = HeapSnapshot::from_reader(Flaky {
        data: &json.as_bytes()[..50],
        interrupted: false,
    })
    .unwrap_err();
    assert_eq!(e.offset, 50);
    assert!(
        matches!(
            e.kind,
            ParseErrorKind::Io {
                kind: std::io::ErrorKind::Other,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("disk on fire"));
}
