//! JSON strings: an escape decoder that resumes across chunk boundaries, and the
//! compact table that holds the snapshot's `strings` section.
//!
//! Escapes follow JSON exactly. A *lone* surrogate (`\uD800` not followed by a
//! `\uDC00`–`\uDFFF` escape, or a low surrogate on its own) decodes to U+FFFD, as
//! `String::from_utf16_lossy` would, so every stored string is valid UTF-8 and can be
//! handed out as `&str`. (JavaScript strings may hold lone surrogates, so snapshots
//! can too.)

use super::error::{ParseError, ParseErrorKind};
use super::scan::{Between, Punct};

/// Where the decoder is inside an escape when a chunk ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Esc {
    /// Just after a backslash.
    Backslash,
    /// Inside `\uXXXX`: `n` hex digits read, their value so far, and a high surrogate
    /// that waits for its pair (0 when none).
    Hex { n: u8, val: u16, high: u16 },
    /// A high surrogate was decoded; a `\uXXXX` low surrogate may follow.
    High(u16),
    /// A high surrogate, then a backslash.
    HighBackslash(u16),
}

/// Decodes the inside of one JSON string (after its opening quote), in pieces.
#[derive(Debug)]
pub(crate) struct StrDecoder {
    /// The escape in progress, `None` among plain characters.
    esc: Option<Esc>,
}

impl StrDecoder {
    /// A decoder at the start of a string's contents.
    pub(crate) fn new() -> Self {
        StrDecoder { esc: None }
    }

    /// What the decoder waits for, for an end-of-input message.
    pub(crate) fn expected(&self) -> &'static str {
        match self.esc {
            None | Some(Esc::High(_)) => "a closing '\"'",
            Some(Esc::Backslash | Esc::HighBackslash(_)) => "an escape character after '\\'",
            Some(Esc::Hex { .. }) => "a hex digit in a \\u escape",
        }
    }

    /// Decodes `buf` (whose first byte is at input offset `base`), appending UTF-8 to
    /// `out`. Returns the index just past the closing quote, or `None` when `buf` ran
    /// out first (call again with the next chunk).
    pub(crate) fn run(
        &mut self,
        buf: &[u8],
        base: u64,
        out: &mut Vec<u8>,
    ) -> Result<Option<usize>, ParseError> {
        let mut i = 0;
        loop {
            let Some(esc) = self.esc else {
                let rest = &buf[i..];
                let stop = memchr::memchr2(b'"', b'\\', rest);
                let seg = &rest[..stop.unwrap_or(rest.len())];
                if has_control(seg) {
                    let k = seg.iter().position(|&b| b < 0x20).unwrap_or(0);
                    return Err(ParseError::new(
                        base + (i + k) as u64,
                        ParseErrorKind::ControlCharacter { found: seg[k] },
                    ));
                }
                out.extend_from_slice(seg);
                let Some(j) = stop else { return Ok(None) };
                i += j;
                if rest[j] == b'"' {
                    return Ok(Some(i + 1));
                }
                self.esc = Some(Esc::Backslash);
                i += 1;
                continue;
            };
            let Some(&b) = buf.get(i) else {
                return Ok(None);
            };
            let at = base + i as u64;
            match esc {
                Esc::Backslash => {
                    let c = match b {
                        b'"' | b'\\' | b'/' => b,
                        b'b' => 0x08,
                        b'f' => 0x0c,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'u' => {
                            self.esc = Some(Esc::Hex {
                                n: 0,
                                val: 0,
                                high: 0,
                            });
                            i += 1;
                            continue;
                        }
                        _ => {
                            return Err(ParseError::new(
                                at,
                                ParseErrorKind::InvalidEscape { found: b },
                            ))
                        }
                    };
                    out.push(c);
                    self.esc = None;
                    i += 1;
                }
                Esc::Hex { n, val, high } => {
                    let Some(d) = hex_value(b) else {
                        return Err(ParseError::new(
                            at,
                            ParseErrorKind::InvalidEscape { found: b },
                        ));
                    };
                    let val = (val << 4) | d;
                    i += 1;
                    if n < 3 {
                        self.esc = Some(Esc::Hex {
                            n: n + 1,
                            val,
                            high,
                        });
                    } else {
                        self.code_unit(val, high, out);
                    }
                }
                Esc::High(high) => {
                    if b == b'\\' {
                        self.esc = Some(Esc::HighBackslash(high));
                        i += 1;
                    } else {
                        push_char(out, char::REPLACEMENT_CHARACTER);
                        self.esc = None;
                    }
                }
                Esc::HighBackslash(high) => {
                    if b == b'u' {
                        self.esc = Some(Esc::Hex { n: 0, val: 0, high });
                        i += 1;
                    } else {
                        // The backslash starts some other escape; the surrogate stays alone.
                        push_char(out, char::REPLACEMENT_CHARACTER);
                        self.esc = Some(Esc::Backslash);
                    }
                }
            }
        }
    }

    /// Handles one decoded UTF-16 code unit, given a pending high surrogate (0 if none).
    fn code_unit(&mut self, unit: u16, high: u16, out: &mut Vec<u8>) {
        if high != 0 {
            if is_low(unit) {
                let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                push_char(
                    out,
                    char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER),
                );
                self.esc = None;
                return;
            }
            push_char(out, char::REPLACEMENT_CHARACTER);
        }
        if (0xD800..=0xDBFF).contains(&unit) {
            self.esc = Some(Esc::High(unit));
        } else {
            // A low surrogate here has no high one before it: also replaced.
            let c = char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER);
            push_char(out, c);
            self.esc = None;
        }
    }
}

