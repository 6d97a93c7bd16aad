// @bindlab/napi's types: what napi-rs generates for the binding, plus the shared front.
export * from './binding';
export * from '@bindlab/api/front';
