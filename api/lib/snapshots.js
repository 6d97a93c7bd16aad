// Offline snapshot analysis: parse `.heapsnapshot` files, bytes or streams into a
// binding's Rust-owned HeapSnapshot, and diff two of them the memwatch way.
'use strict';

const fs = require('node:fs');
const { typeError, checkOptions } = require('./check.js');

/** Bytes handed to the parser per call: big enough to amortise the call, small enough
 * that wasm's copies into linear memory stay small. */
const CHUNK_BYTES = 1 << 20;

/** What a snapshot input is: 'path', 'bytes', 'snapshot', 'chunks' ((async)
 * iterables, accepted by the async functions only) or null. */
function inputKind(binding, input) {
  if (typeof input === 'string') return 'path';
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return 'bytes';
  if (input instanceof binding.HeapSnapshot) return 'snapshot';
  const object = Object(input);
  if (input != null && (Symbol.asyncIterator in object || Symbol.iterator in object)) return 'chunks';
  return null;
}

/** Where an input came from, for error messages. */
function labelOf(kind, input) {
  return kind === 'path' ? input : kind;
}

/** A parse error with the call and the input in front; TypeErrors pass unchanged. */
function relabel(call, label, error) {
  if (error instanceof TypeError) return error;
  return new Error(`${call}: ${label}: ${error.message}`, { cause: error });
}

/** Feeds bytes to `parser` in slices (views: no copy on the JS side). */
function feedBytes(parser, input) {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) parser.feed(bytes.subarray(at, at + CHUNK_BYTES));
}

/** Feeds a file to `parser` a chunk at a time with synchronous reads. */
function feedFile(parser, path) {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let n; (n = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null)) > 0;) parser.feed(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

/** Feeds an (async) iterable of Uint8Array or string chunks to `parser`. */
async function feedChunks(parser, chunks) {
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') feedBytes(parser, Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) feedBytes(parser, chunk);
    else throw typeError('parseSnapshotAsync(input)', 'each chunk', 'a Uint8Array or a string', chunk);
  }
}

/** Builds the snapshot functions for one binding. */
function snapshotFront(binding) {
  /** Runs `feed` on a fresh parser, then finishes it (a promise if `feed` is async);
   * the parser is freed either way. */
  function parseWith(options, feed) {
    const parser = new binding.SnapshotParser();
    const finish = () => parser.finish(options.reportExternalMemory !== false);
    let fed;
    try {
      fed = feed(parser);
      if (!(fed instanceof Promise)) return finish();
    } finally {
      if (!(fed instanceof Promise)) parser.free();
    }
    return fed.then(finish).finally(() => parser.free());
  }

  /** Parses a path or bytes synchronously (errors unlabelled). */
  function parseSync(kind, input, options) {
    return parseWith(options, (p) => (kind === 'path' ? feedFile(p, input) : feedBytes(p, input)));
  }

  /** Parses a path (streamed), bytes or chunks (errors unlabelled). */
  async function parseAsync(kind, input, options) {
    if (kind === 'bytes') return parseSync(kind, input, options);
    const chunks = kind === 'path' ? fs.createReadStream(input, { highWaterMark: CHUNK_BYTES }) : input;
    return parseWith(options, (p) => feedChunks(p, chunks));
  }

  /** Parses a snapshot from a path or bytes, synchronously. */
  function parseSnapshot(input, options) {
    const call = 'parseSnapshot(input, options)';
    const opts = checkOptions(call, options);
    const kind = inputKind(binding, input);
    if (kind !== 'path' && kind !== 'bytes') {
      throw typeError(call, 'input', 'a file path (string) or bytes (Uint8Array, ArrayBuffer)', input);
    }
    try {
      return parseSync(kind, input, opts);
    } catch (error) {
      throw relabel(call, labelOf(kind, input), error);
    }
  }

  /** Parses a snapshot from a path (streamed), bytes, or an (async) iterable of
   * chunks such as `v8.getHeapSnapshot()`; the JSON is never held whole. */
  async function parseSnapshotAsync(input, options) {
    const call = 'parseSnapshotAsync(input, options)';
    const opts = checkOptions(call, options);
    const kind = inputKind(binding, input);
    if (kind === null || kind === 'snapshot') {
      throw typeError(call, 'input', 'a file path, bytes, or an (async) iterable of chunks', input);
    }
    try {
      return await parseAsync(kind, input, opts);
    } catch (error) {
      throw relabel(call, labelOf(kind, input), error);
    }
  }

  /** Opens one side of a diff: the snapshot, and whether this call owns (frees) it. */
  function open(call, which, input, parse) {
    const kind = inputKind(binding, input);
    if (kind === 'snapshot') return { snapshot: input, owned: false };
    if (kind === null || (kind === 'chunks' && parse === parseSync)) {
      throw typeError(call, which, 'a file path, bytes or a HeapSnapshot', input);
    }
    const fail = (error) => {
      throw relabel(call, `${which} (${labelOf(kind, input)})`, error);
    };
    try {
      const parsed = parse(kind, input, {});
      if (parsed instanceof Promise) return parsed.then((snapshot) => ({ snapshot, owned: true }), fail);
      return { snapshot: parsed, owned: true };
    } catch (error) {
      return fail(error);
    }
  }

  /** Calls `use` on an opened side, then frees it if this call owns it. */
  function useThenFree({ snapshot, owned }, use) {
    try {
      return use(snapshot);
    } finally {
      if (owned) snapshot.free();
    }
  }

  /** memwatch's HeapDiff between two snapshots (paths, bytes or HeapSnapshots). The
   * first is reduced to a summary and freed before the second is parsed. */
  function diffSnapshots(before, after) {
    const call = 'diffSnapshots(before, after)';
    const summary = useThenFree(open(call, 'before', before, parseSync), (s) => s.summarize());
    try {
      return useThenFree(open(call, 'after', after, parseSync), (s) => summary.diff(s));
    } finally {
      summary.free();
    }
  }

  /** `diffSnapshots` with streamed file reads, also taking (async) iterables of chunks. */
  async function diffSnapshotsAsync(before, after) {
    const call = 'diffSnapshotsAsync(before, after)';
    const summary = useThenFree(await open(call, 'before', before, parseAsync), (s) => s.summarize());
    try {
      return useThenFree(await open(call, 'after', after, parseAsync), (s) => summary.diff(s));
    } finally {
      summary.free();
    }
  }

  return { parseSnapshot, parseSnapshotAsync, diffSnapshots, diffSnapshotsAsync };
}

module.exports = { snapshotFront };
