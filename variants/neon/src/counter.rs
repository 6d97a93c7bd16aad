//! The counter behind the loader's `Counter` class: a `JsBox` holding the core's counter
//! in a `RefCell` (neon's pattern for mutable native state), freed when the box is collected.

use bindlab_core::lab::probe;
use neon::prelude::*;
use std::cell::RefCell;

/// The core's counter, owned by a `JsBox` (neon needs its own type to implement `Finalize`).
struct NativeCounter(probe::Counter);

/// Nothing to release beyond the memory, which the box frees.
impl Finalize for NativeCounter {}

/// The boxed state of one counter.
type BoxedCounter = JsBox<RefCell<NativeCounter>>;

/// A new counter starting at `start`, boxed.
fn counter_new(mut cx: FunctionContext) -> JsResult<BoxedCounter> {
    let start = cx.argument::<JsNumber>(0)?.value(&mut cx);
    Ok(cx.boxed(RefCell::new(NativeCounter(probe::Counter::new(start)))))
}

/// Adds one to the boxed counter and returns the new value.
fn counter_increment(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let counter = cx.argument::<BoxedCounter>(0)?;
    let value = counter.borrow_mut().0.increment();
    Ok(cx.number(value))
}

/// The boxed counter's current value.
fn counter_value(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let counter = cx.argument::<BoxedCounter>(0)?;
    let value = counter.borrow().0.value();
    Ok(cx.number(value))
}

/// Registers this file's exports.
pub fn export(cx: &mut ModuleContext) -> NeonResult<()> {
    cx.export_function("counterNew", counter_new)?;
    cx.export_function("counterIncrement", counter_increment)?;
    cx.export_function("counterValue", counter_value)?;
    Ok(())
}
