//! The dominator tree and retained sizes, by Lengauer and Tarjan's algorithm ("A fast
//! algorithm for finding dominators in a flowgraph", TOPLAS 1979) with path
//! compression, written without recursion: the depth-first search keeps a resumable
//! edge cursor per vertex and walks back up by parent links, and path compression
//! uses an explicit stack. Vertices are numbered in depth-first preorder from 1 (0
//! means "none"), and every array is indexed by that number.
//!
//! Memory: at its peak (the semidominator loop) the computation holds five `u32` per
//! node (the search's vertex order and parents, the labels, the semidominators and
//! `dom`), one `u32` per retaining edge (the predecessors) and a few bits per node and
//! edge. Buffers pass from one phase to the next instead of being freed and allocated
//! again, so that an allocator that cannot return memory (wasm's) is not left with
//! holes the next phase cannot use. The long loops run in blocks (see [`BLOCK`]).

use std::ops::Range;

use crate::diff::Bits;
use crate::snapshot::HeapSnapshot;
use crate::work::Work;

use super::edges::Essential;
use super::{blocks, BLOCK};

/// The dominator tree of a snapshot and every node's retained size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dominators {
    /// Per node ordinal: its immediate dominator's ordinal (the root's is itself).
    pub(super) idom: Vec<u32>,
    /// Per node ordinal: its retained size in bytes.
    pub(super) retained: Vec<u64>,
}

impl Dominators {
    /// Computes the dominator tree of `snap` with the edge rules the module documents.
    /// Every node gets a dominator: nodes the root does not reach are dominated by the
    /// root, as in DevTools and memlab.
    pub fn compute(snap: &HeapSnapshot) -> Self {
        Self::counting(snap).0
    }

    /// [`Dominators::compute`], also returning the work it did. Test support.
    #[doc(hidden)]
    pub fn counting(snap: &HeapSnapshot) -> (Self, Work) {
        let mut work = Work::default();
        let n = snap.node_count();
        if n == 0 {
            let empty = Dominators {
                idom: Vec::new(),
                retained: Vec::new(),
            };
            return (empty, work);
        }
        let rules = Essential::new(snap, &mut work);
        let mut search = Search::run(snap, &rules, &mut work);
        let dom = search.dominators(snap, &rules, &mut work);
        let (idom, retained) = by_ordinal(snap, &search.vertex, &dom, &mut work);
        (Dominators { idom, retained }, work)
    }

    /// How many nodes the tree covers (all of the snapshot's).
    pub fn len(&self) -> usize {
        self.idom.len()
    }

    /// Whether the snapshot had no nodes.
    pub fn is_empty(&self) -> bool {
        self.idom.is_empty()
    }

    /// The immediate dominator of node `ordinal`: `None` for the root and for ordinals
    /// past the end.
    pub fn dominator(&self, ordinal: usize) -> Option<usize> {
        let d = *self.idom.get(ordinal)? as usize;
        (ordinal != 0).then_some(d)
    }

    /// The retained size of node `ordinal` in bytes: its self size and that of every
    /// node it dominates. `None` past the end.
    pub fn retained_size(&self, ordinal: usize) -> Option<u64> {
        self.retained.get(ordinal).copied()
    }

    /// Every node's retained size, by ordinal.
    pub fn retained_sizes(&self) -> &[u64] {
        &self.retained
    }

    /// Every node's immediate dominator, by ordinal (the root's is itself).
    pub fn dominators(&self) -> &[u32] {
        &self.idom
    }

    /// Bytes of heap memory held, by capacity.
    pub fn heap_bytes(&self) -> usize {
        self.idom.capacity() * 4 + self.retained.capacity() * 8
    }
}

/// The depth-first search over retaining edges, from the root and then from the
/// nodes it missed.
struct Search {
    /// Per ordinal: preorder number (0 until reached). One slot longer than the
    /// nodes, so that the buffer can become the forest's labels.
    pre: Vec<u32>,
    /// Per preorder number: the node's ordinal (index 0 unused).
    vertex: Vec<u32>,
    /// Per preorder number: the parent's number in the search tree (0 for the root).
    parent: Vec<u32>,
    /// Per preorder number: the vertex has a virtual edge from the root (it was
    /// reached only by weak edges or not at all).
    rooted: Bits,
    /// Per preorder number: the next edge the search looks at. Two slots longer than
    /// the nodes, so that the buffer can become the predecessors' offsets.
    cursor: Vec<u32>,
}

