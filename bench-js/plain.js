// The plain-JavaScript implementation of the probes: the baseline every binding is
// compared with. Same names and semantics as the Rust core's `probe` module.
'use strict';

/** Does nothing. */
function noop() {}

/** Adds two int32 values, wrapping on overflow. */
function add(a, b) {
  return (a + b) | 0;
}

/** Sums a Float64Array in order. */
function sum(values) {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

module.exports = { noop, add, sum };
