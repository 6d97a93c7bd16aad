//! Lexical helpers shared by the sections: JSON whitespace, array punctuation, and a
//! scanner that finds where a JSON value ends without decoding it (to skip sections
//! the parser does not keep, and to capture the small `snapshot` header).

use super::error::{ParseError, ParseErrorKind};

/// JSON whitespace.
#[inline]
pub(crate) fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t')
}

/// Where an array parser is between two values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Between {
    /// Before the opening `[`.
    Open,
    /// After `[`: a value or `]`.
    First,
    /// After `,`: a value.
    Next,
    /// After a value: `,` or `]`.
    After,
}

/// What a byte between values means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Punct {
    /// Consumed (whitespace, `[` or `,`).
    Skip,
    /// Starts a value; not consumed.
    Value,
    /// The closing `]`; consumed.
    Close,
}

impl Between {
    /// What this position waits for, naming array elements `value`.
    pub(crate) fn expected(self, value: &'static str) -> &'static str {
        match self {
            Between::Open => "'['",
            Between::First | Between::Next => value,
            Between::After => "',' or ']'",
        }
    }

    /// Reacts to byte `b` (at input offset `at`), where `value` names the elements.
    #[inline]
    pub(crate) fn step(
        &mut self,
        b: u8,
        at: u64,
        value: &'static str,
    ) -> Result<Punct, ParseError> {
        match (*self, b) {
            (_, b) if is_ws(b) => Ok(Punct::Skip),
            (Between::Open, b'[') => {
                *self = Between::First;
                Ok(Punct::Skip)
            }
            (Between::After, b',') => {
                *self = Between::Next;
                Ok(Punct::Skip)
            }
            (Between::First | Between::After, b']') => Ok(Punct::Close),
            (Between::First | Between::Next, _) => Ok(Punct::Value),
            (state, found) => Err(ParseError::new(
                at,
                ParseErrorKind::UnexpectedByte {
                    found,
                    expected: state.expected(value),
                },
            )),
        }
    }
}

/// Where the value scanner is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scan {
    /// Before the value (whitespace allowed).
    Start,
    /// Inside a number or literal at the top level; ends before the next delimiter.
    Scalar,
    /// Inside arrays and objects.
    Nested,
    /// Inside a string (`escaped`: just after a backslash).
    Str { escaped: bool },
}

/// Finds the end of one JSON value, however it is split into chunks. It checks only
/// that brackets match and strings end; it does not decode or validate the rest.
#[derive(Debug)]
pub(crate) struct Skipper {
    scan: Scan,
    /// Open brackets, innermost last.
    open: Vec<u8>,
}

impl Skipper {
    /// A scanner before a value.
    pub(crate) fn new() -> Self {
        Skipper {
            scan: Scan::Start,
            open: Vec::new(),
        }
    }

