//! The hot loop: a flat JSON array of non-negative integers (`nodes`, `edges`), read
//! digit by digit, grouped into fixed-width records and handed to a [`RecordSink`].
//! A number split across two chunks is carried over in the parser's state.

use super::error::{ParseError, ParseErrorKind};
use super::scan::{is_ws, Between};

/// The most numbers per record `meta` may declare.
pub(crate) const MAX_FIELDS: usize = 32;

/// Receives each complete record.
pub(crate) trait RecordSink {
    /// Takes one record: its numbers, and the input offset where each began.
    fn record(&mut self, vals: &[u64], offs: &[u64]) -> Result<(), ParseError>;
}

/// Where the parser is between chunks; copied into locals while a chunk is parsed.
#[derive(Clone, Copy, Debug)]
struct Cursor {
    between: Between,
    /// Inside a number (`between` is then `First` or `Next`).
    in_number: bool,
    /// The number so far.
    acc: u64,
    digits: u32,
    /// The number's first digit is `0`.
    zero_first: bool,
    /// Offset of the number's first digit.
    start: u64,
    /// Numbers read of the current record.
    field: usize,
}

/// Parser state for one integer array.
#[derive(Debug)]
pub(crate) struct NumArray {
    section: &'static str,
    width: usize,
    cursor: Cursor,
    vals: [u64; MAX_FIELDS],
    offs: [u64; MAX_FIELDS],
}

impl NumArray {
    /// A parser for `section`, before its `[`, with `width` numbers per record
    /// (1..=[`MAX_FIELDS`], checked by the caller).
    pub(crate) fn new(section: &'static str, width: usize) -> Self {
        let cursor = Cursor {
            between: Between::Open,
            in_number: false,
            acc: 0,
            digits: 0,
            zero_first: false,
            start: 0,
            field: 0,
        };
        NumArray {
            section,
            width,
            cursor,
            vals: [0; MAX_FIELDS],
            offs: [0; MAX_FIELDS],
        }
    }

