// A variant's exports behind the same argument and receiver guards as @bindlab/napi (the
// signatures of @bindlab/api/lib/check.js), so that a variant refuses bad input with the
// same TypeError or RangeError naming the call and argument, and the variants compare with
// the shipped binding guard for guard. Each variant has its own brands: an object one
// variant made is a foreign `this` to every other.
'use strict';

const { guardAs } = require('../../napi-binding/guard.js');

/** Variant `id`'s exports `native` guarded, or an empty API when its build is missing (`native` null). */
function guardedApi(id, native) {
  return native ? guardAs(`bindlab's ${id} variant`)(native) : {};
}

module.exports = { guardedApi };