fn is_low(unit: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&unit)
}

fn hex_value(b: u8) -> Option<u16> {
    (b as char).to_digit(16).map(|d| d as u16)
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut tmp = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

/// Whether `seg` holds a byte below 0x20 (written so that it vectorises).
fn has_control(seg: &[u8]) -> bool {
    seg.iter().fold(0u8, |acc, &b| acc | u8::from(b < 0x20)) != 0
}

/// The snapshot's `strings` section: every string's UTF-8 bytes in one buffer, plus
/// where each ends. Index 0 is V8's `"<dummy>"`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StringTable {
    text: String,
    ends: Vec<u32>,
}

impl StringTable {
    /// The number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The string at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)? as usize;
        let start = match index {
            0 => 0,
            _ => self.ends[index - 1] as usize,
        };
        self.text.get(start..end)
    }

    /// All strings in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// The indexes of every string equal to `s`.
    pub fn indexes_of(&self, s: &str) -> Vec<u32> {
        let mut start = 0usize;
        let mut found = Vec::new();
        for (i, &end) in self.ends.iter().enumerate() {
            let end = end as usize;
            if end - start == s.len() && self.text.as_bytes()[start..end] == *s.as_bytes() {
                found.push(i as u32);
            }
            start = end;
        }
        found
    }

    /// Appends one string; fails once the table would pass 4 GiB.
    pub(crate) fn push(&mut self, s: &str) -> Result<(), ParseErrorKind> {
        let end = self.text.len() + s.len();
        let end = u32::try_from(end).map_err(|_| ParseErrorKind::TooLarge {
            what: "total string bytes",
            value: end as u64,
            limit: u64::from(u32::MAX),
        })?;
        self.text.push_str(s);
        self.ends.push(end);
        Ok(())
    }

    /// Makes room for `extra` more bytes of text, aiming at the size the strings so far
    /// project for `expected` strings, but never beyond `limit` bytes (growing by half
    /// when the projection falls short). Sizing the buffer once avoids the copies and
    /// the holes that doubling leaves.
    fn reserve_text(&mut self, extra: usize, expected: u64, limit: u64) {
        let len = self.text.len();
        if self.text.capacity() - len >= extra {
            return;
        }
        let count = self.ends.len() as u64;
        let projected = match count {
            0 => 0,
            _ if count >= expected => 0,
            _ => (len as u64 / count).saturating_mul(expected + expected / 16),
        };
        let target = usize::try_from(projected.min(limit)).unwrap_or(usize::MAX);
        let target = target.max(len + len / 2).max(len + extra);
        self.text.reserve_exact(target - len);
    }
    /// Bytes of heap memory the table holds (its capacity, not its length).
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * std::mem::size_of::<u32>()
    }

    /// Drops spare capacity once the table is complete.
    pub(crate) fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Where the `strings` array parser is.
#[derive(Debug)]
pub(crate) struct StringsSection {
    /// Strings the nodes and edges refer to (0 if unknown): the table's likely length.
    expected: u64,
    /// Input bytes seen when the section began: a bound on what to reserve.
    seen: u64,
    between: Between,
    /// Decoding a string that started at this offset (its opening quote).
    current: Option<(StrDecoder, u64)>,
    scratch: Vec<u8>,
}

impl StringsSection {
    /// A parser waiting for the array's `[`, that expects about `expected` strings and
    /// starts at input offset `seen`. It reserves up to `expected` offsets, and text
    /// for as many strings as long as those seen so far, both capped by a quarter of
    /// `seen`.
    pub(crate) fn new(expected: u64, seen: u64, table: &mut StringTable) -> Self {
        let rows = usize::try_from(expected.min(seen / 4)).unwrap_or(0);
        table.ends.reserve_exact(rows);
        StringsSection {
            expected,
            seen,
            between: Between::Open,
            current: None,
            scratch: Vec::new(),
        }
    }

