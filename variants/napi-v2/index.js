// The napi-v2 variant: bindlab's probes through napi-rs 2.16 `#[napi]` (src/), guarded
// as @bindlab/napi is.
'use strict';

const { requireBuilt } = require('../lib/built.js');
const { guardedApi } = require('../lib/guarded.js');

module.exports = guardedApi('napi-v2', requireBuilt('napi-v2', 'bindlab_napi_v2.node'));
