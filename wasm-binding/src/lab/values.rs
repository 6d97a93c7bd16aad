//! `makeValues`: M JS values made inside one call, each dropped at the end of its iteration
//! or all kept until the call returns, for the lifetime lab; the twin of the napi binding's.

use crate::error::js_error;
use bindlab_core::lab::lifetime;
use wasm_bindgen::prelude::*;

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
