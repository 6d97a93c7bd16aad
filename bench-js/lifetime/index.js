// The lifetime lab's cases (`npm run bench -- lifetime`), in report order. Each case reads
// like a table row: the scenario it runs (harness/lib/lifetime/scenarios/), its runs
// (binding × variant with parameters), what is sampled, and its verdict rules.
'use strict';

module.exports = [
  ...require('./owned.js'),
  ...require('./big-handle.js'),
  ...require('./held.js'),
  ...require('./handle-scope.js'),
  ...require('./leaks.js'),
  ...require('./misuse.js'),
];