impl Search {
    /// Numbers every node of `snap`: from the root along retaining edges; then, as
    /// DevTools' `_buildPostOrderIndex` and memlab do, from each node left whose
    /// retainers are all weak or shortcuts, as if the root held it; then the rest
    /// (islands held only by each other), each under the root too.
    fn run(snap: &HeapSnapshot, rules: &Essential, work: &mut Work) -> Self {
        let n = snap.node_count();
        let mut s = Search {
            pre: vec![0; n + 1],
            vertex: vec![0; n + 1],
            parent: vec![0; n + 1],
            rooted: Bits::new(n + 1),
            cursor: vec![0; n + 2],
        };
        let mut count = 0u32;
        s.depth_first(snap, rules, 0, 0, &mut count, work);
        if count as usize == n {
            return s;
        }
        let strongly_retained = strongly_retained(snap, rules, work);
        for os in blocks(0..n) {
            s.weakly_held_roots(snap, rules, &strongly_retained, os, &mut count, work);
        }
        for os in blocks(0..n) {
            s.island_roots(snap, rules, os, &mut count, work);
        }
        s
    }

    /// [`run`](Self::run)'s second pass over the nodes `os`: searches from each one not
    /// numbered yet and not strongly retained, as if the root held it.
    #[inline(never)]
    fn weakly_held_roots(
        &mut self,
        snap: &HeapSnapshot,
        rules: &Essential,
        strongly_retained: &Bits,
        os: Range<usize>,
        count: &mut u32,
        work: &mut Work,
    ) {
        for o in os {
            if self.pre[o] == 0 && !strongly_retained.get(o) {
                self.rooted.set(*count as usize + 1);
                self.depth_first(snap, rules, o, 1, count, work);
            }
        }
    }

    /// [`run`](Self::run)'s last pass over the nodes `os`: searches from each one not
    /// numbered yet, everything it reaches held by the root.
    #[inline(never)]
    fn island_roots(
        &mut self,
        snap: &HeapSnapshot,
        rules: &Essential,
        os: Range<usize>,
        count: &mut u32,
        work: &mut Work,
    ) {
        for o in os {
            if self.pre[o] == 0 {
                let first = *count as usize + 1;
                self.depth_first(snap, rules, o, 1, count, work);
                for v in first..=*count as usize {
                    self.rooted.set(v);
                }
            }
        }
    }

    /// Depth-first search from node `start` (not yet numbered), whose parent is
    /// `stop`; numbers from `count + 1` on.
    fn depth_first(
        &mut self,
        snap: &HeapSnapshot,
        rules: &Essential,
        start: usize,
        stop: u32,
        count: &mut u32,
        work: &mut Work,
    ) {
        let mut v = self.number(start, stop, count, &snap.nodes.first_edge);
        work.nodes += 1;
        while v != stop {
            v = self.steps(snap, rules, v, stop, count, work);
        }
    }

    /// Up to [`BLOCK`] steps of [`depth_first`](Self::depth_first) from vertex `v`, each
    /// down to a new vertex or back up to the parent; returns the vertex reached.
    #[inline(never)]
    fn steps(
        &mut self,
        snap: &HeapSnapshot,
        rules: &Essential,
        mut v: u32,
        stop: u32,
        count: &mut u32,
        work: &mut Work,
    ) -> u32 {
        let (first_edge, to) = (&snap.nodes.first_edge, &snap.edges.to);
        for _ in 0..BLOCK {
            if v == stop {
                break;
            }
            let o = self.vertex[v as usize] as usize;
            let end = first_edge[o + 1];
            let mut next = self.parent[v as usize];
            while self.cursor[v as usize] < end {
                let e = self.cursor[v as usize] as usize;
                self.cursor[v as usize] += 1;
                work.edges += 1;
                let t = to[e] as usize;
                if self.pre[t] == 0 && rules.holds(snap, o, e, t) {
                    next = self.number(t, v, count, first_edge);
                    work.nodes += 1;
                    break;
                }
            }
            v = next;
        }
        v
    }

    /// Gives node `o` the next preorder number, with `parent`, and starts its edge
    /// cursor; returns the number.
    #[inline]
    fn number(&mut self, o: usize, parent: u32, count: &mut u32, first_edge: &[u32]) -> u32 {
        *count += 1;
        let v = *count;
        self.pre[o] = v;
        self.vertex[v as usize] = o as u32;
        self.parent[v as usize] = parent;
        self.cursor[v as usize] = first_edge[o];
        v
    }

