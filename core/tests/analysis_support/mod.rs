//! Helpers for the analysis tests: a streaming writer of hostile graph shapes in the
//! 5-field node layout, each with a known dominator tree.
#![allow(dead_code)]

use std::io::{self, Write};

use bindlab_core::work::Work;

const HEADER: &str = r#"{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],"node_types":[["hidden","array","string","object","code","closure","regexp","number","native","synthetic"]],"edge_fields":["type","name_or_index","to_node"],"edge_types":[["context","element","property","internal","hidden","shortcut","weak"]]},"#;
/// Node type indexes.
pub const OBJECT: u32 = 3;
pub const SYNTHETIC: u32 = 9;
/// Edge type indexes.
pub const ELEMENT: u32 = 1;
pub const PROPERTY: u32 = 2;
pub const WEAK: u32 = 6;
/// Strings: 0 `<dummy>`, 1 `""`, 2 `next`, 3 `Link`, 4 `back`.
const STRINGS: &str = r#"["<dummy>","","next","Link","back"]"#;
/// Every non-root node's self size.
pub const SIZE: u64 = 16;

/// A graph: per node, its type and out-edges `(type, name, target ordinal)`.
pub trait Shape {
    /// Nodes, the root (ordinal 0, synthetic) included.
    fn nodes(&self) -> u64;
    /// Node `k`'s out-edges.
    fn edges(&self, k: u64) -> Vec<(u32, u64, u64)>;
}

/// Writes `shape` as snapshot JSON: node `k` has id `2k + 1`, the root size 0, the
/// rest [`SIZE`] bytes and class `Link`.
pub fn write(w: &mut impl Write, shape: &dyn Shape) -> io::Result<()> {
    let n = shape.nodes();
    let edge_count: u64 = (0..n).map(|k| shape.edges(k).len() as u64).sum();
    write!(
        w,
        "{HEADER}\"node_count\":{n},\"edge_count\":{edge_count}}},\n\"nodes\":["
    )?;
    for k in 0..n {
        let sep = if k == 0 { "" } else { "\n," };
        let (ty, name, size) = if k == 0 {
            (SYNTHETIC, 1, 0)
        } else {
            (OBJECT, 3, SIZE)
        };
        write!(
            w,
            "{sep}{ty},{name},{},{size},{}",
            2 * k + 1,
            shape.edges(k).len()
        )?;
    }
    w.write_all(b"],\n\"edges\":[")?;
    let mut first = true;
    for k in 0..n {
        for (ty, name, to) in shape.edges(k) {
            let sep = if first { "" } else { "\n," };
            first = false;
            write!(w, "{sep}{ty},{name},{}", to * 5)?;
        }
    }
    write!(w, "],\n\"strings\":{STRINGS}}}")
}

/// root → 1 → 2 → … → n by `next`, and with `cycle` also n → 1 by `back`.
pub struct Chain {
    pub n: u64,
    pub cycle: bool,
}

impl Shape for Chain {
    fn nodes(&self) -> u64 {
        self.n + 1
    }
    fn edges(&self, k: u64) -> Vec<(u32, u64, u64)> {
        match k {
            0 => vec![(ELEMENT, 0, 1)],
            k if k < self.n => vec![(PROPERTY, 2, k + 1)],
            _ if self.cycle => vec![(PROPERTY, 4, 1)],
            _ => vec![],
        }
    }
}

/// root → hub (1), hub → each of n leaves by element edges, and each leaf → hub.
pub struct Star {
    pub n: u64,
}

impl Shape for Star {
    fn nodes(&self) -> u64 {
        self.n + 2
    }
    fn edges(&self, k: u64) -> Vec<(u32, u64, u64)> {
        match k {
            0 => vec![(ELEMENT, 0, 1)],
            1 => (0..self.n).map(|i| (ELEMENT, i, i + 2)).collect(),
            _ => vec![(PROPERTY, 4, 1)],
        }
    }
}

/// A chain of n (ordinals 1..=n) from the root; then n more nodes, unreachable, in
/// pairs that hold each other, each also pointing into the chain (dangling into the
/// reachable graph); and every chain node holding one extra node weakly only (n more).
pub struct Islands {
    pub n: u64,
}

impl Shape for Islands {
    fn nodes(&self) -> u64 {
        3 * self.n + 1
    }
    fn edges(&self, k: u64) -> Vec<(u32, u64, u64)> {
        let n = self.n;
        match k {
            0 => vec![(ELEMENT, 0, 1)],
            k if k <= n => {
                let mut e = vec![(WEAK, 4, 2 * n + k)];
                if k < n {
                    e.push((PROPERTY, 2, k + 1));
                }
                e
            }
            k if k <= 2 * n => {
                let partner = if (k - n) % 2 == 1 { k + 1 } else { k - 1 };
                let mut e = vec![(PROPERTY, 2, (k - n - 1) % n + 1)];
                if partner <= 2 * n {
                    e.push((PROPERTY, 4, partner));
                }
                e
            }
            _ => vec![],
        }
    }
}

/// Asserts that `work` at size `8 * n` is at most 8.125 times `work` at size `n`,
/// counter by counter (a linear count `a n - b` grows a little over 8 times; a
/// quadratic one would grow 64 times).
pub fn grows_linearly(what: &str, n: u64, work: impl Fn(u64) -> Work) {
    let (small, large) = (work(n), work(8 * n));
    assert!(small.total() > 0, "{what}: no work counted");
    for (name, s, l) in [
        ("nodes", small.nodes, large.nodes),
        ("edges", small.edges, large.edges),
        ("checks", small.checks, large.checks),
    ] {
        assert!(
            8 * l <= 65 * s.max(1),
            "{what}: {name} grew from {s} to {l} (more than 8x)"
        );
    }
}
