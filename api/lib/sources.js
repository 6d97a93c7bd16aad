// The chunk sources (streams, iterators) a caller hands to one call. From the start of
// the call, an 'error' a Node stream emits while it waits for its turn is kept in the
// stream for its reader instead of crashing the process; if the call fails, on any path,
// every source is released — destroyed, cancelled or return()ed — whether it was read or not.
'use strict';

const { isBytes } = require('./feed.js');

const ignore = () => {};

/** Whether `value` is a chunk source: an object, not bytes, with an iterator method
 * (`Symbol.asyncIterator` or `Symbol.iterator`) that is a function. */
function isChunkSource(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || isBytes(value)) return false;
  return typeof value[Symbol.asyncIterator] === 'function' || typeof value[Symbol.iterator] === 'function';
}

/** Whether `source` is a Node stream (an EventEmitter that can be destroyed). */
function isNodeStream(source) {
  return typeof source.on === 'function' && typeof source.destroy === 'function';
}

/** Stops `source`: a Node stream is destroyed, a web ReadableStream cancelled, an iterator
 * return()ed; each is a no-op once the source is closed or done. What stopping throws or
 * rejects with is dropped: the call is failing with its own error already. */
function release(source) {
  try {
    if (isNodeStream(source)) source.destroy();
    else if (typeof source.cancel === 'function') Promise.resolve(source.cancel()).catch(ignore);
    else if (typeof source.next === 'function' && typeof source.return === 'function') Promise.resolve(source.return()).catch(ignore);
  } catch {
    // A source whose stopping throws cannot be stopped any further.
  }
}

/** Holds the chunk sources among `inputs` for one call; returns the function that releases
 * them all, for the call's failure. An input that cannot even be inspected (a Proxy whose
 * traps throw) is no source: the call rejects it as an argument. */
function holdSources(inputs) {
  const sources = inputs.filter((input) => {
    try {
      return isChunkSource(input);
    } catch {
      return false;
    }
  });
  for (const source of sources) {
    try {
      if (isNodeStream(source)) source.on('error', ignore);
    } catch {
      // Not a working EventEmitter: it emits nothing to keep.
    }
  }
  return () => sources.forEach(release);
}

module.exports = { isChunkSource, holdSources };
