// @bindlab/napi: the napi-rs binding. `binding.js` is the loader napi-rs generates at
// build time for the compiled `.node` file; @bindlab/api adds the JavaScript front
// (memwatch's events, gc() and HeapDiff; snapshot files and streams).
'use strict';

module.exports = require('./binding.js');
require('@bindlab/api').install(module.exports);
