// The experiments a reproduction can name, each `(impl, params) → Promise<evidence>`.
'use strict';

module.exports = {
  ...require('./memwatch.js'),
  ...require('./wrapped-method.js'),
  ...require('./references.js'),
};
