// The neon variant: bindlab's probes through neon 1.x (src/), guarded as @bindlab/napi is.
// neon exports functions only; `Counter` is the class neon's examples write around a
// `JsBox`, each method one call into the addon with the box.
'use strict';

const { requireBuilt } = require('../lib/built.js');
const { guardedApi } = require('../lib/guarded.js');

/** The addon's exports with `Counter` made a class over its boxed-counter functions. */
function withCounterClass(native) {
  const { counterNew, counterIncrement, counterValue, ...functions } = native;
  class Counter {
    #box;

    /** A counter starting at `start`. */
    constructor(start) {
      this.#box = counterNew(start);
    }

    /** Adds one and returns the new value. */
    increment() {
      return counterIncrement(this.#box);
    }

    /** The current value. */
    get value() {
      return counterValue(this.#box);
    }
  }
  return { ...functions, Counter };
}

const native = requireBuilt('neon', 'bindlab_neon.node');
module.exports = guardedApi('neon', native && withCounterClass(native));
