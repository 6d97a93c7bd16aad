//! Panics: wasm32 aborts on a panic (an `unreachable` trap that leaves the instance
//! in an unknown state). The hook installed at start-up schedules a fresh instance for
//! the next call and throws a JS `Error` carrying the panic message instead.

use bindlab_core::probe;
use wasm_bindgen::prelude::*;

/// Installs the panic hook when the module is instantiated.
#[wasm_bindgen(start)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        wasm_bindgen::handler::schedule_reinit();
        wasm_bindgen::throw_str(&format!("Rust panic in @bindlab/wasm: {info}"));
    }));
}

/// Panics in Rust with `message`.
#[wasm_bindgen(js_name = panicProbe)]
pub fn panic_probe(message: String) {
    probe::panic_with(&message)
}
