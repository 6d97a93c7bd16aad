//! The floor: plain `extern "C"` exports with no wasm-bindgen glue (`lab.raw`).

mod raw;
