// A content hash over a set of files and folders, used to decide whether a build's
// inputs changed. Content, not modification times: a fresh `git clone` gives every
// file a new mtime but the same bytes.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

/** Lists the files below `entry` (itself when it is a file), sorted, skipping build output. */
function listFiles(root, entry) {
  const full = path.join(root, entry);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [entry];
  return fs.readdirSync(full).sort()
    .filter((name) => name !== 'target' && name !== 'node_modules')
    .flatMap((name) => listFiles(root, path.join(entry, name)));
}

/** Returns a hex SHA-256 over the names and contents of every file under `entries`. */
function fingerprint(root, entries) {
  const hash = crypto.createHash('sha256');
  for (const file of entries.flatMap((entry) => listFiles(root, entry))) {
    hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

module.exports = { fingerprint };
