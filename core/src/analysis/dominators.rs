//! The dominator tree and retained sizes, by Lengauer and Tarjan's algorithm ("A fast
//! algorithm for finding dominators in a flowgraph", TOPLAS 1979) with path
//! compression, written without recursion: the depth-first search keeps a resumable
//! edge cursor per vertex and walks back up by parent links, and path compression
//! uses an explicit stack. Vertices are numbered in depth-first preorder from 1 (0
//! means "none"), and every array is indexed by that number.

use crate::diff::Bits;
use crate::snapshot::HeapSnapshot;
use crate::work::Work;

use super::edges::Essential;

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
    /// Per ordinal: preorder number (0 until reached).
    pre: Vec<u32>,
    /// Per preorder number: the node's ordinal (index 0 unused).
    vertex: Vec<u32>,
    /// Per preorder number: the parent's number in the search tree (0 for the root).
    parent: Vec<u32>,
    /// Per preorder number: the vertex has a virtual edge from the root (it was
    /// reached only by weak edges or not at all).
    rooted: Bits,
}

impl Search {
    /// Numbers every node of `snap`: from the root along retaining edges; then, as
    /// DevTools' `_buildPostOrderIndex` and memlab do, from each node left whose
    /// retainers are all weak or shortcuts, as if the root held it; then the rest
    /// (islands held only by each other), each under the root too.
    fn run(snap: &HeapSnapshot, rules: &Essential, work: &mut Work) -> Self {
        let n = snap.node_count();
        let mut s = Search {
            pre: vec![0; n],
            vertex: vec![0; n + 1],
            parent: vec![0; n + 1],
            rooted: Bits::new(n + 1),
        };
        let mut cursor = vec![0u32; n + 1];
        let mut count = 0u32;
        s.depth_first(snap, rules, 0, 0, &mut count, &mut cursor, work);
        if count as usize == n {
            return s;
        }
        let strongly_retained = strongly_retained(snap, rules, work);
        for o in 0..n {
            if s.pre[o] == 0 && !strongly_retained.get(o) {
                s.rooted.set(count as usize + 1);
                s.depth_first(snap, rules, o, 1, &mut count, &mut cursor, work);
            }
        }
        for o in 0..n {
            if s.pre[o] == 0 {
                let first = count as usize + 1;
                s.depth_first(snap, rules, o, 1, &mut count, &mut cursor, work);
                for v in first..=count as usize {
                    s.rooted.set(v);
                }
            }
        }
        s
    }

    /// Depth-first search from node `start` (not yet numbered), whose parent is
    /// `stop`; numbers from `count + 1` on.
    #[allow(clippy::too_many_arguments)]
    fn depth_first(
        &mut self,
        snap: &HeapSnapshot,
        rules: &Essential,
        start: usize,
        stop: u32,
        count: &mut u32,
        cursor: &mut [u32],
        work: &mut Work,
    ) {
        let (first_edge, to) = (&snap.nodes.first_edge, &snap.edges.to);
        let mut v = self.number(start, stop, count, cursor, first_edge);
        work.nodes += 1;
        while v != stop {
            let o = self.vertex[v as usize] as usize;
            let end = first_edge[o + 1];
            let mut next = self.parent[v as usize];
            while cursor[v as usize] < end {
                let e = cursor[v as usize] as usize;
                cursor[v as usize] += 1;
                work.edges += 1;
                let t = to[e] as usize;
                if self.pre[t] == 0 && rules.holds(snap, o, e, t) {
                    next = self.number(t, v, count, cursor, first_edge);
                    work.nodes += 1;
                    break;
                }
            }
            v = next;
        }
    }

    /// Gives node `o` the next preorder number, with `parent`, and starts its edge
    /// cursor; returns the number.
    fn number(
        &mut self,
        o: usize,
        parent: u32,
        count: &mut u32,
        cursor: &mut [u32],
        first_edge: &[u32],
    ) -> u32 {
        *count += 1;
        let v = *count;
        self.pre[o] = v;
        self.vertex[v as usize] = o as u32;
        self.parent[v as usize] = parent;
        cursor[v as usize] = first_edge[o];
        v
    }

