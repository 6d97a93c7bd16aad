// The wasm floor: the raw probes as plain functions over the instance's own exports,
// with none of wasm-bindgen's glue. Arrays are written straight into a scratch buffer
// in linear memory, through one Float64Array over the whole memory that is rebuilt only
// when a memory growth has detached its buffer (byteLength 0). Reading
// `memory.buffer` on every call instead costs a call into the engine (the getter is
// native), which once made this floor slower than the glue it is the floor of.
'use strict';

/** Builds the raw probe object from the wasm instance's exports. */
function rawProbes(exports) {
  let memory = new Float64Array(exports.memory.buffer);
  return {
    noop: exports.bindlab_raw_noop,
    add: exports.bindlab_raw_add,
    mulAdd: exports.bindlab_raw_mul_add,
    sum(values) {
      const ptr = exports.bindlab_raw_scratch_f64(values.length);
      if (memory.byteLength === 0) memory = new Float64Array(exports.memory.buffer);
      memory.set(values, ptr >>> 3);
      return exports.bindlab_raw_sum_scratch(values.length);
    },
  };
}

module.exports = { rawProbes };
