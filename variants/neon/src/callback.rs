//! Probes that call back into JavaScript through a neon `JsFunction`.

use bindlab_core::lab::probe;
use neon::prelude::*;

/// Returns `f()`: one native → JS call.
fn call_once(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let f = cx.argument::<JsFunction>(0)?;
    f.call_with(&cx).apply(&mut cx)
}

/// The sum of `f(i)` for `i` in `0..n`: `n` native → JS calls inside one JS → native call.
fn call_many(mut cx: FunctionContext) -> JsResult<JsNumber> {
    let f = cx.argument::<JsFunction>(0)?;
    let n = cx.argument::<JsNumber>(1)?.value(&mut cx) as u32;
    let total = probe::call_many(n, |i| {
        let arg = cx.number(i);
        let result: Handle<JsNumber> = f.call_with(&cx).arg(arg).apply(&mut cx)?;
        Ok(result.value(&mut cx))
    })?;
    Ok(cx.number(total))
}

/// Registers this file's exports.
pub fn export(cx: &mut ModuleContext) -> NeonResult<()> {
    cx.export_function("callOnce", call_once)?;
    cx.export_function("callMany", call_many)?;
    Ok(())
}
