// Every case of bindlab, registered in one place, in report order. Each case is one file
// holding its declaration and its code:
//   bench     timing tables `{ group: [rows] }` (call-overhead.js, transfer.js, real-api.js),
//             run on every implementation by the harness's workers
//   lifetime  object-lifetime experiments (lifetime/<case>.js): runs, measures, rules, controls
//             and the `measure` function each run executes in its own child process
//   repro     claims of the seed posts (repro/<seed>.js): each with the rules that confirm or
//             refute it and how its evidence is measured
// To add a case: write its file beside the others and list it here.
'use strict';

module.exports = {
  bench: [
    require('./call-overhead.js'),
    require('./transfer.js'),
    require('./real-api.js'),
  ],
  lifetime: [
    require('./lifetime/owned.js'),
    require('./lifetime/big-handle.js'),
    require('./lifetime/held.js'),
    require('./lifetime/handle-scope.js'),
    require('./lifetime/leaks.js'),
    require('./lifetime/misuse.js'),
  ].flat(),
  repro: [
    require('./repro/memwatch.js'),
    require('./repro/seed-002.js'),
    require('./repro/seed-003.js'),
  ].flat(),
};
