//! The wasm floor: plain `extern "C"` exports with no wasm-bindgen glue. JS reaches them
//! on the instance's exports (see `rawExports`); arrays go through a scratch buffer that
//! JS fills directly in linear memory.

use bindlab_core::lab::probe;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// Scratch space for raw array arguments, grown on demand and reused.
    static SCRATCH: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// The wasm instance's exports object, where the raw functions below live.
#[wasm_bindgen(js_name = rawExports)]
pub fn raw_exports() -> JsValue {
    wasm_bindgen::exports()
}

/// Raw `noop`.
#[no_mangle]
pub extern "C" fn bindlab_raw_noop() {
    probe::noop()
}

/// Raw `add`.
#[no_mangle]
pub extern "C" fn bindlab_raw_add(a: i32, b: i32) -> i32 {
    probe::add(a, b)
}

/// Raw `mulAdd`.
#[no_mangle]
pub extern "C" fn bindlab_raw_mul_add(a: f64, b: f64, c: f64) -> f64 {
    probe::mul_add(a, b, c)
}

/// Makes room for `len` floats in the scratch buffer and returns its address.
#[no_mangle]
pub extern "C" fn bindlab_raw_scratch_f64(len: usize) -> *mut f64 {
    SCRATCH.with_borrow_mut(|scratch| {
        scratch.resize(len, 0.0);
        scratch.as_mut_ptr()
    })
}

/// Raw `sum` over the first `len` floats of the scratch buffer.
#[no_mangle]
pub extern "C" fn bindlab_raw_sum_scratch(len: usize) -> f64 {
    SCRATCH.with_borrow(|scratch| probe::sum(&scratch[..len.min(scratch.len())]))
}
