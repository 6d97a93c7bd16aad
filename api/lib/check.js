// Argument checks shared by the front and by both binding packages: each throws a
// TypeError (wrong type) or RangeError (right type, value out of range) naming the call,
// the argument and what it got. `SIGNATURES` lists every binding export's parameters
// once, so that both packages validate the same way with the same wording.
'use strict';

const { tagOf, bufferOf, offsetOf, lengthOf, isShared } = require('./bytes.js');

/** The constructor name of an object, or undefined; never throws (Proxy traps may). */
function constructorName(value) {
  try {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** A short description of a value for an error message. It never throws and never runs
 * the value's own code beyond a prototype lookup (`valueOf`, `toString` and getters that
 * throw, Proxies and revoked Proxies are all described). */
function describe(value) {
  switch (typeof value) {
    case 'undefined': return 'undefined';
    case 'string': return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
    case 'number': return `number ${Object.is(value, -0) ? '-0' : String(value)}`;
    case 'symbol': return `a symbol (${String(value.description ?? '').slice(0, 40)})`;
    case 'function': return 'a function';
    case 'object': break;
    default: return `${typeof value} ${String(value)}`;
  }
  if (value === null) return 'null';
  if (tagOf.call(value) !== undefined) return `a ${tagOf.call(value)}`;
  try {
    if (Array.isArray(value)) return 'an array';
  } catch {
    return 'a revoked Proxy';
  }
  return `an object (${constructorName(value) ?? 'no prototype'})`;
}

/** A value as it would be written in a call: strings quoted, anything else described. */
function quote(value) {
  return typeof value === 'string' ? JSON.stringify(value) : describe(value);
}

/** A TypeError for `call`'s `name` argument: it should be `expected`. */
function typeError(call, name, expected, value) {
  return new TypeError(`${call}: ${name} must be ${expected}, got ${describe(value)}`);
}

/** A RangeError for `call`'s `name` argument: it should be `expected`. */
function rangeError(call, name, expected, value) {
  return new RangeError(`${call}: ${name} must be ${expected}, got ${describe(value)}`);
}

/** The TypeError for `what` of `call` (`this`, or an argument) that is not a `className`
 * made by package `pkg`: a foreign object, or one forged from the class's prototype. */
function notMadeHere(call, what, className, pkg, value) {
  return typeError(call, what, `a ${className} made by ${pkg}`, value);
}

/** Checks that `value` is a function. */
function checkFunction(call, name, value) {
  if (typeof value !== 'function') throw typeError(call, name, 'a function', value);
}

/** Checks that `value` is undefined or a plain options object. */
function checkOptions(call, value) {
  if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw typeError(call, 'options', 'an object or undefined', value);
  }
  return value ?? {};
}

/** Whether a typed array's memory has been transferred away (it then reads as empty). */
function isDetached(view) {
  try {
    new Uint8Array(bufferOf.call(view)); // eslint-disable-line no-new -- throws when detached
    return false;
  } catch {
    return true;
  }
}

/** A typed array of kind `tag`, from any realm. The fast test takes only a non-empty one of
 * this realm's memory whose `length` is its own; anything else is re-made as a plain view
 * (the glue trusts `length`): a detached one reads as empty, one over shared memory is
 * copied (another thread may write it while Rust reads it). */
function typedArray(tag, Local) {
  return {
    type: `a ${tag}`,
    is: (v) => tagOf.call(v) === tag && lengthOf.call(v) !== 0 && v.length === lengthOf.call(v) && !isShared(bufferOf.call(v)),
    adapt(v) {
      if (tagOf.call(v) !== tag) return undefined;
      if (lengthOf.call(v) === 0) return new Local(0);
      const view = new Local(bufferOf.call(v), offsetOf.call(v), lengthOf.call(v));
      return isShared(view.buffer) ? view.slice() : view;
    },
  };
}

/** An object with number properties `fields`: each is read once, and the binding gets a
 * plain copy, so a getter or Proxy cannot answer the check and the binding differently. */
function numbersObject(type, fields) {
  return {
    type,
    is: () => false,
    adapt(v) {
      if (typeof v !== 'object' || v === null) return undefined;
      const copy = {};
      for (const field of fields) {
        const value = v[field];
        if (typeof value !== 'number') return undefined;
        copy[field] = value;
      }
      return copy;
    },
  };
}

/** Whether `v` is an object that can hold options: not an array or typed array (a revoked
 * Proxy is not one either). */
function isOptionsObject(v) {
  if (typeof v !== 'object' || tagOf.call(v) !== undefined) return false;
  try {
    return !Array.isArray(v);
  } catch {
    return false;
  }
}

const WIDE_FIELDS = Array.from({ length: 20 }, (_, i) => `f${i}`);
const isNumber = (v) => typeof v === 'number';

