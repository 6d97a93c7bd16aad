//! The streaming parser: walks the top-level object one key at a time and hands each
//! section to its own resumable parser. Input may arrive in chunks of any size; no
//! state depends on where a chunk ends.

use super::error::{ParseError, ParseErrorKind};
use super::json;
use super::meta::{read_meta, Meta};
use super::numbers::NumArray;
use super::records::{EdgeColumns, EdgeSink, MaxIndex, NodeColumns, NodeSink};
use super::scan::{is_ws, Skipper};
use super::strings::{StrDecoder, StringTable, StringsSection};
use super::HeapSnapshot;
use crate::work::Work;

/// The largest `snapshot` header accepted (V8 writes about 1 KB).
const MAX_HEADER: u64 = 1 << 20;
/// Keys longer than this are not sections the parser knows.
const MAX_KEY: usize = 64;

/// The top-level sections the parser reads; anything else is skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Snapshot,
    Nodes,
    Edges,
    Strings,
    Other,
}

impl Section {
    fn name(self) -> &'static str {
        match self {
            Section::Snapshot => "snapshot",
            Section::Nodes => "nodes",
            Section::Edges => "edges",
            Section::Strings => "strings",
            Section::Other => "(other)",
        }
    }

    fn bit(self) -> u8 {
        match self {
            Section::Snapshot => 1,
            Section::Nodes => 2,
            Section::Edges => 4,
            Section::Strings => 8,
            Section::Other => 0,
        }
    }
}

/// Where the parser is in the top-level object.
#[derive(Debug)]
enum State {
    /// Before the opening `{`.
    Start,
    /// Before a key (`first`: right after `{`, so `}` is allowed too).
    Key {
        first: bool,
    },
    KeyText(StrDecoder),
    Colon,
    /// Before a section's value.
    Value,
    Header(Skipper),
    Nodes(NumArray, Box<NodeSink>),
    Edges(NumArray, Box<EdgeSink>),
    Strings(StringsSection),
    Skip(Skipper),
    /// After a section's value: `,` or `}`.
    AfterValue,
    /// After the closing `}`: only whitespace may follow.
    Done,
}

/// A streaming parser for V8 `.heapsnapshot` JSON.
///
/// Feed it the input in chunks of any size, in order, then call
/// [`finish`](SnapshotParser::finish). It keeps only the compact columns described in
/// [`HeapSnapshot`], never the input itself (except the `snapshot` header, at most
/// 1 MiB). After an error, every later call returns the same error.
///
/// ```
/// use bindlab_core::snapshot::SnapshotParser;
/// # let json = br#"{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],
/// #   "node_types":[["synthetic"]],"edge_fields":["type","name_or_index","to_node"],
/// #   "edge_types":[["element"]]},"node_count":1,"edge_count":0},
/// #   "nodes":[0,0,1,0,0],"edges":[],"strings":["(root)"]}"#;
/// let mut parser = SnapshotParser::new();
/// for chunk in json.chunks(7) {
///     parser.feed(chunk)?;
/// }
/// let snapshot = parser.finish()?;
/// assert_eq!(snapshot.node_count(), 1);
/// # Ok::<(), bindlab_core::snapshot::ParseError>(())
/// ```
#[derive(Debug)]
pub struct SnapshotParser {
    /// Input offset of the next chunk's first byte.
    offset: u64,
    state: State,
    key: Vec<u8>,
    key_too_long: bool,
    section: Section,
    /// Sections seen (bits of [`Section::bit`]).
    seen: u8,
    header: Vec<u8>,
    header_at: u64,
    meta: Option<Meta>,
    nodes: Option<(NodeColumns, MaxIndex)>,
    edges: Option<(EdgeColumns, MaxIndex)>,
    strings: StringTable,
    failed: Option<ParseError>,
}

impl Default for SnapshotParser {
    fn default() -> Self {
        Self::new()
    }
}

impl SnapshotParser {
    /// A parser before the first byte.
    pub fn new() -> Self {
        SnapshotParser {
            offset: 0,
            state: State::Start,
            key: Vec::new(),
            key_too_long: false,
            section: Section::Other,
            seen: 0,
            header: Vec::new(),
            header_at: 0,
            meta: None,
            nodes: None,
            edges: None,
            strings: StringTable::default(),
            failed: None,
        }
    }

    /// Bytes fed so far.
    pub fn bytes_fed(&self) -> u64 {
        self.offset
    }

