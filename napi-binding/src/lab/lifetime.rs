//! Object-lifetime probes for the lifetime lab (`npm run bench -- lifetime`) and the
//! blog-post reproductions (`npm run repro`):
//! - `Tracked`: Rust memory owned by a JS wrapper, freed by the napi-rs finalizer, with
//!   the core's creation/drop counters (`trackedTally()`);
//! - `JsHolder`: Rust holding one JS object through N holders, in four ways (napi-rs
//!   `UnknownRef`s, one hand-counted `napi_ref`, the two-phase `SharedRef`, a weak `napi_ref`),
//!   every Node-API reference call counted in `referenceCounters()`;
//! - `makeValues`: M JS values made inside one native call, with or without a handle
//!   scope around each.

use crate::error::{plain, throw};
use crate::reference::{count, SharedRef};
use bindlab_core::lab::lifetime::{self, Tally};
use napi::bindgen_prelude::{Env, FromNapiValue, Function, JsValue, Unknown};
use napi::UnknownRef;
use napi::sys::{self, napi_env, napi_ref, napi_value};
use napi_derive::napi;
use std::ptr;

/// A Rust value of `bytes` payload owned by its JS wrapper; dropped by the finalizer.
#[napi]
pub struct Tracked(lifetime::Tracked);

#[napi]
impl Tracked {
    /// A value holding `bytes` of Rust memory.
    #[napi(catch_unwind, constructor)]
    pub fn new(env: Env, bytes: u32) -> napi::Result<Tracked> {
        Ok(Tracked(lifetime::Tracked::checked(bytes).map_err(|e| throw(&env, e))?))
    }

    /// The payload size in bytes.
    #[napi(catch_unwind, getter)]
    pub fn bytes(&self) -> u32 {
        self.0.bytes() as u32
    }
}

/// The core's `Tally`: `Tracked` values created, dropped, alive, and their live bytes.
#[napi(object, js_name = "TrackedTally")]
pub struct TallyObject {
    /// Values created.
    pub created: f64,
    /// Values dropped.
    pub dropped: f64,
    /// Values alive.
    pub live: f64,
    /// Payload bytes they hold.
    pub live_bytes: f64,
}

/// How many `Tracked` values exist and were dropped so far.
#[napi(catch_unwind)]
pub fn tracked_tally() -> TallyObject {
    let Tally { created, dropped, live, live_bytes } = lifetime::tally();
    TallyObject { created: created as f64, dropped: dropped as f64, live: live as f64, live_bytes: live_bytes as f64 }
}

/// Checks a Node-API status, naming the call that failed.
fn check(status: sys::napi_status, call: &str) -> napi::Result<()> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(napi::Error::from_reason(format!("{call} failed with status {status}")))
    }
}

/// `napi_create_reference` with `initial` count, counted.
///
/// # Safety
/// `value` must be a live value of `env`.
unsafe fn create_reference(env: napi_env, value: napi_value, initial: u32) -> napi::Result<napi_ref> {
    let mut raw = ptr::null_mut();
    let status = sys::napi_create_reference(env, value, initial, &mut raw);
    count(|c| c.create += 1);
    check(status, "napi_create_reference").map(|()| raw)
}

/// How a [`JsHolder`] holds its object.
enum Held {
    /// Nothing (before `hold`, after `release`).
    Empty,
    /// One napi-rs `UnknownRef` per holder: napi-rs's own reference type (create, then
    /// unref + delete in `unref`), which cannot be cloned.
    NapiRs(Vec<UnknownRef>),
    /// One `napi_ref` whose count is the number of holders, ref'd and unref'd by hand.
    Counted { raw: napi_ref, holders: u32 },
    /// Seed 003's two-phase reference: one `napi_ref` shared by `Rc` clones.
    TwoPhase(Vec<SharedRef>),
    /// A `napi_ref` with count 0: it does not keep the object alive.
    Weak(napi_ref),
}

/// Rust holding one JS object through several holders; see the module docs.
#[napi]
pub struct JsHolder {
    env: napi_env,
    mode: String,
    held: Held,
}

#[napi]
impl JsHolder {
    /// A holder; `mode` is `"napi-rs"`, `"counted"`, `"two-phase"` or `"weak"`.
    #[napi(catch_unwind, constructor)]
    pub fn new(env: Env, mode: String) -> napi::Result<JsHolder> {
        if !["napi-rs", "counted", "two-phase", "weak"].contains(&mode.as_str()) {
            return Err(throw(&env, lifetime::unknown_mode(&mode, "use napi-rs, counted, two-phase or weak")));
        }
        Ok(JsHolder { env: env.raw(), mode, held: Held::Empty })
    }

