//! A small, strict JSON reader for the `snapshot` header (a few kilobytes): it builds a
//! value tree, which `meta` then reads. Nesting is limited, so it cannot exhaust the
//! stack however the header is written.

use super::error::{ParseError, ParseErrorKind};
use super::scan::is_ws;
use super::strings::StrDecoder;

/// Deepest nesting accepted in the header (V8 writes 4 levels).
const MAX_DEPTH: usize = 32;

/// A JSON value from the header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// `null`, `true` or `false`: the header has no use for them.
    Literal,
    /// A non-negative integer that fits in 64 bits.
    Int(u64),
    /// Any other number.
    OtherNumber,
    Str(String),
    Array(Vec<Value>),
    /// Members in input order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Parses `bytes` (found at input offset `base`) as exactly one JSON value, with
/// optional whitespace around it.
pub(crate) fn parse(bytes: &[u8], base: u64) -> Result<Value, ParseError> {
    let mut r = Reader {
        bytes,
        pos: 0,
        base,
    };
    let v = r.value(0)?;
    r.skip_ws();
    match r.peek() {
        None => Ok(v),
        Some(found) => Err(r.unexpected(found, "the end of the header")),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    base: u64,
}

impl Reader<'_> {
    fn at(&self) -> u64 {
        self.base + self.pos as u64
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(is_ws) {
            self.pos += 1;
        }
    }

    fn unexpected(&self, found: u8, expected: &'static str) -> ParseError {
        ParseError::new(
            self.at(),
            ParseErrorKind::UnexpectedByte { found, expected },
        )
    }

    /// The next non-whitespace byte, or an end-of-input error naming `expected`.
    fn next_byte(&mut self, expected: &'static str) -> Result<u8, ParseError> {
        self.skip_ws();
        self.peek().ok_or(ParseError::new(
            self.at(),
            ParseErrorKind::UnexpectedEof { expected },
        ))
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        let b = self.next_byte("a JSON value")?;
        if depth >= MAX_DEPTH && (b == b'[' || b == b'{') {
            let reason = format!("nested deeper than {MAX_DEPTH} levels");
            return Err(ParseError::new(
                self.at(),
                ParseErrorKind::InvalidMeta { reason },
            ));
        }
        match b {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => Ok(Value::Str(self.string()?)),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            b'n' => self.literal("null"),
            found => Err(self.unexpected(found, "a JSON value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.pos += 1;
        let mut members = Vec::new();
        if self.next_byte("a key or '}'")? == b'}' {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            match self.next_byte("a key")? {
                b'"' => {}
                found => return Err(self.unexpected(found, "a key")),
            }
            let key = self.string()?;
            match self.next_byte("':'")? {
                b':' => self.pos += 1,
                found => return Err(self.unexpected(found, "':'")),
            }
            let value = self.value(depth + 1)?;
            members.push((key, value));
            match self.next_byte("',' or '}'")? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                found => return Err(self.unexpected(found, "',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.pos += 1;
        let mut items = Vec::new();
        if self.next_byte("a value or ']'")? == b']' {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            match self.next_byte("',' or ']'")? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                found => return Err(self.unexpected(found, "',' or ']'")),
            }
        }
    }

    /// A string; `pos` is at its opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        let start = self.at();
        self.pos += 1;
        let mut out = Vec::new();
        let mut dec = StrDecoder::new();
        let rest = &self.bytes[self.pos..];
        let Some(used) = dec.run(rest, self.at(), &mut out)? else {
            let expected = dec.expected();
            self.pos = self.bytes.len();
            return Err(ParseError::new(
                self.at(),
                ParseErrorKind::UnexpectedEof { expected },
            ));
        };
        self.pos += used;
        String::from_utf8(out).map_err(|_| ParseError::new(start, ParseErrorKind::InvalidUtf8))
    }

    /// A JSON number: `Int` when it is a plain non-negative integer below 2^64.
    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        let digits_from = |r: &mut Self| -> Result<usize, ParseError> {
            let from = r.pos;
            while r.peek().is_some_and(|b| b.is_ascii_digit()) {
                r.pos += 1;
            }
            if r.pos == from {
                let expected = "a digit";
                return Err(match r.peek() {
                    Some(found) => r.unexpected(found, expected),
                    None => ParseError::new(r.at(), ParseErrorKind::UnexpectedEof { expected }),
                });
            }
            Ok(r.pos - from)
        };
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = digits_from(self)?;
        if int_len > 1 && self.bytes[int_start] == b'0' {
            let reason = "a leading zero";
            return Err(ParseError::new(
                self.base + int_start as u64,
                ParseErrorKind::InvalidNumber { reason },
            ));
        }
        let mut plain = !negative;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            digits_from(self)?;
            plain = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            digits_from(self)?;
            plain = false;
        }
        let text = &self.bytes[start..self.pos];
        let int = std::str::from_utf8(text)
            .ok()
            .and_then(|t| t.parse::<u64>().ok());
        Ok(match int {
            Some(v) if plain => Value::Int(v),
            _ => Value::OtherNumber,
        })
    }

    fn literal(&mut self, word: &'static str) -> Result<Value, ParseError> {
        for &want in word.as_bytes() {
            match self.peek() {
                Some(b) if b == want => self.pos += 1,
                Some(found) => return Err(self.unexpected(found, word)),
                None => {
                    return Err(ParseError::new(
                        self.at(),
                        ParseErrorKind::UnexpectedEof { expected: word },
                    ))
                }
            }
        }
        Ok(Value::Literal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_header_shaped_value() {
        let v = parse(
            br#" {"a":[["x","y"],"s"],"n":12,"f":-1.5e3,"t":true,"o":{}} "#,
            0,
        )
        .unwrap();
        assert_eq!(v.get("n"), Some(&Value::Int(12)));
        assert_eq!(v.get("f"), Some(&Value::OtherNumber));
        assert_eq!(v.get("t"), Some(&Value::Literal));
        assert_eq!(v.get("o"), Some(&Value::Object(vec![])));
        let a = Value::Array(vec![
            Value::Array(vec![Value::Str("x".into()), Value::Str("y".into())]),
            Value::Str("s".into()),
        ]);
        assert_eq!(v.get("a"), Some(&a));
        assert_eq!(
            parse(b"18446744073709551616", 0).unwrap(),
            Value::OtherNumber
        );
    }

    #[test]
    fn empty_arrays_read_as_empty_wherever_they_sit() {
        // V8 can write `meta` lists with nothing in them; each must end where its `]` is.
        let v = parse(
            br#"{"meta":{"sample_fields":[],"nested":[[],[ ],[1]],"last":[]},"n":1}"#,
            7,
        )
        .unwrap();
        let meta = v.get("meta").unwrap();
        assert_eq!(meta.get("sample_fields"), Some(&Value::Array(vec![])));
        let empty = Value::Array(vec![]);
        let nested = Value::Array(vec![
            empty.clone(),
            empty.clone(),
            Value::Array(vec![Value::Int(1)]),
        ]);
        assert_eq!(meta.get("nested"), Some(&nested));
        assert_eq!(meta.get("last"), Some(&empty));
        assert_eq!(v.get("n"), Some(&Value::Int(1)));
        assert_eq!(parse(b" [ ] ", 0).unwrap(), empty);
        let e = parse(b"[]]", 7).unwrap_err();
        let found = ParseErrorKind::UnexpectedByte {
            found: b']',
            expected: "the end of the header",
        };
        assert_eq!(e, ParseError::new(9, found));
    }

    #[test]
    fn errors_carry_offsets() {
        let e = parse(br#"{"a" 1}"#, 100).unwrap_err();
        assert_eq!(
            e,
            ParseError::new(
                105,
                ParseErrorKind::UnexpectedByte {
                    found: b'1',
                    expected: "':'"
                }
            )
        );
        let e = parse(br#"{"a":01}"#, 0).unwrap_err();
        assert_eq!(e.offset, 5);
        let e = parse(br#"{"a":[1,}"#, 0).unwrap_err();
        assert_eq!(e.offset, 8);
        let e = parse(br#"{"a":tru}"#, 0).unwrap_err();
        assert_eq!(e.offset, 8);
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(matches!(
            parse(deep.as_bytes(), 0).unwrap_err().kind,
            ParseErrorKind::InvalidMeta { .. }
        ));
    }
}