    /// What the parser waits for, for an end-of-input message.
    pub(crate) fn expected(&self) -> &'static str {
        match &self.current {
            Some((dec, _)) => dec.expected(),
            None => self.between.expected("a string"),
        }
    }

    /// Parses `buf` into `table`. Returns the index just past the closing `]`, or
    /// `None` when `buf` ran out first.
    pub(crate) fn run(
        &mut self,
        buf: &[u8],
        base: u64,
        table: &mut StringTable,
    ) -> Result<Option<usize>, ParseError> {
        let mut i = 0;
        while i < buf.len() {
            if let Some((dec, start)) = &mut self.current {
                let Some(used) = dec.run(&buf[i..], base + i as u64, &mut self.scratch)? else {
                    return Ok(None);
                };
                let s = std::str::from_utf8(&self.scratch)
                    .map_err(|_| ParseError::new(*start, ParseErrorKind::InvalidUtf8))?;
                table.reserve_text(s.len(), self.expected, self.seen / 4);
                table
                    .push(s)
                    .map_err(|kind| ParseError::new(*start, kind))?;
                self.scratch.clear();
                self.current = None;
                self.between = Between::After;
                i += used;
                continue;
            }
            let b = buf[i];
            let at = base + i as u64;
            match self.between.step(b, at, "a string")? {
                Punct::Skip => i += 1,
                Punct::Close => return Ok(Some(i + 1)),
                Punct::Value if b == b'"' => {
                    self.current = Some((StrDecoder::new(), at));
                    i += 1;
                }
                Punct::Value => {
                    return Err(ParseError::new(
                        at,
                        ParseErrorKind::UnexpectedByte {
                            found: b,
                            expected: "a string",
                        },
                    ))
                }
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_in_pieces(input: &[u8], piece: usize) -> Result<(String, usize), ParseError> {
        let mut dec = StrDecoder::new();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < input.len() {
            let end = (pos + piece).min(input.len());
            if let Some(used) = dec.run(&input[pos..end], pos as u64, &mut out)? {
                return Ok((String::from_utf8(out).unwrap(), pos + used));
            }
            pos = end;
        }
        Err(ParseError::new(
            pos as u64,
            ParseErrorKind::UnexpectedEof {
                expected: dec.expected(),
            },
        ))
    }

    fn decode(input: &str) -> String {
        let whole = decode_in_pieces(input.as_bytes(), usize::MAX).unwrap();
        for piece in 1..6 {
            assert_eq!(
                decode_in_pieces(input.as_bytes(), piece).unwrap(),
                whole,
                "piece {piece}"
            );
        }
        whole.0
    }

    #[test]
    fn plain_and_simple_escapes() {
        assert_eq!(decode("abc\"rest"), "abc");
        assert_eq!(
            decode(r#"a\"b\\c\/d\be\ff\ng\rh\ti""#),
            "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti"
        );
        assert_eq!(decode("h\u{e9}llo \u{1F600}\""), "h\u{e9}llo \u{1F600}");
    }

    #[test]
    fn unicode_escapes_and_pairs() {
        assert_eq!(decode(r#"\u0041\u00e9\u20AC""#), "A\u{e9}\u{20ac}");
        assert_eq!(decode(r#"\uD83D\uDE00""#), "\u{1F600}");
        assert_eq!(decode(r#"\u0000""#), "\u{0}");
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(decode(r#"\uD800""#), "\u{FFFD}");
        assert_eq!(decode(r#"\uDC00x""#), "\u{FFFD}x");
        assert_eq!(decode(r#"\uD800x""#), "\u{FFFD}x");
        assert_eq!(decode(r#"\uD800\n""#), "\u{FFFD}\n");
        assert_eq!(decode(r#"\uD800\u0041""#), "\u{FFFD}A");
        assert_eq!(decode(r#"\uD800\uD800\uDC00""#), "\u{FFFD}\u{10000}");
        assert_eq!(decode(r#"\uDBFF\uDFFF\uDC00""#), "\u{10FFFF}\u{FFFD}");
    }

    #[test]
    fn bad_input_is_an_error_with_its_offset() {
        let err = decode_in_pieces(br#"ab\x""#, 2).unwrap_err();
        assert_eq!(
            err,
            ParseError::new(3, ParseErrorKind::InvalidEscape { found: b'x' })
        );
        let err = decode_in_pieces(br#"\u12G4""#, 1).unwrap_err();
        assert_eq!(
            err,
            ParseError::new(4, ParseErrorKind::InvalidEscape { found: b'G' })
        );
        let err = decode_in_pieces(b"ab\ncd\"", 100).unwrap_err();
        assert_eq!(
            err,
            ParseError::new(2, ParseErrorKind::ControlCharacter { found: b'\n' })
        );
        let err = decode_in_pieces(br"abc\u00", 3).unwrap_err();
        assert!(matches!(err.kind, ParseErrorKind::UnexpectedEof { .. }));
    }

    #[test]
    fn table_stores_compactly_and_finds_strings() {
        let mut t = StringTable::default();
        for s in ["<dummy>", "", "HeapDiff", "x", "HeapDiff"] {
            t.push(s).unwrap();
        }
        assert_eq!(t.len(), 5);
        assert_eq!(t.get(1), Some(""));
        assert_eq!(t.get(2), Some("HeapDiff"));
        assert_eq!(t.get(5), None);
        assert_eq!(t.indexes_of("HeapDiff"), vec![2, 4]);
        assert_eq!(
            t.iter().collect::<Vec<_>>(),
            ["<dummy>", "", "HeapDiff", "x", "HeapDiff"]
        );
        t.shrink();
        // The text, and a 4-byte end per string.
        assert_eq!(t.heap_bytes(), "<dummy>HeapDiffxHeapDiff".len() + 5 * 4);
    }
}