    /// What the parser waits for, for an end-of-input message.
    pub(crate) fn expected(&self) -> &'static str {
        if self.cursor.in_number {
            "more digits, ',' or ']'"
        } else {
            self.cursor.between.expected("a number")
        }
    }

    /// Parses `buf` (first byte at input offset `base`). Returns the index just past
    /// the closing `]`, or `None` when `buf` ran out first.
    pub(crate) fn run<S: RecordSink>(
        &mut self,
        buf: &[u8],
        base: u64,
        sink: &mut S,
    ) -> Result<Option<usize>, ParseError> {
        let n = buf.len();
        let mut i = 0;
        let mut c = self.cursor;
        'chunk: loop {
            if !c.in_number && c.field == 0 && c.between == Between::After {
                // The layouts of Node 20 (7 node fields, 3 edge fields) and of older
                // V8 (6 node fields) get a loop unrolled for their width.
                i = match self.width {
                    3 => self.records::<S, 3>(buf, i, base, sink)?,
                    6 => self.records::<S, 6>(buf, i, base, sink)?,
                    7 => self.records::<S, 7>(buf, i, base, sink)?,
                    _ => self.records::<S, 0>(buf, i, base, sink)?,
                };
            }
            if c.in_number {
                while i < n {
                    let d = buf[i].wrapping_sub(b'0');
                    if d > 9 {
                        break;
                    }
                    c.acc = if c.digits < 19 {
                        c.acc * 10 + u64::from(d)
                    } else if c.zero_first {
                        // Zeros alone never overflow; stop them here, not at the end.
                        return Err(invalid_number(&c, d + b'0', base + i as u64));
                    } else {
                        c.acc
                            .checked_mul(10)
                            .and_then(|v| v.checked_add(u64::from(d)))
                            .ok_or(ParseError::new(c.start, ParseErrorKind::NumberOverflow))?
                    };
                    c.digits += 1;
                    i += 1;
                }
                if i == n {
                    break 'chunk;
                }
                let next = buf[i];
                if (c.zero_first && c.digits > 1) || next == b'.' || next | 0x20 == b'e' {
                    return Err(invalid_number(&c, next, base + i as u64));
                }
                let slot = c.field % MAX_FIELDS;
                self.vals[slot] = c.acc;
                self.offs[slot] = c.start;
                c.field += 1;
                if c.field == self.width {
                    c.field = 0;
                    sink.record(&self.vals[..self.width], &self.offs[..self.width])?;
                }
                c.in_number = false;
                c.between = Between::After;
                if c.field == 0 {
                    continue 'chunk;
                }
                // The usual case, `,` and the next number, skips the general loop.
                if next == b',' {
                    if let Some(&d) = buf.get(i + 1).filter(|d| d.is_ascii_digit()) {
                        c.acc = u64::from(d - b'0');
                        c.digits = 1;
                        c.zero_first = d == b'0';
                        c.start = base + i as u64 + 1;
                        c.in_number = true;
                        i += 2;
                        continue 'chunk;
                    }
                }
            }
            // Between numbers: punctuation and whitespace.
            loop {
                let Some(&b) = buf.get(i) else { break 'chunk };
                match (c.between, b) {
                    (Between::After, b',') => c.between = Between::Next,
                    (Between::First | Between::Next, b'0'..=b'9') => {
                        c.acc = u64::from(b - b'0');
                        c.digits = 1;
                        c.zero_first = b == b'0';
                        c.start = base + i as u64;
                        c.in_number = true;
                        i += 1;
                        continue 'chunk;
                    }
                    (_, b) if is_ws(b) => {}
                    (Between::Open, b'[') => c.between = Between::First,
                    (Between::First | Between::After, b']') => {
                        if c.field != 0 {
                            let kind = ParseErrorKind::PartialRecord {
                                section: self.section,
                                fields: c.field as u32,
                                record_fields: self.width as u32,
                            };
                            return Err(ParseError::new(base + i as u64, kind));
                        }
                        return Ok(Some(i + 1));
                    }
                    (Between::First | Between::Next, b'-') => {
                        let kind = ParseErrorKind::InvalidNumber { reason: "negative" };
                        return Err(ParseError::new(base + i as u64, kind));
                    }
                    (state, found) => {
                        let expected = state.expected("a number");
                        let kind = ParseErrorKind::UnexpectedByte { found, expected };
                        return Err(ParseError::new(base + i as u64, kind));
                    }
                }
                i += 1;
            }
        }
        self.cursor = c;
        Ok(None)
    }

    /// The fast path: parses whole records of the shape V8 writes from `buf[i..]`, right
    /// after a complete record, and returns where it stopped. A record qualifies when it
    /// is one optional whitespace byte, then `,` and a number of 1 to 19 digits (no
    /// leading zero, no fraction or exponent) per field, and `buf` holds the byte after
    /// its last digit. It stops before the first record that does not, leaving it (and
    /// any error in it) to the general loop in [`run`](Self::run), so the records and
    /// errors are the same whichever path reads them. `W` is the record width when
    /// known at compile time, else 0.
    #[inline]
    fn records<S: RecordSink, const W: usize>(
        &mut self,
        buf: &[u8],
        mut i: usize,
        base: u64,
        sink: &mut S,
    ) -> Result<usize, ParseError> {
        // Past the end reads as a byte that ends every shape the fast path accepts.
        let at = |j: usize| buf.get(j).copied().unwrap_or(b'x');
        let width = if W == 0 { self.width } else { W };
        loop {
            let mut j = i + usize::from(is_ws(at(i)));
            for f in 0..width {
                if at(j) != b',' {
                    return Ok(i);
                }
                let start = j + 1;
                let first = at(start).wrapping_sub(b'0');
                if first > 9 {
                    return Ok(i);
                }
                let mut acc = u64::from(first);
                j = start + 1;
                // A `0` is a whole number; what follows it is checked as a separator.
                if first != 0 {
                    while let d @ 0..=9 = at(j).wrapping_sub(b'0') {
                        acc = acc.wrapping_mul(10).wrapping_add(u64::from(d));
                        j += 1;
                    }
                    if j - start > 19 {
                        return Ok(i);
                    }
                }
                self.vals[f] = acc;
                self.offs[f] = base + start as u64;
            }
            // The byte after the last number (inside every other record it is a `,`).
            let next = at(j);
            if j >= buf.len() || next.is_ascii_digit() || next == b'.' || next | 0x20 == b'e' {
                return Ok(i);
            }
            sink.record(&self.vals[..width], &self.offs[..width])?;
            i = j;
        }
    }
}

