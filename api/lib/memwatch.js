// The memwatch drop-in: an EventEmitter-style module whose 'stats' and 'leak'
// listeners live in the binding's GcMonitor (in Rust), fed one record per GC from
// PerformanceObserver 'gc' entries and v8.getHeapStatistics().
'use strict';

const { EventEmitter } = require('node:events');
const { PerformanceObserver, performance } = require('node:perf_hooks');
const v8 = require('node:v8');
const { checkFunction, checkOptions, quote, typeError } = require('./check.js');
const { gc } = require('./gc.js');
const { heapDiffClass } = require('./heapdiff.js');

/** The events the GcMonitor emits. */
const GC_EVENTS = new Set(['stats', 'leak']);

/** Milliseconds since the Unix epoch, on the clock GC entries use. */
const now = () => performance.timeOrigin + performance.now();

/**
 * Builds the memwatch functions for one binding; `snapshots` are its snapshot functions and
 * `published()` the package's exports object, which `on`, `once` and `off` return for chaining.
 */
function memwatchFront(binding, snapshots, published) {
  let monitor = new binding.GcMonitor();
  let observer = null;
  const others = new EventEmitter();
  /** For `once` listeners: event -> listener -> the wrappers registered for it. */
  const onceWrappers = new Map([['stats', new Map()], ['leak', new Map()]]);

  /** Feeds every GC entry to the monitor; the heap size is read once per batch. */
  const record = (list) => {
    const used = v8.getHeapStatistics().used_heap_size;
    for (const entry of list.getEntries()) {
      const kind = entry.detail?.kind ?? entry.kind;
      monitor.record(kind, used, performance.timeOrigin + entry.startTime + entry.duration, entry.duration);
    }
  };

  /** Observes GCs while anyone listens for 'stats' or 'leak'. */
  const watch = () => {
    const listening = monitor.listenerCount('stats') + monitor.listenerCount('leak') > 0;
    if (listening && observer === null) {
      observer = new PerformanceObserver(record);
      observer.observe({ entryTypes: ['gc'] });
    } else if (!listening && observer !== null) {
      observer.disconnect();
      observer = null;
    }
  };

  /** Runs `fn` (sync or async) with GC statistics paused, as memwatch does while a
   * HeapDiff snapshot is taken. */
  const quiet = (fn) => {
    const paused = monitor;
    paused.pause(now());
    let result;
    try {
      result = fn();
    } finally {
      if (!(result instanceof Promise)) paused.resume(now());
    }
    return result instanceof Promise ? result.finally(() => paused.resume(now())) : result;
  };

  const front = {
    /** Adds a listener: 'stats' and 'leak' go to the GC monitor, any other event to a
     * plain EventEmitter. */
    on(event, listener) {
      checkFunction(`on(${quote(event)}, listener)`, 'listener', listener);
      if (!GC_EVENTS.has(event)) {
        others.on(event, listener);
        return published();
      }
      monitor.on(event, listener);
      watch();
      return published();
    },

    /** Adds a listener called at most once. */
    once(event, listener) {
      checkFunction(`once(${quote(event)}, listener)`, 'listener', listener);
      if (!GC_EVENTS.has(event)) {
        others.once(event, listener);
        return published();
      }
      const wrappers = onceWrappers.get(event);
      const wrapper = function onceWrapper(payload) {
        front.off(event, wrapper);
        const list = wrappers.get(listener) ?? [];
        list.splice(list.indexOf(wrapper), 1);
        if (list.length === 0) wrappers.delete(listener);
        return listener.call(this, payload);
      };
      wrappers.set(listener, [...(wrappers.get(listener) ?? []), wrapper]);
      front.on(event, wrapper);
      return published();
    },

    /** Removes one registration of `listener` (or of its `once` wrapper). */
    off(event, listener) {
      checkFunction(`off(${quote(event)}, listener)`, 'listener', listener);
      if (!GC_EVENTS.has(event)) {
        others.off(event, listener);
        return published();
      }
      const wrapped = onceWrappers.get(event).get(listener);
      if (!monitor.off(event, listener) && wrapped?.length) {
        monitor.off(event, wrapped.shift());
        if (wrapped.length === 0) onceWrappers.get(event).delete(listener);
      }
      watch();
      return published();
    },

    /** How many listeners `event` has. */
    listenerCount(event) {
      return GC_EVENTS.has(event) ? monitor.listenerCount(event) : others.listenerCount(event);
    },

    /** Emits a non-GC event to its listeners ('stats' and 'leak' come from GCs only). */
    emit(event, ...args) {
      if (GC_EVENTS.has(event)) throw typeError('emit(event, ...args)', 'event', "not 'stats' or 'leak'", event);
      return others.emit(event, ...args);
    },

    /** Replaces the GC monitor's options (`mode`, `leakRule`, `trend`); only while no
     * 'stats' or 'leak' listener is registered. */
    configure(options) {
      const opts = checkOptions('configure(options)', options);
      if (observer !== null) {
        throw new Error("configure(options): call it before adding 'stats' or 'leak' listeners, or after removing them");
      }
      monitor = new binding.GcMonitor(opts);
    },

    gc,
    HeapDiff: heapDiffClass(snapshots, quiet),
  };
  front.removeListener = front.off;
  front.addListener = front.on;
  return front;
}

module.exports = { memwatchFront };
