//! memwatch's GC monitor: the core's state machine fed one GC record per call, with the
//! `stats` / `leak` listeners held inside Rust as `js_sys::Function` values.

use crate::convert::{from_js, to_js, type_error};
use crate::error::js_error;
use bindlab_core::error::CallError;
use bindlab_core::gc::{Config, Event, EventName, GcRecord, Listeners, Memwatch};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Parses an event name, as a `TypeError` for an unknown one.
fn event_name(name: &str) -> Result<EventName, JsValue> {
    EventName::parse(name).map_err(js_error)
}

/// Feeds GC records to memwatch's state machine and calls the listeners of the events
/// it produces.
#[wasm_bindgen]
pub struct GcMonitor {
    core: RefCell<Memwatch>,
    listeners: RefCell<Listeners<js_sys::Function>>,
}

#[wasm_bindgen]
impl GcMonitor {
    /// A monitor; `options` as `{ mode: 'compat' | 'fixed', leakRule: {...}, trend: {...} }`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<GcMonitor, JsValue> {
        let config: Config = if options.is_undefined() || options.is_null() {
            Config::default()
        } else {
            from_js(options).map_err(|reason| js_error(CallError::invalid_options(reason)))?
        };
        let core = Memwatch::new(config).map_err(js_error)?;
        Ok(GcMonitor { core: RefCell::new(core), listeners: RefCell::default() })
    }

    /// Processes one GC (`kind` is a `perf_hooks.constants.NODE_PERFORMANCE_GC_*` flag),
    /// calls the listeners of each event it yields, and returns how many it yielded.
    pub fn record(&self, kind: u32, used_heap_size: f64, time_ms: f64, duration_ms: f64) -> Result<u32, JsValue> {
        let record = GcRecord::from_node(kind, used_heap_size, time_ms, duration_ms).map_err(js_error)?;
        let events = self.core.borrow_mut().record(&record);
        for event in events.iter() {
            let payload = match event {
                Event::Stats(s) => to_js(s)?,
                Event::Leak(l) => to_js(l)?,
            };
            self.emit(event.name(), &payload)?;
        }
        Ok(events.len() as u32)
    }

    /// Calls every listener of `name`; listeners added or removed meanwhile count from the next event.
    fn emit(&self, name: EventName, payload: &JsValue) -> Result<(), JsValue> {
        let listeners = self.listeners.borrow().of(name);
        for listener in listeners {
            listener.call1(&JsValue::UNDEFINED, payload)?;
        }
        Ok(())
    }

    /// Adds a listener for `"stats"` or `"leak"`.
    pub fn on(&self, event: &str, listener: JsValue) -> Result<(), JsValue> {
        let name = event_name(event)?;
        let listener = listener.dyn_into::<js_sys::Function>().map_err(|_| type_error("the listener must be a function"))?;
        self.listeners.borrow_mut().add(name, listener);
        Ok(())
    }

    /// Removes the first registration of `listener` for `event`; returns whether there was one.
    pub fn off(&self, event: &str, listener: &js_sys::Function) -> Result<bool, JsValue> {
        let name = event_name(event)?;
        self.listeners.borrow_mut().remove_first(name, |f| Ok(js_sys::Object::is(f, listener)))
    }

    /// How many listeners `event` has.
    #[wasm_bindgen(js_name = listenerCount)]
    pub fn listener_count(&self, event: &str) -> Result<u32, JsValue> {
        Ok(self.listeners.borrow().count(event_name(event)?) as u32)
    }

    /// Starts ignoring GCs from `atMs` on (while a heap snapshot is taken).
    pub fn pause(&self, at_ms: f64) {
        self.core.borrow_mut().pause(at_ms)
    }

    /// Stops ignoring GCs from `atMs` on.
    pub fn resume(&self, at_ms: f64) {
        self.core.borrow_mut().resume(at_ms)
    }
}
