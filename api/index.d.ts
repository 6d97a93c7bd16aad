// @bindlab/api: the JavaScript front both binding packages share. What it adds to a
// package is declared in front.d.ts, which each package's index.d.ts re-exports.

/** The front's functions for one binding's exports; `published()` returns the package's exports. */
export declare function front(binding: object, published: () => object): typeof import('./front')
