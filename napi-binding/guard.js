// Argument and receiver guards for the napi-rs binding, the same checks and wording as
// @bindlab/wasm's (the signatures in @bindlab/api/lib/check.js). napi-rs converts
// arguments itself but coerces some (a fraction or -1 into a `u32` count) and words its
// refusals in Rust terms ("Failed to convert napi value String into rust type `u32`");
// a getter on a foreign object throws a plain Error. The guards check first: arguments,
// and the receiver of every method and getter (and every instance argument) against
// the objects this package made, a private WeakSet per class the caller cannot forge.
// `guardAs(name)` makes the guard of another package built on this binding (the
// variants of issue 13), with brands of its own and its name in the errors.
'use strict';

const { argumentCheck, checkedClass, guardExports, notMadeHere, MAKERS } = require('@bindlab/api/lib/check.js');

/** A plain function with its arguments checked. */
function guardFunction(fn, { tests: [t0, t1, t2, t3, t4], settle }) {
  return function guarded(a, b, c, d, e) {
    if (t0(a) && t1(b) && t2(c) && t3(d) && t4(e)) return fn(a, b, c, d, e);
    return fn(...settle([a, b, c, d, e]));
  };
}

/**
 * The guard of a package named `packageName` (in its errors): a function installing the
 * guards on a binding's exports. Each call of guardAs has its own brands, so objects of
 * one package (or variant built on this binding) are refused by another.
 */
function guardAs(packageName) {
  /** Every object this package's constructors and MAKERS made, by class name (one of
   * another class, even with its prototype swapped, is refused). */
  const made = {};

  /** A function branding an object just made as this package's `className`. */
  const stampAs = (className) => (object) => {
    made[className].add(object);
    return object;
  };

  /** The argument check of `call`, with class-typed parameters checked against the brand. */
  const checkOf = (call) => argumentCheck(call, (className) => ({
    type: `a ${className} made by ${packageName}`,
    is: (v) => made[className].has(v),
  }));

  /** A method refusing a receiver this package did not make, then checking its
   * arguments; `makes` brands what it returns. */
  function guardMethod(fn, { tests: [t0, t1, t2, t3, t4], settle, call }, className, makes) {
    const finish = makes ? stampAs(makes) : (result) => result;
    return function guarded(a, b, c, d, e) {
      if (!made[className].has(this)) throw notMadeHere(call, 'this', className, packageName, this);
      if (t0(a) && t1(b) && t2(c) && t3(d) && t4(e)) return finish(fn.call(this, a, b, c, d, e));
      return finish(fn.apply(this, settle([a, b, c, d, e])));
    };
  }

  /** A getter refusing a receiver this package did not make. */
  function guardGetter(get, { call }, className) {
    return function guarded() {
      if (!made[className].has(this)) throw notMadeHere(call, 'this', className, packageName, this);
      return get.call(this);
    };
  }

  /** Installs the guards on one class's prototype, in place, and returns its constructor. */
  function guardClass(exports, className) {
    made[className] = new WeakSet();
    const proto = exports[className].prototype;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const desc = Object.getOwnPropertyDescriptor(proto, key);
      if (key === 'constructor') continue;
      if (desc.get) {
        Object.defineProperty(proto, key, { ...desc, get: guardGetter(desc.get, checkOf(`${className}.get ${key}`), className) });
      } else if (typeof desc.value === 'function') {
        const value = guardMethod(desc.value, checkOf(`${className}.${key}`), className, MAKERS[`${className}.${key}`]);
        Object.defineProperty(proto, key, { ...desc, value });
      }
    }
    return checkedClass(exports[className], checkOf(`new ${className}`), stampAs(className), () => {});
  }

  /** The binding's exports with the guards installed (its classes' prototypes in place). */
  return function guard(binding) {
    const exports = { ...binding };
    return guardExports(exports, { checkOf, guardClass: (name) => guardClass(exports, name), guardFunction });
  };
}

/** @bindlab/napi's own guard. */
const guard = guardAs('@bindlab/napi');

module.exports = { guard, guardAs };
