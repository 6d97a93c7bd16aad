//! Inputs shared by the benches and `examples/peak-memory.rs`: the synthetic snapshot
//! writers (`tests/fixtures/synth.rs`), and a before/after pair of them written into
//! `tests/fixtures/big/` (gitignored) the first time they are asked for.
//!
//! `BINDLAB_BENCH_ITEMS=N` picks the size: the pair is `items 0 N` and
//! `items N/10 N+N/10` (a tenth of the items freed, as many new). The default,
//! 860,000, makes two files of about 176 MB with about 2.6M nodes and 6.9M edges each.

#![allow(dead_code)]

#[path = "../../tests/fixtures/synth.rs"]
pub mod synth;

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::time::Instant;

/// Items in the default inputs: about 176 MB per file.
pub const DEFAULT_ITEMS: u64 = 860_000;

/// `BINDLAB_BENCH_ITEMS`, or [`DEFAULT_ITEMS`].
pub fn items() -> u64 {
    match std::env::var("BINDLAB_BENCH_ITEMS") {
        Ok(s) => match s.trim().parse::<u64>() {
            Ok(n) if n > 0 => n,
            _ => panic!("BINDLAB_BENCH_ITEMS must be a positive integer, not {s:?}"),
        },
        Err(_) => DEFAULT_ITEMS,
    }
}

/// The first snapshot of the pair (`items 0 N`), generated if missing.
pub fn before() -> PathBuf {
    ensure(0..items())
}

/// [`before`] with every lone UTF-16 surrogate escape (`\ud800` with no low half after
/// it, or a low half alone) replaced by `\ufffd`: the same length and, for bindlab
/// (which decodes a lone surrogate to U+FFFD), the same snapshot. The peers need it:
/// serde_json, and so `v8-heap-parser`, reject the original with "unexpected end of hex
/// escape". Written next to it the first time.
pub fn before_for_peers() -> PathBuf {
    let src = before();
    let path = src.with_extension("nolone.heapsnapshot");
    if path.is_file() {
        return path;
    }
    let mut bytes = fs::read(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
    let replaced = replace_lone_surrogates(&mut bytes);
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    fs::write(&tmp, &bytes)
        .and_then(|()| fs::rename(&tmp, &path))
        .unwrap_or_else(|e| {
            let _ = fs::remove_file(&tmp);
            panic!("writing {}: {e}", path.display())
        });
    eprintln!(
        "wrote {} ({replaced} lone surrogate escapes replaced by \\ufffd)",
        path.display()
    );
    path
}

/// The UTF-16 unit of the `\uXXXX` escape at `at`, if there is one.
fn unit_at(b: &[u8], at: usize) -> Option<u16> {
    let esc = b.get(at..at + 6)?;
    if esc[0] != b'\\' || esc[1] != b'u' {
        return None;
    }
    u16::from_str_radix(std::str::from_utf8(&esc[2..]).ok()?, 16).ok()
}

/// Replaces lone surrogate escapes in place (JSON text: a backslash only ever starts
/// an escape inside a string); returns how many.
fn replace_lone_surrogates(b: &mut [u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while let Some(off) = memchr::memchr(b'\\', &b[i..]) {
        i += off;
        match unit_at(b, i) {
            Some(0xd800..=0xdbff) if matches!(unit_at(b, i + 6), Some(0xdc00..=0xdfff)) => i += 12,
            Some(0xd800..=0xdfff) => {
                b[i + 2..i + 6].copy_from_slice(b"fffd");
                n += 1;
                i += 6;
            }
            _ => i += 2,
        }
    }
    n
}

/// Both snapshots of the pair, generated if missing.
pub fn pair() -> (PathBuf, PathBuf) {
    let n = items();
    (ensure(0..n), ensure(n / 10..n + n / 10))
}

/// The size of `path` in bytes.
pub fn file_len(path: &PathBuf) -> u64 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .len()
}

/// Megabytes (10^6 bytes), as criterion's `BytesDecimal` throughput counts them.
pub fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// The snapshot of `items`, written under a temporary name and renamed into place so
/// that an interrupted run never leaves a truncated input behind.
fn ensure(items: Range<u64>) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/big");
    let path = dir.join(format!("items-{}-{}.heapsnapshot", items.start, items.end));
    if path.is_file() {
        return path;
    }
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let start = Instant::now();
    let written = File::create(&tmp).and_then(|f| {
        let mut w = BufWriter::with_capacity(1 << 20, f);
        synth::write_items(&mut w, items.clone())?;
        w.flush()
    });
    written
        .and_then(|()| fs::rename(&tmp, &path))
        .unwrap_or_else(|e| {
            let _ = fs::remove_file(&tmp);
            panic!("writing {}: {e}", path.display())
        });
    eprintln!(
        "generated {} ({:.1} MB) in {:.1} s",
        path.display(),
        mb(file_len(&path)),
        start.elapsed().as_secs_f64()
    );
    path
}
