//! The product: what `@bindlab/wasm` exports at the top level, through the JS front.

mod analysis;
mod memwatch;
mod snapshot;
