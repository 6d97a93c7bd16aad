// Forcing a full garbage collection without requiring `node --expose-gc`.
'use strict';

const v8 = require('node:v8');
const vm = require('node:vm');

let forceGc = null;

/** Runs a full, synchronous garbage collection. Uses `globalThis.gc` when the process
 * was started with `--expose-gc`, `Bun.gc` on Bun; otherwise sets the flag at run time and takes `gc`
 * from a fresh context (flags only affect contexts created after them). */
function gc() {
  if (forceGc === null) {
    if (typeof globalThis.gc === 'function') {
      forceGc = globalThis.gc;
    } else if (typeof globalThis.Bun?.gc === 'function') {
      forceGc = () => globalThis.Bun.gc(true); // Bun: JavaScriptCore has no V8 flags
    } else {
      v8.setFlagsFromString('--expose-gc');
      forceGc = vm.runInNewContext('gc');
    }
  }
  forceGc();
}

module.exports = { gc };
