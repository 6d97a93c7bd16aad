//! The Node-API floor of the `Counter` class: `napi_define_class`, `napi_wrap` and
//! `napi_unwrap` by hand, with no macros, no reference map and no borrow tracking.
//! Like napi-rs it stamps every instance with a type tag, so that the overhead ladder
//! (`overhead_method`) can measure the tag check on instances of the same class, defined
//! a second time as `LadderCounter` with the ladder's rung methods added.

use bindlab_core::lab::probe;
use napi::sys::{self, napi_callback_info, napi_env, napi_value};
use std::ffi::{c_void, CStr};
use std::ptr;

/// The type tag stamped on every raw `Counter` (any fixed 128-bit value unique to the class).
pub(crate) const COUNTER_TAG: sys::napi_type_tag = sys::napi_type_tag {
    lower: 0x6269_6e64_6c61_6221,
    upper: 0x7261_7743_6f75_6e74,
};

/// A method or getter of the raw class: JS name, and the callback in the matching slot.
pub(crate) enum Member {
    /// A method on the prototype.
    Method(&'static CStr, sys::napi_callback),
    /// A read-only accessor on the prototype.
    Getter(&'static CStr, sys::napi_callback),
}

/// Reads `this` of a method call (no arguments are read).
pub(crate) unsafe fn this_of(env: napi_env, info: napi_callback_info) -> napi_value {
    let (mut argc, mut this) = (0usize, ptr::null_mut());
    sys::napi_get_cb_info(
        env,
        info,
        &mut argc,
        ptr::null_mut(),
        &mut this,
        ptr::null_mut(),
    );
    this
}

/// The Rust counter wrapped in `this`, or null when `this` wraps nothing.
pub(crate) unsafe fn unwrap_counter(env: napi_env, this: napi_value) -> *mut probe::Counter {
    let mut data = ptr::null_mut();
    if sys::napi_unwrap(env, this, &mut data) != sys::Status::napi_ok {
        return ptr::null_mut();
    }
    data.cast()
}

/// Throws the Error every raw method throws on a receiver that is not a raw `Counter`.
pub(crate) unsafe fn wrong_receiver(env: napi_env) -> napi_value {
    sys::napi_throw_type_error(
        env,
        ptr::null(),
        c"Counter method called on an object that is not a Counter".as_ptr(),
    );
    ptr::null_mut()
}

/// Returns a double, or null after a failed creation (Node-API then has an error pending).
unsafe fn double(env: napi_env, value: f64) -> napi_value {
    let mut out = ptr::null_mut();
    sys::napi_create_double(env, value, &mut out);
    out
}

unsafe extern "C" fn finalize(_env: napi_env, data: *mut c_void, _hint: *mut c_void) {
    drop(Box::from_raw(data.cast::<probe::Counter>()));
}

unsafe extern "C" fn construct(env: napi_env, info: napi_callback_info) -> napi_value {
    let (mut argc, mut argv, mut this) = (1usize, [ptr::null_mut(); 1], ptr::null_mut());
    sys::napi_get_cb_info(
        env,
        info,
        &mut argc,
        argv.as_mut_ptr(),
        &mut this,
        ptr::null_mut(),
    );
    let mut start = 0.0;
    if sys::napi_get_value_double(env, argv[0], &mut start) != sys::Status::napi_ok {
        sys::napi_throw_type_error(
            env,
            ptr::null(),
            c"new Counter(start): start must be a number".as_ptr(),
        );
        return ptr::null_mut();
    }
    let data = Box::into_raw(Box::new(probe::Counter::new(start)));
    if sys::napi_wrap(
        env,
        this,
        data.cast(),
        Some(finalize),
        ptr::null_mut(),
        ptr::null_mut(),
    ) != sys::Status::napi_ok
    {
        drop(Box::from_raw(data));
        return ptr::null_mut();
    }
    sys::napi_type_tag_object(env, this, &COUNTER_TAG);
    this
}

unsafe extern "C" fn increment(env: napi_env, info: napi_callback_info) -> napi_value {
    let counter = unwrap_counter(env, this_of(env, info));
    if counter.is_null() {
        return wrong_receiver(env);
    }
    double(env, (*counter).increment())
}

unsafe extern "C" fn value(env: napi_env, info: napi_callback_info) -> napi_value {
    let counter = unwrap_counter(env, this_of(env, info));
    if counter.is_null() {
        return wrong_receiver(env);
    }
    double(env, (*counter).value())
}

/// The floor's own members: `increment()` and the `value` getter.
const FLOOR_MEMBERS: [Member; 2] = [
    Member::Method(c"increment", Some(increment)),
    Member::Getter(c"value", Some(value)),
];

/// Defines a raw counter class named `name` with the floor's members plus `extra` ones.
pub(crate) fn define_counter(
    env: napi_env,
    name: &CStr,
    extra: &[Member],
) -> napi::Result<napi_value> {
    let descriptor = |member: &Member| {
        let (name, method, getter) = match *member {
            Member::Method(name, callback) => (name, callback, None),
            Member::Getter(name, callback) => (name, None, callback),
        };
        sys::napi_property_descriptor {
            utf8name: name.as_ptr(),
            name: ptr::null_mut(),
            method,
            getter,
            setter: None,
            value: ptr::null_mut(),
            attributes: sys::PropertyAttributes::default,
            data: ptr::null_mut(),
        }
    };
    let properties: Vec<_> = FLOOR_MEMBERS.iter().chain(extra).map(descriptor).collect();
    let mut class = ptr::null_mut();
    // SAFETY: `env` is the live environment of the module-init call; names are NUL-terminated
    // and `properties` outlives the call.
    let status = unsafe {
        sys::napi_define_class(
            env,
            name.as_ptr(),
            name.count_bytes() as isize,
            Some(construct),
            ptr::null_mut(),
            properties.len(),
            properties.as_ptr(),
            &mut class,
        )
    };
    if status != sys::Status::napi_ok {
        return Err(napi::Error::from_reason(format!(
            "could not define raw.{}",
            name.to_string_lossy()
        )));
    }
    Ok(class)
}