    /// Parses the next chunk of input (any size, including empty).
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), ParseError> {
        if let Some(err) = &self.failed {
            return Err(err.clone());
        }
        let mut pos = 0;
        while pos < chunk.len() {
            let base = self.offset + pos as u64;
            match self.step(&chunk[pos..], base) {
                Ok(used) => pos += used,
                Err(err) => {
                    self.failed = Some(err.clone());
                    return Err(err);
                }
            }
        }
        self.offset += chunk.len() as u64;
        Ok(())
    }

    /// Checks that the input ended where a snapshot can end, and returns it.
    pub fn finish(self) -> Result<HeapSnapshot, ParseError> {
        if let Some(err) = self.failed {
            return Err(err);
        }
        let end = self.offset;
        if !matches!(self.state, State::Done) {
            let expected = self.expected();
            return Err(ParseError::new(
                end,
                ParseErrorKind::UnexpectedEof { expected },
            ));
        }
        let missing = |section| ParseError::new(end, ParseErrorKind::MissingSection { section });
        let meta = self.meta.ok_or_else(|| missing("snapshot"))?;
        let (nodes, node_names) = self.nodes.ok_or_else(|| missing("nodes"))?;
        let (edges, edge_names) = self.edges.ok_or_else(|| missing("edges"))?;
        if self.seen & Section::Strings.bit() == 0 {
            return Err(missing("strings"));
        }
        let mut strings = self.strings;
        let limit = strings.len() as u64;
        for (field, max) in [("node name", node_names), ("edge name", edge_names)] {
            if max.end > limit {
                let kind = ParseErrorKind::OutOfRange {
                    field,
                    value: max.end - 1,
                    limit,
                };
                return Err(ParseError::new(max.at, kind));
            }
        }
        strings.shrink();
        Ok(HeapSnapshot::new(
            nodes,
            edges,
            strings,
            meta.node_types,
            meta.edge_types,
        ))
    }

    /// What the parser waits for, for an end-of-input message.
    fn expected(&self) -> &'static str {
        match &self.state {
            State::Start => "'{'",
            State::Key { first: true } => "a key or '}'",
            State::Key { first: false } => "a key",
            State::KeyText(dec) => dec.expected(),
            State::Colon => "':'",
            State::Value => "a value",
            State::Header(s) | State::Skip(s) => s.expected(),
            State::Nodes(a, _) | State::Edges(a, _) => a.expected(),
            State::Strings(s) => s.expected(),
            State::AfterValue => "',' or '}'",
            State::Done => "the end of input",
        }
    }

    /// Parses from the start of `buf` (non-empty, first byte at offset `base`); returns
    /// how many bytes were used (0 only when switching to a section's parser).
    fn step(&mut self, buf: &[u8], base: u64) -> Result<usize, ParseError> {
        let b = buf[0];
        let unexpected = |expected| {
            Err(ParseError::new(
                base,
                ParseErrorKind::UnexpectedByte { found: b, expected },
            ))
        };
        match &mut self.state {
            State::Start
            | State::Key { .. }
            | State::Colon
            | State::Value
            | State::AfterValue
            | State::Done
                if is_ws(b) =>
            {
                Ok(1)
            }
            State::Start if b == b'{' => {
                self.state = State::Key { first: true };
                Ok(1)
            }
            State::Start => unexpected("'{'"),
            State::Key { .. } if b == b'"' => {
                self.key.clear();
                self.key_too_long = false;
                self.state = State::KeyText(StrDecoder::new());
                Ok(1)
            }
            State::Key { first: true } if b == b'}' => {
                self.state = State::Done;
                Ok(1)
            }
            State::Key { first } => unexpected(if *first { "a key or '}'" } else { "a key" }),
            State::KeyText(dec) => {
                let done = dec.run(buf, base, &mut self.key)?;
                if self.key.len() > MAX_KEY {
                    self.key.clear();
                    self.key_too_long = true;
                }
                let Some(used) = done else {
                    return Ok(buf.len());
                };
                self.section = match (self.key_too_long, self.key.as_slice()) {
                    (false, b"snapshot") => Section::Snapshot,
                    (false, b"nodes") => Section::Nodes,
                    (false, b"edges") => Section::Edges,
                    (false, b"strings") => Section::Strings,
                    _ => Section::Other,
                };
                self.state = State::Colon;
                Ok(used)
            }
            State::Colon if b == b':' => {
                self.state = State::Value;
                Ok(1)
            }
            State::Colon => unexpected("':'"),
            State::Value => {
                self.begin_section(base)?;
                Ok(0)
            }
            State::Header(scan) => {
                let done = scan.run(buf, base)?;
                let used = done.unwrap_or(buf.len());
                if (self.header.len() + used) as u64 > MAX_HEADER {
                    let kind = ParseErrorKind::HeaderTooLarge { limit: MAX_HEADER };
                    return Err(ParseError::new(self.header_at + MAX_HEADER, kind));
                }
                self.header.extend_from_slice(&buf[..used]);
                if done.is_some() {
                    self.end_header()?;
                }
                Ok(used)
            }
            State::Nodes(arr, sink) => {
                let Some(used) = arr.run(buf, base, sink.as_mut())? else {
                    return Ok(buf.len());
                };
                let header_edges = self.meta.as_ref().map_or(0, |m| m.edge_count);
                sink.finish(base + used as u64 - 1, header_edges)?;
                if let State::Nodes(_, sink) = std::mem::replace(&mut self.state, State::AfterValue)
                {
                    self.nodes = Some((sink.cols, sink.max_name));
                }
                Ok(used)
            }
            State::Edges(arr, sink) => {
                let Some(used) = arr.run(buf, base, sink.as_mut())? else {
                    return Ok(buf.len());
                };
                sink.finish(base + used as u64 - 1)?;
                if let State::Edges(_, sink) = std::mem::replace(&mut self.state, State::AfterValue)
                {
                    self.edges = Some((sink.cols, sink.max_name));
                }
                Ok(used)
            }
            State::Strings(section) => {
                let Some(used) = section.run(buf, base, &mut self.strings)? else {
                    return Ok(buf.len());
                };
                self.state = State::AfterValue;
                Ok(used)
            }
            State::Skip(scan) => {
                let Some(used) = scan.run(buf, base)? else {
                    return Ok(buf.len());
                };
                self.state = State::AfterValue;
                Ok(used)
            }
            State::AfterValue if b == b',' => {
                self.state = State::Key { first: false };
                Ok(1)
            }
            State::AfterValue if b == b'}' => {
                self.state = State::Done;
                Ok(1)
            }
            State::AfterValue => unexpected("',' or '}'"),
            State::Done => unexpected("the end of input"),
        }
    }

    /// Starts parsing the value of `self.section`, which begins at offset `at`.
    fn begin_section(&mut self, at: u64) -> Result<(), ParseError> {
        let section = self.section;
        if self.seen & section.bit() != 0 {
            let kind = ParseErrorKind::DuplicateSection {
                section: section.name(),
            };
            return Err(ParseError::new(at, kind));
        }
        self.seen |= section.bit();
        let out_of_order = |requires| {
            let kind = ParseErrorKind::SectionOutOfOrder {
                section: section.name(),
                requires,
            };
            ParseError::new(at, kind)
        };
        self.state = match section {
            Section::Snapshot => {
                self.header_at = at;
                State::Header(Skipper::new())
            }
            Section::Nodes => {
                let meta = self.meta.as_ref().ok_or_else(|| out_of_order("snapshot"))?;
                let sink = NodeSink::new(meta.node.clone(), meta.node_count);
                State::Nodes(NumArray::new("nodes", meta.node.width), Box::new(sink))
            }
            Section::Edges => {
                let (Some(meta), Some((nodes, _))) = (&self.meta, &self.nodes) else {
                    return Err(out_of_order("nodes"));
                };
                let node_fields = meta.node.width as u64;
                let sink = EdgeSink::new(
                    meta.edge.clone(),
                    meta.edge_count,
                    node_fields,
                    nodes.len() as u64,
                );
                State::Edges(NumArray::new("edges", meta.edge.width), Box::new(sink))
            }
            Section::Strings => {
                let nodes = self.nodes.as_ref().map_or(0, |(_, max)| max.end);
                let expected = nodes.max(self.edges.as_ref().map_or(0, |(_, max)| max.end));
                State::Strings(StringsSection::new(expected, at, &mut self.strings))
            }
            Section::Other => State::Skip(Skipper::new()),
        };
        Ok(())
    }

    /// Reads `meta` from the captured header.
    fn end_header(&mut self) -> Result<(), ParseError> {
        let value = json::parse(&self.header, self.header_at)?;
        let meta = read_meta(&value, &mut Work::default())
            .map_err(|kind| ParseError::new(self.header_at, kind))?;
        self.meta = Some(meta);
        self.header = Vec::new();
        self.state = State::AfterValue;
        Ok(())
    }
}
