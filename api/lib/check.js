// Argument checks shared by the front: each throws a TypeError naming the call, the
// argument and what it got.
'use strict';

/** A short description of a value for an error message. */
function describe(value) {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** A value as it would be written in a call: strings quoted, anything else described. */
function quote(value) {
  return typeof value === 'string' ? JSON.stringify(value) : describe(value);
}

/** Throws a TypeError for `call`'s `name` argument: it should be `expected`. */
function typeError(call, name, expected, value) {
  return new TypeError(`${call}: ${name} must be ${expected}, got ${describe(value)}`);
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

module.exports = { quote, typeError, checkFunction, checkOptions };
