//! memwatch's GC monitor: the core's state machine fed one GC record per call, with the
//! `stats` / `leak` listeners held by Rust as two-phase Node-API references.

use crate::convert::type_error;
use crate::reference::SharedRef;
use bindlab_core::gc::{Config, Event, EventName, GcKind, GcRecord, Leak, LeakDetector, Listeners, Memwatch, Stats};
use napi::bindgen_prelude::{Env, Function, FromNapiValue, JsValue, ToNapiValue, Unknown};
use napi::sys;
use napi_derive::napi;
use std::cell::RefCell;

/// memwatch's `stats` payload.
#[napi(object, js_name = "GcStats")]
pub struct StatsObject {
    /// Mark-sweep-compact collections seen.
    #[napi(js_name = "num_full_gc")]
    pub num_full_gc: f64,
    /// Collections of any other kind seen.
    #[napi(js_name = "num_inc_gc")]
    pub num_inc_gc: f64,
    /// Heap compactions seen.
    #[napi(js_name = "heap_compactions")]
    pub heap_compactions: f64,
    /// Recent base against the long-term base, in percent.
    #[napi(js_name = "usage_trend")]
    pub usage_trend: f64,
    /// The recent base.
    #[napi(js_name = "estimated_base")]
    pub estimated_base: f64,
    /// The heap size after this collection.
    #[napi(js_name = "current_base")]
    pub current_base: f64,
    /// Smallest post-GC heap size since the 3rd compaction.
    pub min: f64,
    /// Largest post-GC heap size since the 3rd compaction.
    pub max: f64,
}

impl From<&Stats> for StatsObject {
    fn from(s: &Stats) -> Self {
        StatsObject {
            num_full_gc: s.num_full_gc as f64,
            num_inc_gc: s.num_inc_gc as f64,
            heap_compactions: s.heap_compactions as f64,
            usage_trend: s.usage_trend,
            estimated_base: s.estimated_base as f64,
            current_base: s.current_base as f64,
            min: s.min as f64,
            max: s.max as f64,
        }
    }
}

/// memwatch's `leak` payload.
#[napi(object, js_name = "GcLeak")]
pub struct LeakObject {
    /// When the growth began (ms since the Unix epoch).
    pub start: f64,
    /// When it was reported (ms since the Unix epoch).
    pub end: f64,
    /// Bytes the heap grew by.
    pub growth: f64,
    /// memwatch's sentence.
    pub reason: String,
    /// `"consecutive_growth"` or `"trend"`.
    pub detector: String,
}

impl From<&Leak> for LeakObject {
    fn from(l: &Leak) -> Self {
        LeakObject {
            start: l.start_ms,
            end: l.end_ms,
            growth: l.growth as f64,
            reason: l.reason.clone(),
            detector: match l.detector {
                LeakDetector::ConsecutiveGrowth => "consecutive_growth",
                LeakDetector::Trend => "trend",
            }
            .to_owned(),
        }
    }
}

/// Parses an event name, throwing a `TypeError` for an unknown one.
fn event_name(env: &Env, name: &str) -> napi::Result<EventName> {
    EventName::parse(name).map_err(|e| type_error(env, e.to_string()))
}

/// Feeds GC records to memwatch's state machine and calls the listeners of the events
/// it produces.
#[napi]
pub struct GcMonitor {
    core: RefCell<Memwatch>,
    listeners: RefCell<Listeners<SharedRef>>,
}

#[napi]
impl GcMonitor {
    /// A monitor; `options` as `{ mode: 'compat' | 'fixed', leakRule: {...}, trend: {...} }`.
    #[napi(constructor, catch_unwind)]
    pub fn new(env: Env, options: Option<Unknown>) -> napi::Result<GcMonitor> {
        let config: Config = match options {
            Some(value) if !matches!(value.get_type()?, napi::ValueType::Undefined | napi::ValueType::Null) => {
                env.from_js_value(value).map_err(|e| type_error(&env, format!("invalid memwatch options: {}", e.reason)))?
            }
            _ => Config::default(),
        };
        let core = Memwatch::new(config).map_err(|e| type_error(&env, format!("invalid memwatch options: {e}")))?;
        Ok(GcMonitor { core: RefCell::new(core), listeners: RefCell::default() })
    }

