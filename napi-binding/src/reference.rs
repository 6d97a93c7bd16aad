//! Node-API references to JS values that Rust keeps across calls, in seed 003's
//! "two-phase" form: one `napi_ref` created with count 1, shared by an `Rc`, and
//! unref'd then deleted when the last clone drops. Cloning costs no Node-API call, so a
//! reference costs exactly three (create, unref, delete) however often it is shared.
//! Every Node-API reference call made here is counted, readable from JS.

use napi::sys::{self, napi_env, napi_ref, napi_value};
use napi_derive::napi;
use std::cell::Cell;
use std::ptr;
use std::rc::Rc;

thread_local! {
    static COUNTERS: Cell<ReferenceCounters> = const { Cell::new(ReferenceCounters::ZERO) };
}

/// How many Node-API reference calls this thread has made, by kind.
#[napi(object)]
#[derive(Clone, Copy)]
pub struct ReferenceCounters {
    /// `napi_create_reference` calls.
    pub create: u32,
    /// `napi_reference_ref` calls.
    pub reference: u32,
    /// `napi_reference_unref` calls.
    pub unref: u32,
    /// `napi_delete_reference` calls.
    pub delete: u32,
    /// `napi_get_reference_value` calls.
    pub get: u32,
}

impl ReferenceCounters {
    const ZERO: ReferenceCounters = ReferenceCounters { create: 0, reference: 0, unref: 0, delete: 0, get: 0 };
}

/// Adds one to a counter.
pub(crate) fn count(bump: impl FnOnce(&mut ReferenceCounters)) {
    COUNTERS.with(|cell| {
        let mut counters = cell.get();
        bump(&mut counters);
        cell.set(counters);
    });
}

/// The Node-API reference calls made so far by this thread (exported as `lab.referenceCounters`).
pub(crate) fn counters() -> ReferenceCounters {
    COUNTERS.with(Cell::get)
}

/// The one `napi_ref` behind a [`SharedRef`].
struct RawRef {
    env: napi_env,
    raw: napi_ref,
}

impl Drop for RawRef {
    fn drop(&mut self) {
        let mut remaining = 0;
        // SAFETY: `raw` was created in `env`, which outlives every Rust value of this addon
        // instance on this thread; it is unref'd and deleted exactly once, here.
        unsafe {
            sys::napi_reference_unref(self.env, self.raw, &mut remaining);
            count(|c| c.unref += 1);
            sys::napi_delete_reference(self.env, self.raw);
            count(|c| c.delete += 1);
        }
    }
}

/// A strong reference to a JS value, shared by `Rc` clones (see the module docs).
#[derive(Clone)]
pub struct SharedRef(Rc<RawRef>);

impl SharedRef {
    /// Creates the reference (count 1), keeping `value` alive until the last clone drops.
    ///
    /// # Safety
    /// `env` must be the live environment `value` belongs to.
    pub unsafe fn new(env: napi_env, value: napi_value) -> napi::Result<SharedRef> {
        let mut raw = ptr::null_mut();
        let status = sys::napi_create_reference(env, value, 1, &mut raw);
        count(|c| c.create += 1);
        if status != sys::Status::napi_ok {
            return Err(napi::Error::from_reason("napi_create_reference failed"));
        }
        Ok(SharedRef(Rc::new(RawRef { env, raw })))
    }

    /// The referenced value, valid for the current call.
    pub fn value(&self) -> napi::Result<napi_value> {
        let mut value = ptr::null_mut();
        // SAFETY: the reference is alive as long as `self` is.
        let status = unsafe { sys::napi_get_reference_value(self.0.env, self.0.raw, &mut value) };
        count(|c| c.get += 1);
        if status != sys::Status::napi_ok || value.is_null() {
            return Err(napi::Error::from_reason("the referenced value is gone"));
        }
        Ok(value)
    }
}
