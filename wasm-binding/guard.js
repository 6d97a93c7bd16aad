// Argument, receiver and lifetime guards for the wasm glue. wasm-bindgen's generated JS
// coerces or trusts what it is given: a string where a number belongs becomes 0, a
// string where a string belongs is copied in unchecked ("memory access out of bounds"),
// and a method runs on any object with a `__wbg_ptr` (`{ __wbg_ptr: 8 }` reads and writes
// linear memory at 8). The guards check first:
// - arguments, against the signatures both packages share (@bindlab/api/lib/check.js);
// - the receiver of every method and getter, and every instance argument, against a
//   brand the caller cannot forge: a private class field, per class, on each object the
//   package made (constructors, and the methods that return instances), holding its
//   pointer and instance generation;
// - a Rust panic: the next guarded call swaps in the fresh instance first (src/panic.rs),
//   and objects of the old instance then throw a clear Error saying so.
'use strict';

const { argumentCheck, checkedClass, guardExports, notMadeHere, MAKERS } = require('@bindlab/api/lib/check.js');

/** Getters that answer on a freed object instead of throwing, as napi's do. */
const WHEN_FREED = { 'HeapSnapshot.heapBytes': 0, 'HeapSummary.heapBytes': 0, 'NodeIds.heapBytes': 0 };

/**
 * A brand for one class: a private field that an object the glue made gets through a
 * constructor returning the object it is handed (the "return override"). No code outside
 * this module can add, read or fake it, and a Proxy does not forward it. It holds the
 * object's pointer and the generation of the instance it belongs to. A private-field
 * check is an inline-cached property load; a WeakMap lookup costs a builtin call.
 */
function makeBrand() {
  class Base {
    constructor(object) {
      return object;
    }
  }
  class Brand extends Base {
    #ptr;
    #generation;

    constructor(object, ptr, generation) {
      super(object);
      this.#ptr = ptr;
      this.#generation = generation;
    }

    /** Whether `object` is branded, of `generation`, with its pointer as it was made. */
    static owns(object, generation) {
      try {
        return object.#ptr === object.__wbg_ptr && object.#generation === generation;
      } catch {
        return false; // reading a private field of an object without it throws: not branded
      }
    }

    /** Whether `object` is branded at all. */
    static marks(object) {
      return typeof object === 'object' && object !== null && #ptr in object;
    }

    /** The generation a branded `object` was made in. */
    static generationOf(object) {
      return object.#generation;
    }
  }
  return Brand;
}

/** Each class's brand, by class name. */
const brands = {};

/** A function branding an object the glue just made as this package's `className`. */
const stampAs = (className) => {
  const Brand = brands[className];
  return (object) => {
    new Brand(object, object.__wbg_ptr, generation); // eslint-disable-line no-new -- adds the private fields
    return object;
  };
};

/** The Error for `object`, which the brand of `className` refused, used as `what` of `call`. */
function refusal(call, what, className, object) {
  const Brand = brands[className];
  if (!Brand.marks(object)) return notMadeHere(call, what, className, '@bindlab/wasm', object);
  if (object.__wbg_ptr === 0) return new Error(`${call}: ${what} is a ${className} that was freed (free() was called)`);
  if (Brand.generationOf(object) !== generation) {
    return new Error(`${call}: ${what} is a stale ${className}: it belonged to a wasm instance that a Rust panic replaced`);
  }
  return new TypeError(`${call}: ${what} is a ${className} whose __wbg_ptr was altered`);
}

/** A panic starts a new generation at once, so that objects of the doomed instance fail
 * the brand check (methods need no other test on their fast path). The next guarded
 * call swaps in the fresh instance the panic scheduled, before arguments are copied
 * into the old one's memory (see src/panic.rs): `noop` goes through wasm-bindgen's call
 * guard. */
let recover = () => {};
/** What the package re-makes over the fresh instance once it is swapped in (the raw floor). */
let onNewInstance = () => {};
let panicked = false;
let generation = 0;
globalThis.__bindlabWasmOnPanic = () => {
  panicked = true;
  generation++;
};
function afterPanic() {
  panicked = false;
  recover();
  onNewInstance();
}

