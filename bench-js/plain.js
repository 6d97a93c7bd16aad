// The plain-JavaScript implementation of the probe API: the baseline every binding is
// compared with. Same names and semantics as the bindings (which convert arguments the
// way Rust receives them: int32 by ToInt32, strings with lone surrogates replaced by
// U+FFFD), written the way a JavaScript programmer would, without runtime-specific APIs.
'use strict';

/** Does nothing. */
function noop() {}

/** Adds two int32 values, wrapping on overflow. */
function add(a, b) {
  return ((a | 0) + (b | 0)) | 0;
}

/** `a * b + c` in float64, rounded twice (not fused). */
function mulAdd(a, b, c) {
  return a * b + c;
}

/** Negates a boolean. */
function not(value) {
  return !value;
}

/** Adds two unsigned 64-bit integers, wrapping modulo 2^64. */
function addU64(a, b) {
  return BigInt.asUintN(64, a + b);
}

/** The length of a string in UTF-8 bytes; a lone surrogate counts as U+FFFD (3 bytes). */
function utf8Length(text) {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** Returns its argument, with lone surrogates replaced by U+FFFD as a Rust `&str` would. */
function echoString(text) {
  return text.toWellFormed();
}

/** The sum of the bytes, wrapping modulo 2^32. */
function sumBytes(bytes) {
  let total = 0;
  for (let i = 0; i < bytes.length; i++) total = (total + bytes[i]) >>> 0;
  return total;
}

/** The same sum, over a copy of the bytes made first (as a binding copying into native memory does). */
function sumBytesCopied(bytes) {
  return sumBytes(bytes.slice());
}

/** `length` bytes counting up from 0 and wrapping at 256. */
function makeBytes(length) {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = i & 255;
  return bytes;
}

/** Sums a Float64Array in order. */
function sum(values) {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** `x + y` of a small object. */
function pointSum(point) {
  return point.x + point.y;
}

/** Builds a small object. */
function makePoint(x, y) {
  return { x, y };
}

/** The sum of `f0` to `f19`, in order, starting from 0. */
function wideSum(w) {
  return 0 + w.f0 + w.f1 + w.f2 + w.f3 + w.f4 + w.f5 + w.f6 + w.f7 + w.f8 + w.f9
    + w.f10 + w.f11 + w.f12 + w.f13 + w.f14 + w.f15 + w.f16 + w.f17 + w.f18 + w.f19;
}

/** A twenty-property object with `f_i = seed + i`. */
function makeWide(seed) {
  return {
    f0: seed, f1: seed + 1, f2: seed + 2, f3: seed + 3, f4: seed + 4,
    f5: seed + 5, f6: seed + 6, f7: seed + 7, f8: seed + 8, f9: seed + 9,
    f10: seed + 10, f11: seed + 11, f12: seed + 12, f13: seed + 13, f14: seed + 14,
    f15: seed + 15, f16: seed + 16, f17: seed + 17, f18: seed + 18, f19: seed + 19,
  };
}

/** `n` points with `x = i` and `y = 2i`. */
function makePoints(n) {
  const points = new Array(n);
  for (let i = 0; i < n; i++) points[i] = { x: i, y: 2 * i };
  return points;
}

/** Calls `fn` once and returns what it returned. */
function callOnce(fn) {
  return fn();
}

/** The sum of `fn(i)` for `i` from 0 to `n - 1`, in order. */
function callMany(fn, n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += fn(i);
  return total;
}

/** A counter: the class used to measure method calls and object construction. */
class Counter {
  #value;

  /** A counter starting at `start`. */
  constructor(start) {
    this.#value = start;
  }

  /** Adds one and returns the new value. */
  increment() {
    return ++this.#value;
  }

  /** The current value. */
  get value() {
    return this.#value;
  }
}

/** Throws an Error carrying `message`. */
function throwError(message) {
  throw new Error(message);
}

module.exports = {
  noop, add, mulAdd, not, addU64, utf8Length, echoString, sumBytes, sumBytesCopied, makeBytes, sum,
  pointSum, makePoint, wideSum, makeWide, makePoints, callOnce, callMany, Counter, throwError,
};
