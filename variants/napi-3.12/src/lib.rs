//! bindlab's probes through napi-rs 3.12.0's `#[napi]`: the same sources as the napi-v2
//! variant (scalars, counter, transfer, which read alike in napi-rs 2 and 3), with the
//! callbacks in 3.x's typed `Function`, so that napi-v2, this and the shipped 3.16.1 differ
//! by library version only. Every export has `catch_unwind`: a panic becomes a JS `Error`.

mod callback;
#[path = "../../napi-v2/src/counter.rs"]
mod counter;
#[path = "../../napi-v2/src/scalar.rs"]
mod scalar;
#[path = "../../napi-v2/src/transfer.rs"]
mod transfer;
