//! Probes that move data across: strings, bytes and float arrays. wasm-bindgen copies
//! every argument into linear memory and every result out of it.

use crate::error::js_error;
use bindlab_core::lab::probe;
use wasm_bindgen::prelude::*;

/// The UTF-8 length of a string (encoded into wasm memory by the glue).
#[wasm_bindgen(js_name = utf8Length)]
pub fn utf8_length(text: &str) -> usize {
    probe::utf8_length(text)
}

/// Returns the string: encoded in, decoded out.
#[wasm_bindgen(js_name = echoString)]
pub fn echo_string(text: &str) -> String {
    probe::echo_string(text).to_owned()
}

/// The wrapping sum of the bytes. wasm cannot read JS memory, so the glue copies them in.
#[wasm_bindgen(js_name = sumBytes)]
pub fn sum_bytes(bytes: &[u8]) -> u32 {
    probe::sum_bytes(bytes)
}

/// The wrapping sum of the bytes, taken as an owned `Vec` (the same single copy as `sumBytes` here).
#[wasm_bindgen(js_name = sumBytesCopied)]
pub fn sum_bytes_copied(bytes: Vec<u8>) -> u32 {
    probe::sum_bytes(&bytes)
}

/// `length` bytes counting up from 0, copied out into a new Uint8Array.
#[wasm_bindgen(js_name = makeBytes)]
pub fn make_bytes(length: u32) -> Result<Vec<u8>, JsValue> {
    probe::make_bytes_checked(length).map_err(js_error)
}

/// Sums a Float64Array (copied into wasm memory by the glue).
#[wasm_bindgen]
pub fn sum(values: &[f64]) -> f64 {
    probe::sum(values)
}
