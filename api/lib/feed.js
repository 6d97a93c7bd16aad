// Feeding a binding's SnapshotParser: bytes in slices, regular files a chunk at a time
// (synchronous or asynchronous reads), and (async) iterables of chunks.
'use strict';

const fs = require('node:fs');
const { types } = require('node:util');
const { typeError } = require('./check.js');

/** Bytes handed to the parser per call: big enough to amortise the call, small enough
 * that wasm's copies into linear memory stay small. */
const CHUNK_BYTES = 1 << 20;

/** How snapshot files are opened: O_NONBLOCK so that opening a FIFO returns at once
 * (and fstat then refuses it) instead of waiting for a writer; regular files ignore it. */
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

/** What each kind of file that is not a regular one is called in an error. */
const NOT_REGULAR = [
  ['isDirectory', 'a directory'],
  ['isFIFO', 'a FIFO'],
  ['isSocket', 'a socket'],
  ['isCharacterDevice', 'a character device'],
  ['isBlockDevice', 'a block device'],
];

/** The intrinsic typed-array getters: an own property of the caller's array cannot
 * change what they read, and they work on arrays from another realm. */
const [bufferOf, offsetOf, lengthOf] = ['buffer', 'byteOffset', 'byteLength'].map(
  (name) => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), name).get,
);

/** Whether `value` is snapshot bytes: a Uint8Array (Buffer included) or an ArrayBuffer or
 * SharedArrayBuffer, from any realm. */
function isBytes(value) {
  return types.isUint8Array(value) || types.isAnyArrayBuffer(value);
}

/** `bytes` as a Uint8Array of this realm over the same memory; a detached buffer reads as
 * empty (and so fails to parse at byte 0). */
function localView(bytes) {
  if (types.isAnyArrayBuffer(bytes)) {
    return bytes.byteLength === 0 ? new Uint8Array(0) : new Uint8Array(bytes);
  }
  const length = lengthOf.call(bytes);
  return length === 0 ? new Uint8Array(0) : new Uint8Array(bufferOf.call(bytes), offsetOf.call(bytes), length);
}

/** Feeds bytes to `parser` in slices: views, except that slices of shared memory are
 * copied (another thread may write to it while Rust reads it). */
function feedBytes(parser, bytes) {
  const view = localView(bytes);
  const shared = types.isSharedArrayBuffer(view.buffer);
  for (let at = 0; at < view.length; at += CHUNK_BYTES) {
    const slice = view.subarray(at, at + CHUNK_BYTES);
    parser.feed(shared ? slice.slice() : slice);
  }
}

/** Throws unless `stats` describe a regular file: anything else may block a read forever
 * (FIFO, terminal) or never end (/dev/zero). */
function checkRegular(stats) {
  if (stats.isFile()) return;
  const [, what] = NOT_REGULAR.find(([is]) => stats[is]()) ?? [, 'of an unknown type'];
  throw new Error(`not a regular file (${what})`);
}

/** `error` from opening `path`, restated when the path is a socket (open gives ENXIO);
 * the stat runs only on that failure path. */
function openError(error, path) {
  if (error.code !== 'ENXIO' || !fs.statSync(path, { throwIfNoEntry: false })?.isSocket()) return error;
  return new Error('not a regular file (a socket)', { cause: error });
}

/** Feeds a regular file to `parser` a chunk at a time with synchronous reads. */
function feedFile(parser, path) {
  let fd;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw openError(error, path);
  }
  try {
    checkRegular(fs.fstatSync(fd));
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let n; (n = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null)) > 0;) parser.feed(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

/** Feeds a regular file to `parser` a chunk at a time with asynchronous reads. */
async function feedFileAsync(parser, path) {
  let file;
  try {
    file = await fs.promises.open(path, OPEN_FLAGS);
  } catch (error) {
    throw openError(error, path);
  }
  try {
    checkRegular(await file.stat());
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let n; (n = (await file.read(buffer, 0, CHUNK_BYTES, null)).bytesRead) > 0;) parser.feed(buffer.subarray(0, n));
  } finally {
    await file.close();
  }
}

/** Feeds an (async) iterable of chunks — bytes or strings — to `parser`. A chunk of
 * another type is a TypeError for `call`'s argument `name`; like any error in the loop it
 * closes the iterator (`return()`; a Node stream's iterator destroys the stream). A sync
 * iterable is read synchronously: a promise in it is not a chunk. */
async function feedChunks(parser, chunks, call, name) {
  const feedOne = (chunk) => {
    if (typeof chunk === 'string') feedBytes(parser, Buffer.from(chunk));
    else if (isBytes(chunk)) feedBytes(parser, chunk);
    else throw typeError(call, `each chunk of ${name}`, 'bytes (Uint8Array, ArrayBuffer) or a string', chunk);
  };
  if (typeof chunks[Symbol.asyncIterator] === 'function') {
    for await (const chunk of chunks) feedOne(chunk);
  } else {
    for (const chunk of chunks) feedOne(chunk);
  }
}

module.exports = { isBytes, feedBytes, feedFile, feedFileAsync, feedChunks };
