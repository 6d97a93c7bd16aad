// @bindlab/napi: the napi-rs binding. `binding.js` is the loader napi-rs generates at
// build time for the compiled `.node` file; guard.js checks arguments and receivers as
// @bindlab/wasm does, and @bindlab/api adds the JavaScript front (memwatch's events,
// gc() and HeapDiff; snapshot files and streams).
'use strict';

const { front } = require('@bindlab/api');
const { guard } = require('./guard.js');

const binding = guard(require('./binding.js'));
// An object literal, for fast properties and ESM named imports (see `front`).
module.exports = { ...binding, ...front(binding, () => module.exports) };
