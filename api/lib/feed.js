// Feeding a binding's SnapshotParser from bytes and from (async) iterables of chunks. No
// Node module is used here, so the browser build shares it; regular files are files.js.
'use strict';

const { typeError } = require('./check.js');
const { tagOf, bufferOf, offsetOf, lengthOf, isShared, bufferLength } = require('./bytes.js');

/** Bytes handed to the parser per call: big enough to amortise the call, small enough
 * that wasm's copies into linear memory stay small. */
const CHUNK_BYTES = 1 << 20;

/** Whether `value` is snapshot bytes: a Uint8Array (Buffer included) or an ArrayBuffer or
 * SharedArrayBuffer, from any realm. */
function isBytes(value) {
  return tagOf.call(value) === 'Uint8Array' || bufferLength(value) >= 0;
}

/** `bytes` as a Uint8Array of this realm over the same memory; a detached buffer reads as
 * empty (and so fails to parse at byte 0). */
function localView(bytes) {
  const whole = bufferLength(bytes);
  if (whole >= 0) return whole === 0 ? new Uint8Array(0) : new Uint8Array(bytes);
  const length = lengthOf.call(bytes);
  return length === 0 ? new Uint8Array(0) : new Uint8Array(bufferOf.call(bytes), offsetOf.call(bytes), length);
}

/** Feeds bytes to `parser` in slices: views, except that slices of shared memory are
 * copied (another thread may write to it while Rust reads it). */
function feedBytes(parser, bytes) {
  const view = localView(bytes);
  const shared = isShared(view.buffer);
  for (let at = 0; at < view.length; at += CHUNK_BYTES) {
    const slice = view.subarray(at, at + CHUNK_BYTES);
    parser.feed(shared ? slice.slice() : slice);
  }
}

const encoder = new TextEncoder();

/** Feeds an (async) iterable of chunks — bytes or strings — to `parser`. A chunk of
 * another type is a TypeError for `call`'s argument `name`; like any error in the loop it
 * closes the iterator (`return()`; a Node stream's iterator destroys the stream). A sync
 * iterable is read synchronously: a promise in it is not a chunk. */
async function feedChunks(parser, chunks, call, name) {
  const feedOne = (chunk) => {
    if (typeof chunk === 'string') feedBytes(parser, encoder.encode(chunk));
    else if (isBytes(chunk)) feedBytes(parser, chunk);
    else throw typeError(call, `each chunk of ${name}`, 'bytes (Uint8Array, ArrayBuffer) or a string', chunk);
  };
  if (typeof chunks[Symbol.asyncIterator] === 'function') {
    for await (const chunk of chunks) feedOne(chunk);
  } else {
    for (const chunk of chunks) feedOne(chunk);
  }
}

module.exports = { CHUNK_BYTES, isBytes, feedBytes, feedChunks };
