//! The compact columns the parser keeps for nodes and edges, and the sinks that check
//! each record and append it.
//!
//! Columns grow as data arrives, never past the count the header announced: each time
//! one is full it grows to twice its rows, or to a quarter of the input bytes seen so
//! far if that is more. So an honest header gets its edge columns sized exactly at
//! once (the nodes section before them is big enough), and a lying one costs memory in
//! proportion to the input actually read.

use super::error::{ParseError, ParseErrorKind, MAX_SAFE_SIZE};
use super::meta::{EdgeLayout, NodeLayout};
use super::numbers::RecordSink;

/// Rows reserved the first time a column grows.
const FIRST_RESERVE: usize = 1024;

/// Per-node columns, indexed by node ordinal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NodeColumns {
    /// Index into the node type list of `meta`.
    pub types: Vec<u8>,
    /// Index into `strings`.
    pub names: Vec<u32>,
    pub ids: Vec<u64>,
    pub self_sizes: Vec<u64>,
    /// `first_edge[i]..first_edge[i + 1]` are node `i`'s edges (length: nodes + 1).
    pub first_edge: Vec<u32>,
}

impl NodeColumns {
    /// The number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.types.len()
    }
}

/// Per-edge columns, indexed by edge position (a node's edges are contiguous).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct EdgeColumns {
    /// Index into the edge type list of `meta`.
    pub types: Vec<u8>,
    /// An element index (element and hidden edges) or an index into `strings`.
    pub names: Vec<u32>,
    /// The target's node ordinal.
    pub to: Vec<u32>,
}

/// How many more rows to reserve when a column of `len` rows is full, `expected` rows
/// were announced (`len < expected`) and `seen` input bytes were read.
fn growth(len: usize, expected: u64, seen: u64) -> usize {
    let left = usize::try_from(expected - len as u64).unwrap_or(usize::MAX);
    let by_input = usize::try_from(seen / 4)
        .unwrap_or(usize::MAX)
        .saturating_sub(len);
    len.max(FIRST_RESERVE).max(by_input).min(left)
}

/// The error for a section whose record count disagrees with the header: `found`
/// records of `what` where the header promised `expected`, detected at byte `at`.
fn count_mismatch(what: &'static str, expected: u64, found: u64, at: u64) -> ParseError {
    ParseError::new(
        at,
        ParseErrorKind::CountMismatch {
            what,
            expected,
            found,
        },
    )
}

/// Fails when a section already holds the `expected` records its header promised and
/// another one starts at byte `at`.
#[inline]
fn check_room(len: usize, expected: u64, what: &'static str, at: u64) -> Result<(), ParseError> {
    if len as u64 >= expected {
        return Err(count_mismatch(what, expected, len as u64 + 1, at));
    }
    Ok(())
}

/// `total + size`, or the error for the `self_size` at byte `at` when the size or the
/// sum passes [`MAX_SAFE_SIZE`]: every size and total a snapshot yields (per class,
/// reachable, in a diff) is then a sum of some of its sizes, exact as a JS number.
#[inline]
fn safe_size_total(total: u64, size: u64, at: u64) -> Result<u64, ParseError> {
    let unsafe_size = |what, value| ParseError::new(at, ParseErrorKind::UnsafeSize { what, value });
    if size > MAX_SAFE_SIZE {
        return Err(unsafe_size("self_size", size));
    }
    // Both are at most 2^53 - 1: the sum cannot overflow.
    let sum = total + size;
    if sum > MAX_SAFE_SIZE {
        return Err(unsafe_size("total self_size", sum));
    }
    Ok(sum)
}

/// The largest string index seen, and where, to check against `strings` at the end.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct MaxIndex {
    /// One past the largest index seen (0 when none).
    pub end: u64,
    /// Offset of the number that held it.
    pub at: u64,
}

impl MaxIndex {
    #[inline]
    fn see(&mut self, index: u64, at: u64) {
        if index >= self.end {
            self.end = index + 1;
            self.at = at;
        }
    }
}

/// Checks and stores node records.
#[derive(Debug)]
pub(crate) struct NodeSink {
    pub cols: NodeColumns,
    layout: NodeLayout,
    /// `node_count` from the header.
    expected: u64,
    /// Sum of `edge_count` so far.
    edge_total: u64,
    /// Sum of `self_size` so far (at most [`MAX_SAFE_SIZE`]).
    size_total: u64,
    pub max_name: MaxIndex,
}

