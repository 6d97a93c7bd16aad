//! Read-only views of the parsed graph: node and edge kinds, and `Node` / `Edge`
//! handles that borrow the snapshot.

use std::borrow::Cow;
use std::fmt;

use super::HeapSnapshot;

/// A node's type, read by name from `meta.node_types[0]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// V8 internals (`hidden`).
    Hidden,
    /// Internal arrays, such as an object's elements backing store.
    Array,
    /// A flat string.
    String,
    /// A JavaScript object; its name is its constructor's.
    Object,
    /// Compiled code.
    Code,
    /// A function.
    Closure,
    /// A regular expression.
    RegExp,
    /// A heap number.
    Number,
    /// An object owned by the embedder.
    Native,
    /// A synthetic node, such as the root or `(GC roots)`.
    Synthetic,
    /// A concatenated (cons) string.
    ConcatenatedString,
    /// A sliced string.
    SlicedString,
    /// A symbol.
    Symbol,
    /// A BigInt.
    BigInt,
    /// An object shape (map).
    ObjectShape,
    /// A WebAssembly object.
    WasmObject,
    /// A type name this parser does not know (a newer V8).
    Other,
}

impl NodeKind {
    /// The kind a `meta` type name denotes.
    pub fn from_type_name(name: &str) -> Self {
        match name {
            "hidden" => NodeKind::Hidden,
            "array" => NodeKind::Array,
            "string" => NodeKind::String,
            "object" => NodeKind::Object,
            "code" => NodeKind::Code,
            "closure" => NodeKind::Closure,
            "regexp" => NodeKind::RegExp,
            "number" => NodeKind::Number,
            "native" => NodeKind::Native,
            "synthetic" => NodeKind::Synthetic,
            "concatenated string" => NodeKind::ConcatenatedString,
            "sliced string" => NodeKind::SlicedString,
            "symbol" => NodeKind::Symbol,
            "bigint" => NodeKind::BigInt,
            "object shape" => NodeKind::ObjectShape,
            "wasm object" => NodeKind::WasmObject,
            _ => NodeKind::Other,
        }
    }
}

/// An edge's type, read by name from `meta.edge_types[0]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// A variable in a function's context.
    Context,
    /// An array element (named by index).
    Element,
    /// A named property.
    Property,
    /// A V8-internal reference.
    Internal,
    /// A reference not shown to users (named by index).
    Hidden,
    /// A shortcut past intermediate objects.
    Shortcut,
    /// A weak reference.
    Weak,
    /// A type name this parser does not know (a newer V8).
    Other,
}

impl EdgeKind {
    /// The kind a `meta` type name denotes.
    pub fn from_type_name(name: &str) -> Self {
        match name {
            "context" => EdgeKind::Context,
            "element" => EdgeKind::Element,
            "property" => EdgeKind::Property,
            "internal" => EdgeKind::Internal,
            "hidden" => EdgeKind::Hidden,
            "shortcut" => EdgeKind::Shortcut,
            "weak" => EdgeKind::Weak,
            _ => EdgeKind::Other,
        }
    }
}

/// One node of a snapshot.
#[derive(Clone, Copy)]
pub struct Node<'a> {
    pub(crate) snap: &'a HeapSnapshot,
    pub(crate) ordinal: usize,
}

impl fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} @{} (#{})",
            self.class_name(),
            self.id(),
            self.ordinal
        )
    }
}

impl<'a> Node<'a> {
    /// The node's position in the snapshot (0 is the root).
    pub fn ordinal(&self) -> usize {
        self.ordinal
    }

    /// The node's kind.
    pub fn kind(&self) -> NodeKind {
        self.snap.node_kind(self.ordinal)
    }

    /// The node's type name as `meta` spells it.
    pub fn type_name(&self) -> &'a str {
        let t = self.snap.nodes.types[self.ordinal] as usize;
        self.snap.node_type_names.get(t).map_or("", String::as_str)
    }

    /// The node's name: a constructor name, a string's contents, a function name...
    pub fn name(&self) -> &'a str {
        self.snap.string(self.snap.nodes.names[self.ordinal])
    }

    /// The node's id, stable across snapshots of one process.
    pub fn id(&self) -> u64 {
        self.snap.nodes.ids[self.ordinal]
    }

    /// The node's own size in bytes.
    pub fn self_size(&self) -> u64 {
        self.snap.nodes.self_sizes[self.ordinal]
    }

    /// The class Chrome DevTools files the node under: `(system)` for hidden nodes,
    /// `(compiled code)` for code, `Function` for closures, the name for objects and
    /// native nodes, and `(type)` for the rest.
    pub fn class_name(&self) -> Cow<'a, str> {
        class_name(self.kind(), self.type_name(), self.name())
    }

    /// The node's outgoing edges, in snapshot order.
    pub fn edges(&self) -> impl ExactSizeIterator<Item = Edge<'a>> + 'a {
        let snap = self.snap;
        snap.edge_range(self.ordinal)
            .map(move |index| Edge { snap, index })
    }
}

/// The DevTools class of a node of `kind` (spelled `type_name` in `meta`) named `name`.
pub(crate) fn class_name<'a>(kind: NodeKind, type_name: &str, name: &'a str) -> Cow<'a, str> {
    match kind {
        NodeKind::Hidden => Cow::Borrowed("(system)"),
        NodeKind::Code => Cow::Borrowed("(compiled code)"),
        NodeKind::Closure => Cow::Borrowed("Function"),
        NodeKind::Object | NodeKind::Native => Cow::Borrowed(name),
        _ => Cow::Owned(format!("({type_name})")),
    }
}

/// One edge of a snapshot.
#[derive(Clone, Copy)]
pub struct Edge<'a> {
    pub(crate) snap: &'a HeapSnapshot,
    pub(crate) index: usize,
}

impl fmt::Debug for Edge<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} {} -> {:?}",
            self.kind(),
            self.name(),
            self.target()
        )
    }
}

impl<'a> Edge<'a> {
    /// The edge's kind.
    pub fn kind(&self) -> EdgeKind {
        self.snap.edge_kind(self.index)
    }

    /// The edge's name: an index for element and hidden edges, else a string.
    pub fn name(&self) -> EdgeName<'a> {
        self.snap.edge_name(self.index)
    }

    /// The node the edge points to.
    pub fn target(&self) -> Node<'a> {
        Node {
            snap: self.snap,
            ordinal: self.snap.edges.to[self.index] as usize,
        }
    }
}

/// An edge's name: `[i]` for element and hidden edges, a string otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeName<'a> {
    /// An element or hidden edge's index.
    Index(u32),
    /// A property, context, internal, shortcut or weak edge's name.
    Name(&'a str),
}

impl fmt::Display for EdgeName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EdgeName::Index(i) => write!(f, "[{i}]"),
            EdgeName::Name(s) => f.write_str(s),
        }
    }
}
