//! `JsHolder`: Rust holding one JS object through N holders, in four ways (napi-rs
//! `UnknownRef`s, one hand-counted `napi_ref`, the two-phase `SharedRef`, a weak `napi_ref`),
//! every Node-API reference call counted in `referenceCounters()`, for the lifetime lab
//! and the seed-003 reproductions.
//! Every `#[napi]` function here has `catch_unwind`: a Rust panic becomes a thrown JS
//! `Error` instead of aborting Node (an unwind cannot cross the `extern "C"` callback).

use crate::convert::check;
use crate::error::{plain, throw};
use crate::reference::{count, SharedRef};
use bindlab_core::lab::lifetime;
use napi::bindgen_prelude::{Env, FromNapiValue, JsValue, Unknown};
use napi::UnknownRef;
use napi::sys::{self, napi_env, napi_ref, napi_value};
use napi_derive::napi;
use std::ptr;

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

/// The modes a [`JsHolder`] can hold in, as `new JsHolder(mode)` names them.
const MODES: [&str; 4] = ["napi-rs", "counted", "two-phase", "weak"];

impl Held {
    /// Holds `value` through `holders` holders (at least 1) the way `mode` (one of [`MODES`]) says.
    fn hold(env: &Env, mode: &str, value: Unknown, holders: u32) -> napi::Result<Held> {
        let raw = value.raw();
        // SAFETY: `raw` is a live value of this call's environment.
        unsafe {
            Ok(match mode {
                "napi-rs" => Held::NapiRs((0..holders).map(|_| {
                    count(|c| c.create += 1);
                    value.create_ref()
                }).collect::<napi::Result<_>>()?),
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
            })
        }
    }

    /// The held object; an error when nothing is held or a weak reference's object was collected.
    fn get<'env>(&self, env: &'env Env) -> napi::Result<Unknown<'env>> {
        let raw = match self {
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

    /// Lets go: every holder unref'd, the reference(s) deleted.
    fn release(self, env: napi_env) -> napi::Result<()> {
        match self {
            Held::Empty | Held::TwoPhase(_) => Ok(()),
            Held::NapiRs(refs) => {
                // SAFETY: the environment outlives this holder.
                let env = Env::from_raw(env);
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
                unref(env, raw, holders)?;
                delete_reference(env, raw)
            }
            Held::Weak(raw) => delete_reference(env, raw),
        }
    }

    /// How many Rust-side holders there are (0 when empty or weak).
    fn holders(&self) -> u32 {
        match self {
            Held::Empty | Held::Weak(_) => 0,
            Held::NapiRs(refs) => refs.len() as u32,
            Held::Counted { holders, .. } => *holders,
            Held::TwoPhase(refs) => refs.len() as u32,
        }
    }
}

/// `napi_reference_unref` `times` times on `raw`, counted.
fn unref(env: napi_env, raw: napi_ref, times: u32) -> napi::Result<()> {
    for _ in 0..times {
        let mut now = 0;
        // SAFETY: `raw` is a live reference of `env` whose count is at least `times`.
        check(unsafe { sys::napi_reference_unref(env, raw, &mut now) }, "napi_reference_unref")?;
        count(|c| c.unref += 1);
    }
    Ok(())
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
        if !MODES.contains(&mode.as_str()) {
            return Err(throw(&env, lifetime::unknown_mode(&mode, "use napi-rs, counted, two-phase or weak")));
        }
        Ok(JsHolder { env: env.raw(), mode, held: Held::Empty })
    }

    /// Keeps `value` (an object or function) through `holders` holders (at least 1).
    #[napi(catch_unwind)]
    pub fn hold(&mut self, env: Env, value: Unknown, holders: u32) -> napi::Result<()> {
        let holders = lifetime::check_hold(!matches!(self.held, Held::Empty), holders).map_err(|e| throw(&env, e))?;
        self.held = Held::hold(&env, &self.mode, value, holders)?;
        Ok(())
    }

    /// The held object; throws when nothing is held or when a weak reference's object
    /// was collected.
    #[napi(catch_unwind)]
    pub fn get<'env>(&self, env: &'env Env) -> napi::Result<Unknown<'env>> {
        self.held.get(env)
    }

    /// Unrefs a counted reference down to 0 without deleting it: the object becomes
    /// collectable, and the reference stays (weak) until `release()`.
    #[napi(catch_unwind)]
    pub fn unref_only(&mut self) -> napi::Result<()> {
        let Held::Counted { raw, holders } = self.held else {
            return Err(napi::Error::from_reason("unrefOnly() needs a counted JsHolder that holds a value"));
        };
        unref(self.env, raw, holders)?;
        self.held = Held::Weak(raw);
        Ok(())
    }

    /// Lets go of the object: every holder unref'd, the reference(s) deleted.
    #[napi(catch_unwind)]
    pub fn release(&mut self) -> napi::Result<()> {
        std::mem::replace(&mut self.held, Held::Empty).release(self.env)
    }

    /// How many Rust-side holders there are now (0 when empty).
    #[napi(catch_unwind, getter)]
    pub fn holders(&self) -> u32 {
        self.held.holders()
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