/// The error for the number at `c` followed by `next` (at offset `at`): a fraction, an
/// exponent, or a leading zero.
#[cold]
fn invalid_number(c: &Cursor, next: u8, at: u64) -> ParseError {
    let (reason, at) = match next {
        b'.' => ("a fraction", at),
        b'e' | b'E' => ("an exponent", at),
        _ => ("a leading zero", c.start),
    };
    ParseError::new(at, ParseErrorKind::InvalidNumber { reason })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default)]
    struct Collect(Vec<(Vec<u64>, Vec<u64>)>);

    impl RecordSink for Collect {
        fn record(&mut self, vals: &[u64], offs: &[u64]) -> Result<(), ParseError> {
            self.0.push((vals.to_vec(), offs.to_vec()));
            Ok(())
        }
    }

    fn parse(input: &str, width: usize, piece: usize) -> Result<(Collect, usize), ParseError> {
        let mut arr = NumArray::new("nodes", width);
        let mut sink = Collect::default();
        let bytes = input.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let end = (pos + piece).min(bytes.len());
            if let Some(k) = arr.run(&bytes[pos..end], pos as u64, &mut sink)? {
                return Ok((sink, pos + k));
            }
            pos = end;
        }
        Err(ParseError::new(
            pos as u64,
            ParseErrorKind::UnexpectedEof {
                expected: arr.expected(),
            },
        ))
    }

    #[test]
    fn records_in_any_pieces() {
        let input = " [ 1,20 ,\n300,0,18446744073709551615,7]tail";
        for piece in [1, 2, 3, 5, 1000] {
            let (sink, end) = parse(input, 3, piece).unwrap();
            assert_eq!(end, input.len() - 4);
            assert_eq!(sink.0.len(), 2);
            assert_eq!(sink.0[0].0, [1, 20, 300]);
            assert_eq!(sink.0[0].1, [3, 5, 10]);
            assert_eq!(sink.0[1].0, [0, u64::MAX, 7]);
        }
        assert_eq!(parse("[]", 3, 1).unwrap().0 .0.len(), 0);
    }

    #[test]
    fn the_fast_path_reads_what_the_general_loop_reads() {
        let fields = ["0", "7", "42", "1234567", "18446744073709551615"];
        let mut input = String::from("[1,2,3");
        for (k, a) in fields.iter().enumerate() {
            for b in &fields {
                let sep = if k % 2 == 0 { "\n," } else { "," };
                input += &format!("{sep}{a},{b},{k}");
            }
        }
        input += "\n]";
        let whole = parse(&input, 3, usize::MAX).unwrap();
        assert_eq!(whole.0 .0.len(), 1 + fields.len() * fields.len());
        // Width 3 takes the unrolled loop, width 1 the general one.
        for width in [1, 3] {
            let at = |input: &str, piece| parse(input, width, piece).map(|(c, end)| (c.0, end));
            assert_eq!(at(&input, usize::MAX), at(&input, 1));
            let long = ",1234567,8,9\n".repeat(10);
            for odd in ["1 ", " 1", "1\n\n", "1\t", "1]", "0]"] {
                let input = format!("[1,2,3{long},7,{odd},9{long},1,2,3]");
                for piece in [7, 100, usize::MAX] {
                    assert_eq!(at(&input, piece), at(&input, 1), "{odd:?} / {piece}");
                }
            }
            let bad = ["01", "1.5", "0.5", "2e3", "-1", "x", "99999999999999999999"];
            for bad in bad {
                for input in [
                    format!("[1,2,3{long},7,{bad},9{long},1,2,3]"),
                    format!("[1,2,3{long},7,9,{bad}{long},1,2,3]"),
                ] {
                    for piece in [7, 100, usize::MAX] {
                        let err = at(&input, piece).unwrap_err();
                        assert_eq!(err, at(&input, 1).unwrap_err(), "{bad} / {piece}");
                    }
                }
            }
        }
    }

    #[test]
    fn malformed_numbers_have_offsets() {
        let kind = |input: &str| parse(input, 1, 2).unwrap_err();
        assert_eq!(
            kind("[1,-2]"),
            ParseError::new(3, ParseErrorKind::InvalidNumber { reason: "negative" })
        );
        assert_eq!(
            kind("[1.5]"),
            ParseError::new(
                2,
                ParseErrorKind::InvalidNumber {
                    reason: "a fraction"
                }
            )
        );
        assert_eq!(
            kind("[1e5]"),
            ParseError::new(
                2,
                ParseErrorKind::InvalidNumber {
                    reason: "an exponent"
                }
            )
        );
        assert_eq!(
            kind("[1,01]"),
            ParseError::new(
                3,
                ParseErrorKind::InvalidNumber {
                    reason: "a leading zero"
                }
            )
        );
        assert_eq!(
            kind("[18446744073709551616]"),
            ParseError::new(1, ParseErrorKind::NumberOverflow)
        );
        assert_eq!(
            kind("[99999999999999999999999]"),
            ParseError::new(1, ParseErrorKind::NumberOverflow)
        );
        let zeros = format!("[{}]", "0".repeat(40));
        let leading_zero = ParseErrorKind::InvalidNumber {
            reason: "a leading zero",
        };
        assert_eq!(kind(&zeros), ParseError::new(1, leading_zero));
        let e = kind("[1,,2]");
        assert_eq!(
            e,
            ParseError::new(
                3,
                ParseErrorKind::UnexpectedByte {
                    found: b',',
                    expected: "a number"
                }
            )
        );
        let e = kind("[1 2]");
        assert_eq!(
            e,
            ParseError::new(
                3,
                ParseErrorKind::UnexpectedByte {
                    found: b'2',
                    expected: "',' or ']'"
                }
            )
        );
        let e = kind("[1,]");
        assert_eq!(
            e,
            ParseError::new(
                3,
                ParseErrorKind::UnexpectedByte {
                    found: b']',
                    expected: "a number"
                }
            )
        );
        let e = kind("x");
        assert_eq!(
            e,
            ParseError::new(
                0,
                ParseErrorKind::UnexpectedByte {
                    found: b'x',
                    expected: "'['"
                }
            )
        );
        let e = parse("[1,2]", 3, 1).unwrap_err();
        let partial = ParseErrorKind::PartialRecord {
            section: "nodes",
            fields: 2,
            record_fields: 3,
        };
        assert_eq!(e, ParseError::new(4, partial));
        let e = parse("[1,2", 1, 1).unwrap_err();
        assert_eq!(
            e.kind,
            ParseErrorKind::UnexpectedEof {
                expected: "more digits, ',' or ']'"
            }
        );
    }
}
