//! The overhead ladder of plain functions: `noop` and `add` written against Node-API with
//! napi-rs's generated steps added back one at a time, through the same runtime calls the
//! `#[napi]` expansion makes (napi-derive-backend `codegen/fn.rs`). Rung `R` of a ladder
//! has every step up to `R`; rung 0 is the raw floor itself (`raw.noop`, `raw.add`).
//! The harness times every rung beside the floor and the `#[napi]` function, so the report
//! can say how many nanoseconds each step costs (`bench-js/call-overhead.js`, group
//! `overhead`). Exported on `raw` as `noopRung1`…, `addRung1`….

use bindlab_core::lab::probe;
use napi::bindgen_prelude::{
    defer_native_borrow_scope, panic_to_error, CallbackInfo, FromNapiValue, JsError,
    NativeBorrowBarrier, NativeBorrowScope, ToNapiValue,
};
use napi::sys::{self, napi_callback_info, napi_env, napi_value};
use std::ffi::CStr;
use std::panic::{catch_unwind, UnwindSafe};
use std::ptr;

/// Runs a callback body as the generated code does from rung `catch_at` on: inside
/// `catch_unwind` (a panic becomes an Error), an `Err` thrown as a JS error.
pub(crate) unsafe fn finish<const R: u8>(
    env: napi_env,
    catch_at: u8,
    body: impl FnOnce() -> napi::Result<napi_value> + UnwindSafe,
) -> napi_value {
    let result = if R >= catch_at {
        catch_unwind(body).map_err(panic_to_error).and_then(|r| r)
    } else {
        body()
    };
    result.unwrap_or_else(|error| {
        JsError::from(error).throw_into(env);
        ptr::null_mut()
    })
}

/// `noop` rungs (napi-rs's zero-argument shortcut, which reads no `CallbackInfo`):
/// 1 returns `undefined` through `ToNapiValue for ()` (`napi_get_undefined`) and a `Result`;
/// 2 adds the `NativeBorrowBarrier`; 3 adds `catch_unwind`.
unsafe extern "C" fn noop_rung<const R: u8>(
    env: napi_env,
    _info: napi_callback_info,
) -> napi_value {
    finish::<R>(env, 3, || {
        let _barrier = (R >= 2).then(NativeBorrowBarrier::new);
        probe::noop();
        <() as ToNapiValue>::to_napi_value(env, ())
    })
}

/// `add` rungs: 1 reads the call through `CallbackInfo` (which also fetches `this`) and
/// converts with `FromNapiValue`/`ToNapiValue` into a `Result`; 2 adds the
/// `NativeBorrowScope` (an `Arc<Mutex<…>>` per call, pushed on and popped off a
/// thread-local stack) and drops it; 3 adds the `NativeBorrowBarrier`; 4 hands the scope to
/// `defer_native_borrow_scope` as the generated code does instead of dropping it;
/// 5 adds `catch_unwind`.
unsafe extern "C" fn add_rung<const R: u8>(env: napi_env, info: napi_callback_info) -> napi_value {
    finish::<R>(env, 5, || {
        let cb = CallbackInfo::<2>::new(env, info, None, false)?;
        let mut scope = (R >= 2).then(|| NativeBorrowScope::new());
        let a = i32::from_napi_value(env, cb.get_arg(0))?;
        let b = i32::from_napi_value(env, cb.get_arg(1))?;
        if let Some(scope) = scope.as_mut() {
            scope.finish();
        }
        let _barrier = (R >= 3).then(NativeBorrowBarrier::new);
        let sum = probe::add(a, b);
        let _deferred = if R >= 4 {
            scope
                .take()
                .map(|scope| defer_native_borrow_scope(scope, env))
        } else {
            None
        };
        i32::to_napi_value(env, sum)
    })
}

/// The function rungs, by the JS name they are exported under on `raw`.
pub(crate) const FUNCTION_RUNGS: [(&CStr, sys::napi_callback); 8] = [
    (c"noopRung1", Some(noop_rung::<1>)),
    (c"noopRung2", Some(noop_rung::<2>)),
    (c"noopRung3", Some(noop_rung::<3>)),
    (c"addRung1", Some(add_rung::<1>)),
    (c"addRung2", Some(add_rung::<2>)),
    (c"addRung3", Some(add_rung::<3>)),
    (c"addRung4", Some(add_rung::<4>)),
    (c"addRung5", Some(add_rung::<5>)),
];