impl NodeSink {
    /// A sink for `expected` nodes laid out as `layout`.
    pub(crate) fn new(layout: NodeLayout, expected: u64) -> Self {
        let cols = NodeColumns {
            first_edge: vec![0],
            ..NodeColumns::default()
        };
        NodeSink {
            cols,
            layout,
            expected,
            edge_total: 0,
            size_total: 0,
            max_name: MaxIndex::default(),
        }
    }

    /// Checks the counts once `nodes` has closed at offset `at`; returns the total of
    /// the nodes' `edge_count` fields.
    pub(crate) fn finish(&mut self, at: u64, header_edges: u64) -> Result<u64, ParseError> {
        let found = self.cols.len() as u64;
        if found != self.expected {
            return Err(count_mismatch(
                "nodes (node_count in the header)",
                self.expected,
                found,
                at,
            ));
        }
        if self.edge_total != header_edges {
            return Err(count_mismatch(
                "sum of the nodes' edge_count (edge_count in the header)",
                header_edges,
                self.edge_total,
                at,
            ));
        }
        Ok(self.edge_total)
    }
}

impl RecordSink for NodeSink {
    #[inline(always)]
    fn record(&mut self, vals: &[u64], offs: &[u64]) -> Result<(), ParseError> {
        let l = &self.layout;
        let c = &mut self.cols;
        let len = c.types.len();
        check_room(
            len,
            self.expected,
            "nodes (node_count in the header)",
            offs[0],
        )?;
        let ty = vals[l.type_at];
        if ty >= l.type_count {
            let kind = ParseErrorKind::OutOfRange {
                field: "node type",
                value: ty,
                limit: l.type_count,
            };
            return Err(ParseError::new(offs[l.type_at], kind));
        }
        let name = vals[l.name_at];
        let name32 = u32::try_from(name).map_err(|_| {
            let kind = ParseErrorKind::OutOfRange {
                field: "node name",
                value: name,
                limit: 1 << 32,
            };
            ParseError::new(offs[l.name_at], kind)
        })?;
        self.edge_total = self.edge_total.saturating_add(vals[l.edge_count_at]);
        let edge_end = u32::try_from(self.edge_total).map_err(|_| {
            let limit = u64::from(u32::MAX);
            let kind = ParseErrorKind::TooLarge {
                what: "total edge count",
                value: self.edge_total,
                limit,
            };
            ParseError::new(offs[l.edge_count_at], kind)
        })?;
        let size = vals[l.self_size_at];
        self.size_total = safe_size_total(self.size_total, size, offs[l.self_size_at])?;
        self.max_name.see(name, offs[l.name_at]);
        if len == c.types.capacity() {
            let more = growth(len, self.expected, offs[0]);
            c.types.reserve_exact(more);
            c.names.reserve_exact(more);
            c.ids.reserve_exact(more);
            c.self_sizes.reserve_exact(more);
            c.first_edge.reserve_exact(more);
        }
        c.types.push(ty as u8);
        c.names.push(name32);
        c.ids.push(vals[l.id_at]);
        c.self_sizes.push(size);
        c.first_edge.push(edge_end);
        Ok(())
    }
}

/// Checks and stores edge records.
#[derive(Debug)]
pub(crate) struct EdgeSink {
    pub cols: EdgeColumns,
    layout: EdgeLayout,
    /// `edge_count` from the header (equal to the nodes' total, checked before).
    expected: u64,
    /// Numbers per node, to turn `to_node` into an ordinal.
    node_fields: u64,
    /// How `to_node` is divided by `node_fields` (one product, no division).
    divisor: ExactDivisor,
    node_count: u64,
    pub max_name: MaxIndex,
}

impl EdgeSink {
    /// A sink for `expected` edges into `node_count` nodes of `node_fields` numbers
    /// (1..=32).
    pub(crate) fn new(
        layout: EdgeLayout,
        expected: u64,
        node_fields: u64,
        node_count: u64,
    ) -> Self {
        let cols = EdgeColumns::default();
        let divisor = ExactDivisor::new(node_fields);
        let max_name = MaxIndex::default();
        EdgeSink {
            cols,
            layout,
            expected,
            node_fields,
            divisor,
            node_count,
            max_name,
        }
    }

    /// Checks the count once `edges` has closed at offset `at`.
    pub(crate) fn finish(&self, at: u64) -> Result<(), ParseError> {
        let found = self.cols.types.len() as u64;
        if found != self.expected {
            return Err(count_mismatch(
                "edges (edge_count in the header)",
                self.expected,
                found,
                at,
            ));
        }
        Ok(())
    }
}

