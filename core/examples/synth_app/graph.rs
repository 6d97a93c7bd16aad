//! A synthetic heap snapshot shaped like a real application's, for measuring heap
//! analysis (dominators, retained sizes, leaks) at a few hundred MB without running one:
//! the same JSON V8 writes (Node 20's node fields and types), with
//!
//! - the root's shortcut to `global` and its element edge to `(GC roots)`, which holds
//!   eight system root categories (`(Stack roots)`, `(Handle scope)`, `(Global handles)`...),
//!   some of them holding records and timers directly;
//! - `CLASSES` classes, each with a constructor closure, a prototype, a shape (`system /
//!   Map`) and compiled code, shared by all its instances (shared subtrees);
//! - modules on `global`, each holding a Map (`table` array, internal edges) of records;
//!   a record has a unique name string, a tags array of shared strings, a child with a
//!   back edge (a cycle), a payload that is a concatenated or sliced string, a closure
//!   whose context points back at the record, and `next`/`prev` links within its module
//!   (cycles across records);
//! - weak edges: WeakRefs to records, and a WeakMap per module whose values are reachable
//!   through both ephemeron halves (`part of key -> value pair in WeakMap`);
//! - unreachable islands (pairs of objects holding each other) and weak-only objects;
//! - a string table of property names, class names and two or three unique strings per record.
//!
//! Every object of record `k` of a group keeps its ids whatever else the snapshot holds,
//! so the [`Phase`]s of one process make a baseline / target / final triple: the target
//! adds leaked records (kept in the final) and transient ones (gone in the final), and
//! frees a twentieth of the baseline's records.

use std::collections::HashMap;
use std::io::{self, Write};

/// The tests' snapshot writers, for the header (the same meta as V8's); their shapes are unused here.
#[path = "../../tests/fixtures/synth.rs"]
#[allow(dead_code)]
mod synth;

const NODE_FIELDS: &str =
    r#"["type","name","id","self_size","edge_count","trace_node_id","detachedness"]"#;
const FIELD_COUNT: u64 = 7;

// Node type indexes in synth::NODE_TYPES.
const ARRAY: u8 = 1;
const STRING: u8 = 2;
const OBJECT: u8 = 3;
const CODE: u8 = 4;
const CLOSURE: u8 = 5;
const NUMBER: u8 = 7;
const SYNTHETIC: u8 = 9;
const CONCATENATED: u8 = 10;
const SLICED: u8 = 11;
const SHAPE: u8 = 14;
// Edge type indexes in synth::EDGE_TYPES.
const CONTEXT: u8 = 0;
const ELEMENT: u8 = 1;
const PROPERTY: u8 = 2;
const INTERNAL: u8 = 3;
const SHORTCUT: u8 = 5;
const WEAK: u8 = 6;

/// Classes of records, each with its own constructor, prototype, shape and code.
pub const CLASSES: u64 = 480;
/// Modules on `global`, each holding a share of the records.
const MODULES: u64 = 96;
/// Shared tag strings, referenced from the records' tags arrays.
const TAGS: u64 = 2048;
/// Ids reserved for the objects of one record (a group holds at most 2^26 / 16 records).
const IDS_PER_RECORD: u64 = 16;

/// Which snapshot of the process to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The records of the application alone.
    Baseline,
    /// After a workload: a twentieth of them freed, `leaked` records added to a cache
    /// that is never cleared and `transient` ones to a request queue.
    Target,
    /// After the workload ended: the transient records gone, the leaked ones kept.
    Final,
}

/// How big a snapshot to write.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Records of the application (the baseline's).
    pub records: u64,
    /// Records the workload leaks (present in the target and the final snapshot).
    pub leaked: u64,
    /// Records the workload holds only while it runs (present in the target only).
    pub transient: u64,
}

/// The groups records come from: each its own id range.
#[derive(Debug, Clone, Copy)]
enum Group {
    App = 1,
    Leaked = 2,
    Transient = 3,
}

/// A node being built: its type, name (string index), id and self size.
struct NodeRec {
    kind: u8,
    name: u32,
    id: u64,
    size: u32,
}

/// An edge being built: from and to are node ordinals; `name` a string index or an
/// element index, as the type says.
struct EdgeRec {
    from: u32,
    kind: u8,
    name: u32,
    to: u32,
}

/// The graph in memory until it is written (edges sorted by their node then).
struct Builder {
    nodes: Vec<NodeRec>,
    edges: Vec<EdgeRec>,
    strings: Vec<String>,
    interned: HashMap<String, u32>,
    next_fixed_id: u64,
}

