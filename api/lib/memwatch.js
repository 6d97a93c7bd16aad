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
  /** Which wasm instance `monitor` belongs to (a Rust panic replaces the instance, and the
   * objects of the old one go stale); napi's never changes. */
  const generation = () => binding.instanceGeneration?.() ?? 0;
  let options;
  let monitor = new binding.GcMonitor();
  let monitorGeneration = generation();
  /** The GC listeners in registration order, as [event, listener]: the monitor holds them,
   * this list carries them over to a new one. */
  const registered = [];
  let observer = null;
  const others = new EventEmitter();
  /** For `once` listeners: event -> listener -> the wrappers registered for it. */
  const onceWrappers = new Map([['stats', new Map()], ['leak', new Map()]]);

  /** The monitor, re-made with the same options and listeners when a panic replaced the
   * instance it belonged to (its GC counts start again). */
  const current = () => {
    if (monitorGeneration !== generation()) {
      monitor = new binding.GcMonitor(options);
      monitorGeneration = generation();
      for (const [event, listener] of registered) monitor.on(event, listener);
    }
    return monitor;
  };

  /** An error from a GC listener or the monitor, raised where no caller can catch it: to
   * the 'error' listeners if there are any, else as a process warning — never thrown out
   * of the PerformanceObserver callback, which would end the process. */
  const report = (error) => {
    if (others.listenerCount('error') > 0) others.emit('error', error);
    else process.emitWarning(error instanceof Error ? error : new Error(String(error)), { code: 'BINDLAB_GC_LISTENER' });
  };

  /** Feeds every GC entry to the monitor; the heap size is read once per batch. */
  const record = (list) => {
    try {
      const used = v8.getHeapStatistics().used_heap_size;
      for (const entry of list.getEntries()) {
        const kind = entry.detail?.kind ?? entry.kind;
        current().record(kind, used, performance.timeOrigin + entry.startTime + entry.duration, entry.duration);
      }
    } catch (error) {
      report(error);
    }
  };

  /** Observes GCs while anyone listens for 'stats' or 'leak'. */
  const watch = () => {
    const listening = registered.length > 0;
    if (listening && observer === null) {
      observer = new PerformanceObserver(record);
      observer.observe({ entryTypes: ['gc'] });
    } else if (!listening && observer !== null) {
      observer.disconnect();
      observer = null;
    }
  };

  /** Adds a GC listener to the monitor and the list. */
  const add = (event, listener) => {
    current().on(event, listener);
    registered.push([event, listener]);
  };

  /** Removes the first registration of `listener` for `event`; whether there was one. */
  const remove = (event, listener) => {
    if (!current().off(event, listener)) return false;
    registered.splice(registered.findIndex(([e, l]) => e === event && l === listener), 1);
    return true;
  };

  /** Runs `fn` (sync or async) with GC statistics paused, as memwatch does while a
   * HeapDiff snapshot is taken; a monitor a panic made stale meanwhile is not resumed. */
  const quiet = (fn) => {
    const paused = current();
    const resume = () => {
      if (paused === current()) paused.resume(now());
    };
    paused.pause(now());
    let result;
    try {
      result = fn();
    } finally {
      if (!(result instanceof Promise)) resume();
    }
    return result instanceof Promise ? result.finally(resume) : result;
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
      add(event, listener);
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
      if (!remove(event, listener) && wrapped?.length) {
        remove(event, wrapped.shift());
        if (wrapped.length === 0) onceWrappers.get(event).delete(listener);
      }
      watch();
      return published();
    },

    /** How many listeners `event` has. */
    listenerCount(event) {
      return GC_EVENTS.has(event) ? current().listenerCount(event) : others.listenerCount(event);
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
      monitorGeneration = generation();
      options = opts;
    },

    gc,
    HeapDiff: heapDiffClass(snapshots, quiet),
  };
  front.removeListener = front.off;
  front.addListener = front.on;
  return front;
}

module.exports = { memwatchFront };
