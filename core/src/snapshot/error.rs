//! The one error type of the snapshot parser: what went wrong, and the byte offset in
//! the input where it was found.

use std::fmt;

/// The largest size a snapshot may hold, node by node and added up: 2^53 - 1,
/// JavaScript's `Number.MAX_SAFE_INTEGER`, so that every size and total reaches JS as
/// an exact number.
pub const MAX_SAFE_SIZE: u64 = (1 << 53) - 1;

/// A parse failure: where it was found and what went wrong.
///
/// `offset` counts bytes from the start of the input, across all chunks fed. It points
/// at the offending byte or number where there is one; for problems found only at the
/// end (a missing section, a string index beyond the `strings` table) it is the offset
/// of the value that referred to it, or the end of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset in the input.
    pub offset: u64,
    /// What went wrong.
    pub kind: ParseErrorKind,
}

impl ParseError {
    /// Makes an error of `kind` at byte `offset`.
    pub fn new(offset: u64, kind: ParseErrorKind) -> Self {
        ParseError { offset, kind }
    }
}

/// What went wrong while parsing a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input ended early; `expected` names what should have come next.
    UnexpectedEof {
        /// What the parser was waiting for.
        expected: &'static str,
    },
    /// A byte that does not fit the grammar at this point.
    UnexpectedByte {
        /// The byte found.
        found: u8,
        /// What the parser was waiting for.
        expected: &'static str,
    },
    /// A number in `nodes` or `edges` that is not a plain non-negative decimal integer.
    InvalidNumber {
        /// Why (a sign, a fraction, an exponent, a leading zero).
        reason: &'static str,
    },
    /// An integer that does not fit in 64 bits.
    NumberOverflow,
    /// A backslash escape JSON does not define, or a bad hex digit in `\uXXXX`.
    InvalidEscape {
        /// The byte after the backslash, or the bad hex digit.
        found: u8,
    },
    /// A raw control character (below U+0020) inside a string.
    ControlCharacter {
        /// The byte found.
        found: u8,
    },
    /// A string whose bytes are not UTF-8 (the offset is the string's opening quote).
    InvalidUtf8,
    /// The `snapshot` header is larger than the parser accepts.
    HeaderTooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The header's `meta` lacks something the parser needs, or contradicts itself.
    InvalidMeta {
        /// What is wrong.
        reason: String,
    },
    /// A top-level section appears twice.
    DuplicateSection {
        /// The section's key.
        section: &'static str,
    },
    /// A top-level section came before one it depends on.
    SectionOutOfOrder {
        /// The section's key.
        section: &'static str,
        /// The section that must come first.
        requires: &'static str,
    },
    /// A required top-level section is missing (the offset is the end of the input).
    MissingSection {
        /// The section's key.
        section: &'static str,
    },
    /// A count beyond what this parser supports (ordinals are 32-bit; the string
    /// table holds at most 4 GiB).
    TooLarge {
        /// What is counted.
        what: &'static str,
        /// The count found.
        value: u64,
        /// The largest count supported.
        limit: u64,
    },
    /// A node's `self_size`, or the sum of all of them up to it, above
    /// [`MAX_SAFE_SIZE`] (the offset is that `self_size`'s).
    UnsafeSize {
        /// `"self_size"` or `"total self_size"`.
        what: &'static str,
        /// The size, or the sum up to and including this node's.
        value: u64,
    },
    /// The header's count disagrees with the data.
    CountMismatch {
        /// What is counted.
        what: &'static str,
        /// The count the header (or the nodes' `edge_count` fields) announced.
        expected: u64,
        /// The count found in the data.
        found: u64,
    },
    /// `nodes` or `edges` ended in the middle of a record.
    PartialRecord {
        /// The section's key.
        section: &'static str,
        /// Numbers read of the last record.
        fields: u32,
        /// Numbers per record, from `meta`.
        record_fields: u32,
    },
    /// A value outside its allowed range: a type beyond the type list, a string index
    /// beyond the `strings` table, a `to_node` beyond the nodes, a name beyond 32 bits.
    OutOfRange {
        /// The field.
        field: &'static str,
        /// The value found.
        value: u64,
        /// The first value not allowed.
        limit: u64,
    },
    /// A `to_node` that is not a multiple of the number of node fields.
    MisalignedNodeIndex {
        /// The value found.
        value: u64,
        /// Numbers per node.
        node_fields: u32,
    },
    /// Reading the input failed.
    Io {
        /// The I/O error's kind.
        kind: std::io::ErrorKind,
        /// The I/O error's message.
        message: String,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "heap snapshot, byte {}: {}", self.offset, self.kind)
    }
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ParseErrorKind::*;
        match self {
            UnexpectedEof { expected } => write!(f, "unexpected end of input, expected {expected}"),
            UnexpectedByte { found, expected } => {
                write!(f, "unexpected {}, expected {expected}", show_byte(*found))
            }
            InvalidNumber { reason } => {
                write!(
                    f,
                    "invalid number ({reason}), expected a non-negative integer"
                )
            }
            NumberOverflow => write!(f, "number too large, expected an integer below 2^64"),
            InvalidEscape { found } => write!(
                f,
                "invalid escape {}, expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                show_byte(*found)
            ),
            ControlCharacter { found } => write!(
                f,
                "raw control character {} in a string, expected it escaped",
                show_byte(*found)
            ),
            InvalidUtf8 => write!(f, "string is not valid UTF-8"),
            HeaderTooLarge { limit } => {
                write!(f, "`snapshot` header larger than {limit} bytes")
            }
            InvalidMeta { reason } => write!(f, "invalid `snapshot.meta`: {reason}"),
            DuplicateSection { section } => write!(f, "section `{section}` appears twice"),
            SectionOutOfOrder { section, requires } => {
                write!(
                    f,
                    "section `{section}` before `{requires}`, expected `{requires}` first"
                )
            }
            MissingSection { section } => write!(f, "missing section `{section}`"),
            TooLarge { what, value, limit } => {
                write!(f, "{what} is {value}, more than the supported {limit}")
            }
            UnsafeSize { what, value } => write!(
                f,
                "{what} {value} is above {MAX_SAFE_SIZE} (2^53 - 1), \
                 the largest size a JavaScript number holds exactly"
            ),
            CountMismatch {
                what,
                expected,
                found,
            } => {
                write!(f, "{what}: expected {expected}, found {found}")
            }
            PartialRecord {
                section,
                fields,
                record_fields,
            } => write!(
                f,
                "`{section}` ends inside a record ({fields} of {record_fields} numbers), \
                 expected a multiple of {record_fields}"
            ),
            OutOfRange {
                field,
                value,
                limit,
            } => {
                write!(f, "{field} {value} out of range, expected below {limit}")
            }
            MisalignedNodeIndex { value, node_fields } => write!(
                f,
                "to_node {value} is not a node index, expected a multiple of {node_fields}"
            ),
            Io { message, .. } => write!(f, "read failed: {message}"),
        }
    }
}

/// Shows a byte readably in a message: printable ASCII quoted, anything else in hex.
fn show_byte(b: u8) -> String {
    if b.is_ascii_graphic() || b == b' ' {
        format!("'{}'", b as char)
    } else {
        format!("byte 0x{b:02x}")
    }
}

impl std::error::Error for ParseError {}