    /// Lengauer–Tarjan's semidominators and immediate dominators, by preorder number.
    ///
    /// Three arrays of the textbook version are folded into others to lower the peak:
    /// the forest's `ancestor` links live in `parent` (a vertex is linked exactly when
    /// its own step is done, and from then on its parent is read only as its ancestor,
    /// so the vertices at or above `linked` are the linked ones); each bucket's `next`
    /// links live in `dom` (a vertex waits in one bucket, from its own step until its
    /// dominator is written over the link); and the head of the bucket of vertex `s`
    /// lives in `dom[s]` as well (a vertex is a semidominator only of vertices after
    /// it, whose buckets are all emptied by the steps of its children, before its own
    /// step writes `dom[s]`).
    fn dominators(&mut self, snap: &HeapSnapshot, rules: &Essential, work: &mut Work) -> Vec<u32> {
        let count = self.vertex.len() - 1;
        let (preds, groups) = self.predecessors(snap, rules, work);
        // Preorder numbers by ordinal are not needed any more: their buffer (one slot
        // longer) becomes the labels.
        let mut label = std::mem::take(&mut self.pre);
        label.clear();
        label.extend(0..=count as u32);
        let semi = label.clone();
        let mut lt = Steps {
            forest: Forest {
                ancestor: std::mem::take(&mut self.parent),
                linked: count as u32 + 1,
                label,
                path: Vec::new(),
            },
            semi,
            dom: vec![0u32; count + 1],
            groups: groups.backwards(),
        };
        for ws in blocks(2..count + 1).rev() {
            lt.semidominators(ws, &self.rooted, &preds, work);
        }
        let Steps { mut dom, semi, .. } = lt;
        dom[1] = 1;
        for ws in blocks(2..count + 1) {
            final_dominators(&mut dom, &semi, ws);
        }
        dom
    }

    /// The retaining edges into each vertex, as the preorder numbers of their sources,
    /// grouped by vertex (a counting sort over all edges), with where each group
    /// starts. The search's cursors hold the counts and then the offsets.
    fn predecessors(
        &mut self,
        snap: &HeapSnapshot,
        rules: &Essential,
        work: &mut Work,
    ) -> (Vec<u32>, Groups) {
        let count = self.vertex.len() - 1;
        let mut first = std::mem::take(&mut self.cursor);
        first.fill(0);
        for sources in blocks(0..count) {
            count_retainers(snap, rules, &self.pre, &mut first, sources);
        }
        // Running totals: first[w] is where vertex w's group ends...
        let mut total = 0;
        for counts in first.chunks_mut(BLOCK) {
            total = running_totals(counts, total);
        }
        let mut preds = vec![0u32; total as usize];
        // ... and, once each edge is placed just before its group's end, where it starts.
        for sources in blocks(0..count) {
            place_retainers(snap, rules, &self.pre, &mut first, &mut preds, sources);
        }
        work.edges += 2 * snap.edge_count() as u64;
        (preds, Groups::new(&first))
    }
}

/// Replaces each count by the running total from `total` on; returns the last total.
#[inline(never)]
fn running_totals(counts: &mut [u32], mut total: u32) -> u32 {
    for c in counts {
        total += *c;
        *c = total;
    }
    total
}

/// Counts the retaining edges from the nodes `sources` into each vertex: `counts[w]`.
#[inline(never)]
fn count_retainers(
    snap: &HeapSnapshot,
    rules: &Essential,
    pre: &[u32],
    counts: &mut [u32],
    sources: Range<usize>,
) {
    let to = &snap.edges.to;
    for o in sources {
        for e in snap.edge_range(o) {
            let t = to[e] as usize;
            if rules.holds(snap, o, e, t) {
                counts[pre[t] as usize] += 1;
            }
        }
    }
}

/// Places the retaining edges from the nodes `sources`: each one's source vertex goes
/// just before its target's `ends[w]`, which moves down by one.
#[inline(never)]
fn place_retainers(
    snap: &HeapSnapshot,
    rules: &Essential,
    pre: &[u32],
    ends: &mut [u32],
    preds: &mut [u32],
    sources: Range<usize>,
) {
    let to = &snap.edges.to;
    for o in sources {
        let v = pre[o];
        for e in snap.edge_range(o) {
            let t = to[e] as usize;
            if rules.holds(snap, o, e, t) {
                let end = &mut ends[pre[t] as usize];
                *end -= 1;
                preds[*end as usize] = v;
            }
        }
    }
}

