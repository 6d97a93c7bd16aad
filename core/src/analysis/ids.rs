//! The node ids of a snapshot, reduced to a sorted list so that the other snapshots
//! of a leak search (baseline, final) cost 8 bytes a node (16 when ids are checked
//! for reuse) instead of a whole graph.

use crate::snapshot::{HeapSnapshot, Node};

/// How a node of one snapshot is matched with a node of another.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum IdRule {
    /// memwatch's and memlab's rule: the same id is the same object.
    #[default]
    SameId,
    /// V8 reuses ids: the same id is the same object only if its type and name are the
    /// same too; otherwise the old object was freed and a new one allocated. (In a real
    /// pair, id 599451 was a `WeakArrayList` before and a 40-byte `Object` after.)
    SameIdTypeAndName,
}

impl IdRule {
    /// The rule a binding's `sameIdTypeAndName` flag asks for.
    pub fn from_flag(same_id_type_and_name: bool) -> Self {
        if same_id_type_and_name {
            IdRule::SameIdTypeAndName
        } else {
            IdRule::SameId
        }
    }
}

/// The ids of every node of a snapshot (reachable or not, as memlab collects them),
/// sorted, each with a fingerprint of its type and name under
/// [`IdRule::SameIdTypeAndName`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeIds {
    rule: IdRule,
    ids: Vec<u64>,
    /// Per id (same order), under `SameIdTypeAndName` only: the fingerprint of the
    /// first node with it.
    prints: Vec<u64>,
}

impl NodeIds {
    /// The ids of `snap`'s nodes, matched by `rule`.
    pub fn new(snap: &HeapSnapshot, rule: IdRule) -> Self {
        let ids = &snap.nodes.ids;
        match rule {
            // The ids alone: sorting them is cheaper than sorting the ordinals by id.
            IdRule::SameId => {
                let mut ids = ids.clone();
                ids.sort_unstable();
                ids.dedup();
                NodeIds {
                    rule,
                    ids,
                    prints: Vec::new(),
                }
            }
            IdRule::SameIdTypeAndName => {
                let mut firsts: Vec<u32> = snap.ordinals_by_id().to_vec();
                firsts.dedup_by_key(|o| ids[*o as usize]);
                let prints = firsts
                    .iter()
                    .filter_map(|&o| snap.node(o as usize))
                    .map(fingerprint)
                    .collect();
                let ids = firsts.iter().map(|&o| ids[o as usize]).collect();
                NodeIds { rule, ids, prints }
            }
        }
    }

    /// Per node of `snap` (another snapshot), by ordinal: whether it is one of these,
    /// by this set's rule. One merge of two id-sorted lists, no search per node.
    pub fn members(&self, snap: &HeapSnapshot) -> Vec<bool> {
        let mut member = vec![false; snap.node_count()];
        let mut at = 0;
        for &o in snap.ordinals_by_id() {
            let id = snap.nodes.ids[o as usize];
            while self.ids.get(at).is_some_and(|&mine| mine < id) {
                at += 1;
            }
            if self.ids.get(at) != Some(&id) {
                continue;
            }
            member[o as usize] = match self.rule {
                IdRule::SameId => true,
                IdRule::SameIdTypeAndName => snap
                    .node(o as usize)
                    .is_some_and(|node| self.prints.get(at) == Some(&fingerprint(node))),
            };
        }
        member
    }

    /// The rule the ids were collected for.
    pub fn rule(&self) -> IdRule {
        self.rule
    }

    /// How many distinct ids.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether `node` (of another snapshot) is one of these, by this set's rule.
    pub fn holds(&self, node: Node<'_>) -> bool {
        let Ok(at) = self.ids.binary_search(&node.id()) else {
            return false;
        };
        match self.rule {
            IdRule::SameId => true,
            IdRule::SameIdTypeAndName => self.prints.get(at) == Some(&fingerprint(node)),
        }
    }

    /// Bytes of heap memory held, by capacity.
    pub fn heap_bytes(&self) -> usize {
        (self.ids.capacity() + self.prints.capacity()) * 8
    }
}

/// A 64-bit FNV-1a hash of a node's type name and name.
pub(crate) fn fingerprint(node: Node<'_>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in node
        .type_name()
        .bytes()
        .chain([0])
        .chain(node.name().bytes())
    {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}
