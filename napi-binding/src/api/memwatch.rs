//! memwatch's GC monitor: the core's state machine fed one GC record per call, with the
//! `stats` / `leak` listeners held by Rust as two-phase Node-API references. Payloads
//! reach JS through the core's serde shape (`core/src/gc/event.rs`).

use crate::convert::to_js_numbers;
use crate::error::throw;
use crate::reference::SharedRef;
use bindlab_core::error::CallError;
use bindlab_core::gc::{Config, Event, EventName, GcRecord, Listeners, Memwatch};
use napi::bindgen_prelude::{Env, Function, FromNapiValue, JsValue, Unknown};
use napi::sys;
use napi_derive::napi;
use std::cell::RefCell;

/// Parses an event name, throwing a `TypeError` for an unknown one.
fn event_name(env: &Env, name: &str) -> napi::Result<EventName> {
    EventName::parse(name).map_err(|e| throw(env, e))
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
                env.from_js_value(value).map_err(|e| throw(&env, CallError::invalid_options(e.reason)))?
            }
            _ => Config::default(),
        };
        let core = Memwatch::new(config).map_err(|e| throw(&env, e))?;
        Ok(GcMonitor { core: RefCell::new(core), listeners: RefCell::default() })
    }

    /// Processes one GC (`kind` is a `perf_hooks.constants.NODE_PERFORMANCE_GC_*` flag),
    /// calls the listeners of each event it yields, and returns how many it yielded.
    #[napi(catch_unwind)]
    pub fn record(&self, env: Env, kind: u32, used_heap_size: f64, time_ms: f64, duration_ms: f64) -> napi::Result<u32> {
        let record = GcRecord::from_node(kind, used_heap_size, time_ms, duration_ms).map_err(|e| throw(&env, e))?;
        let events = self.core.borrow_mut().record(&record);
        for event in events.iter() {
            let payload = match event {
                Event::Stats(s) => to_js_numbers(&env, s)?,
                Event::Leak(l) => to_js_numbers(&env, l)?,
            };
            self.emit(env, event.name(), payload.raw())?;
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