/// Where each vertex's group of predecessors lies, in unary: for the vertices 1, 2, ...
/// in turn, one clear bit per predecessor and then one set bit (a bit per vertex and
/// per edge instead of an offset per vertex).
struct Groups {
    words: Vec<u64>,
    /// Vertices.
    count: usize,
}

impl Groups {
    /// The groups that start at `first[1..]` (`first[w]..first[w + 1]` is vertex `w`'s).
    fn new(first: &[u32]) -> Self {
        let count = first.len() - 2;
        let bits = first[count + 1] as usize + count;
        let mut words = vec![0u64; bits.div_ceil(64)];
        for ws in blocks(1..count + 1) {
            Self::set_ends(&mut words, first, ws);
        }
        Groups { words, count }
    }

    /// Sets the bits that end the groups of the vertices `ws`.
    #[inline(never)]
    fn set_ends(words: &mut [u64], first: &[u32], ws: Range<usize>) {
        for w in ws {
            let at = first[w + 1] as usize + w - 1;
            words[at / 64] |= 1 << (at % 64);
        }
    }

    /// The groups from the last vertex's down to vertex 2's.
    fn backwards(self) -> Backwards {
        let (w, at) = (self.count, self.words.len() * 64);
        let mut back = Backwards {
            groups: self,
            w,
            set: 0,
        };
        back.set = back.set_bit_before(at);
        back
    }
}

/// A walk down [`Groups`].
struct Backwards {
    groups: Groups,
    /// The vertex whose group comes next.
    w: usize,
    /// Where its set bit is.
    set: usize,
}

impl Backwards {
    /// Where the last set bit before bit `at` is (there is one).
    #[inline]
    fn set_bit_before(&self, at: usize) -> usize {
        let words = &self.groups.words;
        let last = at - 1;
        let mut i = last / 64;
        let mut word = words[i] & (u64::MAX >> (63 - last % 64));
        while word == 0 {
            i -= 1;
            word = words[i];
        }
        i * 64 + 63 - word.leading_zeros() as usize
    }

    /// The positions in the predecessors of vertex `w`'s group, `w` counting down from
    /// the last vertex to 2.
    #[inline]
    fn next(&mut self) -> Range<usize> {
        let w = self.w;
        let before = self.set_bit_before(self.set);
        let range = before + 2 - w..self.set + 1 - w;
        self.w -= 1;
        self.set = before;
        range
    }
}

/// The state of Lengauer–Tarjan's loop over the vertices in decreasing preorder.
struct Steps {
    forest: Forest,
    /// Per vertex: its semidominator once its step is done, until then itself.
    semi: Vec<u32>,
    /// Per vertex: bucket links, then the relative dominator; see `dominators`.
    dom: Vec<u32>,
    /// The predecessor groups still to come.
    groups: Backwards,
}

impl Steps {
    /// The steps of the vertices `ws`, the highest first (each after those above it).
    #[inline(never)]
    fn semidominators(&mut self, ws: Range<usize>, rooted: &Bits, preds: &[u32], work: &mut Work) {
        let Steps {
            forest,
            semi,
            dom,
            groups,
        } = self;
        for w in ws.rev() {
            let group = groups.next();
            if rooted.get(w) {
                semi[w] = 1;
            } else {
                let preds = &preds[group];
                work.edges += preds.len() as u64;
                for &v in preds {
                    let u = forest.eval(v, semi, work);
                    semi[w] = semi[w].min(semi[u as usize]);
                }
            }
            let s = semi[w] as usize;
            dom[w] = dom[s];
            dom[s] = w as u32;
            let p = forest.ancestor[w];
            forest.linked = w as u32;
            let mut v = std::mem::take(&mut dom[p as usize]);
            while v != 0 {
                work.checks += 1;
                let next = dom[v as usize];
                let u = forest.eval(v, semi, work);
                dom[v as usize] = if semi[u as usize] < semi[v as usize] {
                    u
                } else {
                    p
                };
                v = next;
            }
        }
    }
}

