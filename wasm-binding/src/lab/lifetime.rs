//! Object-lifetime probes for the lifetime lab (`npm run bench -- lifetime`) and the
//! blog-post reproductions (`npm run repro`), the twins of the napi binding's:
//! - `Tracked`: Rust memory in linear memory owned by a JS wrapper, freed by `free()` or
//!   the glue's FinalizationRegistry, with the core's counters (`trackedTally()`);
//! - `JsHolder`: Rust holding one JS object as N `JsValue` clones (each a heap slot);
//! - `makeValues`: M JS values made inside one call, each dropped at the end of its
//!   iteration or all kept until the call returns;
//! - `heapLiveCount()`: wasm-bindgen's live JS-value slots.

use crate::convert::{to_js, type_error};
use crate::error::js_error;
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
        Ok(Tracked(lifetime::Tracked::checked(bytes).map_err(js_error)?))
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
            return Err(js_error(lifetime::unknown_mode(&mode, "the wasm binding has only jsvalue")));
        }
        Ok(JsHolder(Vec::new()))
    }

    /// Keeps `value` through `holders` clones (at least 1).
    pub fn hold(&mut self, value: JsValue, holders: u32) -> Result<(), JsValue> {
        let holders = lifetime::check_hold(!self.0.is_empty(), holders).map_err(js_error)?;
        self.0 = (0..holders).map(|_| value.clone()).collect();
        Ok(())
    }

    /// The held object; throws when nothing is held.
    pub fn get(&self) -> Result<JsValue, JsValue> {
        self.0.first().cloned().ok_or_else(|| js_error(lifetime::holds_nothing()))
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
    lifetime::check_values(count, slots).map_err(js_error)?;
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
