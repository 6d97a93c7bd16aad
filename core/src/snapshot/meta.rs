//! Reads `snapshot.meta`, `node_count` and `edge_count` from the header: where each
//! field sits in a record, and the names of the node and edge types. Nothing here is
//! hard-coded but the field and type *names*, so older and newer V8 layouts (with or
//! without `trace_node_id` and `detachedness`, with more types) read alike.

use std::collections::HashSet;

use super::error::ParseErrorKind;
use super::json::Value;
use super::numbers::MAX_FIELDS;
use crate::work::Work;

/// The most node or edge types `meta` may list (types are stored in a byte).
const MAX_TYPES: usize = 256;

/// Where the node fields the parser keeps sit in a node record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NodeLayout {
    pub width: usize,
    pub type_at: usize,
    pub name_at: usize,
    pub id_at: usize,
    pub self_size_at: usize,
    pub edge_count_at: usize,
    /// How many node types `meta` lists.
    pub type_count: u64,
}

/// Where the edge fields sit in an edge record, and how each edge type names its edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EdgeLayout {
    pub width: usize,
    pub type_at: usize,
    pub name_at: usize,
    pub to_at: usize,
    /// Per edge type: `name_or_index` is an index (`element`, `hidden`), not a string.
    pub named_by_index: Vec<bool>,
}

/// Everything the parser needs from the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Meta {
    pub node: NodeLayout,
    pub edge: EdgeLayout,
    pub node_types: Vec<String>,
    pub edge_types: Vec<String>,
    pub node_count: u64,
    pub edge_count: u64,
}

/// Reads the header value (the object under `"snapshot"`), adding the field names it
/// checks to `work`.
pub(crate) fn read_meta(header: &Value, work: &mut Work) -> Result<Meta, ParseErrorKind> {
    let meta = header
        .get("meta")
        .ok_or_else(|| invalid("missing `meta`"))?;
    let node_fields = string_list(meta.get("node_fields"), "node_fields", work)?;
    let edge_fields = string_list(meta.get("edge_fields"), "edge_fields", work)?;
    let node_types = type_list(meta.get("node_types"), "node_types")?;
    let edge_types = type_list(meta.get("edge_types"), "edge_types")?;
    let at = |fields: &[String], name: &str, list: &str| {
        fields
            .iter()
            .position(|f| f == name)
            .ok_or_else(|| invalid(&format!("`{list}` lacks `{name}`")))
    };
    let node = NodeLayout {
        width: node_fields.len(),
        type_at: at(&node_fields, "type", "node_fields")?,
        name_at: at(&node_fields, "name", "node_fields")?,
        id_at: at(&node_fields, "id", "node_fields")?,
        self_size_at: at(&node_fields, "self_size", "node_fields")?,
        edge_count_at: at(&node_fields, "edge_count", "node_fields")?,
        type_count: node_types.len() as u64,
    };
    let edge = EdgeLayout {
        width: edge_fields.len(),
        type_at: at(&edge_fields, "type", "edge_fields")?,
        name_at: at(&edge_fields, "name_or_index", "edge_fields")?,
        to_at: at(&edge_fields, "to_node", "edge_fields")?,
        named_by_index: edge_types
            .iter()
            .map(|t| t == "element" || t == "hidden")
            .collect(),
    };
    Ok(Meta {
        node,
        edge,
        node_types,
        edge_types,
        node_count: count(header.get("node_count"), "node_count")?,
        edge_count: count(header.get("edge_count"), "edge_count")?,
    })
}

fn invalid(reason: &str) -> ParseErrorKind {
    ParseErrorKind::InvalidMeta {
        reason: reason.to_string(),
    }
}

/// A list of distinct field names, at most [`MAX_FIELDS`] long. Both are checked name
/// by name, so a header listing a million names costs no more than one listing 33.
fn string_list(
    v: Option<&Value>,
    name: &str,
    work: &mut Work,
) -> Result<Vec<String>, ParseErrorKind> {
    let Some(Value::Array(items)) = v else {
        return Err(invalid(&format!("`{name}` is missing or not an array")));
    };
    let mut out: Vec<String> = Vec::with_capacity(items.len().min(MAX_FIELDS));
    let mut seen = HashSet::with_capacity(out.capacity());
    for item in items {
        let Value::Str(s) = item else {
            return Err(invalid(&format!("`{name}` holds a non-string")));
        };
        if out.len() == MAX_FIELDS {
            return Err(invalid(&format!(
                "`{name}` has more than {MAX_FIELDS} fields"
            )));
        }
        work.fields += 1;
        if !seen.insert(s.as_str()) {
            return Err(invalid(&format!("`{name}` lists `{s}` twice")));
        }
        out.push(s.clone());
    }
    Ok(out)
}

/// The type names: the first element of `node_types` / `edge_types` (at most
/// [`MAX_TYPES`], checked as they are read).
fn type_list(v: Option<&Value>, name: &str) -> Result<Vec<String>, ParseErrorKind> {
    let first = match v {
        Some(Value::Array(items)) => items.first(),
        _ => None,
    };
    let Some(Value::Array(types)) = first else {
        return Err(invalid(&format!("`{name}[0]` is missing or not an array")));
    };
    let mut out = Vec::with_capacity(types.len().min(MAX_TYPES));
    for t in types {
        let Value::Str(s) = t else {
            return Err(invalid(&format!("`{name}[0]` holds a non-string")));
        };
        if out.len() == MAX_TYPES {
            return Err(invalid(&format!(
                "`{name}[0]` has more than {MAX_TYPES} types"
            )));
        }
        out.push(s.clone());
    }
    Ok(out)
}

