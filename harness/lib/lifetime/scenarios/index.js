// The scenarios a lifetime case can name, each `(impl, sampler, params) → Promise<measures>`.
'use strict';

module.exports = {
  ...require('./owned.js'),
  ...require('./big-handle.js'),
  ...require('./held.js'),
  ...require('./handle-scope.js'),
  ...require('./leaks.js'),
  ...require('./misuse.js'),
};
