//! `JsHolder`: Rust holding one JS object as N `JsValue` clones (each a heap slot), and
//! `heapLiveCount()`: wasm-bindgen's live JS-value slots, for the lifetime lab and the
//! seed-003 reproductions; the twin of the napi binding's.

use crate::convert::type_error;
use crate::error::js_error;
use bindlab_core::lab::lifetime;
use wasm_bindgen::prelude::*;

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