/// `node_count` or `edge_count`: an integer that fits the 32-bit ordinals.
fn count(v: Option<&Value>, name: &'static str) -> Result<u64, ParseErrorKind> {
    match v {
        Some(&Value::Int(n)) if n <= u64::from(u32::MAX) => Ok(n),
        Some(&Value::Int(n)) => Err(ParseErrorKind::TooLarge {
            what: name,
            value: n,
            limit: u64::from(u32::MAX),
        }),
        _ => Err(invalid(&format!(
            "`{name}` is missing or not an integer in 0..2^64"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::json::parse;

    fn read_meta_of(header: &Value) -> Result<Meta, ParseErrorKind> {
        read_meta(header, &mut Work::default())
    }

    /// The five fields the parser needs, then `extra` more named `f0`, `f1`...
    fn node_fields(extra: usize) -> String {
        let mut fields = vec![r#""type","name","id","self_size","edge_count""#.to_string()];
        fields.extend((0..extra).map(|k| format!(r#""f{k}""#)));
        format!("[{}]", fields.join(","))
    }

    fn header(node_fields: &str, extra: &str) -> Value {
        let text = format!(
            r#"{{"meta":{{"node_fields":{node_fields},"node_types":[["hidden","object"],"string"],
            "edge_fields":["to_node","type","name_or_index"],
            "edge_types":[["context","element","property","hidden","weak"]]}},
            "node_count":3,"edge_count":2{extra}}}"#
        );
        parse(text.as_bytes(), 0).unwrap()
    }

    #[test]
    fn offsets_come_from_meta() {
        let m = read_meta_of(&header(
            r#"["id","type","self_size","name","edge_count"]"#,
            "",
        ))
        .unwrap();
        assert_eq!(
            m.node,
            NodeLayout {
                width: 5,
                type_at: 1,
                name_at: 3,
                id_at: 0,
                self_size_at: 2,
                edge_count_at: 4,
                type_count: 2
            }
        );
        assert_eq!(
            (m.edge.width, m.edge.type_at, m.edge.name_at, m.edge.to_at),
            (3, 1, 2, 0)
        );
        assert_eq!(m.edge.named_by_index, [false, true, false, true, false]);
        assert_eq!((m.node_count, m.edge_count), (3, 2));
    }

    #[test]
    fn bad_meta_is_explained() {
        let e = read_meta_of(&header(r#"["type","name","id","self_size"]"#, "")).unwrap_err();
        assert_eq!(e, invalid("`node_fields` lacks `edge_count`"));
        let e = read_meta_of(&header(r#"["type","type"]"#, "")).unwrap_err();
        assert_eq!(e, invalid("`node_fields` lists `type` twice"));
        let fields = r#"["type","name","id","self_size","edge_count"]"#;
        let text = format!(r#"{{"meta":{{"node_fields":{fields}}},"node_count":1}}"#);
        let e = read_meta_of(&parse(text.as_bytes(), 0).unwrap()).unwrap_err();
        assert_eq!(e, invalid("`edge_fields` is missing or not an array"));
        let big = parse(br#"{"n":4294967296,"m":1.5,"s":"x"}"#, 0).unwrap();
        let limit = u64::from(u32::MAX);
        assert_eq!(
            count(big.get("n"), "n"),
            Err(ParseErrorKind::TooLarge {
                what: "n",
                value: 1 << 32,
                limit
            })
        );
        assert!(count(big.get("m"), "m").is_err());
        assert!(count(big.get("s"), "s").is_err());
    }

    #[test]
    fn the_field_limit_is_exact() {
        let m = read_meta_of(&header(&node_fields(MAX_FIELDS - 5), "")).unwrap();
        assert_eq!(m.node.width, MAX_FIELDS);
        let e = read_meta_of(&header(&node_fields(MAX_FIELDS - 4), "")).unwrap_err();
        assert_eq!(e, invalid("`node_fields` has more than 32 fields"));
        let types = |n: usize| {
            let names: Vec<String> = (0..n).map(|k| format!(r#""t{k}""#)).collect();
            let text = format!(r#"[[{}]]"#, names.join(","));
            parse(text.as_bytes(), 0).unwrap()
        };
        assert_eq!(type_list(Some(&types(MAX_TYPES)), "t").unwrap().len(), 256);
        assert_eq!(
            type_list(Some(&types(MAX_TYPES + 1)), "t").unwrap_err(),
            invalid("`t[0]` has more than 256 types")
        );
    }

    /// Field names are checked once each, and no further than the limit: the work
    /// grows at most 8 times from n to 8n names, and not at all past the limit.
    #[test]
    fn field_checks_cost_linear_work() {
        let work = |extra: usize| {
            let mut work = Work::default();
            let _ = read_meta(&header(&node_fields(extra), ""), &mut work);
            work.fields
        };
        // 5 + 3 (the edge fields), then 5 + 24 + 3.
        assert_eq!((work(3), work(24)), (11, 32));
        // Refused at the 33rd name, unchecked, however many follow.
        assert_eq!(work(4_000), 32);
        assert_eq!(work(32_000), 32);
        let e = read_meta_of(&header(&node_fields(32_000), "")).unwrap_err();
        assert_eq!(e, invalid("`node_fields` has more than 32 fields"));
    }
}
