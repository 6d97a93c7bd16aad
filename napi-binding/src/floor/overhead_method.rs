//! The overhead ladder of a class method: `increment` on the raw `Counter`
//! (`raw_counter`) with napi-rs's generated steps for a `&mut self` method added back one
//! at a time, through the same runtime calls the `#[napi]` expansion makes. Rung 0 is the
//! floor's own `increment` (`napi_get_cb_info` for `this`, `napi_unwrap`). Exported as
//! the methods `incrementRung1`… of `raw.LadderCounter`.

use super::overhead::finish;
use super::raw_counter::{unwrap_counter, wrong_receiver, Member, COUNTER_TAG};
use napi::bindgen_prelude::{
    defer_native_borrow_scope, register_native_borrow_with_value, validate_type_tag, CallbackInfo,
    NativeBorrowBarrier, NativeBorrowScope, ToNapiValue,
};
use napi::sys::{napi_callback_info, napi_env, napi_value};

/// `increment` rungs: 1 reads `this` through `CallbackInfo` and returns through
/// `ToNapiValue` into a `Result`; 2 adds the type-tag check (`napi_check_object_type_tag`,
/// as `CallbackInfo::unwrap_raw` does on napi8); 3 adds the `NativeBorrowScope`, the
/// `NativeBorrowBarrier` and the deferred scope hand-off; 4 registers the `&mut self`
/// borrow (`register_native_borrow_with_value`: a process-wide `Mutex<HashMap>` entry and
/// the scope's guard and value lists); 5 adds `catch_unwind`.
unsafe extern "C" fn increment_rung<const R: u8>(
    env: napi_env,
    info: napi_callback_info,
) -> napi_value {
    finish::<R>(env, 5, || {
        let cb = CallbackInfo::<0>::new(env, info, None, false)?;
        let mut scope = (R >= 3).then(|| NativeBorrowScope::new());
        let counter = unwrap_counter(env, cb.this());
        if counter.is_null() {
            return Ok(wrong_receiver(env));
        }
        if R >= 2 {
            validate_type_tag(env, cb.this(), &COUNTER_TAG, "Counter")?;
        }
        if R >= 4 {
            register_native_borrow_with_value(env, cb.this(), counter, true)?;
        }
        if let Some(scope) = scope.as_mut() {
            scope.finish();
        }
        let _barrier = (R >= 3).then(NativeBorrowBarrier::new);
        let value = (*counter).increment();
        let _deferred = scope
            .take()
            .map(|scope| defer_native_borrow_scope(scope, env));
        f64::to_napi_value(env, value)
    })
}

/// The method rungs, as members of `raw.LadderCounter`.
pub(crate) const RUNGS: [Member; 5] = [
    Member::Method(c"incrementRung1", Some(increment_rung::<1>)),
    Member::Method(c"incrementRung2", Some(increment_rung::<2>)),
    Member::Method(c"incrementRung3", Some(increment_rung::<3>)),
    Member::Method(c"incrementRung4", Some(increment_rung::<4>)),
    Member::Method(c"incrementRung5", Some(increment_rung::<5>)),
];