impl Builder {
    fn new() -> Self {
        let mut b = Builder {
            nodes: Vec::new(),
            edges: Vec::new(),
            strings: Vec::new(),
            interned: HashMap::new(),
            next_fixed_id: 1,
        };
        b.intern("<dummy>");
        b
    }

    /// The index of `s` in the string table, added once.
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.interned.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(s.to_owned());
        self.interned.insert(s.to_owned(), i);
        i
    }

    /// A string written once, not looked up again (a record's own text).
    fn unique(&mut self, s: String) -> u32 {
        self.strings.push(s);
        (self.strings.len() - 1) as u32
    }

    /// Adds a node named by string index `name`; returns its ordinal.
    fn node_at(&mut self, kind: u8, name: u32, id: u64, size: u64) -> u32 {
        self.nodes.push(NodeRec {
            kind,
            name,
            id,
            size: size as u32,
        });
        (self.nodes.len() - 1) as u32
    }

    /// Adds a node named `name`; returns its ordinal.
    fn node(&mut self, kind: u8, name: &str, id: u64, size: u64) -> u32 {
        let name = self.intern(name);
        self.node_at(kind, name, id, size)
    }

    /// Adds a node of the process's fixed structure, with the next fixed (odd) id.
    fn fixed(&mut self, kind: u8, name: &str, size: u64) -> u32 {
        let id = self.next_fixed_id;
        self.next_fixed_id += 2;
        self.node(kind, name, id, size)
    }

    /// A named edge (property, internal, context, shortcut, weak).
    fn named(&mut self, from: u32, kind: u8, name: &str, to: u32) {
        let name = self.intern(name);
        self.edges.push(EdgeRec {
            from,
            kind,
            name,
            to,
        });
    }

    /// An indexed edge (element, hidden).
    fn indexed(&mut self, from: u32, kind: u8, index: u32, to: u32) {
        self.edges.push(EdgeRec {
            from,
            kind,
            name: index,
            to,
        });
    }
}

/// The objects one class's instances share.
#[derive(Clone, Copy)]
struct Class {
    name: u32,
    prototype: u32,
    shape: u32,
    code: u32,
}

/// A record's size-independent pseudo-random choice `k` (a fixed hash).
fn mix(k: u64) -> u64 {
    let mut x = k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 29;
    x.wrapping_mul(0xBF58_476D_1CE4_E5B9) >> 7
}

/// Words the unique strings are made of.
const WORDS: [&str; 16] = [
    "order", "user", "session", "invoice", "cart", "item", "price", "token", "account", "report",
    "widget", "panel", "query", "cache", "route", "stream",
];

/// A string of the kind an application holds: a URL, an e-mail, a JSON fragment, a label.
fn record_text(group: Group, k: u64) -> String {
    let h = mix(k ^ (group as u64) << 56);
    let w = |i: u64| WORDS[((h >> (4 * i)) % 16) as usize];
    match h % 4 {
        0 => format!("/api/v2/{}/{}/{k}?page={}", w(1), w(2), h % 97),
        1 => format!("{}.{}{k}@example.com", w(1), w(3)),
        2 => format!("{{\"{}\":{k},\"{}\":\"{:x}\"}}", w(1), w(2), h & 0xffff),
        _ => format!("{} {} #{k}", w(1), w(2)),
    }
}

/// The size V8 gives a sequential string of `len` bytes.
fn string_size(len: usize) -> u64 {
    (16 + len as u64).div_ceil(8) * 8
}

/// Everything the records hang from.
struct Process {
    global: u32,
    handles: u32,
    stack: u32,
    classes: Vec<Class>,
    tags: Vec<u32>,
    code_context: u32,
}

