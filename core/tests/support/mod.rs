//! Helpers shared by the integration tests: a builder for small snapshots written as V8
//! writes them, the synthetic generators, random mutations of snapshots, a `Write`
//! adapter that streams into the parser, fixture loading, and a tiny deterministic
//! random generator.
//!
//! Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

pub mod mutate;
#[path = "../fixtures/synth.rs"]
pub mod synth;

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::path::Path;

use bindlab_core::snapshot::{HeapSnapshot, ParseError, SnapshotParser};

/// Node 20's node types.
pub const NODE_TYPES: [&str; 16] = [
    "hidden",
    "array",
    "string",
    "object",
    "code",
    "closure",
    "regexp",
    "number",
    "native",
    "synthetic",
    "concatenated string",
    "sliced string",
    "symbol",
    "bigint",
    "object shape",
    "wasm object",
];
/// Node 20's edge types.
pub const EDGE_TYPES: [&str; 7] = [
    "context", "element", "property", "internal", "hidden", "shortcut", "weak",
];

struct BuiltNode {
    ty: usize,
    name: u32,
    id: u64,
    size: u64,
    /// (edge type, name_or_index, target ordinal)
    edges: Vec<(usize, u64, usize)>,
}

/// Builds a small snapshot in V8's layout (7 node fields). Node 0, the root, exists
/// from the start: a `synthetic` node with id 1.
pub struct Snap {
    nodes: Vec<BuiltNode>,
    strings: Vec<String>,
    index: HashMap<String, u32>,
}

impl Default for Snap {
    fn default() -> Self {
        Self::new()
    }
}

impl Snap {
    /// A snapshot holding only the root.
    pub fn new() -> Self {
        let mut s = Snap {
            nodes: Vec::new(),
            strings: Vec::new(),
            index: HashMap::new(),
        };
        s.string("<dummy>");
        s.node("synthetic", "", 1, 0);
        s
    }

    /// The index of string `text`, added if new.
    pub fn string(&mut self, text: &str) -> u32 {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(text.to_string());
        self.index.insert(text.to_string(), i);
        i
    }

    /// Adds a node; returns its ordinal.
    pub fn node(&mut self, ty: &str, name: &str, id: u64, size: u64) -> usize {
        let ty = NODE_TYPES.iter().position(|t| *t == ty).expect("node type");
        let name = self.string(name);
        self.nodes.push(BuiltNode {
            ty,
            name,
            id,
            size,
            edges: Vec::new(),
        });
        self.nodes.len() - 1
    }

    /// Adds a named edge (`ty` is not `element` or `hidden`).
    pub fn edge(&mut self, from: usize, ty: &str, name: &str, to: usize) {
        let name = u64::from(self.string(name));
        self.push_edge(from, ty, name, to);
    }

    /// Adds an `element` or `hidden` edge with an index.
    pub fn indexed(&mut self, from: usize, ty: &str, index: u64, to: usize) {
        self.push_edge(from, ty, index, to);
    }

    fn push_edge(&mut self, from: usize, ty: &str, name: u64, to: usize) {
        let ty = EDGE_TYPES.iter().position(|t| *t == ty).expect("edge type");
        self.nodes[from].edges.push((ty, name, to));
    }

    /// The snapshot's JSON.
    pub fn json(&self) -> String {
        let edge_count: usize = self.nodes.iter().map(|n| n.edges.len()).sum();
        let mut out = format!(
            r#"{{"snapshot":{{"meta":{{"node_fields":["type","name","id","self_size","edge_count","trace_node_id","detachedness"],"node_types":[{},"string","number","number","number","number","number"],"edge_fields":["type","name_or_index","to_node"],"edge_types":[{},"string_or_number","node"]}},"node_count":{},"edge_count":{},"trace_function_count":0}},
"nodes":["#,
            json_list(&NODE_TYPES),
            json_list(&EDGE_TYPES),
            self.nodes.len(),
            edge_count
        );
        let nodes: Vec<String> = self
            .nodes
            .iter()
            .map(|n| {
                format!(
                    "{},{},{},{},{},0,0",
                    n.ty,
                    n.name,
                    n.id,
                    n.size,
                    n.edges.len()
                )
            })
            .collect();
        out += &nodes.join("\n,");
        out += "],\n\"edges\":[";
        let edges: Vec<String> = self
            .nodes
            .iter()
            .flat_map(|n| {
                n.edges
                    .iter()
                    .map(|&(t, name, to)| format!("{t},{name},{}", to * 7))
            })
            .collect();
        out += &edges.join("\n,");
        out += "],\n\"trace_function_infos\":[],\n\"trace_tree\":[],\n\"samples\":[],\n\"locations\":[],\n\"strings\":[";
        let strings: Vec<String> = self.strings.iter().map(|s| json_string(s)).collect();
        out += &strings.join(",\n");
        out += "]}";
        out
    }

    /// Parses the snapshot's JSON.
    pub fn parse(&self) -> HeapSnapshot {
        HeapSnapshot::from_slice(self.json().as_bytes()).expect("built snapshot parses")
    }
}

fn json_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| json_string(s)).collect();
    format!("[{}]", quoted.join(","))
}

/// `s` as a JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out += "\\\"",
            '\\' => out += "\\\\",
            c if (c as u32) < 0x20 => out += &format!("\\u{:04x}", c as u32),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Streams whatever is written into a [`SnapshotParser`].
pub struct FeedWriter(pub SnapshotParser);

impl Write for FeedWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.feed(buf).map_err(io::Error::other)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Parses what `write` writes, streaming it in 64 KiB pieces (the JSON is never held
/// whole).
pub fn parse_streamed(
    write: impl FnOnce(&mut io::BufWriter<FeedWriter>) -> io::Result<()>,
) -> HeapSnapshot {
    let mut w = io::BufWriter::with_capacity(1 << 16, FeedWriter(SnapshotParser::new()));
    write(&mut w).expect("generator writes");
    let parser = w.into_inner().map_err(|e| e.into_error()).expect("flush").0;
    parser.finish().expect("generated snapshot parses")
}

/// The synthetic items snapshot for `items`, as bytes.
pub fn items_json(items: std::ops::Range<u64>) -> Vec<u8> {
    let mut out = Vec::new();
    synth::write_items(&mut out, items).expect("write to memory");
    out
}

/// A gzipped fixture next to this file, decompressed.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .expect("gunzip fixture");
    out
}

/// Parses `bytes` fed in pieces whose sizes `next_size` picks.
pub fn parse_in_pieces(
    bytes: &[u8],
    mut next_size: impl FnMut() -> usize,
) -> Result<HeapSnapshot, ParseError> {
    let mut parser = SnapshotParser::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let end = (pos + next_size().max(1)).min(bytes.len());
        parser.feed(&bytes[pos..end])?;
        pos = end;
    }
    parser.finish()
}

/// xorshift64*: deterministic and dependency-free.
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
