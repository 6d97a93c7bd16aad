// The reproductions of `npm run repro`, in report order: each claim of the seed posts as
// a named experiment (harness/lib/repro/experiments/) with the rules that confirm or refute it.
'use strict';

module.exports = [
  ...require('./memwatch.js'),
  ...require('./seed-002.js'),
  ...require('./seed-003.js'),
];
