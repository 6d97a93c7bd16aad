//! Object-lifetime instrumentation: a value whose creation and drop are counted, so that
//! a binding can tell JavaScript exactly when Rust memory owned by a JS wrapper was
//! released (a napi-rs finalizer, wasm-bindgen's FinalizationRegistry or an explicit
//! `free()`), and how many bytes are still held.

use super::probe::check_made_for;
use crate::error::{CallError, CallErrorKind};
use serde::Serialize;
use std::sync::atomic::{AtomicU64, Ordering};

static CREATED: AtomicU64 = AtomicU64::new(0);
static DROPPED: AtomicU64 = AtomicU64::new(0);
static LIVE_BYTES: AtomicU64 = AtomicU64::new(0);

/// How many [`Tracked`] values were created and dropped so far in this process (or wasm
/// instance), and the payload bytes the live ones hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    /// Values created.
    pub created: u64,
    /// Values dropped.
    pub dropped: u64,
    /// Values alive now (`created - dropped`).
    pub live: u64,
    /// Payload bytes the live values hold.
    pub live_bytes: u64,
}

/// The counters as they are now.
pub fn tally() -> Tally {
    let created = CREATED.load(Ordering::Relaxed);
    let dropped = DROPPED.load(Ordering::Relaxed);
    Tally { created, dropped, live: created.saturating_sub(dropped), live_bytes: LIVE_BYTES.load(Ordering::Relaxed) }
}

/// A Rust value owned by a JS wrapper: `bytes` of payload, counted on creation and drop.
#[derive(Debug)]
pub struct Tracked {
    payload: Vec<u8>,
}

impl Tracked {
    /// A value holding `bytes` of payload (touched, so that it is resident memory).
    pub fn new(bytes: usize) -> Tracked {
        CREATED.fetch_add(1, Ordering::Relaxed);
        LIVE_BYTES.fetch_add(bytes as u64, Ordering::Relaxed);
        Tracked { payload: vec![1; bytes] }
    }

    /// The payload size in bytes.
    pub fn bytes(&self) -> usize {
        self.payload.len()
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        DROPPED.fetch_add(1, Ordering::Relaxed);
        LIVE_BYTES.fetch_sub(self.payload.len() as u64, Ordering::Relaxed);
    }
}

/// Whether the `index`-th (0-based) of a run of values is a sampling point when sampling
/// every `every` values: after each `every`-th one (never when `every` is 0).
pub fn is_sample_point(index: u32, every: u32) -> bool {
    every != 0 && (index + 1).is_multiple_of(every)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracked_values_are_counted_on_creation_and_drop() {
        let before = tally();
        let a = Tracked::new(100);
        let b = Tracked::new(28);
        assert_eq!(a.bytes() + b.bytes(), 128);
        let during = tally();
        assert!(during.created >= before.created + 2);
        drop(a);
        drop(b);
        let after = tally();
        assert!(after.dropped >= before.dropped + 2);
        assert_eq!(after.live, after.created - after.dropped);
    }

    #[test]
    fn holders_and_values_are_refused_past_their_limits_and_states() {
        assert_eq!(check_hold(false, 0), Ok(1));
        assert_eq!(check_hold(true, 1).unwrap_err().to_string(), "JsHolder.hold(value, holders): this JsHolder already holds a value: release() it first");
        assert_eq!(check_hold(false, MAX_HOLDERS + 1).unwrap_err().to_string(), format!("JsHolder.hold(value, holders): holders must be at most {MAX_HOLDERS}, got {}", MAX_HOLDERS + 1));
        assert_eq!(check_values(MAX_VALUES, MAX_SLOTS), Ok(()));
        assert!(check_values(0, MAX_SLOTS + 1).unwrap_err().to_string().starts_with("makeValues(count, slots, …): slots must be at most"));
        assert!(Tracked::checked(u32::MAX).is_err());
        assert_eq!(unknown_mode("x", "use a, b").to_string(), "new JsHolder(mode): unknown JsHolder mode \"x\": use a, b");
    }

    #[test]
    fn sample_points_fall_after_every_nth_value() {
        let points: Vec<u32> = (0..10).filter(|&i| is_sample_point(i, 4)).collect();
        assert_eq!(points, vec![3, 7]);
        assert!(!(0..10).any(|i| is_sample_point(i, 0)));
    }
}

/// The most values `makeValues` creates in one call, and the most slots each may have:
/// past them the JS engine runs out of memory, which aborts the process.
pub const MAX_VALUES: u32 = 10_000_000;
/// See [`MAX_VALUES`].
pub const MAX_SLOTS: u32 = 1 << 20;
/// The most holders one `JsHolder` keeps: each is a Node-API reference or a wasm heap slot.
pub const MAX_HOLDERS: u32 = 1_000_000;

/// `makeValues(count, slots, …)`: checks `count` against [`MAX_VALUES`] and `slots`
/// against [`MAX_SLOTS`].
pub fn check_values(count: u32, slots: u32) -> Result<(), CallError> {
    const CALL: &str = "makeValues(count, slots, …)";
    CallError::check_limit(CALL, "count", count.into(), MAX_VALUES.into())?;
    CallError::check_limit(CALL, "slots", slots.into(), MAX_SLOTS.into())?;
    Ok(())
}

/// The call `JsHolder.hold` as its errors write it.
const HOLD: &str = "JsHolder.hold(value, holders)";

/// `JsHolder.hold(value, holders)`: refuses a holder that already holds a value (`holding`)
/// and `holders` above [`MAX_HOLDERS`]; gives how many holders to keep (at least 1).
pub fn check_hold(holding: bool, holders: u32) -> Result<u32, CallError> {
    if holding {
        return Err(CallError::new(HOLD, CallErrorKind::AlreadyHolds));
    }
    Ok(CallError::check_limit(HOLD, "holders", holders.into(), MAX_HOLDERS.into())?.max(1) as u32)
}

/// The refusal of `JsHolder.get()` on a holder that holds nothing.
pub fn holds_nothing() -> CallError {
    CallError::new("JsHolder.get()", CallErrorKind::HoldsNothing)
}

/// The refusal of `new JsHolder(mode)` for a `mode` the binding lacks; `known` lists its modes.
pub fn unknown_mode(mode: &str, known: &'static str) -> CallError {
    CallError::new("new JsHolder(mode)", CallErrorKind::Unknown { what: "JsHolder mode", value: format!("{mode:?}"), known })
}

impl Tracked {
    /// `new Tracked(bytes)`: a value of `bytes`, refused above [`MAX_MADE_BYTES`](super::probe::MAX_MADE_BYTES).
    pub fn checked(bytes: u32) -> Result<Tracked, CallError> {
        Ok(Tracked::new(check_made_for("new Tracked(bytes)", "bytes", bytes, 1)?))
    }
}
