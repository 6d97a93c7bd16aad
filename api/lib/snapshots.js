// Offline snapshot analysis: parse `.heapsnapshot` files, bytes, Blobs or streams into a
// binding's Rust-owned HeapSnapshot, diff two of them the memwatch way, and find leaks
// across three the memlab way. Files need Node (files.js, handed in); the rest runs in a
// browser too.
'use strict';

const { typeError, rangeError, checkOptions } = require('./check.js');
const { isBytes, feedBytes, feedChunks } = require('./feed.js');
const { isChunkSource, holdSources } = require('./sources.js');

/** The input kinds, in the words error messages use. */
const KIND_WORDS = {
  path: 'a file path (string)',
  bytes: 'bytes (Uint8Array, ArrayBuffer)',
  snapshot: 'a HeapSnapshot',
  blob: 'a Blob',
  chunks: 'an (async) iterable of chunks',
};

/** What the synchronous and the asynchronous functions accept. */
const PARSE_SYNC = ['path', 'bytes'];
const PARSE_ASYNC = ['path', 'bytes', 'blob', 'chunks'];
const DIFF_SYNC = ['path', 'bytes', 'snapshot'];
const DIFF_ASYNC = ['path', 'bytes', 'snapshot', 'blob', 'chunks'];

/** findLeaks' `options.idRule` values: whether ids match only when type and name do too. */
const ID_RULES = { sameId: false, sameIdTypeAndName: true };
/** findLeaks' `options.measureIn` values: which snapshot sizes and traces come from. */
const MEASURE_IN = ['target', 'final'];

/** A leak row with its keys in one order on both packages (napi's rows come sorted). */
const leakRow = ({ what, count, retainedSize, trace }) => ({
  what,
  count,
  retainedSize,
  trace: trace.map(({ edge, node }) => ({ edge, node })),
});

/** `kinds` in words: "a, b or c". */
function inWords(kinds) {
  const words = kinds.map((kind) => KIND_WORDS[kind]);
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** Whether `value` is a Blob (a File included), where the runtime has them. */
function isBlob(value) {
  return typeof Blob === 'function' && value instanceof Blob;
}

/** Where an input came from, for error messages. */
function labelOf(kind, input) {
  return kind === 'path' ? input : kind;
}

/** What went wrong, in words, even when a caller's iterator threw something odd. */
function messageOf(error) {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'a value that cannot be printed';
  }
}

/** Whether `error` is one of `call`'s own TypeErrors (argument checks, wrong chunks). */
function isOwnTypeError(call, error) {
  return error instanceof TypeError && error.message.startsWith(`${call}: `);
}

/** An error with the call and the input in front; the call's own TypeErrors pass unchanged. */
function relabel(call, label, error) {
  if (isOwnTypeError(call, error)) return error;
  return new Error(`${call}: ${label}: ${messageOf(error)}`, { cause: error });
}

/** The TypeError for `call`'s argument `name` when merely looking at it threw. */
function uninspectable(call, name, cause) {
  return new TypeError(`${call}: ${name} could not be inspected (a getter or Proxy trap threw)`, { cause });
}

/** Whether `call`'s options ask for the handle's memory to be reported to V8 (the
 * default), checked before anything is read. */
function reportsMemory(call, options) {
  const name = 'options.reportExternalMemory';
  let value;
  try {
    value = checkOptions(call, options).reportExternalMemory;
  } catch (cause) {
    throw isOwnTypeError(call, cause) ? cause : uninspectable(call, name, cause);
  }
  if (value !== undefined && typeof value !== 'boolean') throw typeError(call, name, 'a boolean or undefined', value);
  return value !== false;
}

/** `call`'s option `name` (one of `choices`, strings; `fallback` when undefined), read
 * once, checked before anything is read. */
function choiceOption(call, options, name, choices, fallback) {
  let value;
  try {
    value = checkOptions(call, options)[name];
  } catch (cause) {
    throw isOwnTypeError(call, cause) ? cause : uninspectable(call, `options.${name}`, cause);
  }
  if (value === undefined) return fallback;
  const expected = choices.map((choice) => JSON.stringify(choice)).join(' or ');
  if (typeof value !== 'string') throw typeError(call, `options.${name}`, `${expected} or undefined`, value);
  if (!choices.includes(value)) throw rangeError(call, `options.${name}`, expected, value);
  return value;
}

/** Whether `options.idRule` asks for the id-reuse rule (diffSnapshots and findLeaks). */
function sameIdTypeAndName(call, options) {
  return ID_RULES[choiceOption(call, options, 'idRule', Object.keys(ID_RULES), 'sameId')];
}

/** findLeaks' options: `{ sameIdTypeAndName, measureFinal }`. */
function leakOptions(call, options) {
  const rule = sameIdTypeAndName(call, options);
  const measureIn = choiceOption(call, options, 'measureIn', MEASURE_IN, 'target');
  return { sameIdTypeAndName: rule, measureFinal: measureIn === 'final' };
}