/// Builds the fixed part: root, GC roots and their categories, global, the classes
/// and the shared tag strings.
fn process(b: &mut Builder) -> Process {
    let root = b.fixed(SYNTHETIC, "", 0);
    let gc_roots = b.fixed(SYNTHETIC, "(GC roots)", 0);
    let global = b.fixed(OBJECT, "global", 48);
    b.indexed(root, ELEMENT, 1, gc_roots);
    b.named(root, SHORTCUT, "2", global);
    let categories = [
        "(Strong roots)",
        "(Stack roots)",
        "(Handle scope)",
        "(Global handles)",
        "(Internalized strings)",
        "(Builtins)",
        "(Compilation cache)",
        "(Startup object cache)",
    ];
    let mut root_nodes = Vec::new();
    for (i, name) in categories.iter().enumerate() {
        let n = b.fixed(SYNTHETIC, name, 0);
        b.indexed(gc_roots, ELEMENT, i as u32 + 1, n);
        root_nodes.push(n);
    }
    b.indexed(root_nodes[0], ELEMENT, 0, global);
    let object_proto = b.fixed(OBJECT, "Object", 32);
    b.named(global, PROPERTY, "Object", object_proto);
    let code_context = b.fixed(OBJECT, "system / NativeContext", 1024);
    b.named(global, INTERNAL, "native_context", code_context);
    b.indexed(root_nodes[5], ELEMENT, 0, code_context);

    let mut classes = Vec::new();
    for c in 0..CLASSES {
        let name = format!(
            "{}{}{}",
            cap(WORDS[(c % 16) as usize]),
            cap(WORDS[(c / 16 % 16) as usize]),
            c / 256
        );
        let name_index = b.intern(&name);
        let ctor = b.fixed(CLOSURE, &name, 64);
        let prototype = b.fixed(OBJECT, &name, 32);
        let shape = b.fixed(SHAPE, "system / Map", 80);
        let code = b.fixed(CODE, &name, 200 + (c % 7) * 64);
        let info = b.fixed(CODE, "system / SharedFunctionInfo", 56);
        b.named(global, PROPERTY, &name, ctor);
        b.named(ctor, PROPERTY, "prototype", prototype);
        b.named(ctor, INTERNAL, "shared", info);
        b.named(ctor, INTERNAL, "context", code_context);
        b.named(info, INTERNAL, "code", code);
        b.named(prototype, PROPERTY, "constructor", ctor);
        b.named(prototype, PROPERTY, "__proto__", object_proto);
        b.named(shape, INTERNAL, "prototype", prototype);
        b.indexed(root_nodes[6], ELEMENT, c as u32, info);
        classes.push(Class {
            name: name_index,
            prototype,
            shape,
            code,
        });
    }
    let tag_holder = b.fixed(ARRAY, "(internalized strings)", 16 + 8 * TAGS);
    b.indexed(root_nodes[4], ELEMENT, 0, tag_holder);
    let mut tags = Vec::new();
    for t in 0..TAGS {
        let text = format!("{}-{}", WORDS[(t % 16) as usize], t);
        let size = string_size(text.len());
        let s = b.fixed(STRING, &text, size);
        b.indexed(tag_holder, ELEMENT, t as u32, s);
        tags.push(s);
    }
    Process {
        global,
        handles: root_nodes[2],
        stack: root_nodes[1],
        classes,
        tags,
        code_context,
    }
}