/**
 * Argument kinds. `is` is the fast test. When it fails, `adapt(v)` may give a value to
 * pass instead; otherwise a value that passes `typeOk` is out of `range` (a RangeError),
 * and any other value is not `type` (a TypeError).
 */
const KINDS = {
  i32: { type: 'a number', is: (v) => (v | 0) === v, typeOk: isNumber, range: 'an integer in [-2^31, 2^31)' },
  u32: { type: 'a number', is: (v) => v >>> 0 === v, typeOk: isNumber, range: 'an integer in [0, 2^32)' },
  id: { type: 'a number', is: (v) => Number.isSafeInteger(v) && v >= 0, typeOk: isNumber, range: 'an integer in [0, 2^53)' },
  number: { type: 'a number', is: isNumber },
  boolean: { type: 'a boolean', is: (v) => typeof v === 'boolean' },
  'boolean?': { type: 'a boolean or undefined', is: (v) => v === undefined || v === null || typeof v === 'boolean' },
  u64: { type: 'a BigInt', is: (v) => typeof v === 'bigint' && BigInt.asUintN(64, v) === v, typeOk: (v) => typeof v === 'bigint', range: 'a BigInt in [0, 2^64)' },
  string: { type: 'a string', is: (v) => typeof v === 'string' },
  message: { type: 'a string', is: (v) => typeof v === 'string' && v !== '', typeOk: (v) => typeof v === 'string', range: 'a non-empty string' },
  function: { type: 'a function', is: (v) => typeof v === 'function' },
  object: { type: 'an object or a function', is: (v) => (typeof v === 'object' && v !== null) || typeof v === 'function' },
  'object?': { type: 'an options object or undefined', is: (v) => v === undefined || v === null || isOptionsObject(v) },
  Uint8Array: typedArray('Uint8Array', Uint8Array),
  Float64Array: typedArray('Float64Array', Float64Array),
  Point: numbersObject('an object { x: number, y: number }', ['x', 'y']),
  Wide: numbersObject('an object with number properties f0 to f19', WIDE_FIELDS),
};

/**
 * Every export of both bindings that takes arguments or has a receiver, by call name:
 * `fn` (plain functions), `Class.method`, `Class.get name` (getters) and `new Class`
 * (constructors), each with its `'name:kind'` parameters; a kind that names a class
 * takes an instance of that class made by the same package.
 */
const SIGNATURES = {
  add: ['a:i32', 'b:i32'],
  mulAdd: ['a:number', 'b:number', 'c:number'],
  not: ['value:boolean'],
  addU64: ['a:u64', 'b:u64'],
  utf8Length: ['text:string'],
  echoString: ['text:string'],
  throwError: ['message:message'],
  panicProbe: ['message:message'],
  sumBytes: ['bytes:Uint8Array'],
  sumBytesCopied: ['bytes:Uint8Array'],
  makeBytes: ['length:u32'],
  sum: ['values:Float64Array'],
  pointSum: ['point:Point'],
  makePoint: ['x:number', 'y:number'],
  makePoints: ['n:u32'],
  wideSum: ['wide:Wide'],
  makeWide: ['seed:number'],
  callOnce: ['f:function'],
  callMany: ['f:function', 'n:u32'],
  makeValues: ['count:u32', 'slots:u32', 'scoped:boolean', 'every:u32', 'sample:function'],
  'new Counter': ['start:number'],
  'new GcMonitor': ['options:object?'],
  'GcMonitor.record': ['kind:u32', 'usedHeapSize:number', 'timeMs:number', 'durationMs:number'],
  'GcMonitor.on': ['event:string', 'listener:function'],
  'GcMonitor.off': ['event:string', 'listener:function'],
  'GcMonitor.listenerCount': ['event:string'],
  'GcMonitor.pause': ['atMs:number'],
  'GcMonitor.resume': ['atMs:number'],
  'SnapshotParser.feed': ['chunk:Uint8Array'],
  'SnapshotParser.finish': ['reportExternalMemory:boolean?'],
  'HeapSnapshot.topClasses': ['n:u32'],
  'HeapSnapshot.summarize': ['reportExternalMemory:boolean?', 'sameIdTypeAndName:boolean?'],
  'HeapSnapshot.retainedSize': ['nodeId:id'],
  'HeapSnapshot.dominatorOf': ['nodeId:id'],
  'HeapSnapshot.topRetained': ['n:u32'],
  'HeapSnapshot.nodeIds': ['sameIdTypeAndName:boolean?'],
  'HeapSnapshot.findLeaks': ['baseline:NodeIds', 'other:NodeIds'],
  'HeapSummary.diff': ['after:HeapSnapshot'],
  'new Tracked': ['bytes:u32'],
  'new JsHolder': ['mode:string'],
  'JsHolder.hold': ['value:object', 'holders:u32'],
};

/** The methods of the bindings' classes that return a new instance, and its class. */
const MAKERS = { 'SnapshotParser.finish': 'HeapSnapshot', 'HeapSnapshot.summarize': 'HeapSummary', 'HeapSnapshot.nodeIds': 'NodeIds' };

