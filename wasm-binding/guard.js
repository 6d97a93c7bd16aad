// Argument, receiver and lifetime guards for the wasm glue. wasm-bindgen's generated JS
// coerces or trusts what it is given: a string where a number belongs becomes 0, a
// string where a string belongs is copied in unchecked ("memory access out of bounds"),
// and a method runs on any object with a `__wbg_ptr` (`{ __wbg_ptr: 8 }` reads and writes
// linear memory at 8). The guards check first:
// - arguments, against the signatures both packages share (@bindlab/api/lib/check.js);
// - the receiver of every method and getter, and every instance argument, against a
//   brand the caller cannot forge: a module-private WeakMap from each object the
//   package made (constructors, and the methods that return instances) to its pointer;
// - a Rust panic: the next guarded call swaps in the fresh instance first (src/panic.rs),
//   and objects of the old instance then throw a clear Error saying so.
'use strict';

const { argumentCheck, checkedClass, notMadeHere, MAKERS } = require('@bindlab/api/lib/check.js');

/** Getters that answer on a freed object instead of throwing, as napi's do. */
const WHEN_FREED = { 'HeapSnapshot.heapBytes': 0, 'HeapSummary.heapBytes': 0 };

/** The most parameters a checked function may have: its wrapper has fixed arity, as
 * rest parameters and `apply` cost about a wasm call each (utf8Length: +20 ns). */
const MAX_ARITY = 5;

/** Objects this package made, each to its pointer, by class name, for the current
 * instance only (a class's map holds only its own objects: one of another class, even
 * with its prototype swapped, is refused). */
let owned = {};
/** Every object this package ever made, by class name (to tell a freed or stale one
 * from a foreign one). */
const made = {};

/** A function branding an object the glue just made as this package's `className`. */
const stampAs = (className) => (object) => {
  owned[className].set(object, object.__wbg_ptr);
  made[className].add(object);
  return object;
};

/** Whether `object` is a live `className` of the current instance that this package made. */
const isOwned = (object, className) => {
  const ptr = owned[className].get(object);
  return ptr !== undefined && ptr === object.__wbg_ptr;
};

/** The Error for `object`, which `isOwned` refused, used as `what` of `call`. */
function refusal(call, what, className, object) {
  if (!made[className].has(object)) return notMadeHere(call, what, className, '@bindlab/wasm', object);
  if (object.__wbg_ptr === 0) return new Error(`${call}: ${what} is a ${className} that was freed (free() was called)`);
  if (!owned[className].has(object)) {
    return new Error(`${call}: ${what} is a stale ${className}: it belonged to a wasm instance that a Rust panic replaced`);
  }
  return new TypeError(`${call}: ${what} is a ${className} whose __wbg_ptr was altered`);
}

/** Swaps in the fresh instance a panic scheduled, before arguments are copied into the
 * old one's memory (see src/panic.rs): `noop` goes through wasm-bindgen's call guard.
 * Objects of the old instance stop being owned. */
let recover = () => {};
let panicked = false;
let generation = 0;
globalThis.__bindlabWasmOnPanic = () => {
  panicked = true;
};
function afterPanic() {
  panicked = false;
  recover();
  owned = Object.fromEntries(Object.keys(owned).map((className) => [className, new WeakMap()]));
  generation++;
}

/** The argument check of `call`, with class-typed parameters checked against the brand. */
function checkOf(exports, call) {
  const instanceKind = (className) => ({
    type: `a ${className}`,
    is: (v) => isOwned(v, className),
    adapt(v) {
      if (made[className].has(v)) throw refusal(check.call, 'the argument', className, v);
      return undefined;
    },
  });
  const check = argumentCheck(call, instanceKind);
  if (check.arity > MAX_ARITY) throw new Error(`guard.js: ${call} has more than ${MAX_ARITY} parameters`);
  return check;
}

