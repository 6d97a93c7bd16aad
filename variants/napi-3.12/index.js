// The napi-3.12 variant: bindlab's probes through napi-rs 3.12.0 `#[napi]` (src/, most of
// it napi-v2's sources), guarded as @bindlab/napi is.
'use strict';

const { requireBuilt } = require('../lib/built.js');
const { guardedApi } = require('../lib/guarded.js');

module.exports = guardedApi('napi-3.12', requireBuilt('napi-3.12', 'bindlab_napi_3_12.node'));
