// Taking a heap snapshot of this process into a binding's parser: synchronously
// through a temporary file read back in chunks, or asynchronously by streaming
// `v8.getHeapSnapshot()` (no file, and the JSON never held whole).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');

let taken = 0;

/** Writes a snapshot to a temporary file, parses it with `parse(path)` and deletes it. */
function captureSync(parse) {
  const file = path.join(os.tmpdir(), `bindlab-${process.pid}-${++taken}.heapsnapshot`);
  try {
    v8.writeHeapSnapshot(file);
    return parse(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Streams a fresh snapshot into `parseAsync(chunks)`. */
function captureAsync(parseAsync) {
  return parseAsync(v8.getHeapSnapshot());
}

module.exports = { captureSync, captureAsync };
