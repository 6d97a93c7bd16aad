// Argument makers for the cases. Each returns an `arg()` function that rotates among a
// few values built once, up front: the timed loop sees a fresh (not constant) argument
// every call, so the JIT can neither fold it nor hoist the call out of the loop, while
// building the values costs nothing inside the measurement.
'use strict';

/** How many distinct values each argument rotates among. */
const VARIANTS = 4;

/** An `arg()` that returns `values[0]`, `values[1]`, … and wraps around. */
function rotate(values) {
  let i = -1;
  return () => values[(i = (i + 1) % values.length)];
}

/** `VARIANTS` values `make(0)`, `make(1)`, …, rotated. */
function variants(make) {
  return rotate(Array.from({ length: VARIANTS }, (_, k) => make(k)));
}

/** Small int32 values, one of them at the wrapping edge. */
const ints = () => rotate([7, -3, 2147483647, 40000]);

/** Float64 values with fractions. */
const floats = () => rotate([0.5, -1.25, 3.75, 1e6 + 0.125]);

/** Both booleans. */
const bools = () => rotate([true, false]);

/** Unsigned 64-bit BigInts, some above 2^63 so that the sum wraps. */
const u64s = () => rotate([1n, 2n ** 63n + 5n, 2n ** 64n - 1n, 123456789012345n]);

/** A fixed argument (sizes, lengths), still handed over as a computed parameter. */
const constant = (value) => rotate([value]);

const ASCII = 'abcdefghijklmnopqrstuvwxyz0123456789';
const NON_ASCII = ['é', 'ж', '€', '字', '😀', 'ß', 'ü', '→'];
const encoder = new TextEncoder();
/** The UTF-8 length of each of NON_ASCII. */
const NON_ASCII_BYTES = NON_ASCII.map((char) => encoder.encode(char).length);

/**
 * A flat string of exactly `bytes` UTF-8 bytes, varied by `seed`: ASCII letters, or a
 * mix of 2-, 3- and 4-byte characters padded with ASCII to the exact length. Built from an
 * array of characters joined once (concatenating 64 KiB a character at a time, each measured by
 * a TextEncoder, took 70 ms a string: most of a case's set-up).
 */
function text(bytes, kind, seed) {
  const chars = [];
  let used = 0;
  for (let i = seed; used < bytes; i++) {
    const size = kind === 'ascii' ? 1 : NON_ASCII_BYTES[i % NON_ASCII.length];
    const fits = used + size <= bytes;
    chars.push(kind === 'ascii' || !fits ? ASCII[i % ASCII.length] : NON_ASCII[i % NON_ASCII.length]);
    used += fits ? size : 1;
  }
  return new TextDecoder().decode(encoder.encode(chars.join('')));
}

/** Strings of `bytes` UTF-8 bytes of the given kind (`'ascii'` or `'utf8'`). */
const strings = (bytes, kind) => variants((seed) => text(bytes, kind, seed));

/**
 * A `Type` array of `length` elements, element i being `element(i)`, filled by a plain loop:
 * `Type.from({ length }, element)` walks an array-like and took 60 ms for a million elements.
 */
function filled(Type, length, element) {
  const array = new Type(length);
  for (let i = 0; i < length; i++) array[i] = element(i);
  return array;
}

/** Uint8Arrays of `length` bytes. */
const byteArrays = (length) => variants((seed) => filled(Uint8Array, length, (i) => (i * 7 + seed) & 255));

/** Float64Arrays of `length` elements. */
const float64Arrays = (length) => variants((seed) => filled(Float64Array, length, (i) => i * 0.5 + seed));

/** `{ x, y }` objects. */
const points = () => variants((seed) => ({ x: seed + 0.5, y: seed * 2 }));

/** Objects with twenty numeric properties `f0` … `f19`. */
const wides = () => variants((seed) => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, seed + i * 0.25])));

/** Callbacks made by one function literal (so call sites see one shape) returning numbers. */
const callbacks = () => variants((seed) => (i = 0) => i + seed);

module.exports = {
  rotate, ints, floats, bools, u64s, constant, strings, byteArrays, float64Arrays, points, wides, callbacks,
};
