// A variant's exports behind the same argument and receiver guards as @bindlab/napi (the
// signatures of @bindlab/api/lib/check.js), so that a variant refuses bad input with the
// same TypeError or RangeError naming the call and argument, and the variants compare with
// the shipped binding guard for guard.
'use strict';

const { guard } = require('../../napi-binding/guard.js');

/** `native`'s exports guarded, or an empty API when the build is missing (`native` null). */
function guardedApi(native) {
  return native ? guard(native) : {};
}

module.exports = { guardedApi };