    /// Processes one GC (`kind` is a `perf_hooks.constants.NODE_PERFORMANCE_GC_*` flag),
    /// calls the listeners of each event it yields, and returns how many it yielded.
    #[napi(catch_unwind)]
    pub fn record(&self, env: Env, kind: u32, used_heap_size: f64, time_ms: f64, duration_ms: f64) -> napi::Result<u32> {
        let kind = GcKind::from_node_flag(kind).ok_or_else(|| type_error(&env, format!("unknown GC kind {kind}")))?;
        if !(used_heap_size.is_finite() && used_heap_size >= 0.0) {
            return Err(type_error(&env, format!("usedHeapSize must be a finite number >= 0, got {used_heap_size}")));
        }
        let record = GcRecord { kind, used_heap_size: used_heap_size as u64, time_ms, duration_ms };
        let events = self.core.borrow_mut().record(&record);
        for event in events.iter() {
            // SAFETY: `env` is the live environment of this call.
            let payload = unsafe {
                match event {
                    Event::Stats(s) => StatsObject::to_napi_value(env.raw(), s.into())?,
                    Event::Leak(l) => LeakObject::to_napi_value(env.raw(), l.into())?,
                }
            };
            self.emit(env, event.name(), payload)?;
        }
        Ok(events.len() as u32)
    }

    /// Calls every listener of `name`; listeners added or removed meanwhile count from the next event.
    fn emit(&self, env: Env, name: EventName, payload: sys::napi_value) -> napi::Result<()> {
        let listeners = self.listeners.borrow().of(name);
        for listener in listeners {
            // SAFETY: the reference holds a function (checked in `on`) of this environment.
            let function = unsafe { Function::<Unknown, Unknown>::from_napi_value(env.raw(), listener.value()?)? };
            function.call(unsafe { Unknown::from_napi_value(env.raw(), payload)? })?;
        }
        Ok(())
    }

    /// Adds a listener for `"stats"` or `"leak"`.
    #[napi(catch_unwind)]
    pub fn on(&self, env: Env, event: String, listener: Function<Unknown, Unknown>) -> napi::Result<()> {
        let name = event_name(&env, &event)?;
        // SAFETY: `listener` is a live value of this call's environment.
        let reference = unsafe { SharedRef::new(env.raw(), listener.raw())? };
        self.listeners.borrow_mut().add(name, reference);
        Ok(())
    }

    /// Removes the first registration of `listener` for `event`; returns whether there was one.
    #[napi(catch_unwind)]
    pub fn off(&self, env: Env, event: String, listener: Function<Unknown, Unknown>) -> napi::Result<bool> {
        let name = event_name(&env, &event)?;
        self.listeners.borrow_mut().remove_first(name, |reference| {
            let mut same = false;
            // SAFETY: both values are alive in this call's environment.
            unsafe { sys::napi_strict_equals(env.raw(), reference.value()?, listener.raw(), &mut same) };
            Ok(same)
        })
    }

    /// How many listeners `event` has.
    #[napi(catch_unwind)]
    pub fn listener_count(&self, env: Env, event: String) -> napi::Result<u32> {
        Ok(self.listeners.borrow().count(event_name(&env, &event)?) as u32)
    }

    /// Starts ignoring GCs from `atMs` on (while a heap snapshot is taken).
    #[napi(catch_unwind)]
    pub fn pause(&self, at_ms: f64) {
        self.core.borrow_mut().pause(at_ms)
    }

    /// Stops ignoring GCs from `atMs` on.
    #[napi(catch_unwind)]
    pub fn resume(&self, at_ms: f64) {
        self.core.borrow_mut().resume(at_ms)
    }
}