/** A plain function with its arguments checked (after any panic recovery). */
function guardFunction(fn, check) {
  const { accepts, settle } = check;
  return function guarded(a, b, c, d, e) {
    if (panicked) afterPanic();
    const args = [a, b, c, d, e];
    if (accepts(args)) return fn(a, b, c, d, e);
    return fn(...settle(args));
  };
}

/** A method (or getter, with no arguments) refusing a receiver this package did not make
 * or that is freed or stale, then checking its arguments; `makes` brands what it returns. */
function guardMethod(fn, check, className, makes) {
  const { accepts, settle, call } = check;
  const finish = makes ? stampAs(makes) : (result) => result;
  return function guarded(a, b, c, d, e) {
    if (panicked) afterPanic();
    const args = [a, b, c, d, e];
    if (!isOwned(this, className)) {
      // A freed or stale object of this class has its arguments checked first, as on napi.
      if (made[className].has(this) && !accepts(args)) settle(args);
      throw refusal(call, 'this', className, this);
    }
    if (accepts(args)) return finish(fn.call(this, a, b, c, d, e));
    return finish(fn.apply(this, settle(args)));
  };
}

/** A getter: the method guard without arguments, or its `WHEN_FREED` value once freed. */
function guardGetter(get, check, className) {
  const call = check.call;
  const freedValue = WHEN_FREED[call];
  return function guarded() {
    if (panicked) afterPanic();
    if (isOwned(this, className)) return get.call(this);
    if (freedValue !== undefined && made[className].has(this) && this.__wbg_ptr === 0) return freedValue;
    throw refusal(call, 'this', className, this);
  };
}

/** `free()`: frees a live object once; on a freed or stale one it does nothing (a stale
 * pointer belongs to the old instance), on a foreign one it throws. */
function guardFree(free, className) {
  return function guarded() {
    if (panicked) afterPanic();
    if (isOwned(this, className)) return free.call(this);
    if (!made[className].has(this)) throw refusal(`${className}.free()`, 'this', className, this);
  };
}

/** Installs the guards on one class's prototype, in place, and returns its constructor. */
function guardPrototype(exports, className) {
  owned[className] = new WeakMap();
  made[className] = new WeakSet();
  const proto = exports[className].prototype;
  for (const key of Object.getOwnPropertyNames(proto)) {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (key === 'constructor' || key.startsWith('__')) continue;
    if (desc.get) {
      const get = guardGetter(desc.get, checkOf(exports, `${className}.get ${key}`), className);
      Object.defineProperty(proto, key, { ...desc, get });
    } else if (key === 'free') {
      const free = guardFree(desc.value, className);
      Object.defineProperty(proto, key, { ...desc, value: free });
      if (Symbol.dispose) Object.defineProperty(proto, Symbol.dispose, { ...desc, value: free });
    } else if (typeof desc.value === 'function') {
      const value = guardMethod(desc.value, checkOf(exports, `${className}.${key}`), className, MAKERS[`${className}.${key}`]);
      Object.defineProperty(proto, key, { ...desc, value });
    }
  }
  const before = () => {
    if (panicked) afterPanic();
  };
  return checkedClass(exports[className], checkOf(exports, `new ${className}`), stampAs(className), before);
}

/** Installs the guards on the glue's exports, in place. Adds `instanceGeneration()`
 * (not enumerable, so not re-exported): how many times a panic replaced the instance,
 * counting one that is pending. */
function guard(exports) {
  recover = exports.noop;
  for (const [name, fn] of Object.entries(exports)) {
    if (typeof fn !== 'function') continue;
    if (/^[A-Z]/.test(name)) {
      exports[name] = guardPrototype(exports, name);
      continue;
    }
    const check = checkOf(exports, name);
    if (check.arity > 0) exports[name] = guardFunction(fn, check);
  }
  const instanceGeneration = () => {
    if (panicked) afterPanic();
    return generation;
  };
  Object.defineProperty(exports, 'instanceGeneration', { value: instanceGeneration, enumerable: false });
}

module.exports = { guard };
