export * from './pkg/bindlab_wasm';
