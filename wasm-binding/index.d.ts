// @bindlab/wasm's types: what wasm-bindgen generates for the glue, plus the shared front.
export * from './pkg/bindlab_wasm';
export * from '@bindlab/api/front';