/** The argument check of `call`, with class-typed parameters checked against the brand. */
function checkOf(exports, call) {
  const instanceKind = (className) => ({
    type: `a ${className}`,
    is: (v) => brands[className].owns(v, generation),
    adapt(v) {
      if (brands[className].marks(v)) throw refusal(check.call, 'the argument', className, v);
      return undefined;
    },
  });
  const check = argumentCheck(call, instanceKind);
  return check;
}

/** A plain function with its arguments checked (after any panic recovery). */
function guardFunction(fn, check) {
  const { tests: [t0, t1, t2, t3, t4], settle } = check;
  return function guarded(a, b, c, d, e) {
    if (panicked) afterPanic();
    if (t0(a) && t1(b) && t2(c) && t3(d) && t4(e)) return fn(a, b, c, d, e);
    return fn(...settle([a, b, c, d, e]));
  };
}

/** A method refusing a receiver this package did not make or that is freed or stale,
 * then checking its arguments; `makes` brands what it returns. Without parameters it
 * skips the argument machinery (`counter.increment()` is the bench's method call). */
function guardMethod(fn, check, className, makes) {
  const { accepts, settle, call, arity } = check;
  const Brand = brands[className];
  const finish = makes ? stampAs(makes) : (result) => result;
  const refuse = (self, args) => {
    if (panicked) afterPanic();
    // A freed or stale object of this class has its arguments checked first, as on napi.
    if (Brand.marks(self) && !accepts(...args)) settle(args);
    return refusal(call, 'this', className, self);
  };
  if (arity === 0 && !makes) {
    return function guarded() {
      if (!Brand.owns(this, generation)) throw refuse(this, []);
      return fn.call(this);
    };
  }
  const [t0, t1, t2, t3, t4] = check.tests;
  return function guarded(a, b, c, d, e) {
    if (!Brand.owns(this, generation)) throw refuse(this, [a, b, c, d, e]);
    if (t0(a) && t1(b) && t2(c) && t3(d) && t4(e)) return finish(fn.call(this, a, b, c, d, e));
    return finish(fn.apply(this, settle([a, b, c, d, e])));
  };
}

/** A getter: the method guard without arguments, or its `WHEN_FREED` value once freed. */
function guardGetter(get, check, className) {
  const call = check.call;
  const freedValue = WHEN_FREED[call];
  const Brand = brands[className];
  return function guarded() {
    if (Brand.owns(this, generation)) return get.call(this);
    if (panicked) afterPanic();
    if (freedValue !== undefined && Brand.marks(this) && this.__wbg_ptr === 0) return freedValue;
    throw refusal(call, 'this', className, this);
  };
}

/** `free()`: frees a live object once; on a freed or stale one it does nothing (a stale
 * pointer belongs to the old instance), on a foreign one it throws. */
function guardFree(free, className) {
  const Brand = brands[className];
  return function guarded() {
    if (Brand.owns(this, generation)) return free.call(this);
    if (panicked) afterPanic();
    if (!Brand.marks(this)) throw refusal(`${className}.free()`, 'this', className, this);
  };
}

/** Installs the guards on one class's prototype, in place, and returns its constructor. */
function guardPrototype(exports, className) {
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
 * counting one that is pending. `newInstance()` is called once a panic's fresh instance
 * is in place, before the guarded call that swapped it in goes on. */
function guard(exports, newInstance = () => {}) {
  recover = exports.noop;
  onNewInstance = newInstance;
  const classNames = Object.keys(exports).filter((name) => /^[A-Z]/.test(name) && typeof exports[name] === 'function');
  for (const className of classNames) brands[className] = makeBrand();
  guardExports(exports, {
    checkOf: (name) => checkOf(exports, name),
    guardClass: (name) => guardPrototype(exports, name),
    guardFunction,
  });
  const instanceGeneration = () => {
    if (panicked) afterPanic();
    return generation;
  };
  Object.defineProperty(exports, 'instanceGeneration', { value: instanceGeneration, enumerable: false });
}

module.exports = { guard };
