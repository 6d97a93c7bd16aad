//! The `Counter` class, defined by hand with `Env::define_class`: the constructor wraps
//! the core's counter in the new object (`napi_wrap`), and each method unwraps it.

use bindlab_core::lab::probe;
use napi::{CallContext, Env, JsObject, Property, Result};
use napi_derive::js_function;

/// `new Counter(start)`: wraps a counter starting at `start` in `this`.
#[js_function(1)]
fn constructor(ctx: CallContext) -> Result<()> {
    let mut this = ctx.this::<JsObject>()?;
    let start = ctx.get::<f64>(0)?;
    ctx.env.wrap(&mut this, probe::Counter::new(start), None)
}

/// The counter wrapped in `this` (an error when `this` holds none).
#[allow(clippy::mut_from_ref)]
fn counter_of<'a>(ctx: &'a CallContext) -> Result<&'a mut probe::Counter> {
    let this = ctx.this::<JsObject>()?;
    ctx.env.unwrap::<probe::Counter>(&this)
}

/// `counter.increment()`: adds one and returns the new value.
#[js_function(0)]
fn increment(ctx: CallContext) -> Result<f64> {
    Ok(counter_of(&ctx)?.increment())
}

/// `counter.value`: the current value.
#[js_function(0)]
fn value(ctx: CallContext) -> Result<f64> {
    Ok(counter_of(&ctx)?.value())
}

/// Defines the class and registers it.
pub fn export(exports: &mut JsObject, env: &Env) -> Result<()> {
    let properties = [
        Property::new().with_utf8_name("increment")?.with_method(increment),
        Property::new().with_utf8_name("value")?.with_getter(value),
    ];
    let class = env.define_class::<()>("Counter", constructor, &properties)?;
    exports.set_named_property("Counter", class)
}
