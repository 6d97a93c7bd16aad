// Taking a heap snapshot of this process into a binding's parser: synchronously
// through a temporary file read back in chunks, or asynchronously by streaming
// `v8.getHeapSnapshot()` (no file, and the JSON never held whole).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');

/** Writes a snapshot into a fresh private directory (mkdtemp: mode 0700 and a name
 * nobody can guess, so nothing can be planted where the file goes), parses it with
 * `parse(path)` and removes the directory, whatever happens. */
function captureSync(parse) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-heapdiff-'));
  try {
    const file = path.join(dir, 'heap.heapsnapshot');
    v8.writeHeapSnapshot(file);
    return parse(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Streams a fresh snapshot into `parseAsync(chunks)`. */
function captureAsync(parseAsync) {
  return parseAsync(v8.getHeapSnapshot());
}

module.exports = { captureSync, captureAsync };
