// memwatch's HeapDiff: a snapshot when created, another at end(), and the diff
// between them. The first snapshot is reduced to a Rust-owned summary at once, so only
// one full graph is ever held.
'use strict';

const { captureSync, captureAsync } = require('./capture.js');

/** The message memwatch throws on a second `end()`. */
const ENDED = 'attempt to end() a HeapDiff that was already ended';

/** Calls `use(handle)`, then frees the handle, whatever happens. */
function usingThenFree(handle, use) {
  try {
    return use(handle);
  } finally {
    handle.free();
  }
}

/** Builds the HeapDiff class over a binding's snapshot functions; `quiet(fn)` runs
 * `fn` with GC statistics paused (memwatch ignores GCs a snapshot causes). */
function heapDiffClass({ parseSnapshot, parseSnapshotAsync }, quiet) {
  /** The summary `HeapDiff.startAsync` hands to the constructor it calls next; set only
   * for that synchronous call, so no argument a caller passes is ever looked at. */
  let handedOver = null;

  /** A snapshot of this process, reduced to its summary. */
  const summarize = (snapshot) => usingThenFree(snapshot, (s) => s.summarize());

  /** Compares the heap now with the heap when it was created, as memwatch does. */
  class HeapDiff {
    #before;
    #ended = false;

    /** Takes the "before" snapshot now (synchronously, as memwatch does). */
    constructor() {
      this.#before = handedOver ?? quiet(() => summarize(captureSync(parseSnapshot)));
      handedOver = null;
    }

    /** A HeapDiff whose "before" snapshot is streamed rather than written to a file. */
    static async startAsync() {
      handedOver = await quiet(async () => summarize(await captureAsync(parseSnapshotAsync)));
      return new HeapDiff();
    }

    /** Takes the "after" snapshot and returns memwatch's diff; only once. The "before"
     * summary is freed even when taking the snapshot fails. */
    end() {
      return usingThenFree(this.#take(), (before) => {
        const after = quiet(() => captureSync(parseSnapshot));
        return usingThenFree(after, (s) => before.diff(s));
      });
    }

    /** `end()` with the "after" snapshot streamed from `v8.getHeapSnapshot()`. */
    async endAsync() {
      const before = this.#take();
      try {
        const after = await quiet(() => captureAsync(parseSnapshotAsync));
        return usingThenFree(after, (s) => before.diff(s));
      } finally {
        before.free();
      }
    }

    /** Marks the diff ended and returns its "before" summary. */
    #take() {
      if (this.#ended) throw new Error(ENDED);
      this.#ended = true;
      return this.#before;
    }
  }

  return HeapDiff;
}

module.exports = { heapDiffClass, ENDED };