    /// What the scanner waits for, for an end-of-input message.
    pub(crate) fn expected(&self) -> &'static str {
        match self.scan {
            Scan::Start => "a JSON value",
            Scan::Scalar => "',' or '}' after a value",
            Scan::Nested => "the end of a skipped array or object",
            Scan::Str { .. } => "a closing '\"'",
        }
    }

    /// Scans `buf` (first byte at input offset `base`). Returns the index just past
    /// the value (for a top-level number or literal: the index of the delimiter after
    /// it), or `None` when `buf` ran out first.
    pub(crate) fn run(&mut self, buf: &[u8], base: u64) -> Result<Option<usize>, ParseError> {
        let mut i = 0;
        while i < buf.len() {
            match self.scan {
                Scan::Start => {
                    let b = buf[i];
                    match b {
                        b'[' | b'{' => {
                            self.open.push(b);
                            self.scan = Scan::Nested;
                        }
                        b'"' => self.scan = Scan::Str { escaped: false },
                        b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => self.scan = Scan::Scalar,
                        b if is_ws(b) => {}
                        found => {
                            return Err(ParseError::new(
                                base + i as u64,
                                ParseErrorKind::UnexpectedByte {
                                    found,
                                    expected: "a JSON value",
                                },
                            ))
                        }
                    }
                    i += 1;
                }
                Scan::Scalar => {
                    match buf[i..]
                        .iter()
                        .position(|&b| matches!(b, b',' | b'}' | b']') || is_ws(b))
                    {
                        Some(k) => return Ok(Some(i + k)),
                        None => return Ok(None),
                    }
                }
                Scan::Nested => {
                    let Some(k) = buf[i..]
                        .iter()
                        .position(|&b| matches!(b, b'[' | b']' | b'{' | b'}' | b'"'))
                    else {
                        return Ok(None);
                    };
                    i += k;
                    let b = buf[i];
                    match b {
                        b'[' | b'{' => self.open.push(b),
                        b'"' => self.scan = Scan::Str { escaped: false },
                        _ => {
                            let want = if b == b']' { b'[' } else { b'{' };
                            if self.open.pop() != Some(want) {
                                let expected = "a bracket matching the one it closes";
                                return Err(ParseError::new(
                                    base + i as u64,
                                    ParseErrorKind::UnexpectedByte { found: b, expected },
                                ));
                            }
                            if self.open.is_empty() {
                                return Ok(Some(i + 1));
                            }
                        }
                    }
                    i += 1;
                }
                Scan::Str { escaped: true } => {
                    self.scan = Scan::Str { escaped: false };
                    i += 1;
                }
                Scan::Str { escaped: false } => {
                    let Some(k) = memchr::memchr2(b'"', b'\\', &buf[i..]) else {
                        return Ok(None);
                    };
                    i += k;
                    if buf[i] == b'\\' {
                        self.scan = Scan::Str { escaped: true };
                    } else if self.open.is_empty() {
                        return Ok(Some(i + 1));
                    } else {
                        self.scan = Scan::Nested;
                    }
                    i += 1;
                }
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scans `input` in pieces of `piece` bytes; returns where the value ends.
    fn end_of(input: &str, piece: usize) -> Result<Option<usize>, ParseError> {
        let mut s = Skipper::new();
        let bytes = input.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let end = (pos + piece).min(bytes.len());
            if let Some(k) = s.run(&bytes[pos..end], pos as u64)? {
                return Ok(Some(pos + k));
            }
            pos = end;
        }
        Ok(None)
    }

    #[test]
    fn finds_the_end_of_any_value_in_any_pieces() {
        let cases = [
            (r#"[1,[2,{"a":"]}"}],3] ,"#, 20),
            (r#" {"x":"\"}\\"} }"#, 14),
            (r#""str\"ing",1"#, 10),
            ("123,", 3),
            ("true}", 4),
            ("[]", 2),
        ];
        for (input, end) in cases {
            for piece in [1, 2, 3, 7, 100] {
                assert_eq!(
                    end_of(input, piece).unwrap(),
                    Some(end),
                    "{input} / {piece}"
                );
            }
        }
        assert_eq!(end_of("[1,2", 1).unwrap(), None);
    }

    #[test]
    fn mismatched_brackets_and_garbage_are_errors() {
        let err = end_of("[1,2}", 2).unwrap_err();
        assert_eq!(err.offset, 4);
        let err = end_of("  :", 1).unwrap_err();
        assert_eq!(
            err,
            ParseError::new(
                2,
                ParseErrorKind::UnexpectedByte {
                    found: b':',
                    expected: "a JSON value"
                }
            )
        );
    }

    #[test]
    fn array_punctuation() {
        let mut b = Between::Open;
        assert_eq!(b.step(b' ', 0, "x").unwrap(), Punct::Skip);
        assert_eq!(b.step(b'[', 0, "x").unwrap(), Punct::Skip);
        assert_eq!(b.step(b']', 0, "x").unwrap(), Punct::Close);
        let mut b = Between::Next;
        assert_eq!(b.step(b']', 5, "x").unwrap(), Punct::Value);
        let mut b = Between::After;
        let err = b.step(b'1', 7, "x").unwrap_err();
        assert_eq!(
            err.kind,
            ParseErrorKind::UnexpectedByte {
                found: b'1',
                expected: "',' or ']'"
            }
        );
    }
}