    /// Lengauer–Tarjan's semidominators and immediate dominators, by preorder number.
    ///
    /// Two arrays of the textbook version are folded into others to lower the peak:
    /// the forest's `ancestor` links live in `parent` (a vertex is linked exactly when
    /// its own step is done, and from then on its parent is read only as its ancestor,
    /// so the vertices at or above `linked` are the linked ones), and each bucket's
    /// `next` links live in `dom` (a vertex waits in one bucket, from its own step until
    /// its dominator is written over the link).
    fn dominators(&mut self, snap: &HeapSnapshot, rules: &Essential, work: &mut Work) -> Vec<u32> {
        let count = self.vertex.len() - 1;
        let (first_pred, preds) = self.predecessors(snap, rules, work);
        // Preorder numbers by ordinal are not needed any more: give their memory back.
        self.pre = Vec::new();
        let mut forest = Forest {
            ancestor: std::mem::take(&mut self.parent),
            linked: count as u32 + 1,
            label: (0..=count as u32).collect(),
            path: Vec::new(),
        };
        let mut semi: Vec<u32> = forest.label.clone();
        let mut dom = vec![0u32; count + 1];
        let mut bucket_head = vec![0u32; count + 1];
        for w in (2..=count).rev() {
            if self.rooted.get(w) {
                semi[w] = 1;
            } else {
                let preds = &preds[first_pred[w] as usize..first_pred[w + 1] as usize];
                work.edges += preds.len() as u64;
                for &v in preds {
                    let u = forest.eval(v, &semi, work);
                    semi[w] = semi[w].min(semi[u as usize]);
                }
            }
            let s = semi[w] as usize;
            dom[w] = bucket_head[s];
            bucket_head[s] = w as u32;
            let p = forest.ancestor[w];
            forest.linked = w as u32;
            let mut v = std::mem::take(&mut bucket_head[p as usize]);
            while v != 0 {
                work.checks += 1;
                let next = dom[v as usize];
                let u = forest.eval(v, &semi, work);
                dom[v as usize] = if semi[u as usize] < semi[v as usize] {
                    u
                } else {
                    p
                };
                v = next;
            }
        }
        dom[1] = 1;
        for w in 2..=count {
            if dom[w] != semi[w] {
                dom[w] = dom[dom[w] as usize];
            }
        }
        dom
    }

    /// The retaining edges into each vertex, as the preorder numbers of their sources:
    /// `preds[first[w]..first[w + 1]]` (a counting sort over all edges).
    fn predecessors(
        &self,
        snap: &HeapSnapshot,
        rules: &Essential,
        work: &mut Work,
    ) -> (Vec<u32>, Vec<u32>) {
        let count = self.vertex.len() - 1;
        let to = &snap.edges.to;
        let mut first = vec![0u32; count + 2];
        let each_edge = |visit: &mut dyn FnMut(u32, u32)| {
            for o in 0..count {
                for e in snap.edge_range(o) {
                    let t = to[e] as usize;
                    if rules.holds(snap, o, e, t) {
                        visit(self.pre[o], self.pre[t]);
                    }
                }
            }
        };
        each_edge(&mut |_, w| first[w as usize + 1] += 1);
        for w in 1..first.len() {
            first[w] += first[w - 1];
        }
        let mut next = first.clone();
        let mut preds = vec![0u32; first[count + 1] as usize];
        each_edge(&mut |v, w| {
            let slot = &mut next[w as usize];
            preds[*slot as usize] = v;
            *slot += 1;
        });
        work.edges += 2 * snap.edge_count() as u64;
        (first, preds)
    }
}

/// The nodes with at least one retainer edge that is neither weak nor a shortcut.
fn strongly_retained(snap: &HeapSnapshot, rules: &Essential, work: &mut Work) -> Bits {
    let mut held = Bits::new(snap.node_count());
    for e in 0..snap.edge_count() {
        if !rules.weak_or_shortcut(snap, e) {
            held.set(snap.edges.to[e] as usize);
        }
    }
    work.edges += snap.edge_count() as u64;
    held
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
    #[inline]
    fn eval(&mut self, v: u32, semi: &[u32], work: &mut Work) -> u32 {
        if !self.is_linked(v) {
            return v;
        }
        // COMPRESS, without recursion: collect the path whose ancestors are linked, then
        // fold labels down it from the top.
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
        self.label[v as usize]
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
    for v in (2..vertex.len()).rev() {
        let (o, d) = (vertex[v] as usize, vertex[dom[v] as usize]);
        idom[o] = d;
        retained[d as usize] = retained[d as usize].saturating_add(retained[o]);
    }
    work.nodes += n as u64;
    (idom, retained)
}
