// The wasm floor: the raw probes as plain functions over the instance's own exports,
// with none of wasm-bindgen's glue. Arrays are written straight into a scratch buffer
// in linear memory.
'use strict';

/** Builds the raw probe object from the wasm instance's exports. */
function rawProbes(exports) {
  let view = new Float64Array(0);
  return {
    noop: exports.bindlab_raw_noop,
    add: exports.bindlab_raw_add,
    mulAdd: exports.bindlab_raw_mul_add,
    sum(values) {
      const ptr = exports.bindlab_raw_scratch_f64(values.length);
      if (view.buffer !== exports.memory.buffer || view.byteOffset !== ptr || view.length < values.length) {
        view = new Float64Array(exports.memory.buffer, ptr, values.length);
      }
      view.set(values);
      return exports.bindlab_raw_sum_scratch(values.length);
    },
  };
}

module.exports = { rawProbes };
