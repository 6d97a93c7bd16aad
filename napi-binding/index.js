// @bindlab/napi: the napi-rs binding. `binding.js` is the loader napi-rs generates at
// build time for the compiled `.node` file; @bindlab/api adds the JavaScript front
// (memwatch's events, gc() and HeapDiff; snapshot files and streams).
'use strict';

const { front } = require('@bindlab/api');

// An object literal, for fast properties and ESM named imports (see `front`).
module.exports = { ...require('./binding.js'), ...front(require('./binding.js'), () => module.exports) };