/// Lengauer–Tarjan's last step for the vertices `ws` (after those before them): a
/// relative dominator other than the semidominator gives way to its own dominator.
#[inline(never)]
fn final_dominators(dom: &mut [u32], semi: &[u32], ws: Range<usize>) {
    for w in ws {
        if dom[w] != semi[w] {
            dom[w] = dom[dom[w] as usize];
        }
    }
}

/// The nodes with at least one retainer edge that is neither weak nor a shortcut.
fn strongly_retained(snap: &HeapSnapshot, rules: &Essential, work: &mut Work) -> Bits {
    let mut held = Bits::new(snap.node_count());
    for es in blocks(0..snap.edge_count()) {
        mark_held(snap, rules, &mut held, es);
    }
    work.edges += snap.edge_count() as u64;
    held
}

/// Marks the targets of the edges `es` that are neither weak nor shortcuts.
#[inline(never)]
fn mark_held(snap: &HeapSnapshot, rules: &Essential, held: &mut Bits, es: Range<usize>) {
    for e in es {
        if !rules.weak_or_shortcut(snap, e) {
            held.set(snap.edges.to[e] as usize);
        }
    }
}

/// The forest Lengauer–Tarjan links vertices into, in decreasing preorder.
struct Forest {
    /// Per vertex: its parent in the search tree until it is linked, then its ancestor
    /// in the forest (compressed towards its tree's root).
    ancestor: Vec<u32>,
    /// The vertices numbered `linked` and up are linked; the others are roots.
    linked: u32,
    /// Per vertex: the vertex of least semidominator on its compressed path.
    label: Vec<u32>,
    /// Scratch for [`Forest::eval`]'s path.
    path: Vec<u32>,
}

impl Forest {
    /// Whether vertex `v` is linked to its parent.
    #[inline]
    fn is_linked(&self, v: u32) -> bool {
        v >= self.linked
    }

    /// Lengauer–Tarjan's EVAL: the vertex with the least semidominator on the path
    /// from `v` up to (not including) the root of its tree in the forest linked so far.
    /// Inlined into its two callers for the usual cases, a path with nothing to compress.
    #[inline(always)]
    fn eval(&mut self, v: u32, semi: &[u32], work: &mut Work) -> u32 {
        if !self.is_linked(v) {
            return v;
        }
        if self.is_linked(self.ancestor[v as usize]) {
            self.compress(v, semi, work);
        }
        self.label[v as usize]
    }

    /// Lengauer–Tarjan's COMPRESS from the linked vertex `v` whose ancestor is linked
    /// too, without recursion: collects the path whose ancestors are linked, then folds
    /// labels down it from the top.
    fn compress(&mut self, v: u32, semi: &[u32], work: &mut Work) {
        let mut x = v;
        while self.is_linked(self.ancestor[x as usize]) {
            self.path.push(x);
            x = self.ancestor[x as usize];
        }
        work.checks += self.path.len() as u64;
        let (ancestor, label) = (&mut self.ancestor, &mut self.label);
        while let Some(y) = self.path.pop() {
            let a = ancestor[y as usize] as usize;
            if semi[label[a] as usize] < semi[label[y as usize] as usize] {
                label[y as usize] = label[a];
            }
            ancestor[y as usize] = ancestor[a];
        }
    }
}

/// The immediate dominators by ordinal (from `dom`, by preorder number) and the
/// retained sizes: each node's size is added to its dominator's in reverse preorder,
/// so a node is complete before it is added (a dominator precedes what it dominates).
fn by_ordinal(
    snap: &HeapSnapshot,
    vertex: &[u32],
    dom: &[u32],
    work: &mut Work,
) -> (Vec<u32>, Vec<u64>) {
    let n = snap.node_count();
    let mut idom = vec![0u32; n];
    let mut retained = snap.nodes.self_sizes.clone();
    for vs in blocks(2..vertex.len()).rev() {
        add_to_dominators(vertex, dom, &mut idom, &mut retained, vs);
    }
    work.nodes += n as u64;
    (idom, retained)
}

/// [`by_ordinal`] for the vertices `vs`, the highest first (after those above them).
#[inline(never)]
fn add_to_dominators(
    vertex: &[u32],
    dom: &[u32],
    idom: &mut [u32],
    retained: &mut [u64],
    vs: Range<usize>,
) {
    for v in vs.rev() {
        let (o, d) = (vertex[v] as usize, vertex[dom[v] as usize]);
        idom[o] = d;
        retained[d as usize] = retained[d as usize].saturating_add(retained[o]);
    }
}