impl RecordSink for EdgeSink {
    #[inline(always)]
    fn record(&mut self, vals: &[u64], offs: &[u64]) -> Result<(), ParseError> {
        let l = &self.layout;
        let c = &mut self.cols;
        let len = c.types.len();
        check_room(
            len,
            self.expected,
            "edges (edge_count in the header)",
            offs[0],
        )?;
        let ty = vals[l.type_at];
        let known = usize::try_from(ty)
            .ok()
            .and_then(|t| l.named_by_index.get(t));
        let Some(&by_index) = known else {
            let kind = ParseErrorKind::OutOfRange {
                field: "edge type",
                value: ty,
                limit: l.named_by_index.len() as u64,
            };
            return Err(ParseError::new(offs[l.type_at], kind));
        };
        let to = vals[l.to_at];
        let limit = self.node_count * self.node_fields;
        if to >= limit {
            let kind = ParseErrorKind::OutOfRange {
                field: "to_node",
                value: to,
                limit,
            };
            return Err(ParseError::new(offs[l.to_at], kind));
        }
        let Some(ordinal) = self.divisor.quotient(to) else {
            let kind = ParseErrorKind::MisalignedNodeIndex {
                value: to,
                node_fields: self.node_fields as u32,
            };
            return Err(ParseError::new(offs[l.to_at], kind));
        };
        let name = vals[l.name_at];
        let name32 = u32::try_from(name).map_err(|_| {
            let kind = ParseErrorKind::OutOfRange {
                field: "edge name_or_index",
                value: name,
                limit: 1 << 32,
            };
            ParseError::new(offs[l.name_at], kind)
        })?;
        if !by_index {
            self.max_name.see(name, offs[l.name_at]);
        }
        if len == c.types.capacity() {
            let more = growth(len, self.expected, offs[0]);
            c.types.reserve_exact(more);
            c.names.reserve_exact(more);
            c.to.reserve_exact(more);
        }
        c.types.push(ty as u8);
        c.names.push(name32);
        c.to.push(ordinal as u32);
        Ok(())
    }
}

/// Exact division by a fixed divisor with one product and a rotation instead of a
/// division (Granlund and Montgomery's divisibility test, as compilers divide by a
/// constant that divides exactly): no 128-bit product either, which on wasm32 is a call.
#[derive(Debug, Clone, Copy)]
struct ExactDivisor {
    /// The inverse of the divisor's odd part, modulo 2^64.
    inverse: u64,
    /// The power of two in the divisor.
    shift: u32,
    /// The largest quotient of a `u64`: `u64::MAX / divisor`.
    max: u64,
}

impl ExactDivisor {
    /// Dividing by `divisor` (not 0).
    fn new(divisor: u64) -> Self {
        let shift = divisor.trailing_zeros();
        let odd = divisor >> shift;
        // Newton's iteration doubles the correct low bits: 3 (an odd number is its own
        // inverse modulo 8), 6, 12, 24, 48, 96.
        let mut inverse = odd;
        for _ in 0..5 {
            inverse = inverse.wrapping_mul(2u64.wrapping_sub(odd.wrapping_mul(inverse)));
        }
        ExactDivisor {
            inverse,
            shift,
            max: u64::MAX / divisor,
        }
    }

    /// `value / divisor` when the divisor divides `value`, else `None`.
    #[inline]
    fn quotient(&self, value: u64) -> Option<u64> {
        let q = value.wrapping_mul(self.inverse).rotate_right(self.shift);
        (q <= self.max).then_some(q)
    }
}

#[cfg(test)]
mod tests {
    use super::{growth, ExactDivisor};

    #[test]
    fn exact_division_finds_multiples_and_only_them() {
        for divisor in 1..=40u64 {
            let d = ExactDivisor::new(divisor);
            let edges = [0, 1, 2, 63, 64, 65, 1 << 32, (1 << 37) + 5, u64::MAX - 64];
            for base in edges {
                for value in base..base + 64 {
                    let want = (value % divisor == 0).then(|| value / divisor);
                    assert_eq!(d.quotient(value), want, "{value} / {divisor}");
                }
            }
            assert_eq!(
                d.quotient(u64::MAX / divisor * divisor),
                Some(u64::MAX / divisor)
            );
        }
    }

    #[test]
    fn growth_follows_the_input_but_stops_at_the_announced_count() {
        assert_eq!(growth(0, 10, 100), 10);
        assert_eq!(growth(0, 1 << 40, 100), 1024);
        assert_eq!(growth(5000, 1 << 40, 100), 5000);
        assert_eq!(growth(5000, 6000, 100), 1000);
        assert_eq!(growth(5000, 1 << 40, 400_000), 95_000);
        assert_eq!(growth(5000, 50_000, 400_000), 45_000);
    }
}