/** The most parameters a checked call may have: guards have fixed arity, as rest
 * parameters and `apply` cost about a wasm call each (utf8Length: +20 ns). */
const MAX_ARITY = 5;

/** The test of an argument position past a call's last parameter. */
const yes = () => true;

/** How `call` is written in errors: `add(a, b)`, `new Counter(start)`, `Counter.value`. */
function callName(call, params) {
  const getter = call.match(/^(\w+)\.get (\w+)$/);
  if (getter) return `${getter[1]}.${getter[2]}`;
  return `${call}(${params.map((p) => p.split(':')[0]).join(', ')})`;
}

/** The kind named `kind`; a class name becomes `instanceKind(name)` (the package's own check). */
function kindOf(kind, instanceKind) {
  return KINDS[kind] ?? instanceKind(kind);
}

/**
 * The argument check for `call` (a key of SIGNATURES, or one with no parameters):
 * `{ call, arity, tests, accepts(a, b, c, d, e), settle(args) }`: `tests` are the fast
 * tests of the five argument positions and `accepts` all of them;
 * when it fails, `settle` throws the TypeError or RangeError for the first bad argument,
 * or returns the arguments with adapted values. `instanceKind(className)` gives the
 * kind for a parameter typed by a class.
 */
function argumentCheck(call, instanceKind) {
  const params = SIGNATURES[call] ?? [];
  if (params.length > MAX_ARITY) throw new Error(`check.js: ${call} has more than ${MAX_ARITY} parameters`);
  const checks = params.map((param, index) => {
    const [name, kind] = param.split(':');
    return { index, name, kind: kindOf(kind, instanceKind) };
  });
  const name = callName(call, params);
  // The fast test of each of the (at most five) parameters, `yes` past the last: a guard
  // calls them straight from its own fixed-arity wrapper, with no arguments array and no
  // closure chain (both kept V8 from optimising add(): 6 ns became 40).
  const tests = Array.from({ length: MAX_ARITY }, (_, index) => checks.find((c) => c.index === index)?.kind.is ?? yes);
  const [t0, t1, t2, t3, t4] = tests;
  const accepts = (a, b, c, d, e) => t0(a) && t1(b) && t2(c) && t3(d) && t4(e);
  const settle = (args) => {
    const settled = [...args];
    for (const { index, name: arg, kind } of checks) {
      const value = args[index];
      if (kind.is(value)) continue;
      const adapted = kind.adapt?.(value);
      if (adapted !== undefined) settled[index] = adapted;
      else if (kind.typeOk?.(value) ?? false) throw rangeError(name, arg, kind.range, value);
      else throw typeError(name, arg, kind.type, value);
    }
    return settled;
  };
  return { call: name, arity: params.length, tests, accepts, settle };
}

/**
 * A constructor standing in for a binding's class `Native`: it checks its arguments with
 * `check` (`argumentCheck('new Name')`), calls `before()`, and hands what `Native` makes
 * to `made(object)`. Same prototype and statics, so `instanceof` and subclasses work.
 * It calls `new Native` rather than `Reflect.construct(Native, args, new.target)`: V8 gives
 * every object made that way its own map (the new target is a plain function), which
 * turns every method call on them megamorphic (counter.increment(): 8x slower).
 */
function checkedClass(Native, check, made, before) {
  const { accepts, settle } = check;
  const Class = function (a, b, c, d, e) {
    if (new.target === undefined) throw new TypeError(`Class constructor ${Native.name} cannot be invoked without 'new'`);
    before();
    const args = [a, b, c, d, e];
    const object = accepts(a, b, c, d, e) ? new Native(a, b, c, d, e) : new Native(...settle(args));
    if (new.target !== Class) Object.setPrototypeOf(object, new.target.prototype); // a subclass
    return made(object);
  };
  Object.defineProperty(Class, 'name', { value: Native.name });
  Object.setPrototypeOf(Class, Native);
  Class.prototype = Native.prototype;
  Object.defineProperty(Native.prototype, 'constructor', { value: Class, writable: true, configurable: true });
  return Class;
}

/**
 * Guards a binding's exports in place, the same walk on both packages: each class (a
 * capitalised name) is replaced by `guardClass(name)`, and each function that takes
 * arguments by `guardFunction(fn, check)`, where `check = checkOf(name)`.
 */
function guardExports(exports, { checkOf, guardClass, guardFunction }) {
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== 'function') continue;
    if (/^[A-Z]/.test(name)) {
      exports[name] = guardClass(name);
      continue;
    }
    const check = checkOf(name);
    if (check.arity > 0) exports[name] = guardFunction(value, check);
  }
  return exports;
}

module.exports = { quote, typeError, rangeError, notMadeHere, checkFunction, checkOptions, argumentCheck, checkedClass, guardExports, SIGNATURES, MAKERS };
