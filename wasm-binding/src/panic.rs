//! Panics: wasm32 aborts on a panic, with an `unreachable` trap. The hook installed at
//! start-up throws a JS `Error` carrying the panic message instead, and schedules a fresh
//! instance for the next call (the old one's panic state would turn a second panic into
//! an abort). wasm-bindgen 0.2.130 copies string and array arguments into memory before
//! its call guard swaps instances, so the hook also sets `globalThis.__bindlabWasmPanicked`
//! and `guard.js` swaps instances first (a no-argument call) when it is set.

use bindlab_core::probe;
use wasm_bindgen::prelude::*;

/// Installs the panic hook when the module is instantiated.
#[wasm_bindgen(start)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        wasm_bindgen::handler::schedule_reinit();
        let _ = js_sys::Reflect::set(&js_sys::global(), &"__bindlabWasmPanicked".into(), &JsValue::TRUE);
        wasm_bindgen::throw_str(&format!("Rust panic in @bindlab/wasm: {info}"));
    }));
}

/// Panics in Rust with `message`.
#[wasm_bindgen(js_name = panicProbe)]
pub fn panic_probe(message: String) {
    probe::panic_with(&message)
}
