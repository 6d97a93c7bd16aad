// Recognising bytes without trusting them: the intrinsic getters read internal slots, so
// an own property or a Proxy cannot change what they return, and they work on objects from
// another realm. No Node module is used (the browser build shares this).
'use strict';

/** The typed-array getters: `tagOf` gives a typed array's kind (undefined for anything
 * else); the others throw for anything but a typed array. */
const TYPED = Object.getPrototypeOf(Uint8Array.prototype);
const [tagOf, bufferOf, offsetOf, lengthOf] = [Symbol.toStringTag, 'buffer', 'byteOffset', 'length']
  .map((key) => Object.getOwnPropertyDescriptor(TYPED, key).get);

/** ArrayBuffer's and SharedArrayBuffer's `byteLength` getters: each throws for anything but
 * its own kind of buffer. */
const arrayBufferLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const bufferLengths = [ArrayBuffer, globalThis.SharedArrayBuffer]
  .filter(Boolean).map((type) => Object.getOwnPropertyDescriptor(type.prototype, 'byteLength').get);

/** Whether a typed array's buffer is shared memory (ArrayBuffer's getter refuses it: no
 * exception on the common path). */
function isShared(buffer) {
  try {
    arrayBufferLength.call(buffer);
    return false;
  } catch {
    return true;
  }
}

/** The byte length of `value` when it is an ArrayBuffer or a SharedArrayBuffer, else -1. */
function bufferLength(value) {
  for (const length of bufferLengths) {
    try {
      return length.call(value);
    } catch {
      // Not this kind of buffer.
    }
  }
  return -1;
}

module.exports = { tagOf, bufferOf, offsetOf, lengthOf, isShared, bufferLength };
