//! Object-lifetime probes for the lifetime lab (`npm run bench -- lifetime`) and the
//! blog-post reproductions (`npm run repro`), the twins of the napi binding's:
//! - `Tracked`: Rust memory in linear memory owned by a JS wrapper, freed by `free()` or
//!   the glue's FinalizationRegistry, with the core's counters (`trackedTally()`);
//! - `JsHolder`: Rust holding one JS object as N `JsValue` clones (each a heap slot);
//! - `makeValues`: M JS values made inside one call, each dropped at the end of its
//!   iteration or all kept until the call returns;
//! - `heapLiveCount()`: wasm-bindgen's live JS-value slots.

use crate::convert::{error, range_error, to_js, type_error};
use bindlab_core::lab::probe;
use bindlab_core::lab::lifetime;
use wasm_bindgen::prelude::*;

/// A Rust value of `bytes` payload owned by its JS wrapper; dropped by `free()` or the
/// glue's FinalizationRegistry.
#[wasm_bindgen]
pub struct Tracked(lifetime::Tracked);

#[wasm_bindgen]
impl Tracked {
    /// A value holding `bytes` of Rust memory.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: u32) -> Result<Tracked, JsValue> {
        let bytes = probe::check_made(bytes.into(), 1).map_err(|e| range_error(&format!("new Tracked(bytes): bytes {e}")))?;
        Ok(Tracked(lifetime::Tracked::new(bytes)))
    }

    /// The payload size in bytes.
    #[wasm_bindgen(getter)]
    pub fn bytes(&self) -> u32 {
        self.0.bytes() as u32
    }
}

/// How many `Tracked` values exist and were dropped so far: `{ created, dropped, live, liveBytes }`.
#[wasm_bindgen(js_name = trackedTally)]
pub fn tracked_tally() -> Result<JsValue, JsValue> {
    to_js(&lifetime::tally())
}

/// wasm-bindgen's count of live JS-value slots (its heap, or the externref table).
#[wasm_bindgen(js_name = heapLiveCount)]
pub fn heap_live_count() -> u32 {
    wasm_bindgen::externref_heap_live_count()
}

/// Rust holding one JS object as `JsValue` clones, one per holder.
#[wasm_bindgen]
pub struct JsHolder(Vec<JsValue>);

#[wasm_bindgen]
impl JsHolder {
    /// A holder; the only `mode` is `"jsvalue"`.
    #[wasm_bindgen(constructor)]
    pub fn new(mode: JsValue) -> Result<JsHolder, JsValue> {
        let mode = mode.as_string().ok_or_else(|| type_error("new JsHolder(mode): mode must be a string"))?;
        if mode != "jsvalue" {
            return Err(type_error(&format!("unknown JsHolder mode {mode:?}: the wasm binding has only jsvalue")));
        }
        Ok(JsHolder(Vec::new()))
    }

    /// Keeps `value` through `holders` clones (at least 1).
    pub fn hold(&mut self, value: JsValue, holders: u32) -> Result<(), JsValue> {
        if !self.0.is_empty() {
            return Err(error("JsHolder already holds a value: release() it first"));
        }
        let holders = lifetime::check_limit("holders", holders, lifetime::MAX_HOLDERS)
            .map_err(|e| range_error(&format!("JsHolder.hold(value, holders): {e}")))?;
        self.0 = (0..holders.max(1)).map(|_| value.clone()).collect();
        Ok(())
    }

    /// The held object; throws when nothing is held.
    pub fn get(&self) -> Result<JsValue, JsValue> {
        self.0.first().cloned().ok_or_else(|| error("JsHolder holds nothing: hold() a value first"))
    }

    /// Lets go of the object: every clone dropped.
    pub fn release(&mut self) {
        self.0.clear();
    }

    /// How many clones are held now.
    #[wasm_bindgen(getter)]
    pub fn holders(&self) -> u32 {
        self.0.len() as u32
    }
}

/// Makes `count` arrays of `slots` holes inside this one call; when `scoped` each is
/// dropped (its slot freed) at the end of its iteration, otherwise all are kept until the
/// call returns. Calls `sample(i)` after every `every`-th (0: never).
#[wasm_bindgen(js_name = makeValues)]
pub fn make_values(count: u32, slots: u32, scoped: bool, every: u32, sample: &js_sys::Function) -> Result<(), JsValue> {
    let limit = |name, value, max| {
        lifetime::check_limit(name, value, max).map_err(|e| range_error(&format!("makeValues(count, slots, …): {e}")))
    };
    limit("count", count, lifetime::MAX_VALUES)?;
    limit("slots", slots, lifetime::MAX_SLOTS)?;
    let mut kept = Vec::new();
    for i in 0..count {
        let array = js_sys::Array::new_with_length(slots);
        if lifetime::is_sample_point(i, every) {
            sample.call1(&JsValue::UNDEFINED, &JsValue::from(i + 1))?;
        }
        if !scoped {
            kept.push(array);
        }
    }
    Ok(())
}
