// Argument and lifetime guards for the wasm glue. wasm-bindgen's generated JS copies
// strings and typed arrays into linear memory without checking their type (a number
// where a string belongs ends in "memory access out of bounds"), accepts plain arrays
// where a typed array is declared, and reports a method call on a freed object as
// "null pointer passed to rust". The guards check first and throw a TypeError or Error
// naming the call, the argument and what it got — what napi-rs's own checks do.
'use strict';

const { typeError } = require('@bindlab/api/lib/check.js');

/** Argument kinds, by the name used in the tables below. */
const KINDS = {
  string: ['a string', (v) => typeof v === 'string'],
  function: ['a function', (v) => typeof v === 'function'],
  Uint8Array: ['a Uint8Array', (v) => v instanceof Uint8Array],
  Float64Array: ['a Float64Array', (v) => v instanceof Float64Array],
  any: ['anything', () => true],
};

/** Functions whose arguments wasm-bindgen does not check: name -> 'arg:kind' list. */
const FUNCTIONS = {
  utf8Length: ['text:string'],
  echoString: ['text:string'],
  throwError: ['message:string'],
  panicProbe: ['message:string'],
  sumBytes: ['bytes:Uint8Array'],
  sumBytesCopied: ['bytes:Uint8Array'],
  sum: ['values:Float64Array'],
  callOnce: ['f:function'],
  callMany: ['f:function', 'n:any'],
  makeValues: ['count:any', 'slots:any', 'scoped:any', 'every:any', 'sample:function'],
};

/** Methods, likewise: class -> method -> 'arg:kind' list. Every method and getter of
 * these classes is also guarded against use after `free()`. */
const METHODS = {
  Counter: {},
  GcMonitor: {
    on: ['event:string', 'listener:function'],
    off: ['event:string', 'listener:function'],
    listenerCount: ['event:string'],
  },
  SnapshotParser: { feed: ['chunk:Uint8Array'] },
  HeapSnapshot: {},
  HeapSummary: { diff: ['after:HeapSnapshot'] },
  Tracked: {},
  JsHolder: {},
};

/** The checks for one call: [index, name, description, test] per checked argument. */
function checksOf(exports, params) {
  return params.map((param, index) => {
    const [name, kind] = param.split(':');
    const [what, test] = KINDS[kind] ?? [`a ${kind}`, (v) => v instanceof exports[kind]];
    return [index, name, what, test];
  });
}

/** Swaps in the fresh instance a panic scheduled, before arguments are copied into the
 * old one's memory (see src/panic.rs); `noop` goes through wasm-bindgen's call guard. */
let recover = () => {};
let panicked = false;
globalThis.__bindlabWasmOnPanic = () => {
  panicked = true;
};
function afterPanic() {
  panicked = false;
  recover();
}

/** The most parameters a checked function may have: its wrapper has fixed arity, as
 * rest parameters and `apply` cost about a wasm call each (utf8Length: +20 ns). */
const MAX_ARITY = 5;

/** `fn` with its arguments checked first; `call` names it in errors. */
function checked(fn, call, checks) {
  const reject = (args) => {
    for (const [index, name, what, test] of checks) {
      if (!test(args[index])) throw typeError(call, name, what, args[index]);
    }
  };
  if (fn.length > MAX_ARITY) throw new Error(`guard.js: ${call} has more than ${MAX_ARITY} parameters`);
  // One closure per check, chained once here, so the hot path runs no iterator.
  const accepts = checks.reduce((all, [index, , , test]) => (args) => all(args) && test(args[index]), () => true);
  return function guarded(a, b, c, d, e) {
    if (panicked) afterPanic();
    const args = [a, b, c, d, e];
    if (!accepts(args)) reject(args);
    return fn.call(this, a, b, c, d, e);
  };
}

/** `fn` (named `name` in errors) with its `'arg:kind'` params checked. */
function guardArguments(exports, fn, name, params) {
  const call = `${name}(${params.map((param) => param.split(':')[0]).join(', ')})`;
  return checked(fn, call, checksOf(exports, params));
}

/** `fn` refusing to run on a freed object (wasm-bindgen zeroes `__wbg_ptr` on free). */
function live(fn, call, className) {
  if (fn.name === 'free') {
    return function free() {
      if (this.__wbg_ptr !== 0) fn.call(this);
    };
  }
  return function guarded(...args) {
    if (this.__wbg_ptr === 0) throw new Error(`${call}: this ${className} was freed (free() was called)`);
    return fn.apply(this, args);
  };
}

/** Installs the guards on the glue's exports, in place. */
function guard(exports) {
  recover = exports.noop;
  for (const [name, params] of Object.entries(FUNCTIONS)) {
    exports[name] = guardArguments(exports, exports[name], name, params);
  }
  for (const [className, methods] of Object.entries(METHODS)) {
    const proto = exports[className].prototype;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const desc = Object.getOwnPropertyDescriptor(proto, key);
      if (key === 'constructor' || key.startsWith('__')) continue;
      const call = `${className}.${key}`;
      if (desc.get) {
        Object.defineProperty(proto, key, { ...desc, get: live(desc.get, call, className) });
      } else if (typeof desc.value === 'function') {
        const params = methods[key] ?? [];
        const inner = params.length ? guardArguments(exports, desc.value, call, params) : desc.value;
        Object.defineProperty(proto, key, { ...desc, value: live(inner, call, className) });
      }
    }
  }
}

module.exports = { guard };
