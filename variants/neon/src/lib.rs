//! bindlab's probes through neon 1.x, written the way neon's guide writes a module: each
//! export a `fn(FunctionContext) -> JsResult<_>` registered in `#[neon::main]`. neon has
//! no classes; the counter is a `JsBox` that the JavaScript loader (`../index.js`) wraps
//! in a class, as neon's own examples do. neon catches a panic in an export and throws it
//! as a JS `Error`.

mod callback;
mod counter;
mod scalar;
mod transfer;

use neon::prelude::*;

/// Registers every export under the name the bench cases call it by.
#[neon::main]
fn main(mut cx: ModuleContext) -> NeonResult<()> {
    scalar::export(&mut cx)?;
    callback::export(&mut cx)?;
    counter::export(&mut cx)?;
    transfer::export(&mut cx)?;
    Ok(())
}