/** Calls `body()`, sync or async; a throw or rejection goes to `fail`, which rethrows. */
function failingWith(body, fail) {
  try {
    const result = body();
    return result instanceof Promise ? result.catch(fail) : result;
  } catch (error) {
    return fail(error);
  }
}

/** Runs `body` (sync or async) with the chunk sources among `inputs` held, releasing
 * them all if it fails (see sources.js). */
function holding(inputs, body) {
  const releaseAll = holdSources(inputs);
  return failingWith(body, (error) => {
    releaseAll();
    throw error;
  });
}

/**
 * Builds the snapshot functions for one binding; `files` (files.js, on Node) reads file
 * paths, which are refused without it.
 */
function snapshotFront(binding, files = null) {
  /** What a snapshot input is: 'path', 'bytes', 'snapshot', 'blob', 'chunks' or null. */
  function inputKind(input) {
    if (typeof input === 'string') return 'path';
    if (isBytes(input)) return 'bytes';
    if (input instanceof binding.HeapSnapshot) return 'snapshot';
    if (isBlob(input)) return 'blob';
    return isChunkSource(input) ? 'chunks' : null;
  }

  /** The kind of `call`'s argument `name`, or a TypeError unless `accepts` (kinds) takes it. */
  function kindOf(call, name, input, accepts) {
    const kinds = files ? accepts : accepts.filter((kind) => kind !== 'path');
    let kind;
    try {
      kind = inputKind(input);
    } catch (cause) {
      throw uninspectable(call, name, cause);
    }
    if (!kinds.includes(kind)) {
      const where = kind === 'path' ? ' (file paths need Node)' : '';
      throw typeError(call, name, `${inWords(kinds)}${where}`, input);
    }
    return kind;
  }

  /** Runs `feed` on a fresh parser, then finishes it (a promise if `feed` is async),
   * reporting the handle's memory to V8 if `report`; the parser is freed either way. */
  function parseWith(report, feed) {
    const parser = new binding.SnapshotParser();
    const finish = () => parser.finish(report);
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
  function parseSync(kind, input, report) {
    return parseWith(report, (p) => (kind === 'path' ? files.feedFile(p, input) : feedBytes(p, input)));
  }

  /** Parses a path, bytes, a Blob or chunks — `call`'s argument `name` — with
   * asynchronous reads (errors unlabelled). */
  function parseAsync(kind, input, report, call, name) {
    if (kind === 'bytes') return parseSync(kind, input, report);
    if (kind === 'path') return parseWith(report, (p) => files.feedFileAsync(p, input));
    return parseWith(report, (p) => feedChunks(p, kind === 'blob' ? input.stream() : input, call, name));
  }

  /** Parses `call`'s argument `name` of `kind` with `parse`; errors labelled with `label`. */
  function parseLabelled(call, name, label, kind, input, report, parse) {
    return failingWith(() => parse(kind, input, report, call, name), (error) => {
      throw relabel(call, label, error);
    });
  }

  /** Parses `call`'s `input` of a kind `accepts` takes, with `parse`; a source given is
   * released if that fails. */
  function parseInput(call, input, options, accepts, parse) {
    return holding([input], () => {
      const report = reportsMemory(call, options);
      const kind = kindOf(call, 'input', input, accepts);
      return parseLabelled(call, 'input', labelOf(kind, input), kind, input, report, parse);
    });
  }

  /** Parses a snapshot from a path or bytes, synchronously. */
  function parseSnapshot(input, options) {
    return parseInput('parseSnapshot(input, options)', input, options, PARSE_SYNC, parseSync);
  }

  /** Parses a snapshot from a path (streamed), bytes, a Blob or File, or an (async)
   * iterable of chunks such as `v8.getHeapSnapshot()` or a web ReadableStream; the JSON is never held whole. A stream or
   * iterator given is read to its end, or released (destroyed, return()ed) on failure. */
  async function parseSnapshotAsync(input, options) {
    return parseInput('parseSnapshotAsync(input, options)', input, options, PARSE_ASYNC, parseAsync);
  }

  /** Opens one side of a diff, of `kind`: the snapshot (a promise of it when `parse` is
   * async), and whether this call owns (frees) it. */
  function open(call, which, kind, input, parse) {
    if (kind === 'snapshot') return { snapshot: input, owned: false };
    const parsed = parseLabelled(call, which, `${which} (${labelOf(kind, input)})`, kind, input, true, parse);
    const owned = (snapshot) => ({ snapshot, owned: true });
    return parsed instanceof Promise ? parsed.then(owned) : owned(parsed);
  }

  /** Calls `use` on an opened side, then frees it if this call owns it. */
  function useThenFree({ snapshot, owned }, use) {
    try {
      return use(snapshot);
    } finally {
      if (owned) snapshot.free();
    }
  }

  /** The kinds of both sides of `call`, checked before either is read. */
  function sidesOf(call, before, after, accepts) {
    return [kindOf(call, 'before', before, accepts), kindOf(call, 'after', after, accepts)];
  }

  /** memwatch's HeapDiff between two snapshots (paths, bytes or HeapSnapshots). The
   * first is reduced to a summary and freed before the second is parsed.
   * `options.idRule`: 'sameId' (default, memwatch's) or 'sameIdTypeAndName'. */
  function diffSnapshots(before, after, options) {
    const call = 'diffSnapshots(before, after)';
    return holding([before, after], () => {
      const [beforeKind, afterKind] = sidesOf(call, before, after, DIFF_SYNC);
      const rule = sameIdTypeAndName(call, options);
      const summary = useThenFree(open(call, 'before', beforeKind, before, parseSync), (s) => s.summarize(undefined, rule));
      try {
        return useThenFree(open(call, 'after', afterKind, after, parseSync), (s) => summary.diff(s));
      } finally {
        summary.free();
      }
    });
  }

  /** `diffSnapshots` with asynchronous file reads, also taking Blobs and (async)
   * iterables of chunks; each stream or iterator given is read to its end, or released on failure. */
  async function diffSnapshotsAsync(before, after, options) {
    const call = 'diffSnapshotsAsync(before, after)';
    return holding([before, after], async () => {
      const [beforeKind, afterKind] = sidesOf(call, before, after, DIFF_ASYNC);
      const rule = sameIdTypeAndName(call, options);
      const summary = useThenFree(await open(call, 'before', beforeKind, before, parseAsync), (s) => s.summarize(undefined, rule));
      try {
        return useThenFree(await open(call, 'after', afterKind, after, parseAsync), (s) => summary.diff(s));
      } finally {
        summary.free();
      }
    });
  }

  /** The three sides of a leak search, checked before any is read, in the order they
   * are parsed: the baseline, the side that only gives ids, the side measured. */
  function leakSides(call, inputs, options, accepts) {
    const { sameIdTypeAndName, measureFinal } = leakOptions(call, options);
    const [baseline, target, final] = ['baseline', 'target', 'final'].map((which, i) => ({
      which,
      input: inputs[i],
      kind: kindOf(call, which, inputs[i], accepts),
    }));
    const [other, measured] = measureFinal ? [target, final] : [final, target];
    return { sameIdTypeAndName, baseline, other, measured };
  }

  /** The ids of an opened side, which is freed if this call owns it. */
  const idsOf = (opened, sameIdTypeAndName) => useThenFree(opened, (s) => s.nodeIds(sameIdTypeAndName));

  /** Frees `ids` (a NodeIds) once `use(ids)` has returned or settled. */
  function usingIds(ids, use) {
    let result;
    try {
      result = use(ids);
    } catch (error) {
      ids.free();
      throw error;
    }
    if (!(result instanceof Promise)) {
      ids.free();
      return result;
    }
    return result.finally(() => ids.free());
  }

  /** Leaks across three snapshots (paths, bytes or HeapSnapshots), as memlab's find-leaks:
   * objects not in the baseline, in the target and still in the final snapshot, as rows
   * `{ what, count, retainedSize, trace }`, largest first. Each file is parsed and freed
   * in turn (the baseline and the other side kept as ids only). `options.idRule`:
   * 'sameId' (default) or 'sameIdTypeAndName'; `options.measureIn`: 'target' (default)
   * or 'final' (memlab's). */
  function findLeaks(baseline, target, final, options) {
    const call = 'findLeaks(baseline, target, final, options)';
    return holding([baseline, target, final], () => {
      const { sameIdTypeAndName, ...sides } = leakSides(call, [baseline, target, final], options, DIFF_SYNC);
      const opened = ({ which, kind, input }) => open(call, which, kind, input, parseSync);
      return usingIds(idsOf(opened(sides.baseline), sameIdTypeAndName), (before) =>
        usingIds(idsOf(opened(sides.other), sameIdTypeAndName), (other) =>
          useThenFree(opened(sides.measured), (s) => s.findLeaks(before, other).map(leakRow))));
    });
  }

  /** `findLeaks` with asynchronous file reads, also taking Blobs and (async) iterables of
   * chunks; each stream or iterator given is read to its end, or released on failure. */
  async function findLeaksAsync(baseline, target, final, options) {
    const call = 'findLeaksAsync(baseline, target, final, options)';
    return holding([baseline, target, final], async () => {
      const { sameIdTypeAndName, ...sides } = leakSides(call, [baseline, target, final], options, DIFF_ASYNC);
      const opened = ({ which, kind, input }) => open(call, which, kind, input, parseAsync);
      return usingIds(idsOf(await opened(sides.baseline), sameIdTypeAndName), async (before) =>
        usingIds(idsOf(await opened(sides.other), sameIdTypeAndName), async (other) =>
          useThenFree(await opened(sides.measured), (s) => s.findLeaks(before, other).map(leakRow))));
    });
  }

  return { parseSnapshot, parseSnapshotAsync, diffSnapshots, diffSnapshotsAsync, findLeaks, findLeaksAsync };
}

module.exports = { snapshotFront };
