// Where a variant's build output lives and how the loaders find it. The bootstrap
// (tools/lib/variant-builds.js) writes each variant's files into `variants/<id>/build/`,
// or, when the variant cannot be built here, a note `variants/<id>/build/UNAVAILABLE`
// saying what to install. A loader whose build is missing exports nothing, so every case
// on it is skipped, and says why once on stderr.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** The build folder of variant `id`. */
function buildDir(id) {
  return path.join(__dirname, '..', id, 'build');
}

/** The file the bootstrap writes instead of a build, naming what is missing. */
function unavailableNote(id) {
  return path.join(buildDir(id), 'UNAVAILABLE');
}

/** Why variant `id` cannot be loaded (its build `file` is absent), or null when it can. */
function unavailableReason(id, file) {
  if (fs.existsSync(path.join(buildDir(id), file))) return null;
  try {
    return fs.readFileSync(unavailableNote(id), 'utf8').trim();
  } catch {
    return `is not built yet: run \`node tools/bootstrap.js\``;
  }
}

/** Requires variant `id`'s built `file`, or returns null (after one stderr line) when it is absent. */
function requireBuilt(id, file) {
  const reason = unavailableReason(id, file);
  if (reason) {
    process.emitWarning(`variant ${id} ${reason}`, { code: 'BINDLAB_VARIANT_UNAVAILABLE' });
    return null;
  }
  return require(path.join(buildDir(id), file));
}

module.exports = { buildDir, unavailableNote, unavailableReason, requireBuilt };
