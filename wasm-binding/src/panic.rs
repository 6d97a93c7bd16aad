//! Panics: wasm32 aborts on a panic, with an `unreachable` trap. The hook installed at
//! start-up throws a JS `Error` carrying the panic message instead, and schedules a fresh
//! instance for the next call (the old one's panic state would turn a second panic into
//! an abort). wasm-bindgen 0.2.130 copies string and array arguments into memory before
//! its call guard swaps instances, so the hook also calls `globalThis.__bindlabWasmOnPanic`
//! (set by `guard.js`), whose guards then swap instances first (a no-argument call).

use wasm_bindgen::prelude::*;

/// Installs the panic hook when the module is instantiated.
#[wasm_bindgen(start, skip_typescript)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        wasm_bindgen::handler::schedule_reinit();
        let on_panic = js_sys::Reflect::get(&js_sys::global(), &"__bindlabWasmOnPanic".into());
        if let Ok(on_panic) = on_panic.and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = on_panic.call0(&JsValue::UNDEFINED);
        }
        wasm_bindgen::throw_str(&format!("Rust panic in @bindlab/wasm: {info}"));
    }));
}
