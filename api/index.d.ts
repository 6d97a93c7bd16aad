// @bindlab/api: what it adds to a binding is declared in front.d.ts.

/** Adds the memwatch drop-in and the snapshot functions to a binding's exports, in place. */
export declare function install<T extends object>(binding: T): T & typeof import('./front')
