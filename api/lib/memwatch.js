// The memwatch drop-in: an EventEmitter (the whole surface people call on memwatch, with
// Node's semantics) whose 'stats' and 'leak' listeners live in the binding's GcMonitor (in
// Rust), fed one record per GC from PerformanceObserver 'gc' entries and
// v8.getHeapStatistics(). Where the runtime reports no GCs, adding one of those warns once.
'use strict';

const { EventEmitter } = require('node:events');
const { PerformanceObserver, performance } = require('node:perf_hooks');
const v8 = require('node:v8');
const { checkFunction, checkOptions, quote, typeError } = require('./check.js');
const { gc } = require('./gc.js');
const { heapDiffClass } = require('./heapdiff.js');

/** The events the GcMonitor emits. */
const GC_EVENTS = new Set(['stats', 'leak']);

/** Why this runtime will never report a GC to the front, or null when it does: Bun has no
 * 'gc' performance entries, and Deno lists the type but emits none. */
function missingGcNotifications() {
  if (process.versions.bun) return 'Bun emits no PerformanceObserver gc entries';
  if (globalThis.Deno) return 'Deno emits no PerformanceObserver gc entries';
  if (!PerformanceObserver.supportedEntryTypes?.includes('gc')) return 'this runtime has no PerformanceObserver gc entries';
  return null;
}

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
  /** EventEmitter's leak warning: more GC listeners than this on one event (0: no limit). */
  let maxListeners = EventEmitter.defaultMaxListeners;
  const warnedMax = new Set();
  /** The wrappers `once` made, which `listeners()` unwraps. */
  const onceWrapperSet = new WeakSet();
  let warnedNoGc = false;

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

  /** Warns once that 'stats' and 'leak' will never fire in this runtime, and once per
   * event that it has more listeners than `setMaxListeners` allows, as EventEmitter does. */
  const warnAbout = (event) => {
    const reason = warnedNoGc ? null : missingGcNotifications();
    if (reason) {
      warnedNoGc = true;
      process.emitWarning(`on(${quote(event)}): ${reason}, so 'stats' and 'leak' will never fire here`, { code: 'BINDLAB_NO_GC_EVENTS' });
    }
    const count = registered.filter(([e]) => e === event).length;
    if (maxListeners > 0 && count > maxListeners && !warnedMax.has(event)) {
      warnedMax.add(event);
      const warning = new Error(`Possible EventEmitter memory leak detected. ${count} ${event} listeners added to memwatch. `
        + `MaxListeners is ${maxListeners}. Use setMaxListeners() to increase limit`);
      warning.name = 'MaxListenersExceededWarning';
      process.emitWarning(warning);
    }
  };

  /** Gives the monitor `event`'s listeners again, in the order of `registered`. */
  const resync = (event) => {
    const list = rawGcListeners(event);
    for (const listener of list) current().off(event, listener);
    for (const listener of list) current().on(event, listener);
  };

  /** Adds a GC listener to the monitor and the list, last or (`first`) before the others. */
  const add = (event, listener, first = false) => {
    if (first) {
      registered.unshift([event, listener]);
      resync(event);
    } else {
      current().on(event, listener);
      registered.push([event, listener]);
    }
    warnAbout(event);
  };

  /** The GC listeners of `event` as registered (`once` wrappers included), in call order. */
  const rawGcListeners = (event) => registered.filter(([e]) => e === event).map(([, l]) => l);

  /** Whether `event` has a listener now. */
  const hasListeners = (event) => (GC_EVENTS.has(event) ? rawGcListeners(event).length > 0 : others.listenerCount(event) > 0);

  /** Event names in the order each got its first listener since it last had none, as
   * EventEmitter lists them; names without listeners stay here but are not listed. */
  const order = [];

  /** Records that `event` is about to get a listener: one that has none goes last. */
  const named = (event) => {
    if (hasListeners(event)) return;
    const at = order.indexOf(event);
    if (at >= 0) order.splice(at, 1);
    order.push(event);
  };

  /** Removes the most recent registration of `listener` (or of a `once` wrapper of it) for
   * `event`, as EventEmitter does. */
  const remove = (event, listener) => {
    const at = registered.findLastIndex(([e, l]) => e === event && (l === listener || (onceWrapperSet.has(l) && l.listener === listener)));
    if (at < 0) return;
    const [[, removed]] = registered.splice(at, 1);
    current().off(event, removed);
    if (registered.some(([e, l]) => e === event && l === removed)) resync(event);
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
      return addListener('on', event, listener, false);
    },

    /** Adds a listener called at most once. */
    once(event, listener) {
      return addOnce('once', event, listener, false);
    },

    /** Adds a listener before the others of `event`. */
    prependListener(event, listener) {
      return addListener('prependListener', event, listener, true);
    },

    /** Adds a listener called at most once, before the others of `event`. */
    prependOnceListener(event, listener) {
      return addOnce('prependOnceListener', event, listener, true);
    },

    /** Removes the most recent registration of `listener` (or of its `once` wrapper). */
    off(event, listener) {
      checkFunction(`off(${quote(event)}, listener)`, 'listener', listener);
      if (!GC_EVENTS.has(event)) {
        others.off(event, listener);
        return published();
      }
      remove(event, listener);
      watch();
      return published();
    },

    /** Removes every listener of `event`, or of every event. */
    removeAllListeners(event) {
      const events = event === undefined ? [...GC_EVENTS] : [event];
      for (const name of events.filter((e) => GC_EVENTS.has(e))) {
        for (const listener of rawGcListeners(name)) current().off(name, listener);
        registered.splice(0, registered.length, ...registered.filter(([e]) => e !== name));
      }
      if (event === undefined) others.removeAllListeners();
      else if (!GC_EVENTS.has(event)) others.removeAllListeners(event);
      watch();
      return published();
    },

    /** How many listeners `event` has. */
    listenerCount(event) {
      return GC_EVENTS.has(event) ? current().listenerCount(event) : others.listenerCount(event);
    },

    /** The listeners of `event`, in call order (`once` ones as given). */
    listeners(event) {
      if (!GC_EVENTS.has(event)) return others.listeners(event);
      return rawGcListeners(event).map((l) => (onceWrapperSet.has(l) ? l.listener : l));
    },

    /** The listeners of `event` as registered (`once` wrappers, whose `listener` is the one given). */
    rawListeners(event) {
      return GC_EVENTS.has(event) ? rawGcListeners(event) : others.rawListeners(event);
    },

    /** The events that have listeners, in the order EventEmitter gives. */
    eventNames() {
      return order.filter(hasListeners);
    },

    /** Sets how many listeners one event may have before the leak warning (0: no limit). */
    setMaxListeners(n) {
      if (typeof n !== 'number' || !(n >= 0)) {
        throw new RangeError(`setMaxListeners(n): n must be a non-negative number, got ${quote(n)}`);
      }
      maxListeners = n;
      others.setMaxListeners(n);
      return published();
    },

    /** How many listeners one event may have before the leak warning. */
    getMaxListeners() {
      return maxListeners;
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
  /** Adds `listener` (`first`: before the others of `event`); `call` names the method in errors. */
  function addListener(call, event, listener, first) {
    checkFunction(`${call}(${quote(event)}, listener)`, 'listener', listener);
    named(event);
    if (!GC_EVENTS.has(event)) {
      if (first) others.prependListener(event, listener);
      else others.on(event, listener);
      return published();
    }
    add(event, listener, first);
    watch();
    return published();
  }

  /** Adds `listener` to be called at most once (`first`: before the others); `call` names
   * the method in errors. */
  function addOnce(call, event, listener, first) {
    checkFunction(`${call}(${quote(event)}, listener)`, 'listener', listener);
    if (!GC_EVENTS.has(event)) {
      named(event);
      if (first) others.prependOnceListener(event, listener);
      else others.once(event, listener);
      return published();
    }
    const wrapper = function onceWrapper(payload) {
      front.off(event, wrapper);
      return listener.call(this, payload);
    };
    wrapper.listener = listener;
    onceWrapperSet.add(wrapper);
    return addListener(call, event, wrapper, first);
  }

  front.removeListener = front.off;
  front.addListener = front.on;
  return front;
}

module.exports = { memwatchFront };
