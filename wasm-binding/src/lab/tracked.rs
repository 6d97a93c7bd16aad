//! `Tracked`: Rust memory in linear memory owned by a JS wrapper, freed by `free()` or the
//! glue's FinalizationRegistry, with the core's counters (`trackedTally()`), for the
//! lifetime lab; the twin of the napi binding's.

use crate::convert::to_js;
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
