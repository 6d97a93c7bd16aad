//! Rust memory a handle holds, announced to V8 (`napi_adjust_external_memory`) so that its
//! GC heuristics see it, and withdrawn when the handle is freed or collected.

use napi::bindgen_prelude::Env;

/// Rust-owned memory announced to V8; the announcement is withdrawn when dropped via
/// [`External::release`].
#[derive(Default)]
pub(super) struct External {
    reported: i64,
}

impl External {
    /// Announces `bytes` to V8 when `report` is set.
    pub(super) fn report(env: &Env, bytes: usize, report: bool) -> napi::Result<External> {
        let reported = if report { i64::try_from(bytes).unwrap_or(i64::MAX) } else { 0 };
        if reported > 0 {
            env.adjust_external_memory(reported)?;
        }
        Ok(External { reported })
    }

    /// Withdraws what was announced.
    pub(super) fn release(&mut self, env: &Env) -> napi::Result<()> {
        let bytes = std::mem::take(&mut self.reported);
        if bytes > 0 {
            env.adjust_external_memory(-bytes)?;
        }
        Ok(())
    }
}
