// The two binding packages under test, by name, loaded the way a user loads them.
'use strict';

/** Every binding package, keyed by a short name used in test titles. */
const BINDINGS = {
  napi: require('@bindlab/napi'),
  wasm: require('@bindlab/wasm'),
};

module.exports = { BINDINGS };
