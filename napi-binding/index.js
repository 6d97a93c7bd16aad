// @bindlab/napi: the napi-rs binding. `binding.js` is the loader napi-rs generates at
// build time for the compiled `.node` file.
'use strict';

module.exports = require('./binding.js');
