// Snapshot files, on Node: only regular files are read (a FIFO or a terminal may block a
// read forever, /dev/zero never ends), a chunk at a time, synchronously or not.
'use strict';

const fs = require('node:fs');
const { CHUNK_BYTES } = require('./feed.js');

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

/** Throws unless `stats` describe a regular file. */
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

/** The chunks of a regular file, read asynchronously; `onRead(bytes, total)` is told of
 * each chunk read (total: the file's size). Each chunk is a buffer of its own. */
async function* fileChunks(path, onRead = () => {}) {
  let file;
  try {
    file = await fs.promises.open(path, OPEN_FLAGS);
  } catch (error) {
    throw openError(error, path);
  }
  try {
    const stats = await file.stat();
    checkRegular(stats);
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      onRead(bytesRead, stats.size);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/** Feeds a regular file to `parser` a chunk at a time with asynchronous reads. */
async function feedFileAsync(parser, path) {
  for await (const chunk of fileChunks(path)) parser.feed(chunk);
}

module.exports = { feedFile, feedFileAsync, fileChunks };
