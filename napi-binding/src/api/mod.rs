//! The product: what `@bindlab/napi` exports at the top level, through the JS front.

mod analysis;
mod external;
mod memwatch;
mod snapshot;
