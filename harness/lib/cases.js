// Loads the benchmark cases declared in bench-js/.
'use strict';

/** The case files, in report order. */
const CASE_FILES = ['@bindlab/bench-js/call-overhead.js'];

/** Every case whose `group/name` contains `filter` (all when no filter). */
function loadCases(filter) {
  const cases = CASE_FILES.flatMap((file) => require(file));
  return filter ? cases.filter((c) => `${c.group}/${c.name}`.includes(filter)) : cases;
}

module.exports = { loadCases };
