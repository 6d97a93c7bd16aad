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
    /// names, counted by capacity, and its dominator tree once computed.
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
            + self.dominators.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_column_by_capacity() {
        let json = br#"{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],
            "node_types":[["object"],"string","number","number","number"],
            "edge_fields":["type","name_or_index","to_node"],"edge_types":[["property"],"string_or_number","node"]},
            "node_count":2,"edge_count":1},
            "nodes":[0,1,1,16,1, 0,2,3,32,0],"edges":[0,2,5],"strings":["<dummy>","Root","Leaf"]}"#;
        let snap = HeapSnapshot::from_slice(json).unwrap();
        // The header's counts size every column exactly. Per node: a 1-byte type, 4-byte
        // name, 8-byte id and size; first edges: 4 bytes for each node and one more;
        // per edge: 1-byte type, 4-byte name, 4-byte target; the strings' text and a
        // 4-byte end each; the type names; a 1-byte kind per type.
        let nodes = 2 * (1 + 4 + 8 + 8) + 3 * 4;
        let edges = 1 + 4 + 4;
        let strings = "<dummy>RootLeaf".len() + 3 * 4;
        let types = "object".len() + "property".len() + 2;
        assert_eq!(snap.heap_bytes(), nodes + edges + strings + types);
    }
}
