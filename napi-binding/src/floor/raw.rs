//! The Node-API floor: the probes written directly against Node-API (`napi::sys`), with
//! no macros, no argument type checks beyond what Node-API itself does and no class or
//! reference bookkeeping. Exported as `raw.noop`, `raw.add`, `raw.mulAdd`, `raw.sum` and
//! `raw.Counter` (`raw_counter`), beside the overhead ladders' rungs and `raw.LadderCounter`
//! (`overhead*`).

use super::{overhead, overhead_method, raw_counter};
use bindlab_core::lab::probe;
use napi::bindgen_prelude::{Env, JsObjectValue, Object};
use napi::sys::{self, napi_callback_info, napi_env, napi_value};
use napi_derive::napi;
use std::ffi::{c_char, CStr};
use std::ptr;

/// Reads up to `N` call arguments (missing ones are `undefined`).
unsafe fn args<const N: usize>(env: napi_env, info: napi_callback_info) -> [napi_value; N] {
    let mut argv = [ptr::null_mut(); N];
    let mut argc = N;
    sys::napi_get_cb_info(env, info, &mut argc, argv.as_mut_ptr(), ptr::null_mut(), ptr::null_mut());
    argv
}

/// Throws a TypeError and returns the null `napi_value` a callback returns after throwing.
unsafe fn type_error(env: napi_env, message: &CStr) -> napi_value {
    sys::napi_throw_type_error(env, ptr::null(), message.as_ptr());
    ptr::null_mut()
}

/// Reads a number argument, or `None` when it is not a number.
unsafe fn number(env: napi_env, value: napi_value) -> Option<f64> {
    let mut out = 0.0;
    (sys::napi_get_value_double(env, value, &mut out) == sys::Status::napi_ok).then_some(out)
}

unsafe extern "C" fn raw_noop(_env: napi_env, _info: napi_callback_info) -> napi_value {
    probe::noop();
    ptr::null_mut()
}

unsafe extern "C" fn raw_add(env: napi_env, info: napi_callback_info) -> napi_value {
    let [a, b] = args::<2>(env, info);
    let (mut x, mut y, mut out) = (0, 0, ptr::null_mut());
    if sys::napi_get_value_int32(env, a, &mut x) != sys::Status::napi_ok
        || sys::napi_get_value_int32(env, b, &mut y) != sys::Status::napi_ok
    {
        return type_error(env, c"add(a, b): both arguments must be numbers");
    }
    sys::napi_create_int32(env, probe::add(x, y), &mut out);
    out
}

unsafe extern "C" fn raw_mul_add(env: napi_env, info: napi_callback_info) -> napi_value {
    let [a, b, c] = args::<3>(env, info);
    let (Some(a), Some(b), Some(c)) = (number(env, a), number(env, b), number(env, c)) else {
        return type_error(env, c"mulAdd(a, b, c): all arguments must be numbers");
    };
    let mut out = ptr::null_mut();
    sys::napi_create_double(env, probe::mul_add(a, b, c), &mut out);
    out
}

unsafe extern "C" fn raw_sum(env: napi_env, info: napi_callback_info) -> napi_value {
    let [values] = args::<1>(env, info);
    let (mut kind, mut length, mut data) = (0, 0usize, ptr::null_mut());
    let status = sys::napi_get_typedarray_info(
        env, values, &mut kind, &mut length, &mut data, ptr::null_mut(), ptr::null_mut(),
    );
    if status != sys::Status::napi_ok || kind != sys::TypedarrayType::float64_array {
        return type_error(env, c"sum(values): values must be a Float64Array");
    }
    let slice = if length == 0 { &[][..] } else { std::slice::from_raw_parts(data as *const f64, length) };
    let mut out = ptr::null_mut();
    sys::napi_create_double(env, probe::sum(slice), &mut out);
    out
}

/// The raw functions, by the JS name they are exported under.
const RAW_FUNCTIONS: [(&CStr, sys::napi_callback); 4] = [
    (c"noop", Some(raw_noop)),
    (c"add", Some(raw_add)),
    (c"mulAdd", Some(raw_mul_add)),
    (c"sum", Some(raw_sum)),
];

/// Adds `exports.raw`, an object holding the raw functions, the overhead rungs and the raw `Counter`.
#[napi(module_exports)]
pub fn register_raw(mut exports: Object, env: Env) -> napi::Result<()> {
    let mut raw = Object::new(&env)?;
    for (name, callback) in RAW_FUNCTIONS.into_iter().chain(overhead::FUNCTION_RUNGS) {
        let mut function = ptr::null_mut();
        let name_ptr: *const c_char = name.as_ptr();
        // SAFETY: `env` is the live environment of this module-init call, and the name is NUL-terminated.
        let status = unsafe {
            sys::napi_create_function(env.raw(), name_ptr, name.count_bytes() as isize, callback, ptr::null_mut(), &mut function)
        };
        if status != sys::Status::napi_ok {
            return Err(napi::Error::from_reason(format!("could not create raw.{}", name.to_string_lossy())));
        }
        raw.set_named_property(&name.to_string_lossy(), function)?;
    }
    raw.set_named_property("Counter", raw_counter::define_counter(env.raw(), c"Counter", &[])?)?;
    raw.set_named_property("LadderCounter", raw_counter::define_counter(env.raw(), c"LadderCounter", &overhead_method::RUNGS)?)?;
    exports.set_named_property("raw", raw)
}
