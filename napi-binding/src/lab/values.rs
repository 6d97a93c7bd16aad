//! `makeValues`: M JS values made inside one native call, with or without a handle scope
//! around each, for the lifetime lab.
//! Every `#[napi]` function here has `catch_unwind`: a Rust panic becomes a thrown JS
//! `Error` instead of aborting Node (an unwind cannot cross the `extern "C"` callback).

use crate::convert::check;
use crate::error::throw;
use bindlab_core::lab::lifetime;
use napi::bindgen_prelude::{Env, Function};
use napi::sys::{self, napi_env};
use napi_derive::napi;
use std::ptr;

/// Makes `count` arrays of `slots` holes inside this one call, each inside its own handle
/// scope when `scoped`; calls `sample(i)` after every `every`-th (0: never). Without a
/// scope every array stays reachable from the call's scope until it returns.
#[napi(catch_unwind)]
pub fn make_values(env: Env, count: u32, slots: u32, scoped: bool, every: u32, sample: Function<u32, ()>) -> napi::Result<()> {
    lifetime::check_values(count, slots).map_err(|e| throw(&env, e))?;
    for i in 0..count {
        let scope = if scoped { Some(open_scope(env.raw())?) } else { None };
        let mut array = ptr::null_mut();
        // SAFETY: `env` is this call's live environment.
        check(unsafe { sys::napi_create_array_with_length(env.raw(), slots as usize, &mut array) }, "napi_create_array_with_length")?;
        let sampled = if lifetime::is_sample_point(i, every) { sample.call(i + 1) } else { Ok(()) };
        if let Some(scope) = scope {
            // SAFETY: the scope was opened above in this call and is the innermost one.
            check(unsafe { sys::napi_close_handle_scope(env.raw(), scope) }, "napi_close_handle_scope")?;
        }
        sampled?;
    }
    Ok(())
}

/// Opens a handle scope in `env`.
fn open_scope(env: napi_env) -> napi::Result<sys::napi_handle_scope> {
    let mut scope = ptr::null_mut();
    // SAFETY: `env` is a live environment inside a call.
    check(unsafe { sys::napi_open_handle_scope(env, &mut scope) }, "napi_open_handle_scope").map(|()| scope)
}
