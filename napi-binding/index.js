// @bindlab/napi: the napi-rs binding. `binding.js` is the loader napi-rs generates at
// build time for the compiled `.node` file; guard.js checks arguments and receivers as
// @bindlab/wasm does, and @bindlab/api adds the JavaScript front (memwatch's events,
// gc() and HeapDiff; snapshot files and streams) and puts the product at the top level,
// the probes, lifetime instruments and the Node-API floor (`raw`) under `lab`.
'use strict';

const { packageExports } = require('@bindlab/api');
const { guard } = require('./guard.js');

const binding = guard(require('./binding.js'));
module.exports = packageExports(binding, {}, () => module.exports);
