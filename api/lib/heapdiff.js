// memwatch's HeapDiff: a snapshot when created, another at end(), and the diff
// between them. The first snapshot is reduced to a Rust-owned summary at once, so only
// one full graph is ever held.
'use strict';

const { captureSync, captureAsync } = require('./capture.js');

/** The message memwatch throws on a second `end()`. */
const ENDED = 'attempt to end() a HeapDiff that was already ended';

/** Builds the HeapDiff class over a binding's snapshot functions; `quiet(fn)` runs
 * `fn` with GC statistics paused (memwatch ignores GCs a snapshot causes). */
function heapDiffClass({ parseSnapshot, parseSnapshotAsync }, quiet) {
  /** Lets `HeapDiff.startAsync` hand a summary to the constructor. */
  const started = Symbol('started');

  /** A snapshot of this process, reduced to its summary. */
  const summarize = (snapshot) => {
    try {
      return snapshot.summarize();
    } finally {
      snapshot.free();
    }
  };

  /** memwatch's diff from `before` to a fresh snapshot; frees both sides. */
  const diffTo = (before, after) => {
    try {
      return before.diff(after);
    } finally {
      after.free();
      before.free();
    }
  };

  /** Compares the heap now with the heap when it was created, as memwatch does. */
  class HeapDiff {
    #before;
    #ended = false;

    /** Takes the "before" snapshot now (synchronously, as memwatch does). */
    constructor(token) {
      this.#before = token?.[started] ?? quiet(() => summarize(captureSync(parseSnapshot)));
    }

    /** A HeapDiff whose "before" snapshot is streamed rather than written to a file. */
    static async startAsync() {
      const summary = await quiet(async () => summarize(await captureAsync(parseSnapshotAsync)));
      return new HeapDiff({ [started]: summary });
    }

    /** Takes the "after" snapshot and returns memwatch's diff; only once. */
    end() {
      const before = this.#take();
      return diffTo(before, quiet(() => captureSync(parseSnapshot)));
    }

    /** `end()` with the "after" snapshot streamed from `v8.getHeapSnapshot()`. */
    async endAsync() {
      const before = this.#take();
      return diffTo(before, await quiet(() => captureAsync(parseSnapshotAsync)));
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
