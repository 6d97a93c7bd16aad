//! Node-API addons leave their `napi_*` symbols to the loading process: napi-build
//! passes the linker flags that allow it.
fn main() {
    napi_build::setup();
}
