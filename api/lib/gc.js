// Forcing a garbage collection without requiring `node --expose-gc`: a full one by
// default, or a minor one (a scavenge of the young generation only) on V8.
'use strict';

const v8 = require('node:v8');
const vm = require('node:vm');
const { checkOptions, typeError } = require('./check.js');

const CALL = 'gc(options)';
const TYPES = ['major', 'minor'];

let forceGc = null;

/** The collector: `globalThis.gc` under `--expose-gc`, `Bun.gc` on Bun, else V8's `gc` from a fresh context. */
function collector() {
  if (typeof globalThis.gc === 'function') return { full: globalThis.gc, minor: () => globalThis.gc({ type: 'minor' }) };
  if (typeof globalThis.Bun?.gc === 'function') return { full: () => globalThis.Bun.gc(true), minor: null }; // JavaScriptCore has no V8 flags
  v8.setFlagsFromString('--expose-gc');
  const exposed = vm.runInNewContext('gc'); // flags only affect contexts created after them
  return { full: exposed, minor: () => exposed({ type: 'minor' }) };
}

/** Runs a synchronous garbage collection: a full one, or with `{ type: 'minor' }` a
 * scavenge of the young generation only (V8; an Error where the runtime has none). */
function gc(options) {
  const { type = 'major' } = checkOptions(CALL, options);
  if (!TYPES.includes(type)) throw typeError(CALL, 'options.type', "'major' or 'minor'", type);
  forceGc ??= collector();
  if (type === 'major') return void forceGc.full();
  if (forceGc.minor === null) throw new Error(`${CALL}: this runtime has no minor GC to force; use { type: 'major' }`);
  forceGc.minor();
}

module.exports = { gc };
