//! How much heap memory a parsed snapshot holds, so that a binding can report it to
//! its JavaScript engine (a small JS wrapper can hide hundreds of megabytes).

use std::mem::size_of_val;

use super::HeapSnapshot;

/// The allocated (not just used) bytes of a vector's buffer.
fn capacity_bytes<T>(column: &Vec<T>) -> usize {
    column.capacity() * std::mem::size_of::<T>()
}

impl HeapSnapshot {
    /// Bytes of heap memory this snapshot holds: its columns, string table and type
    /// names, counted by capacity.
    pub fn heap_bytes(&self) -> usize {
        let n = &self.nodes;
        let e = &self.edges;
        let names: usize = self
            .node_type_names
            .iter()
            .chain(&self.edge_type_names)
            .map(String::capacity)
            .sum();
        capacity_bytes(&n.types)
            + capacity_bytes(&n.names)
            + capacity_bytes(&n.ids)
            + capacity_bytes(&n.self_sizes)
            + capacity_bytes(&n.first_edge)
            + capacity_bytes(&e.types)
            + capacity_bytes(&e.names)
            + capacity_bytes(&e.to)
            + self.strings.heap_bytes()
            + names
            + size_of_val(self.node_kinds.as_slice())
            + size_of_val(self.edge_kinds.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_column() {
        let json = br#"{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],
            "node_types":[["object"],"string","number","number","number"],
            "edge_fields":["type","name_or_index","to_node"],"edge_types":[["property"],"string_or_number","node"]},
            "node_count":2,"edge_count":1},
            "nodes":[0,1,1,16,1, 0,2,3,32,0],"edges":[0,2,5],"strings":["<dummy>","Root","Leaf"]}"#;
        let snap = HeapSnapshot::from_slice(json).unwrap();
        // At least the used part of every column: 2 nodes of 1+4+8+8 bytes plus 3
        // first-edge slots, 1 edge of 1+4+4 bytes, and the strings' text.
        let used = 2 * 21 + 3 * 4 + 9 + "<dummy>RootLeaf".len();
        assert!(snap.heap_bytes() >= used, "{} < {used}", snap.heap_bytes());
    }
}