/// `word` with its first letter in upper case.
fn cap(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// A container that holds records: a Map (`table` array with internal edges), its
/// WeakMap, and the module-level list the WeakRefs live in.
struct Holder {
    owner: u32,
    table: u32,
    weak_table: u32,
    refs: u32,
    slots: u32,
    weak_slots: u32,
    ref_slots: u32,
}

/// A Map named `name` on `owner` (with a WeakMap and a WeakRef list beside it).
fn holder(b: &mut Builder, owner: u32, name: &str) -> Holder {
    let map = b.fixed(OBJECT, "Map", 32);
    let table = b.fixed(ARRAY, "", 0);
    let weak_map = b.fixed(OBJECT, "WeakMap", 32);
    let weak_table = b.fixed(ARRAY, "", 0);
    let refs = b.fixed(OBJECT, "Array", 32);
    let refs_elements = b.fixed(ARRAY, "(object elements)", 0);
    b.named(owner, PROPERTY, name, map);
    b.named(map, INTERNAL, "table", table);
    b.named(owner, PROPERTY, &format!("{name}Meta"), weak_map);
    b.named(weak_map, INTERNAL, "table", weak_table);
    b.named(owner, PROPERTY, &format!("{name}Refs"), refs);
    b.named(refs, INTERNAL, "elements", refs_elements);
    Holder {
        owner,
        table,
        weak_table,
        refs: refs_elements,
        slots: 0,
        weak_slots: 0,
        ref_slots: 0,
    }
}

/// Adds record `k` of `group` to `holder`; `prev` is the previous record of the same
/// holder (linked both ways). Returns the record's ordinal.
fn record(
    b: &mut Builder,
    p: &Process,
    h: &mut Holder,
    group: Group,
    k: u64,
    prev: Option<u32>,
) -> u32 {
    let h64 = mix(k ^ (group as u64) << 60);
    // Below 2^32, as V8's ids are in practice (memlab keeps ids in 32 bits).
    let base = ((group as u64) << 26) + k * IDS_PER_RECORD;
    let id = |slot: u64| 2 * (base + slot) + 1;
    let class = p.classes[(h64 % CLASSES) as usize];
    let rec = b.node_at(OBJECT, class.name, id(0), 24 + 8 * (h64 % 6));
    b.indexed(h.table, INTERNAL, h.slots, rec);
    h.slots += 1;
    b.named(rec, INTERNAL, "map", class.shape);
    b.named(rec, PROPERTY, "__proto__", class.prototype);
    b.named(rec, PROPERTY, "owner", h.owner);

    let text = record_text(group, k);
    let size = string_size(text.len());
    let name = b.unique(text);
    let name_node = b.node_at(STRING, name, id(1), size);
    b.named(rec, PROPERTY, "name", name_node);

    let tags = b.node(OBJECT, "Array", id(2), 32);
    let tag_count = 1 + h64 % 4;
    let elements = b.node(ARRAY, "(object elements)", id(3), 16 + 8 * tag_count);
    b.named(rec, PROPERTY, "tags", tags);
    b.named(tags, INTERNAL, "elements", elements);
    for t in 0..tag_count {
        let tag = p.tags[((h64 >> (8 * t)) % TAGS) as usize];
        b.indexed(elements, ELEMENT, t as u32, tag);
    }

    let child = b.node(OBJECT, "Detail", id(4), 40);
    b.named(rec, PROPERTY, "detail", child);
    b.named(child, PROPERTY, "record", rec);
    let payload = if h64.is_multiple_of(3) {
        let s = b.node(SLICED, "(sliced string)", id(5), 32);
        b.named(s, INTERNAL, "parent", name_node);
        s
    } else {
        let first = b.node(STRING, "payload:", id(6), 24);
        let s = b.node(CONCATENATED, "(concatenated string)", id(5), 32);
        b.named(s, INTERNAL, "first", first);
        b.named(s, INTERNAL, "second", name_node);
        s
    };
    b.named(child, PROPERTY, "payload", payload);
    let label = format!(
        "{} since {}",
        WORDS[(h64 >> 20) as usize % 16],
        1_600_000_000 + mix(k) % 100_000_000
    );
    let size = string_size(label.len());
    let label = b.unique(label);
    let label_node = b.node_at(STRING, label, id(15), size);
    b.named(child, PROPERTY, "label", label_node);
    if h64.is_multiple_of(5) {
        let number = b.node(NUMBER, "heap number", id(7), 16);
        b.named(child, PROPERTY, "total", number);
    }

    let closure = b.node(CLOSURE, "onChange", id(8), 64);
    let context = b.node(OBJECT, "system / Context", id(9), 48);
    b.named(rec, PROPERTY, "onChange", closure);
    b.named(closure, INTERNAL, "context", context);
    b.named(closure, INTERNAL, "code", class.code);
    b.named(context, CONTEXT, "self", rec);
    b.named(context, INTERNAL, "previous", p.code_context);

    if let Some(prev) = prev {
        b.named(rec, PROPERTY, "prev", prev);
        b.named(prev, PROPERTY, "next", rec);
    }
    if h64.is_multiple_of(7) {
        let weak_ref = b.node(OBJECT, "WeakRef", id(10), 24);
        b.indexed(h.refs, ELEMENT, h.ref_slots, weak_ref);
        h.ref_slots += 1;
        b.named(weak_ref, WEAK, "target", rec);
    }
    if h64 % 4 == 1 {
        let meta = b.node(OBJECT, "RecordMeta", id(11), 32);
        let edge = format!(
            "{} / part of key ({} @{}) -> value (RecordMeta @{}) pair in WeakMap (table @{})",
            h.weak_slots,
            b.strings[class.name as usize],
            id(0),
            id(11),
            b.nodes[h.weak_table as usize].id
        );
        b.named(h.weak_table, WEAK, &h.weak_slots.to_string(), rec);
        b.named(h.weak_table, INTERNAL, &edge, meta);
        b.named(rec, INTERNAL, &edge, meta);
        h.weak_slots += 1;
    }
    if k.is_multiple_of(997) {
        b.indexed(p.handles, ELEMENT, (k / 997) as u32, rec);
    }
    if h64.is_multiple_of(211) {
        // An island: two objects holding each other, reached by nothing, and an object
        // held only weakly.
        let a = b.node(OBJECT, "Orphan", id(12), 32);
        let c = b.node(OBJECT, "Orphan", id(13), 32);
        b.named(a, PROPERTY, "peer", c);
        b.named(c, PROPERTY, "peer", a);
        let weakly = b.node(OBJECT, "Weakly", id(14), 32);
        b.named(rec, WEAK, "cached", weakly);
    }
    rec
}

/// Adds records `ks` of `group` to a new holder `name` on `owner`.
fn fill(
    b: &mut Builder,
    p: &Process,
    owner: u32,
    name: &str,
    group: Group,
    ks: impl Iterator<Item = u64>,
) {
    let mut h = holder(b, owner, name);
    let mut prev = None;
    for k in ks {
        prev = Some(record(b, p, &mut h, group, k, prev));
    }
    let slots = u64::from(h.slots);
    b.nodes[h.table as usize].size = (16 + 8 * slots) as u32;
    b.nodes[h.weak_table as usize].size = (16 + 16 * u64::from(h.weak_slots)) as u32;
    b.nodes[h.refs as usize].size = (16 + 8 * u64::from(h.ref_slots)) as u32;
}

/// Builds phase `phase` of a process shaped `shape`.
fn build(shape: Shape, phase: Phase) -> Builder {
    let mut b = Builder::new();
    let p = process(&mut b);
    // Record k of the application lives in module k % MODULES; the workload frees the
    // records whose k is a multiple of 20 (none in the baseline).
    let freed = |k: u64| phase != Phase::Baseline && k.is_multiple_of(20);
    for m in 0..MODULES {
        let module = b.fixed(OBJECT, "Module", 40);
        b.named(p.global, PROPERTY, &format!("module{m}"), module);
        let ks = (m..shape.records)
            .step_by(MODULES as usize)
            .filter(|&k| !freed(k));
        fill(&mut b, &p, module, "registry", Group::App, ks);
    }
    let cache = b.fixed(OBJECT, "ResponseCache", 40);
    b.named(p.global, PROPERTY, "responseCache", cache);
    let leaked = if phase == Phase::Baseline {
        0
    } else {
        shape.leaked
    };
    fill(&mut b, &p, cache, "entries", Group::Leaked, 0..leaked);
    // The transient records hang from a timer the stack holds, not from global.
    let timer = b.fixed(OBJECT, "Timeout", 80);
    b.indexed(p.stack, ELEMENT, 0, timer);
    let transient = if phase == Phase::Target {
        shape.transient
    } else {
        0
    };
    fill(&mut b, &p, timer, "queue", Group::Transient, 0..transient);
    b
}

/// Writes `b` as snapshot JSON.
fn write(b: &mut Builder, w: &mut impl Write) -> io::Result<()> {
    b.edges.sort_by_key(|e| e.from);
    let mut counts = vec![0u32; b.nodes.len()];
    for e in &b.edges {
        counts[e.from as usize] += 1;
    }
    synth::header(w, NODE_FIELDS, b.nodes.len() as u64, b.edges.len() as u64)?;
    w.write_all(b"\"nodes\":[")?;
    for (i, (n, count)) in b.nodes.iter().zip(&counts).enumerate() {
        let sep = if i == 0 { "" } else { "," };
        writeln!(
            w,
            "{sep}{},{},{},{},{count},0,0",
            n.kind, n.name, n.id, n.size
        )?;
    }
    w.write_all(b"],\n\"edges\":[")?;
    for (i, e) in b.edges.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        writeln!(
            w,
            "{sep}{},{},{}",
            e.kind,
            e.name,
            u64::from(e.to) * FIELD_COUNT
        )?;
    }
    w.write_all(b"],\n\"trace_function_infos\":[],\n\"trace_tree\":[],\n\"samples\":[],\n\"locations\":[],\n\"strings\":[")?;
    for (i, s) in b.strings.iter().enumerate() {
        let sep = if i == 0 { "" } else { ",\n" };
        write!(w, "{sep}\"")?;
        for c in s.chars() {
            match c {
                '"' => w.write_all(b"\\\"")?,
                '\\' => w.write_all(b"\\\\")?,
                c if (c as u32) < 0x20 => write!(w, "\\u{:04x}", c as u32)?,
                c => write!(w, "{c}")?,
            }
        }
        w.write_all(b"\"")?;
    }
    w.write_all(b"]}\n")
}

/// Writes phase `phase` of a process shaped `shape` to `w`; returns its node and edge counts.
pub fn write_app(w: &mut impl Write, shape: Shape, phase: Phase) -> io::Result<(usize, usize)> {
    let mut b = build(shape, phase);
    write(&mut b, w)?;
    Ok((b.nodes.len(), b.edges.len()))
}