    /// Keeps `value` (an object or function) through `holders` holders (at least 1).
    #[napi(catch_unwind)]
    pub fn hold(&mut self, env: Env, value: Unknown, holders: u32) -> napi::Result<()> {
        let holders = lifetime::check_hold(!matches!(self.held, Held::Empty), holders).map_err(|e| throw(&env, e))?;
        let raw = value.raw();
        // SAFETY: `raw` is a live value of this call's environment.
        self.held = unsafe {
            match self.mode.as_str() {
                "napi-rs" => {
                    let refs = (0..holders)
                        .map(|_| {
                            count(|c| c.create += 1);
                            value.create_ref()
                        })
                        .collect::<napi::Result<_>>()?;
                    Held::NapiRs(refs)
                }
                "counted" => {
                    let reference = create_reference(env.raw(), raw, 1)?;
                    for _ in 1..holders {
                        let mut now = 0;
                        check(sys::napi_reference_ref(env.raw(), reference, &mut now), "napi_reference_ref")?;
                        count(|c| c.reference += 1);
                    }
                    Held::Counted { raw: reference, holders }
                }
                "two-phase" => {
                    let first = SharedRef::new(env.raw(), raw)?;
                    Held::TwoPhase((0..holders).map(|_| first.clone()).collect())
                }
                _ => Held::Weak(create_reference(env.raw(), raw, 0)?),
            }
        };
        Ok(())
    }

    /// The held object; throws when nothing is held or when a weak reference's object
    /// was collected.
    #[napi(catch_unwind)]
    pub fn get<'env>(&self, env: &'env Env) -> napi::Result<Unknown<'env>> {
        let raw = match &self.held {
            Held::Empty => return Err(plain(lifetime::holds_nothing())),
            Held::NapiRs(refs) => {
                count(|c| c.get += 1);
                return refs[0].get_value(env);
            }
            Held::TwoPhase(refs) => refs[0].value()?,
            Held::Counted { raw, .. } | Held::Weak(raw) => {
                let mut value = ptr::null_mut();
                // SAFETY: `raw` is a reference of this environment, not yet deleted.
                check(unsafe { sys::napi_get_reference_value(env.raw(), *raw, &mut value) }, "napi_get_reference_value")?;
                count(|c| c.get += 1);
                if value.is_null() {
                    return Err(napi::Error::from_reason(
                        "the object this JsHolder referred to was collected: a reference with count 0 does not keep it alive",
                    ));
                }
                value
            }
        };
        // SAFETY: `raw` was just read from a live reference in this call.
        unsafe { Unknown::from_napi_value(env.raw(), raw) }
    }

    /// Unrefs a counted reference down to 0 without deleting it: the object becomes
    /// collectable, and the reference stays (weak) until `release()`.
    #[napi(catch_unwind)]
    pub fn unref_only(&mut self) -> napi::Result<()> {
        let Held::Counted { raw, holders } = self.held else {
            return Err(napi::Error::from_reason("unrefOnly() needs a counted JsHolder that holds a value"));
        };
        for _ in 0..holders {
            let mut now = 0;
            // SAFETY: `raw` is a live reference of `self.env` with a count of at least 1.
            check(unsafe { sys::napi_reference_unref(self.env, raw, &mut now) }, "napi_reference_unref")?;
            count(|c| c.unref += 1);
        }
        self.held = Held::Weak(raw);
        Ok(())
    }

    /// Lets go of the object: every holder unref'd, the reference(s) deleted.
    #[napi(catch_unwind)]
    pub fn release(&mut self) -> napi::Result<()> {
        match std::mem::replace(&mut self.held, Held::Empty) {
            Held::Empty | Held::TwoPhase(_) => Ok(()),
            Held::NapiRs(refs) => {
                // SAFETY: the environment outlives this holder.
                let env = Env::from_raw(self.env);
                for reference in refs {
                    reference.unref(&env)?;
                    count(|c| {
                        c.unref += 1;
                        c.delete += 1;
                    });
                }
                Ok(())
            }
            Held::Counted { raw, holders } => {
                for _ in 0..holders {
                    let mut now = 0;
                    // SAFETY: `raw` is live, its count is `holders` minus the unrefs so far.
                    check(unsafe { sys::napi_reference_unref(self.env, raw, &mut now) }, "napi_reference_unref")?;
                    count(|c| c.unref += 1);
                }
                delete_reference(self.env, raw)
            }
            Held::Weak(raw) => delete_reference(self.env, raw),
        }
    }

    /// How many Rust-side holders there are now (0 when empty).
    #[napi(catch_unwind, getter)]
    pub fn holders(&self) -> u32 {
        match &self.held {
            Held::Empty => 0,
            Held::NapiRs(refs) => refs.len() as u32,
            Held::Counted { holders, .. } => *holders,
            Held::TwoPhase(refs) => refs.len() as u32,
            Held::Weak(_) => 0,
        }
    }
}

impl Drop for JsHolder {
    fn drop(&mut self) {
        // A holder collected while holding lets go too; errors cannot surface in a finalizer.
        let _ = self.release();
    }
}

/// `napi_delete_reference`, counted.
fn delete_reference(env: napi_env, raw: napi_ref) -> napi::Result<()> {
    // SAFETY: `raw` belongs to `env` and is deleted exactly once, by its owner.
    let status = unsafe { sys::napi_delete_reference(env, raw) };
    count(|c| c.delete += 1);
    check(status, "napi_delete_reference")
}

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
