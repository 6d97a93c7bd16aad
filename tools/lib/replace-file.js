// Replacing a build output without writing into the file a running process may have loaded.
'use strict';

const fs = require('node:fs');

/**
 * Writes `file` anew through `write(temporary)` and a rename, never in place: a process that
 * has the old addon loaded keeps its mapping of the old file, where overwriting the same file
 * under it crashes that process (a bench worker died of SIGSEGV when a rebuild copied over the
 * .node it was running).
 */
function replaceFile(file, write) {
  const temporary = `${file}.${process.pid}.tmp`;
  write(temporary);
  fs.renameSync(temporary, file);
}

module.exports = { replaceFile };
