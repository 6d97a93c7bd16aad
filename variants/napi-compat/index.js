// The napi-compat variant: bindlab's probes through napi-rs 3.16 in compat mode
// (`#[js_function]` + `CallContext`, src/), guarded as @bindlab/napi is.
'use strict';

const { requireBuilt } = require('../lib/built.js');
const { guardedApi } = require('../lib/guarded.js');

module.exports = guardedApi('napi-compat', requireBuilt('napi-compat', 'bindlab_napi_compat.node'));
